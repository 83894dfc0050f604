"""Fixtures: a fresh `ms5 demo` per session, Debian's Chromium through Playwright, API helpers."""
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
ARTIFACTS = HERE / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BINARY = Path(os.environ.get("MS5_BINARY", HERE / ".." / ".." / ".build" / "debug" / "ms5")).resolve()
# Unset: the copy of the app built into ms5 is tested.
WEB_ROOT = Path(os.environ["MS5_WEB_ROOT"]).resolve() if os.environ.get("MS5_WEB_ROOT") else None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self):
        # Missing prerequisites fail the run (never skip).
        assert BINARY.is_file() and os.access(BINARY, os.X_OK), f"ms5 binary not found at {BINARY} (set MS5_BINARY)"
        assert WEB_ROOT is None or WEB_ROOT.is_dir(), f"web root not found at {WEB_ROOT}"
        self.dir = tempfile.mkdtemp(prefix="ms5-pwa-test-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.output = []
        env = dict(os.environ, MS5_WEB_ROOT=str(WEB_ROOT)) if WEB_ROOT else dict(os.environ)
        self.proc = subprocess.Popen(
            [str(BINARY), "demo", "--port", str(self.port), "--database", f"sqlite:{self.dir}/demo.sqlite"],
            cwd=self.dir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        self.password = None
        deadline = time.time() + 60
        while time.time() < deadline:
            text = "".join(self.output)
            m = re.search(r"password: (\S+)", text)
            if m and "ms5 ready" in text:
                self.password = m.group(1)
                break
            assert self.proc.poll() is None, f"ms5 demo exited:\n{text}"
            time.sleep(0.2)
        assert self.password, "ms5 demo did not print the admin password:\n" + "".join(self.output)
        self.token = self.login("admin", self.password)["token"]

    def _read(self):
        for line in self.proc.stdout:
            self.output.append(line)

    def request(self, method, path, body=None, token=None, headers=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Accept", "application/json")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        tk = token if token is not None else getattr(self, "token", None)
        if tk:
            req.add_header("Authorization", f"Bearer {tk}")
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=30) as res:
                raw = res.read()
                return res.status, (json.loads(raw) if raw else None)
        except urllib.error.HTTPError as e:
            raw = e.read()
            return e.code, (json.loads(raw) if raw else None)

    def get(self, path):
        status, body = self.request("GET", path)
        assert status == 200, (path, status, body)
        return body

    def post(self, path, body):
        status, res = self.request("POST", path, body)
        assert status in (200, 201), (path, status, res)
        return res

    def login(self, username, password):
        status, body = self.request("POST", "/v1/auth/login", {"username": username, "password": password}, token="")
        assert status == 200, body
        return body

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def server():
    s = Server()
    yield s
    s.stop()


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).is_file(), f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def new_context(browser, server):
    made = []

    def make(**kw):
        ctx = browser.new_context(base_url=server.base, viewport={"width": 1280, "height": 800}, **kw)
        ctx.set_default_timeout(20000)
        made.append(ctx)
        return ctx
    yield make
    for c in made:
        c.close()


# The API answers 404 for a line whose production settings are not set yet (documented: "404 until set");
# Chromium logs every 4xx fetch as a console error. That one expected answer is not an app error.
EXPECTED = [("404", "/production-settings")]


def watch_console(page):
    """Collects console errors and uncaught exceptions of a page."""
    errors = []

    def on_console(m):
        if m.type != "error":
            return
        url = m.location.get("url") or ""
        if any(code in m.text and url.endswith(path) for code, path in EXPECTED):
            return
        errors.append(f"console.{m.type}: {m.text} @ {url}")
    page.on("console", on_console)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    return errors


def sign_in(page, server):
    page.goto("/#/login")
    page.fill("#login-user", "admin")
    page.fill("#login-pass", server.password)
    page.click("button[type=submit]")
    page.wait_for_selector("#plant-tiles .tile")
    page.wait_for_selector("#conn-status[data-state=open]")


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


CHECKLIST_ITEMS = [
    {"key": "guards", "text": "Guards closed and interlocks working", "kind": "passFail"},
    {"key": "temp", "text": "Blade temperature", "kind": "value", "unit": "°C", "minimum": 2, "maximum": 8},
    {"key": "tension", "text": "Belt tension", "kind": "value", "unit": "N", "minimum": 40, "maximum": 60},
    {"key": "clean", "text": "Area clean, no loose product", "kind": "passFail"},
]


@pytest.fixture(scope="session")
def checklist_template(server):
    """A start-up checklist for Slicer 1 and Bagger 1 (the demo plant has none), made once per session."""
    eq = {e["code"]: e["id"] for e in server.get("/v1/equipment")["items"]}
    return server.post("/v1/checklist-templates", {
        "code": "STARTUP", "name": "Start-up check", "equipmentIds": [eq["SLC1"], eq["BAG1"]], "items": CHECKLIST_ITEMS})
