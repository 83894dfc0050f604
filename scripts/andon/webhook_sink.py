"""A webhook receiver for MS5's tests: answers every POST with 200 and appends the request's
headers and body as one JSON line to a file.

    python3 webhook_sink.py PORT OUTPUT_FILE
"""
import json
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, output = int(sys.argv[1]), sys.argv[2]
# A test runner may start us with SIGTERM blocked; the test stops us with it.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with open(output, "a", encoding="utf-8") as file:
            file.write(json.dumps({"headers": {k.lower(): v for k, v in self.headers.items()}, "body": body.decode("utf-8")}) + "\n")
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Sink).serve_forever()
