"""pymodbus side of modbus-bench: sequential reads of the benchmark ranges for a fixed time.

Usage: bench_client.py PORT SECONDS
Prints one line of JSON: {"reads": N, "seconds": S}.
"""

import json
import sys
import time

from pymodbus.client import ModbusTcpClient

UNIT = 1


def connect(port: int, deadline: float) -> ModbusTcpClient:
    while True:
        client = ModbusTcpClient("127.0.0.1", port=port, timeout=2, retries=0)
        if client.connect():
            return client
        if time.monotonic() > deadline:
            sys.exit(f"could not connect to 127.0.0.1:{port}")
        time.sleep(0.05)


def main() -> None:
    port, seconds = int(sys.argv[1]), float(sys.argv[2])
    client = connect(port, time.monotonic() + 10)
    ranges = (
        lambda: client.read_holding_registers(0, count=100, device_id=UNIT),
        lambda: client.read_input_registers(0, count=100, device_id=UNIT),
        lambda: client.read_coils(0, count=200, device_id=UNIT),
    )
    reads = 0
    start = time.monotonic()
    end = start + seconds
    while time.monotonic() < end:
        response = ranges[reads % len(ranges)]()
        if response.isError():
            sys.exit(f"read failed: {response}")
        reads += 1
    elapsed = time.monotonic() - start
    client.close()
    print(json.dumps({"reads": reads, "seconds": elapsed}))


if __name__ == "__main__":
    main()
