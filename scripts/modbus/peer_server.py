"""Modbus TCP peer for the MS5Modbus tests: a pymodbus 3.16 simulator seeded with known values.

Usage: peer_server.py PORT

Listens on 127.0.0.1:PORT only. Unit id 1. Layout (same in holding and input
registers, except register 0):

  register 0        uint16 4660 (0x1234) in holding, 17185 (0x4321) in input
  register 1        int16  -1234, big-endian bytes
  register 2        int16  -1234, little-endian bytes
  registers 10..17  int32  -123456789   as ABCD, CDAB, BADC, DCBA (2 registers each)
  registers 20..27  uint32 3000000000   as ABCD, CDAB, BADC, DCBA
  registers 30..37  float32 123.456     as ABCD, CDAB, BADC, DCBA
  registers 40..55  float64 -9876.54321 as ABCD, CDAB, BADC, DCBA (4 registers each)
  registers 100..199 zero, free for write tests
  registers 200 and above: not defined, reading them gives exception 2

Coils 0..63: on when the address is a multiple of 3. Discrete inputs 0..63: on
when the address is odd. Bit addresses 64 and above are not defined.
"""

import asyncio
import struct
import sys

from pymodbus.server import StartAsyncTcpServer
from pymodbus.simulator import DataType, SimData, SimDevice

ORDERS = ("ABCD", "CDAB", "BADC", "DCBA")
REGISTER_SPACE = 200
BIT_SPACE = 64


def to_registers(fmt: str, value, order: str) -> list[int]:
    """Pack a value big-endian, then rearrange its words and bytes for the given order."""
    raw = struct.pack(">" + fmt, value)
    words = [raw[i : i + 2] for i in range(0, len(raw), 2)]
    if order in ("CDAB", "DCBA"):
        words.reverse()
    if order in ("BADC", "DCBA"):
        words = [w[::-1] for w in words]
    return [int.from_bytes(w, "big") for w in words]


def register_table(first: int) -> list[int]:
    regs = [0] * REGISTER_SPACE
    regs[0] = first
    regs[1] = to_registers("h", -1234, "ABCD")[0]
    regs[2] = to_registers("h", -1234, "BADC")[0]
    for base, fmt, value in (
        (10, "i", -123456789),
        (20, "I", 3000000000),
        (30, "f", 123.456),
        (40, "d", -9876.54321),
    ):
        width = struct.calcsize(fmt) // 2
        for index, order in enumerate(ORDERS):
            start = base + index * width
            regs[start : start + width] = to_registers(fmt, value, order)
    return regs


def device() -> SimDevice:
    coils = [i % 3 == 0 for i in range(BIT_SPACE)]
    discrete = [i % 2 == 1 for i in range(BIT_SPACE)]
    return SimDevice(
        id=1,
        simdata=(
            [SimData(address=0, values=coils, datatype=DataType.BITS)],
            [SimData(address=0, values=discrete, datatype=DataType.BITS)],
            [SimData(address=0, values=register_table(0x1234), datatype=DataType.REGISTERS)],
            [SimData(address=0, values=register_table(0x4321), datatype=DataType.REGISTERS)],
        ),
    )


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: peer_server.py PORT")
    port = int(sys.argv[1])
    asyncio.run(StartAsyncTcpServer(context=device(), address=("127.0.0.1", port)))


if __name__ == "__main__":
    main()
