"""``make lab`` sets up only what JupyterLab needs (graphviz, not Chromium:
that is ``make test``'s), trusts the project's notebooks, names the kernel to
pick, and starts JupyterLab on the tutorial: the address it prints is the
tutorial's, not the Launcher's."""

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="no make")


def _dry_run(target: str, *flags: str) -> str:
    """What ``make TARGET`` would run (``make -n``: nothing runs)."""
    out = subprocess.run(
        ["make", "-n", "--no-print-directory", *flags, target],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "VENV": str(Path(sys.executable).parents[1])},
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_lab_installs_no_browser_and_test_does():
    lab, browser = _dry_run("lab"), _dry_run("browser-deps")
    assert "graphviz" in lab and "chromium" not in lab.lower()
    assert "chromium" in browser and "chromium-driver" in browser
    # (not `make -n test`: its recipe calls $(MAKE), which runs even with -n)
    rule = re.search(r"^test:(.*)$", (ROOT / "Makefile").read_text(), re.M)
    assert "browser-deps" in rule.group(1).split()


def test_lab_trusts_the_notebooks_and_names_the_kernel_to_pick():
    assert "jupyter trust notebooks/*.ipynb" in _dry_run("lab")
    install = _dry_run("python-deps", "-B")  # -B: as on a first set-up
    assert '--display-name "Python 3 (schedula_nb): pick this one"' in install


@pytest.mark.slow
def test_lab_prints_the_tutorials_address(tmp_path):
    text = _dry_run("lab").replace("\\\n", " ")  # join continued lines
    [command] = [line for line in text.splitlines() if "jupyter lab" in line]
    argv = shlex.split(command) + [
        "--no-browser",
        "--port=0",
        f"--ServerApp.token=t{os.getpid()}",
    ]
    if os.geteuid() == 0 and "--allow-root" not in argv:
        argv.append("--allow-root")
    env = {**os.environ, "HOME": str(tmp_path), "JUPYTER_PLATFORM_DIRS": "1"}
    proc = subprocess.Popen(
        argv,
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline, seen = time.monotonic() + 60, ""
        while time.monotonic() < deadline and "token=" not in seen:
            line = proc.stderr.readline()
            if not line and proc.poll() is not None:
                break
            seen += line
        urls = re.findall(r"http://127\.0\.0\.1:\d+(/\S*)\?token=", seen)
        assert urls, seen[-2000:]
        assert urls[0] == "/lab/tree/notebooks/tutorial.ipynb"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
