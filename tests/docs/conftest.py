"""A tiny Sphinx project in a temporary folder, built in-process with
Sphinx's testing tools; its pages document ``tiny_models.py``."""

from __future__ import annotations

import re
import shutil
import sys
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

HERE = Path(__file__).parent

CONF = f"""
import sys
sys.path.insert(0, {str(HERE)!r})
extensions = ["schedula_nb.sphinx"]
"""


class Built:
    """The result of a build: the page's HTML, the warnings, the app."""

    def __init__(self, app: SphinxTestApp, warnings: str) -> None:
        self.app = app
        self.warnings = re.sub(r"\x1b\[[0-9;]*m", "", warnings)  # no colours
        self.outdir = Path(app.outdir)

    def page(self, name: str = "index") -> str:
        return (self.outdir / f"{name}.html").read_text(encoding="utf-8")


@pytest.fixture
def build(tmp_path, monkeypatch):
    """``build(text, index="index.rst", **confoverrides) -> Built``: ``text``
    is the index page (``index.md``: MyST Markdown, with ``myst_parser``)."""
    monkeypatch.setattr(sys, "path", list(sys.path))  # conf.py inserts HERE
    apps = []

    def run(text: str, index: str = "index.rst", **overrides) -> Built:
        src = tmp_path / f"src{len(apps)}"
        src.mkdir()
        conf = CONF
        if index.endswith(".md"):
            conf += 'extensions.append("myst_parser")\n'
        (src / "conf.py").write_text(conf)
        (src / index).write_text(text)
        warnings = StringIO()
        app = SphinxTestApp(
            "html",
            srcdir=src,
            confoverrides=overrides,
            status=StringIO(),
            warning=warnings,
        )
        apps.append(app)
        app.build()
        return Built(app, warnings.getvalue())

    yield run
    for app in apps:
        app.cleanup()


@pytest.fixture
def needs_dot():
    """Skip where graphviz's ``dot`` program is not installed."""
    if shutil.which("dot") is None:
        pytest.skip("graphviz's dot is not installed")


def section(html: str, anchor: str) -> str:
    """The HTML from the element with id ``anchor`` to the end of the page."""
    at = html.find(f'id="{anchor}"')
    assert at >= 0, f"no element with id {anchor!r}"
    return html[at:]


class _Tables(HTMLParser):
    """Collects ``<table>`` elements: their classes and rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[list[str], list[list[str]]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.tables.append((dict(attrs).get("class", "").split(), []))
        elif tag == "tr" and self.tables:
            self.tables[-1][1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][1][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def all_tables(html: str) -> list[list[list[str]]]:
    """The rows (cell texts) of every table of the page."""
    parser = _Tables()
    parser.feed(html)
    return [rows for _, rows in parser.tables]


def tables(html: str, kind: str) -> list[list[list[str]]]:
    """The rows (cell texts, header row first) of each directive table of
    ``kind`` (``'data'``, ``'functions'``, ``'sub-models'``) in page order."""
    parser = _Tables()
    parser.feed(html)
    return [rows for classes, rows in parser.tables if f"sh-{kind}" in classes]
