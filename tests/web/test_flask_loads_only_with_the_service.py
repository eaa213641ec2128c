"""Flask is imported by ``.app()`` only, with an install hint when missing."""

import subprocess
import sys

import pytest

import schedula_nb as sh


def test_import_and_web_do_not_load_flask():
    code = (
        "import sys, schedula_nb as sh, schedula_nb.utils.web\n"
        "web = sh.Dispatcher(name='m').web()\n"
        "print('flask' in sys.modules, 'schedula_nb.web' in sys.modules)\n"
        "web.app()\n"
        "print('flask' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "True", "True"]


def test_missing_flask_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "flask", None)  # import flask -> ImportError
    with pytest.raises(ImportError, match=r"pip install 'schedula_nb\[web\]'"):
        sh.Dispatcher(name="m").web().app()
