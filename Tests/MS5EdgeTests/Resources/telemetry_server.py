#!/usr/bin/env python3
"""A stand-in for the ms5 server's telemetry endpoint, for the edge forwarder's tests.

POST /v1/telemetry/batches  checks the bearer token and the batch, stores each (source, sequence)
                            once and answers 200 {"stored": N, "duplicate": false|true}, 401, 422 or
                            an injected failure.
POST /v1/auth/login         signs the edge's account in: with the control's username and password
                            it answers 200 {"token", "expiresAt"} with a new token (numbered, so
                            each sign-in is told apart) that batches accept from then on and that
                            expires tokenLifetime seconds later; otherwise 401
POST /control               merges a JSON object into the behaviour:
                              token               the bearer token accepted
                              username, password  the account /v1/auth/login accepts
                              tokenLifetime       seconds a signed-in token lasts (900)
                              failCount, failStatus
                                                  answer the next failCount batches with failStatus
                                                  without storing them
                              storeThenFailCount  store the next batches, then answer 503 anyway
                                                  (an acknowledgement lost on the way back)
                              unknownMetrics      metric ids answered with 422
                              hold                true: batch requests wait (after their "started"
                                                  record) until hold is set to false again

Files (all in --dir):
  port         the bound port, written once listening
  stored.jsonl one line per stored batch: {"source", "sequence", "samples"}; read back at start so
               that duplicates are recognised across restarts
  requests.jsonl
               one line per batch request: {"sequence", "status", "samples", "phase"}; phase
               "started" is written when a request arrives, "answered" when it is answered

Binds to 127.0.0.1 only, exits when its parent process dies or after --lifetime seconds.
"""
import argparse
import json
import os
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SOURCE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
UUID = re.compile(r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$")


class State:
    def __init__(self, directory, token):
        self.lock = threading.Lock()
        self.directory = directory
        self.control = {"token": token, "failCount": 0, "failStatus": 503, "storeThenFailCount": 0,
                        "unknownMetrics": [], "username": None, "password": None, "tokenLifetime": 900}
        self.sign_ins = 0
        self.released = threading.Event()
        self.released.set()
        self.seen = set()
        stored = os.path.join(directory, "stored.jsonl")
        if os.path.exists(stored):
            with open(stored) as lines:
                for line in lines:
                    if line.strip():
                        batch = json.loads(line)
                        self.seen.add((batch["source"], batch["sequence"]))

    def append(self, name, record):
        with open(os.path.join(self.directory, name), "a") as out:
            out.write(json.dumps(record) + "\n")
            out.flush()
            os.fsync(out.fileno())


def problem(status, title, errors=None):
    document = {"type": "about:blank", "title": title, "status": status}
    if errors:
        document["errors"] = errors
    return status, document, "application/problem+json"


def validate(batch, unknown_metrics):
    if not isinstance(batch, dict) or not SOURCE.match(str(batch.get("source", ""))):
        return problem(422, "Invalid source", [{"pointer": "/source", "detail": "1-64 of [A-Za-z0-9_.-]"}])
    if not isinstance(batch.get("sequence"), int):
        return problem(422, "Invalid sequence", [{"pointer": "/sequence", "detail": "an integer"}])
    samples = batch.get("samples")
    if not isinstance(samples, list) or len(samples) > 10000:
        return problem(422, "Invalid samples", [{"pointer": "/samples", "detail": "at most 10000"}])
    errors = []
    for index, sample in enumerate(samples):
        metric = str(sample.get("metricId", ""))
        if not UUID.match(metric):
            errors.append({"pointer": f"/samples/{index}/metricId", "detail": "not a UUID"})
        elif metric.upper() in unknown_metrics:
            errors.append({"pointer": f"/samples/{index}/metricId", "detail": f"unknown metric {metric}"})
        if not TIMESTAMP.match(str(sample.get("timestamp", ""))):
            errors.append({"pointer": f"/samples/{index}/timestamp", "detail": "ISO 8601 UTC with milliseconds"})
        if not isinstance(sample.get("value"), (int, float)) or not isinstance(sample.get("quality"), int):
            errors.append({"pointer": f"/samples/{index}/value", "detail": "value and quality must be numbers"})
    if errors:
        return problem(422, "Invalid batch", errors)
    return None


def make_handler(state):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def answer(self, status, document, content_type="application/json"):
            body = json.dumps(document).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client went away, e.g. a cancelled request

        def read_json(self):
            length = int(self.headers.get("Content-Length", "0"))
            return json.loads(self.rfile.read(length) or b"null")

        def do_GET(self):
            self.answer(200, {"status": "ok"}) if self.path == "/health" else self.answer(404, {})

        def do_POST(self):
            if self.path == "/control":
                change = self.read_json()
                with state.lock:
                    if "unknownMetrics" in change:
                        change["unknownMetrics"] = [m.upper() for m in change["unknownMetrics"]]
                    if "hold" in change:
                        state.released.clear() if change.pop("hold") else state.released.set()
                    state.control.update(change)
                self.answer(200, {"status": "ok"})
            elif self.path == "/v1/telemetry/batches":
                self.batch()
            elif self.path == "/v1/auth/login":
                self.sign_in()
            else:
                self.answer(404, {})

        def sign_in(self):
            body = self.read_json() or {}
            with state.lock:
                control = state.control
                if control["username"] is None or (body.get("username"), body.get("password")) != (control["username"], control["password"]):
                    self.answer(*problem(401, "The username or password is wrong."))
                    return
                state.sign_ins += 1
                control["token"] = f"signed-in-{state.sign_ins}"
                expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + control["tokenLifetime"]))
                document = {"token": control["token"], "expiresAt": expires}
            self.answer(200, document)

        def batch(self):
            try:
                batch = self.read_json()
            except ValueError:
                self.answer(*problem(400, "Body is not JSON"))
                return
            sequence = batch.get("sequence") if isinstance(batch, dict) else None
            samples = batch.get("samples") if isinstance(batch, dict) else None
            state.append("requests.jsonl", {"sequence": sequence, "phase": "started", "samples": samples})
            state.released.wait(120)
            status, document, content_type = self.decide(batch)
            state.append("requests.jsonl", {"sequence": sequence, "phase": "answered", "status": status,
                                            "duplicate": document.get("duplicate"), "samples": samples})
            self.answer(status, document, content_type)

        def decide(self, batch):
            with state.lock:
                control = state.control
                if self.headers.get("Authorization") != f"Bearer {control['token']}":
                    return problem(401, "Unauthorized")
                if self.headers.get("Content-Type", "").split(";")[0] != "application/json":
                    return problem(415, "Content-Type must be application/json")
                if control["failCount"] > 0:
                    control["failCount"] -= 1
                    return problem(control["failStatus"], "Injected failure")
                invalid = validate(batch, control["unknownMetrics"])
                if invalid:
                    return invalid
                key = (batch["source"], batch["sequence"])
                if key in state.seen:
                    return 200, {"stored": 0, "duplicate": True}, "application/json"
                state.append("stored.jsonl", batch)
                state.seen.add(key)
                if control["storeThenFailCount"] > 0:
                    control["storeThenFailCount"] -= 1
                    return problem(503, "Stored, then failed before answering")
                return 200, {"stored": len(batch["samples"]), "duplicate": False}, "application/json"

    return Handler


def watch_parent(parent, lifetime):
    deadline = time.monotonic() + lifetime
    while os.getppid() == parent and time.monotonic() < deadline:
        time.sleep(0.2)
    os._exit(0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token", required=True)
    parser.add_argument("--lifetime", type=float, default=600)
    arguments = parser.parse_args()
    state = State(arguments.dir, arguments.token)
    server = ThreadingHTTPServer(("127.0.0.1", arguments.port), make_handler(state))
    server.daemon_threads = True
    threading.Thread(target=watch_parent, args=(os.getppid(), arguments.lifetime), daemon=True).start()
    port_file = os.path.join(arguments.dir, "port")
    with open(port_file + ".tmp", "w") as out:
        out.write(str(server.server_address[1]))
    os.replace(port_file + ".tmp", port_file)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
