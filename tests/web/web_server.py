"""A real server in a subprocess, for the tests that go over the network."""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).parent
STARTUP_SECONDS = 20.0  # bounded wait for the server to answer
REQUEST_SECONDS = 10.0  # no single request may take longer


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(
    port: int,
    method: str,
    path: str,
    body: bytes | Iterable[bytes] | None = None,
    headers: dict | None = None,
) -> tuple[int, bytes]:
    """One request on a fresh connection: (status, body bytes)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_SECONDS)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def post_json(port: int, path: str, payload: object) -> tuple[int, dict]:
    status, data = request(
        port,
        "POST",
        path,
        json.dumps(payload).encode(),
        {"Content-Type": "application/json"},
    )
    return status, json.loads(data)


@contextlib.contextmanager
def serving(model: str, **options: object) -> Iterator[int]:
    """Run ``web_models.<model>().web(**options).run(...)`` in a subprocess on
    127.0.0.1 and a free port; yield the port once it answers; stop it after."""
    port = free_port()
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import web_models\n"
        f"web_models.{model}().web(**{options!r})"
        ".run(host='127.0.0.1', port=int(sys.argv[2]))\n"
    )
    log = tempfile.TemporaryFile()  # a file, not a pipe: the log cannot fill it
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(HERE), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    try:
        _wait_ready(proc, port, log)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def _wait_ready(proc: subprocess.Popen, port: int, log: object) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"the server exited: {log.read().decode()}")
        try:
            if request(port, "GET", "/")[0] == 200:
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"the server did not answer within {STARTUP_SECONDS} s")
