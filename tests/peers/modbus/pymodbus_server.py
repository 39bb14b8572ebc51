#!/usr/bin/python3
"""Modbus TCP server on 127.0.0.1 for EdgeAgent.Modbus integration tests (Debian python3-pymodbus 3.0.x).

The pymodbus.server CLI of that package is broken, so this launcher builds the server through the
library API. "--framer rtu" serves RTU frames (CRC-16) over TCP instead of Modbus TCP.
It prints "READY <port>" on stdout once the socket listens; the test fixture waits for that line
and kills the process by PID when done.

Data (zero-based addresses, zero_mode=True so wire address == block offset):
  coils              0..15    pattern: address % 3 == 0
  discrete inputs    0..15    pattern: address % 2 == 1
  holding registers  0..99    value = 1000 + address; a sparse second window 200..209 = 2000 + offset
  input registers    0..49    value = 0xA000 + address
Every other address answers exception 02 (illegal data address).
"""
import argparse
import asyncio
import sys

from pymodbus.datastore import (
    ModbusServerContext,
    ModbusSlaveContext,
    ModbusSparseDataBlock,
)
from pymodbus.server import StartAsyncTcpServer
from pymodbus.transaction import ModbusRtuFramer, ModbusSocketFramer


def build_context():
    coils = ModbusSparseDataBlock({0: [a % 3 == 0 for a in range(16)]})
    discretes = ModbusSparseDataBlock({0: [a % 2 == 1 for a in range(16)]})
    holding = ModbusSparseDataBlock(
        {0: [1000 + a for a in range(100)], 200: [2000 + a for a in range(10)]}
    )
    inputs = ModbusSparseDataBlock({0: [0xA000 + a for a in range(50)]})
    slave = ModbusSlaveContext(di=discretes, co=coils, hr=holding, ir=inputs, zero_mode=True)
    return ModbusServerContext(slaves=slave, single=True)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument(
        "--framer", choices=["socket", "rtu"], default="socket",
        help="socket = Modbus TCP (MBAP); rtu = RTU frames with CRC over TCP",
    )
    args = parser.parse_args()

    server = await StartAsyncTcpServer(
        context=build_context(),
        address=("127.0.0.1", args.port),
        defer_start=True,
        allow_reuse_address=True,
        framer=ModbusRtuFramer if args.framer == "rtu" else ModbusSocketFramer,
    )
    task = asyncio.create_task(server.serve_forever())
    await server.serving
    print(f"READY {args.port}", flush=True)
    await task


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
