"""Browser tests: Playwright driving the system Chromium against JupyterLab and
Voila servers started on 127.0.0.1.

Fixtures
--------
``browser`` (session)
    A headless Chromium (``/usr/bin/chromium``, ``--no-sandbox``) driven by
    Playwright. If it cannot start, every browser test FAILS with the reason
    (``make setup`` installs Chromium; a missing browser is a broken set-up,
    not a reason to skip).
``page``
    A fresh page (own browser context, 1400x900) per test. Console errors are
    collected in ``page.console_errors``; if the test fails, a screenshot is
    saved as ``.artifacts/browser/<test name>-failed.png``.
``artifacts``
    ``.artifacts/browser/`` at the repository's root (git-ignored), created.
    ``screenshot(page, name)`` saves ``<artifacts>/<name>.png`` and returns it.
``notebooks_copy``
    A temporary copy of ``notebooks/`` (with ``notebooks/data/``): servers run
    on it, so a test never modifies the repository's notebooks.
``jupyterlab``
    A factory: ``jupyterlab(root=None)`` starts JupyterLab on a free port of
    127.0.0.1 with a random token, on ``root`` (default: ``notebooks_copy``),
    waits until it answers and returns a :class:`servers.Server`
    (``server.page("lab/...")`` builds addresses with the token). Its kernels
    are the venv's (checked: the ``python3`` kernel spec runs this
    interpreter). Stopped, with its kernels, at the end of the test.
``voila``
    A factory: ``voila(target)`` starts Voila on a notebook (page at ``/``)
    or a folder (pages at ``/voila/render/NAME.ipynb``) the same way; paths
    are relative to ``notebooks_copy`` unless absolute.

To run a notebook in Lab, use the helpers of ``lab.py`` (this folder):
``open_notebook(page, server, name)`` (a fresh workspace, waits for the
kernel), ``run_all_cells(page)`` (clears outputs, Run All, waits until every
cell ran), ``wait_for_images(page)``, ``error_outputs(page)`` (stderr shown)
and ``save_notebook(page, server, name)`` (returns the saved notebook).

If a server does not start, the test fails with the end of its log. Servers
listen on 127.0.0.1 only and are stopped (process group, then their kernels
by PID) by the fixture that started them.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Not importorskip: playwright is in the 'test' extra, and a browser test that
# cannot run must fail, not vanish from the report.
from playwright import sync_api as playwright_api

from .servers import Server, ServerError, start_server

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
ARTIFACTS = ROOT / ".artifacts" / "browser"
CHROMIUM = "/usr/bin/chromium"


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot as ``.artifacts/browser/<name>.png``."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the test item, so the ``page`` fixture
    # knows at teardown whether the test failed.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


# Package scope, not session: while Playwright's sync API is started, the
# main thread has a running event loop, and later tests that call
# ``asyncio.run`` (dispatch_async) would fail.
@pytest.fixture(scope="package")
def browser():
    try:
        pw = playwright_api.sync_playwright().start()
    except Exception as err:
        pytest.fail(f"Playwright does not start: {err}", pytrace=False)
    try:
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
        )
    except Exception as err:
        pw.stop()
        pytest.fail(
            f"Chromium does not start from {CHROMIUM} ({err}). Install it with "
            "`make browser-deps` (Debian package `chromium`; `make test` runs it).",
            pytrace=False,
        )
    try:
        yield chromium
    finally:
        chromium.close()
        pw.stop()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda msg: msg.type == "error" and page.console_errors.append(msg.text),
    )
    page.on("pageerror", lambda err: page.console_errors.append(str(err)))
    try:
        yield page
    finally:
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            safe = re.sub(r"[^\w.-]+", "_", request.node.name)
            try:
                screenshot(page, f"{safe}-failed")
            except Exception as err:  # a broken page must not hide the failure
                print(f"no failure screenshot: {err}", file=sys.stderr)
        context.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def notebooks_copy(tmp_path) -> Path:
    target = tmp_path / "notebooks"
    shutil.copytree(
        NOTEBOOKS,
        target,
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )
    return target


def _starter(kind: str, home: Path, servers: list[Server]):
    def start(target: Path) -> Server:
        try:
            server = start_server(kind, target, home / f"{kind}-{len(servers)}")
        except ServerError as err:
            pytest.fail(str(err), pytrace=False)
        servers.append(server)
        return server

    return start


def _check_venv_kernel(server: Server) -> None:
    specs = server.get_json("api/kernelspecs")["kernelspecs"]
    argv = specs.get("python3", {}).get("spec", {}).get("argv", [])
    # Compare the venv's bin folders, not resolved files: every venv's python
    # resolves to the same system interpreter.
    if not argv or Path(argv[0]).parent != Path(sys.executable).parent:
        pytest.fail(
            f"JupyterLab's python3 kernel runs {argv[:1]}, not this venv's "
            f"{sys.executable}: run `make setup` (it installs the venv's kernel)",
            pytrace=False,
        )


@pytest.fixture
def jupyterlab(notebooks_copy, tmp_path) -> Iterator[Callable[..., Server]]:
    servers: list[Server] = []
    start = _starter("lab", tmp_path / "servers", servers)

    def jupyterlab(root: Path | None = None) -> Server:
        server = start(Path(root or notebooks_copy))
        _check_venv_kernel(server)
        return server

    try:
        yield jupyterlab
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def voila(notebooks_copy, tmp_path) -> Iterator[Callable[..., Server]]:
    servers: list[Server] = []
    start = _starter("voila", tmp_path / "servers", servers)

    def voila(target: str | Path = ".") -> Server:
        return start(notebooks_copy / target)  # an absolute target wins

    try:
        yield voila
    finally:
        for server in servers:
            server.stop()
