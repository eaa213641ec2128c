"""Saved outputs show on first open, trusted or not: JupyterLab refuses
``image/svg+xml`` in an untrusted notebook and sanitises its HTML (an inline
``<svg>`` becomes a line of its text), so every display carries a PNG, as
``image/png`` and as an ``<img>`` inside the HTML summary."""

import base64
import re

import pytest

import schedula_nb as sh
from schedula_nb.render import picture as picture_mod
from schedula_nb.render.picture import png_size

pytestmark = pytest.mark.usefixtures("needs_dot")


def _model():
    dsp = sh.Dispatcher(name="energy")
    dsp.add_function("f", abs, ["meter_start"], ["days"])
    dsp.add_function("g", max, ["days", "rate"], ["cost"])
    return dsp


def _png_of_html(page):
    found = re.findall(r'<img [^>]*src="data:image/png;base64,([^"]+)"', page)
    assert len(found) == 1, page[:300]
    return base64.b64decode(found[0])


@pytest.mark.parametrize("shown", ["model", "solution"])
def test_html_holds_a_png_picture_and_no_inline_svg(shown):
    dsp = _model()
    obj = dsp if shown == "model" else dsp({"meter_start": -3, "rate": 1})
    bundle = obj._repr_mimebundle_()
    page = bundle["text/html"]
    assert "<svg" not in page  # sanitised, it would become text soup
    png = _png_of_html(page)
    assert png == base64.b64decode(bundle["image/png"])
    assert png_size(png)[0] > 50
    assert 'style="max-width:100%' in page  # fits the notebook column
    # what a sanitiser leaves as text: the summary, not the drawing's labels
    text = re.sub(r"<[^>]+>", " ", page)
    assert "meter_start" in text and "->" not in text


def test_plot_carries_a_png_beside_the_svg():
    bundle = _model().plot()._repr_mimebundle_()
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml")
    assert base64.b64decode(bundle["image/png"])[:4] == b"\x89PNG"


def test_a_big_drawing_keeps_a_bounded_png(monkeypatch):
    dsp = sh.Dispatcher(name="long")
    for i in range(30):
        dsp.add_function(f"f{i}", abs, [f"a{i}"], [f"a{i + 1}"])
    full = picture_mod.picture(dsp.plot())
    assert max(full.size) > 400  # the test means something: it is bigger
    monkeypatch.setattr(picture_mod, "PNG_MAX_SIDE", 400)
    small = picture_mod.picture(dsp.plot())
    assert 300 < max(small.size) <= 400
    assert len(small.png) < len(full.png)
    assert small.svg == full.svg  # the SVG keeps its size


def _chain(steps):
    dsp = sh.Dispatcher(name="chain")
    for i in range(steps):
        dsp.add_function(
            f"convert_step_{i}", abs, [f"quantity_{i}"], [f"quantity_{i + 1}"]
        )
    return dsp


def test_a_wide_drawing_can_be_seen_at_full_size():
    """Shrunk to the column, a wide drawing cannot be read: a ``<details>``
    under it opens the same PNG at its own size, in a box that scrolls
    sideways (no script, no ``data:`` link: both are stripped untrusted)."""
    page = _chain(6)._repr_mimebundle_()["text/html"]
    imgs = re.findall(r"<img [^>]*>", page)
    assert len(imgs) == 2, imgs
    scaled, full = imgs
    assert "max-width:100%" in scaled and "max-width:none" in full
    assert (
        re.search(r'src="([^"]+)"', scaled)[1] == re.search(r'src="([^"]+)"', full)[1]
    )
    width = png_size(base64.b64decode(re.search(r"base64,([^\"]+)", full)[1]))[0]
    assert width > picture_mod.FULL_SIZE_FROM and f'width="{width}"' in full
    details = page[page.index("<details") :]
    assert "<summary>See the drawing at full size" in details
    assert "overflow:auto" in details and "<script" not in page and "href=" not in page


def test_a_drawing_that_fits_has_no_second_copy():
    page = _model()._repr_mimebundle_()["text/html"]
    assert "<details" not in page and len(re.findall(r"<img ", page)) == 1
