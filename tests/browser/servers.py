"""JupyterLab and Voila servers for the browser tests, on 127.0.0.1 only.

Each server runs the project's venv (the interpreter running pytest), in its
own process group, with Jupyter's user-level directories (config, data,
runtime, Lab settings and workspaces) moved into a private temporary folder:
the kernels it offers are the venv's own (``python3`` and ``schedula_nb``),
and nothing a developer configured in ``~/.jupyter`` changes what a test sees.

:func:`start_server` starts one and waits until it answers; :meth:`Server.stop`
stops it and every kernel it started (the server's descendants), by PID,
never by name.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

#: The venv's ``bin`` folder: the servers (and their kernels) are the venv's.
VENV_BIN = Path(sys.executable).parent

#: Seconds a server may take to answer its first request. JupyterLab takes
#: about 3 s here, Voila about 2 s; the margin is for a busy 2-core machine.
START_TIMEOUT = 90.0

#: JupyterLab settings for the tests: every cell of a notebook stays in the
#: page (no windowing, so off-screen outputs can be inspected), and no
#: pop-ups ask about news or updates.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "none"
    },
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


class ServerError(RuntimeError):
    """A server did not start or answer; the message carries its log's tail."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running JupyterLab or Voila server.

    ``url`` ends with ``/``; :meth:`page` builds a page address with the token.
    """

    kind: str
    url: str
    token: str
    root: Path
    home: Path
    log_path: Path
    proc: subprocess.Popen = field(repr=False)

    def page(self, path: str = "", **query: str) -> str:
        """The address of ``path`` on this server, token included."""
        params = dict(query, token=self.token) if self.token else dict(query)
        qs = "&".join(f"{k}={v}" if v != "" else k for k, v in params.items())
        return f"{self.url}{path.lstrip('/')}" + (f"?{qs}" if qs else "")

    def log_tail(self, lines: int = 40) -> str:
        """The last ``lines`` lines of the server's log."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def get_json(self, path: str, **query: str) -> object:
        """``GET path?query`` (token added) decoded from JSON."""
        with urllib.request.urlopen(self.page(path, **query), timeout=10) as resp:
            return json.load(resp)

    def kernel_pids(self) -> list[int]:
        """PIDs of the processes this server started (its kernels), alive now.

        Kernels run in sessions of their own, so the process group does not
        reach them; they are the server's descendants, found through
        ``/proc``'s parent links.
        """
        children: dict[int, list[int]] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                # The command name (field 2) may hold spaces: split after it.
                fields = stat.read_text().rpartition(")")[2].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        found, todo = [], [self.proc.pid]
        while todo:
            for child in children.get(todo.pop(), []):
                found.append(child)
                todo.append(child)
        return found

    def stop(self, timeout: float = 15.0) -> None:
        """Stop the server (its process group) and the kernels it started."""
        kernels = self.kernel_pids()
        _signal_group(self.proc, signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            _signal_group(self.proc, signal.SIGKILL)
            self.proc.wait(timeout)
        # Kernels run in sessions of their own; a clean shutdown stops them,
        # these are the ones it left behind.
        deadline = time.monotonic() + 5
        while kernels and time.monotonic() < deadline:
            kernels = [pid for pid in kernels if _alive(pid)]
            time.sleep(0.2)
        for pid in kernels:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by its parent) counts as gone.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except (OSError, IndexError):
        return False


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass


def _private_env(home: Path) -> dict[str, str]:
    """The environment of a server: the venv first on PATH, private dirs."""
    env = dict(os.environ)
    dirs = {
        "JUPYTER_CONFIG_DIR": home / "config",
        "JUPYTER_DATA_DIR": home / "data",
        "JUPYTER_RUNTIME_DIR": home / "runtime",
        "JUPYTERLAB_SETTINGS_DIR": home / "lab-settings",
        "JUPYTERLAB_WORKSPACES_DIR": home / "lab-workspaces",
        "IPYTHONDIR": home / "ipython",
    }
    for name, path in dirs.items():
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    for name, settings in LAB_SETTINGS.items():
        plugin, _, file = name.rpartition("/")
        target = dirs["JUPYTERLAB_SETTINGS_DIR"] / plugin / file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(settings))
    env.pop("JUPYTER_PATH", None)  # only the venv's kernels, not a test's
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    return env


def _command(kind: str, port: int, token: str, target: Path) -> list[str]:
    if kind == "lab":
        return [
            str(VENV_BIN / "jupyter"),
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--ServerApp.token={token}",
            f"--ServerApp.root_dir={target}",
            "--ServerApp.open_browser=False",
            "--LabApp.news_url=",
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ]
    if kind == "voila":
        return [
            str(VENV_BIN / "voila"),
            "--no-browser",
            f"--port={port}",
            "--Voila.ip=127.0.0.1",
            f"--Voila.token={token}",
            "--show_tracebacks=True",
            str(target),
        ]
    raise ValueError(f"unknown server kind {kind!r}: use 'lab' or 'voila'")


def start_server(kind: str, target: Path, home: Path) -> Server:
    """Start JupyterLab or Voila on ``target`` and wait until it answers.

    Parameters
    ----------
    kind : {'lab', 'voila'}
        The server: JupyterLab with ``target`` as its root folder, or Voila on
        ``target``, a notebook (page at ``/``) or a folder (pages at
        ``/voila/render/NAME.ipynb``).
    target : Path
        The folder (or, for Voila, the notebook) to serve.
    home : Path
        A private folder for the server's Jupyter directories and its log.

    Raises
    ------
    ServerError
        When the server exits or does not answer within ``START_TIMEOUT``.
    """
    port, token = free_port(), secrets.token_hex(16)
    home.mkdir(parents=True, exist_ok=True)
    log_path = home / f"{kind}.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            _command(kind, port, token, target),
            cwd=target if target.is_dir() else target.parent,
            env=_private_env(home),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, stopped as one
        )
    server = Server(
        kind, f"http://127.0.0.1:{port}/", token, target, home, log_path, proc
    )
    try:
        _wait_until_answering(server)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_answering(server: Server) -> None:
    # Lab's REST API answers once the server is up; Voila's static files do.
    probe = "api/status" if server.kind == "lab" else "voila/static/voila.js"
    deadline = time.monotonic() + START_TIMEOUT
    last_error: object = None
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise ServerError(
                f"{server.kind} exited with code {server.proc.returncode} before "
                f"answering; its log ends with:\n{server.log_tail()}"
            )
        try:
            with urllib.request.urlopen(server.page(probe), timeout=5) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, OSError) as err:
            last_error = err
        time.sleep(0.3)
    raise ServerError(
        f"{server.kind} did not answer {server.page(probe)} within "
        f"{START_TIMEOUT:.0f} s (last error: {last_error}); its log ends with:\n"
        f"{server.log_tail()}"
    )
