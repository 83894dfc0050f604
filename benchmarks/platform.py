#!/usr/bin/env python3
"""Platform benchmark: start-up to /ready, idle memory, and GET /v1/lines latency at a fixed rate.

Usage: python3 benchmarks/platform.py [--binary .build/release/ms5] [--runs 5] [--rate 1000] [--seconds 20]

Starts a built `ms5 demo` on a fresh SQLite file in a temporary folder, several times:
  - ready:  wall time from process start to the first 200 of /ready (first start creates the
            schema, the demo plant and a bcrypt cost-12 admin hash; a restart only opens the file),
  - RSS:    resident memory after 5 s idle (VmRSS of /proc/PID/status),
  - latency: `hey` at a fixed total rate (10 workers x rate/10 req/s) against GET /v1/lines with a
            bearer token; p50 and p99 as hey reports them.
Medians of the runs are printed; every run is printed too. Needs `hey` (Debian package).
"""
import argparse, json, os, re, shutil, signal, socket, statistics, subprocess, tempfile, time, urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(binary, folder, port):
    t0 = time.monotonic()
    proc = subprocess.Popen([binary, "demo", "--port", str(port), "--log-level", "warning"], cwd=folder,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/ready", timeout=1) as r:
                if r.status == 200:
                    return proc, time.monotonic() - t0
        except OSError:
            pass
        if proc.poll() is not None:
            raise SystemExit("ms5 demo ended before it was ready")
        time.sleep(0.002)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)


def login(port, password):
    body = json.dumps({"username": "admin", "password": password}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/v1/auth/login", data=body,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)["token"]


def hey(port, token, rate, seconds):
    workers = 10
    out = subprocess.run(["hey", "-z", f"{seconds}s", "-c", str(workers), "-q", str(rate // workers),
                          "-H", f"Authorization: Bearer {token}", f"http://127.0.0.1:{port}/v1/lines"],
                         capture_output=True, text=True, check=True).stdout
    p = {m.group(1): float(m.group(2)) * 1000 for m in re.finditer(r"(\d+)%+ in ([\d.]+) secs", out)}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    codes = re.findall(r"\[(\d+)\]\s+(\d+) responses", out)
    return p["50"], p["99"], rps, codes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/ms5")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rate", type=int, default=1000)
    ap.add_argument("--seconds", type=int, default=20)
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    if not shutil.which("hey"):
        raise SystemExit("needs hey: apt-get install hey")
    first, again, rss, p50s, p99s = [], [], [], [], []
    for run in range(args.runs):
        folder = tempfile.mkdtemp(prefix="ms5-bench-")
        port = free_port()
        proc, t_first = start(binary, folder, port)
        password = next(l.split(": ", 1)[1].strip() for l in iter(proc.stdout.readline, "") if l.startswith("password: "))
        stop(proc)
        proc, t_again = start(binary, folder, port)
        time.sleep(5)
        mem = rss_mb(proc.pid)
        p50, p99, rps, codes = hey(port, login(port, password), args.rate, args.seconds)
        stop(proc)
        shutil.rmtree(folder)
        first.append(t_first * 1000); again.append(t_again * 1000); rss.append(mem); p50s.append(p50); p99s.append(p99)
        print(f"run {run + 1}: ready first start {t_first * 1000:.0f} ms, restart {t_again * 1000:.0f} ms, "
              f"idle RSS {mem:.1f} MB, GET /v1/lines at {rps:.0f} req/s: p50 {p50:.2f} ms, p99 {p99:.2f} ms, "
              f"statuses {codes}", flush=True)
    med = statistics.median
    print(f"median of {args.runs}: ready first start {med(first):.0f} ms, restart {med(again):.0f} ms; "
          f"idle RSS {med(rss):.1f} MB; GET /v1/lines at {args.rate} req/s p50 {med(p50s):.2f} ms, p99 {med(p99s):.2f} ms")


if __name__ == "__main__":
    main()
