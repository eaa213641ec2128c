"""``python -m schedula_nb app MODULE:OBJECT`` serves a model's app with
Voila in one command: started from the folder of ``household.py``, the page
shows the household app's answers, and a wrong name fails at once, plainly."""

import subprocess
import sys

import pytest
from playwright.sync_api import expect

from .conftest import screenshot
from .servers import Server, _private_env, _wait_until_answering, free_port


@pytest.mark.browser
@pytest.mark.slow
def test_one_command_serves_the_app(notebooks_copy, tmp_path, page):
    port, log = free_port(), tmp_path / "app.log"
    command = [
        sys.executable, "-m", "schedula_nb", "app", "household:household_app",
        "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
    ]  # fmt: skip
    with log.open("w") as out:
        proc = subprocess.Popen(
            command,
            cwd=notebooks_copy,
            env=_private_env(tmp_path / "home"),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(
        "voila", f"http://127.0.0.1:{port}/", "", notebooks_copy, tmp_path, log, proc
    )
    try:
        _wait_until_answering(server)
        page.goto(server.page(""), timeout=120_000)
        card = page.locator(".sh-card[data-output='cost'] .sh-card-value")
        expect(card).to_contain_text("99.00", timeout=120_000)
        assert "app_for" not in page.inner_text("body")  # no code shown
        screenshot(page, "app-cli-household")
    finally:
        server.stop()


def test_a_wrong_name_fails_at_once(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "schedula_nb", "app", "no_such_module:thing"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert out.stderr.strip() == (
        "python -m schedula_nb app: No module named 'no_such_module'"
    )
