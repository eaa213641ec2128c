"""A drawing wider than the notebook column is shrunk to fit it, and its
labels can no longer be read; a "full size" view under it opens the same
picture at its own size in a box that scrolls sideways. It must work where a
saved notebook is first opened: JupyterLab, untrusted (no script runs, no
SVG, ``data:`` links stripped), without running a cell, at 1,440 px with the
file browser open."""

import json

import pytest

import schedula_nb as sh
from schedula_nb.render.display import mimebundle

from .conftest import screenshot
from .lab import PANEL, open_notebook, wait_for_images


def wide_model():
    """A chain of six conversions: dot draws it ~2,500 px wide."""
    dsp = sh.Dispatcher(name="conversion chain")
    for i in range(6):
        dsp.add_function(
            f"convert_step_{i}", abs, [f"quantity_{i}"], [f"quantity_{i + 1}"]
        )
    return dsp


def saved_notebook(path, obj) -> None:
    """A notebook as saved after running ``obj`` in a cell (nobody trusted it)."""
    output = {
        "output_type": "execute_result",
        "execution_count": 1,
        "metadata": {},
        "data": mimebundle(obj),
    }
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": 1,
                "id": "c0",
                "metadata": {},
                "outputs": [output],
                "source": "model",
            }
        ],
        "metadata": {
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            }
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.write_text(json.dumps(nb))


_SIZES = """(panel) => {
    const out = document.querySelector(panel + ' .jp-OutputArea-output');
    const size = (sel) => {
        const img = out.querySelector(sel);
        if (!img) return null;
        const r = img.getBoundingClientRect();
        return {shown: r.width, natural: img.naturalWidth, visible: img.checkVisibility()};
    };
    const box = out.querySelector('.sh-full-size-box');
    const area = out.getBoundingClientRect();
    return {
        column: area.width,
        scaled: size('img.sh-picture'),
        full: size('img.sh-picture-full'),
        scrolls: box ? box.scrollWidth > box.clientWidth + 1 : null,
        boxInColumn: box ? box.getBoundingClientRect().right <= area.right + 1 : null,
        svg: document.querySelectorAll(panel + ' .jp-RenderedSVG').length,
    };
}"""


@pytest.mark.browser
@pytest.mark.slow
def test_full_size_view_of_a_wide_drawing_untrusted(jupyterlab, tmp_path, page):
    page.set_viewport_size({"width": 1440, "height": 900})
    root = tmp_path / "wide"
    root.mkdir()
    saved_notebook(root / "wide.ipynb", wide_model())
    server = jupyterlab(root)
    open_notebook(page, server, "wide.ipynb")  # nothing is run
    assert page.locator(".jp-FileBrowser").is_visible()
    wait_for_images(page)
    before = page.evaluate(_SIZES, PANEL)
    assert before["svg"] == 0, "the notebook is trusted: test void"
    scaled, full = before["scaled"], before["full"]
    # shrunk into the column: less than half its size, too small to read
    assert scaled["shown"] <= before["column"] + 1, before
    assert scaled["shown"] < scaled["natural"] / 2, before
    assert full is not None and not full["visible"], before  # closed at first
    screenshot(page, "full-size-drawing-closed")

    page.locator(f"{PANEL} .sh-full-size summary").click()
    wait_for_images(page)
    after = page.evaluate(_SIZES, PANEL)
    full = after["full"]
    assert full["visible"] and abs(full["shown"] - full["natural"]) <= 1, after
    assert after["scrolls"] and after["boxInColumn"], after
    box = page.locator(f"{PANEL} .sh-full-size-box")
    box.scroll_into_view_if_needed()
    screenshot(page, "full-size-drawing-open")
    box.evaluate("(b) => { b.scrollLeft = b.scrollWidth; }")  # follow it sideways
    assert box.evaluate("(b) => b.scrollLeft") > 0
    screenshot(page, "full-size-drawing-scrolled")
