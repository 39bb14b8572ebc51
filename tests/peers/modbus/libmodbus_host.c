/*
 * Modbus TCP server around libmodbus (Debian libmodbus-dev) for EdgeAgent.Modbus integration tests.
 *
 * Usage: libmodbus_host PORT LOGFILE
 * Listens on 127.0.0.1:PORT, serves any number of connections with a select() loop, and appends one line
 * per request it receives to LOGFILE, flushed at once, so a test can prove which requests a client sent:
 *   "FC <function code> <start address> <count> <OK|EXC>"   (EXC = outside the mapping: answered with an exception)
 * and "ACCEPT" per accepted connection. Prints "READY <port>" on stdout once listening.
 *
 * Mapping (modbus_mapping_new_start_address, so everything outside a window is illegal data address):
 *   coils             100..115  value = (address - 100) % 2 == 0
 *   discrete inputs   100..115  value = (address - 100) % 4 == 0
 *   holding registers 100..149  value = 3000 + (address - 100)
 *   input registers   100..149  value = 4000 + (address - 100)
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <modbus.h>

#define START 100
#define BITS 16
#define REGISTERS 50

/* Whether a read falls inside the mapping (else libmodbus answers illegal data address); other function codes: no. */
static int in_window(const modbus_mapping_t *map, int function, int address, int count)
{
    int start, nb;
    switch (function) {
    case 1: start = map->start_bits; nb = map->nb_bits; break;
    case 2: start = map->start_input_bits; nb = map->nb_input_bits; break;
    case 3: start = map->start_registers; nb = map->nb_registers; break;
    case 4: start = map->start_input_registers; nb = map->nb_input_registers; break;
    default: return 0;
    }
    return count >= 1 && address >= start && address + count <= start + nb;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s PORT LOGFILE\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    FILE *log = fopen(argv[2], "a");
    if (log == NULL) {
        perror("fopen log");
        return 2;
    }
    /* A client that disconnects mid-reply must not kill the host. */
    signal(SIGPIPE, SIG_IGN);

    modbus_t *ctx = modbus_new_tcp("127.0.0.1", port);
    modbus_mapping_t *map = modbus_mapping_new_start_address(
        START, BITS, START, BITS, START, REGISTERS, START, REGISTERS);
    if (ctx == NULL || map == NULL) {
        fprintf(stderr, "libmodbus init failed: %s\n", modbus_strerror(errno));
        return 1;
    }
    for (int i = 0; i < BITS; i++) {
        map->tab_bits[i] = (i % 2 == 0) ? 1 : 0;
        map->tab_input_bits[i] = (i % 4 == 0) ? 1 : 0;
    }
    for (int i = 0; i < REGISTERS; i++) {
        map->tab_registers[i] = (uint16_t)(3000 + i);
        map->tab_input_registers[i] = (uint16_t)(4000 + i);
    }

    int server = modbus_tcp_listen(ctx, 16);
    if (server == -1) {
        fprintf(stderr, "listen failed: %s\n", modbus_strerror(errno));
        return 1;
    }
    printf("READY %d\n", port);
    fflush(stdout);

    fd_set all;
    FD_ZERO(&all);
    FD_SET(server, &all);
    int max_fd = server;
    uint8_t query[MODBUS_TCP_MAX_ADU_LENGTH];
    int header = modbus_get_header_length(ctx);

    for (;;) {
        fd_set ready = all;
        if (select(max_fd + 1, &ready, NULL, NULL, NULL) == -1) {
            if (errno == EINTR) {
                continue;
            }
            perror("select");
            return 1;
        }
        for (int fd = 0; fd <= max_fd; fd++) {
            if (!FD_ISSET(fd, &ready)) {
                continue;
            }
            if (fd == server) {
                int client = modbus_tcp_accept(ctx, &server);
                if (client != -1) {
                    fprintf(log, "ACCEPT\n");
                    fflush(log);
                    FD_SET(client, &all);
                    if (client > max_fd) {
                        max_fd = client;
                    }
                }
                continue;
            }
            modbus_set_socket(ctx, fd);
            int rc = modbus_receive(ctx, query);
            if (rc > 0) {
                int function = query[header];
                int address = (query[header + 1] << 8) | query[header + 2];
                int count = (query[header + 3] << 8) | query[header + 4];
                /* Logged before the reply, so the line is there by the time the client has its answer. */
                fprintf(log, "FC %d %d %d %s\n", function, address, count, in_window(map, function, address, count) ? "OK" : "EXC");
                fflush(log);
                modbus_reply(ctx, query, rc, map);
            } else if (rc == -1) {
                /* Closed by the client or a broken frame: drop this connection only. */
                close(fd);
                FD_CLR(fd, &all);
            }
        }
    }
}
