"""Benchmarks pycomm3 multi-tag reads against an EtherNet/IP server; prints JSON.

usage: bench_pycomm3.py PORT SECONDS TAG_COUNT   (tags are Tag0..TagN-1, DINT for even N, REAL for odd)
"""
import json
import resource
import sys
import time


def main():
    from pycomm3 import LogixDriver
    from pycomm3.cip.data_types import DataTypes
    port, seconds, count = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    names = [f"Tag{i}" for i in range(count)]
    plc = LogixDriver(f"127.0.0.1:{port}", init_tags=False, init_program_tags=False)
    with plc:
        plc._tags = {
            name: {"tag_name": name, "dim": 0, "dimensions": [0, 0, 0], "alias": False, "instance_id": 0,
                   "external_access": "Read/Write", "tag_type": "atomic",
                   "data_type": "DINT" if i % 2 == 0 else "REAL", "data_type_name": "DINT" if i % 2 == 0 else "REAL",
                   "type_class": DataTypes.get("DINT" if i % 2 == 0 else "REAL")}
            for i, name in enumerate(names)
        }
        plc.read(*names)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu_start = usage.ru_utime + usage.ru_stime
        rtts, errors = [], 0
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            t0 = time.perf_counter()
            results = plc.read(*names)
            rtts.append(time.perf_counter() - t0)
            errors += sum(1 for r in results if r.error)
        elapsed = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu = usage.ru_utime + usage.ru_stime - cpu_start
    print(json.dumps({"reads": len(rtts), "tags": len(rtts) * count, "seconds": elapsed, "cpu": cpu, "errors": errors, "rtts": rtts}))


if __name__ == "__main__":
    main()
