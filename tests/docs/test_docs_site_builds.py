"""The documentation site (``docs/``) builds with warnings as errors, and its
pages hold what they promise: the directive's drawing and tables of the
tutorial's model, every notebook executed, no broken internal link."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import all_tables, tables
from .links import broken_links

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

# Sphinx runs every notebook: minutes on a busy 2-core machine (a hang guard).
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """``(html folder, build log, seconds)`` of one ``sphinx-build -W`` run."""
    out = tmp_path_factory.mktemp("site") / "html"
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-b", "html"]
        + ["-q", str(DOCS), str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"},
        timeout=1100,
    )
    took = time.perf_counter() - start
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"sphinx-build -W failed:\n{log[-5000:]}"
    print(f"\ndocs build: {took:.1f} s")
    return out, log, took


def tutorial_node_ids(tmp_path: Path) -> set[str]:
    """The node ids of the tutorial's model, by running the notebook's cells
    up to its first dispatch."""
    nb = json.loads((ROOT / "notebooks" / "tutorial.ipynb").read_text())
    namespace: dict = {}
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        for cell in nb["cells"]:
            src = "".join(cell["source"])
            if cell["cell_type"] != "code":
                continue
            if "dsp(" in src or ".plot(" in src or "dispatch(" in src:
                break
            exec(compile(src, "tutorial.ipynb", "exec"), namespace)
    finally:
        os.chdir(cwd)
    return {str(n) for n in namespace["dsp"].dmap.nodes}


def test_models_page_has_the_tutorial_drawing_and_tables(site, tmp_path):
    html = (site[0] / "models.html").read_text()
    first = html[html.index('id="dispatcher-models-tutorial"') :]
    first = first[: first.index('id="dispatcher-models-nested"')]
    assert '<div class="sh-dispatcher-drawing"' in first and "<svg" in first
    ids = tutorial_node_ids(tmp_path)
    assert {"generate_key", "read_key", "encrypt_message", "key_fpath"} <= ids
    [data] = tables(first, "data")
    [functions] = tables(first, "functions")
    listed = {row[0] for row in data[1:]} | {row[0] for row in functions[1:]}
    assert listed == ids
    for node in ids:  # each id is in the drawing too
        assert f">{node}</text>" in first


def test_nested_model_links_its_sub_model_section(site):
    html = (site[0] / "models.html").read_text()
    anchor = "dispatcher-models-nested-key-store"
    assert f'id="{anchor}"' in html and f'xlink:href="#{anchor}"' in html


def test_extension_page_runs_its_examples(site):
    html = (site[0] / "sphinx-extension.html").read_text()
    assert '<dl class="py data">' in html and 'id="models.tutorial"' in html
    assert 'href="#models.tutorial"' in html  # {py:data} resolved
    assert ".. py:data::" not in html
    assert [row[0] for row in tables(html, "functions")[0][1:]] == ["double", "copy"]


@pytest.mark.parametrize("notebook", [p.stem for p in NOTEBOOKS])
def test_every_notebook_page_is_executed_by_the_build(site, notebook):
    out = site[0]
    page = out / "notebooks" / f"{notebook}.html"
    assert page.is_file(), f"no page for notebooks/{notebook}.ipynb"
    assert page.read_text().count('class="cell_output') >= 1
    # myst-nb's execution table: run by this build ('force'), without error
    [runs] = all_tables((out / "notebook-runs.html").read_text())
    assert runs[0] == ["Document", "Modified", "Method", "Run Time (s)", "Status"]
    rows = {row[0]: row for row in runs[1:]}
    assert rows[f"notebooks/{notebook}"][2:5:2] == ["force", "\u2705"]


def test_api_reference_lists_every_public_name(site):
    import schedula_nb

    html = (site[0] / "api.html").read_text()
    missing = [n for n in schedula_nb.__all__ if f'id="schedula_nb.{n}"' not in html]
    assert missing == []


def test_no_broken_internal_links(site):
    assert broken_links(site[0]) == []


def test_links_checker_finds_a_broken_link(tmp_path):
    (tmp_path / "a.html").write_text(
        '<a href="b.html#x">b</a><a href="#here" id="here">c</a>'
        '<a href="https://example.org/nowhere">external</a>'
    )
    (tmp_path / "b.html").write_text('<p id="y"></p><a href="c.html">c</a>')
    assert broken_links(tmp_path) == [
        "a.html: b.html#x (no such id)",
        "b.html: c.html (no such file)",
    ]


def test_reuse_page_runs_its_examples(site):
    html = (site[0] / "reuse.html").read_text()
    assert html.count('class="cell_output') >= 5
    assert "['tariff', 'report'], ['fit', 'load']" in html  # only what changed ran
    assert "CacheStats(hits=2, misses=2" in html
