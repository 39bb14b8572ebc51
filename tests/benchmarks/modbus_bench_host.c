/*
 * Many Modbus TCP devices in one process, around libmodbus (Debian libmodbus-dev), for the ingest benchmark.
 *
 * Usage: modbus_bench_host DEVICES REGISTERS [--static]
 * Opens DEVICES listening sockets on 127.0.0.1 (ports chosen by the kernel), one simulated device each, and serves
 * every connection with one poll() loop. Each device maps holding registers 0..REGISTERS-1 (anything else is an
 * illegal data address). Prints "READY p1,p2,...,pN" on stdout once listening.
 *
 * Values: register r of device d starts at (7 d + r) mod 65536. Unless --static is given, every read of holding
 * registers first adds 1 to the registers it covers, so every poll sees new values and a deadband filter stores
 * every sample. With --static the values never change (the recorder then stores only first samples and heartbeats).
 *
 * On SIGTERM or SIGINT it prints "SERVED <requests> requests <registers> registers" on stderr and exits 0, so the
 * benchmark can compare what the agent counted with what the devices saw.
 *
 * Why not tests/peers/modbus/libmodbus_host.c: that host serves one port with a fixed 50-register window and logs
 * (and flushes) every request to a file, which suits protocol tests but not 100 devices x 1000 registers.
 */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <modbus.h>

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
    (void)sig;
    stop = 1;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "--static") != 0)) {
        fprintf(stderr, "usage: %s DEVICES REGISTERS [--static]\n", argv[0]);
        return 2;
    }
    int devices = atoi(argv[1]);
    int registers = atoi(argv[2]);
    int changing = argc != 4;
    if (devices < 1 || devices > 4000 || registers < 1 || registers > 65536) {
        fprintf(stderr, "DEVICES must be 1..4000 and REGISTERS 1..65536\n");
        return 2;
    }

    signal(SIGPIPE, SIG_IGN);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    modbus_t **ctx = calloc((size_t)devices, sizeof *ctx);
    modbus_mapping_t **map = calloc((size_t)devices, sizeof *map);
    /* Every fd is either a listener or a connection; both remember their device. */
    size_t max_fds = (size_t)devices * 4 + 64;
    struct pollfd *fds = calloc(max_fds, sizeof *fds);
    int *device_of = calloc(max_fds, sizeof *device_of);
    int *is_listener = calloc(max_fds, sizeof *is_listener);
    if (ctx == NULL || map == NULL || fds == NULL || device_of == NULL || is_listener == NULL) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }

    size_t nfds = 0;
    for (int d = 0; d < devices; d++) {
        ctx[d] = modbus_new_tcp("127.0.0.1", 0);
        map[d] = modbus_mapping_new_start_address(0, 0, 0, 0, 0, (unsigned)registers, 0, 0);
        if (ctx[d] == NULL || map[d] == NULL) {
            fprintf(stderr, "libmodbus init failed: %s\n", modbus_strerror(errno));
            return 1;
        }
        for (int r = 0; r < registers; r++) {
            map[d]->tab_registers[r] = (uint16_t)(7 * d + r);
        }
        int listener = modbus_tcp_listen(ctx[d], 16);
        if (listener == -1) {
            fprintf(stderr, "listen failed: %s\n", modbus_strerror(errno));
            return 1;
        }
        fds[nfds].fd = listener;
        fds[nfds].events = POLLIN;
        device_of[nfds] = d;
        is_listener[nfds] = 1;
        nfds++;
    }

    printf("READY ");
    for (size_t i = 0; i < nfds; i++) {
        struct sockaddr_in addr;
        socklen_t len = sizeof addr;
        if (getsockname(fds[i].fd, (struct sockaddr *)&addr, &len) == -1) {
            perror("getsockname");
            return 1;
        }
        printf(i == 0 ? "%d" : ",%d", ntohs(addr.sin_port));
    }
    printf("\n");
    fflush(stdout);

    uint8_t query[MODBUS_TCP_MAX_ADU_LENGTH];
    int header = modbus_get_header_length(ctx[0]);
    unsigned long long requests = 0;
    unsigned long long served_registers = 0;

    while (!stop) {
        int ready = poll(fds, nfds, 500);
        if (ready == -1) {
            if (errno == EINTR) {
                continue;
            }
            perror("poll");
            return 1;
        }
        size_t count = nfds; /* connections accepted in this round are polled from the next round on */
        for (size_t i = 0; i < count && ready > 0; i++) {
            if (fds[i].revents == 0) {
                continue;
            }
            ready--;
            int d = device_of[i];
            if (is_listener[i]) {
                int listener = fds[i].fd;
                int client = modbus_tcp_accept(ctx[d], &listener);
                if (client != -1) {
                    if (nfds == max_fds) {
                        close(client);
                        continue;
                    }
                    fds[nfds].fd = client;
                    fds[nfds].events = POLLIN;
                    fds[nfds].revents = 0;
                    device_of[nfds] = d;
                    is_listener[nfds] = 0;
                    nfds++;
                }
                continue;
            }
            modbus_set_socket(ctx[d], fds[i].fd);
            int rc = modbus_receive(ctx[d], query);
            if (rc > 0) {
                int function = query[header];
                if (function == 3) {
                    int start = (query[header + 1] << 8) | query[header + 2];
                    int n = (query[header + 3] << 8) | query[header + 4];
                    if (start + n <= registers && n <= MODBUS_MAX_READ_REGISTERS) {
                        served_registers += (unsigned long long)n;
                        if (changing) {
                            for (int r = start; r < start + n; r++) {
                                map[d]->tab_registers[r]++;
                            }
                        }
                    }
                }
                requests++;
                modbus_reply(ctx[d], query, rc, map[d]);
            } else if (rc == -1) {
                /* Closed by the client or a broken frame: drop this connection only (swap in the last entry). */
                close(fds[i].fd);
                nfds--;
                fds[i] = fds[nfds];
                device_of[i] = device_of[nfds];
                is_listener[i] = is_listener[nfds];
                if (nfds < count) {
                    /* The moved entry was polled in this round: look at it next. */
                    count--;
                    i--;
                }
            }
        }
    }

    fprintf(stderr, "SERVED %llu requests %llu registers\n", requests, served_registers);
    for (int d = 0; d < devices; d++) {
        modbus_mapping_free(map[d]);
        modbus_free(ctx[d]);
    }
    return 0;
}
