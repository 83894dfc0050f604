"""Reads and writes tags of an EtherNet/IP server with pycomm3 or pylogix and prints JSON results.

usage: peer_check.py (pycomm3|pylogix) PORT WRITES_JSON READ_TAG...
WRITES_JSON maps tag -> value; the tags are written first, then READ_TAG... are read.
"""
import json
import sys

TYPES = {"Counter": "DINT", "Speed": "REAL", "Temp": "INT", "Running": "BOOL", "Big": "LINT", "Small": "SINT", "Arr": "REAL", "N7_0": "DINT"}


def pycomm3_tags():
    """Tag definitions for pycomm3 (the simulator is read with init_tags=False)."""
    from pycomm3.cip.data_types import DataTypes, Array
    tags = {}
    for name, type_name in TYPES.items():
        dims = {"Arr": 1000, "N7_0": 32}.get(name, 0)
        type_class = DataTypes.get(type_name)
        tags[name] = {
            "tag_name": name, "dim": 1 if dims else 0, "dimensions": [dims, 0, 0], "alias": False,
            "instance_id": 0, "external_access": "Read/Write", "tag_type": "atomic",
            "data_type": type_name, "data_type_name": type_name,
            "type_class": Array(length_=dims, element_type_=type_class) if dims else type_class,
        }
    return tags


def run_pycomm3(port, writes, reads):
    from pycomm3 import LogixDriver
    plc = LogixDriver(f"127.0.0.1:{port}", init_tags=False, init_program_tags=False)
    # pycomm3 sizes a plain Read Tag against the connection size without its reply overhead;
    # a standard Forward Open of 500 bytes makes it switch to Read Tag Fragmented for large reads.
    plc._cfg["extended forward open"] = False
    plc._cfg["connection_size"] = 500
    with plc:
        plc._tags = pycomm3_tags()
        if writes:
            results = plc.write(*writes.items())
            results = results if isinstance(results, list) else [results]
            for result in results:
                if result.error:
                    raise SystemExit(f"pycomm3 write {result.tag}: {result.error}")
        results = plc.read(*reads)
        results = results if isinstance(results, list) else [results]
        return {tag: (None if r.error else r.value) for tag, r in zip(reads, results)}


def run_pylogix(port, writes, reads):
    from pylogix import PLC
    with PLC("127.0.0.1", port=port) as plc:
        for tag, value in writes.items():
            response = plc.Write(tag, value)
            if response.Status != "Success":
                raise SystemExit(f"pylogix write {tag}: {response.Status}")
        out = {}
        for tag in reads:
            if "{" in tag:
                name, count = tag[:-1].split("{")
                response = plc.Read(name, int(count))
            else:
                response = plc.Read(tag)
            out[tag] = response.Value if response.Status == "Success" else None
        return out


def main():
    library, port, writes = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
    reads = sys.argv[4:]
    result = run_pycomm3(port, writes, reads) if library == "pycomm3" else run_pylogix(port, writes, reads)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
