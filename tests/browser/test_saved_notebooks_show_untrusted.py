"""Every saved notebook of ``notebooks/`` opens untrusted (a fresh Jupyter
home: nobody signed it) in JupyterLab and, without running anything, shows
every drawing as a picture: JupyterLab refuses SVG there and sanitises HTML,
so each saved drawing must reach the screen as a PNG ``<img>``, never as the
``<Plot ...>`` text line or the SVG's labels run together as text."""

import json
import re

import pytest

from .conftest import NOTEBOOKS, screenshot
from .lab import PANEL, open_notebook, wait_for_images


def _saved_drawings(name: str) -> int:
    """How many outputs of the saved notebook carry a drawing (``image/png``)."""
    cells = json.loads((NOTEBOOKS / name).read_text())["cells"]
    outputs = [o for c in cells for o in c.get("outputs", [])]
    assert not [
        o
        for o in outputs
        if "image/svg+xml" in o.get("data", {}) and "image/png" not in o.get("data", {})
    ], "an SVG without a PNG"
    return sum("image/png" in o.get("data", {}) for o in outputs)


NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))


@pytest.mark.browser
@pytest.mark.slow
def test_saved_drawings_show_as_pictures_untrusted(jupyterlab, page):
    server = jupyterlab()
    seen = {}
    for name in NAMES:
        expected = _saved_drawings(name)
        open_notebook(page, server, name)
        wait_for_images(page)
        pictures = page.locator(
            f'{PANEL} .jp-OutputArea-output img[src^="data:image/png"]'
        )
        # A wide drawing's full-size view (a <details> box) shows the same
        # picture again: each drawing counts once.
        shown = pictures.evaluate_all(
            "(imgs) => imgs.filter((i) => !i.closest('details'))"
            ".map((i) => i.naturalWidth)"
        )
        full_size = pictures.evaluate_all(
            "(imgs) => imgs.filter((i) => i.closest('details')).length"
        )
        if shown:  # the screenshot shows the first drawing
            pictures.first.scroll_into_view_if_needed()
        svgs = page.locator(f"{PANEL} .jp-RenderedSVG").count()
        texts = page.locator(f"{PANEL} .jp-OutputArea-output").all_inner_texts()
        screenshot(page, f"untrusted-{name.removesuffix('.ipynb')}")
        seen[name] = (expected, len(shown))
        assert svgs == 0, f"{name}: SVG shown: the notebook is trusted, test void"
        assert len(shown) == expected and all(w > 0 for w in shown), (name, shown)
        assert full_size <= expected, (name, full_size)
        assert not [t for t in texts if t.startswith("<Plot of")], name
        soup = [t for t in texts if re.search(r"n\d+->n\d+", t)]  # dot's edge ids
        assert not soup, (name, "a drawing shown as text")
    assert sum(e for e, _ in seen.values()) >= 10, seen  # drawings were saved
