"""A drawing as notebooks keep it: the SVG, and a PNG beside it, because a
saved notebook opens *untrusted* (JupyterLab after a download, Binder, a
colleague's copy) and JupyterLab then refuses ``image/svg+xml`` and sanitises
HTML, which turns an inline ``<svg>`` into a line of its text. A PNG shows in
both places: as ``image/png`` and as an ``<img>`` inside the HTML summary
(JupyterLab's sanitiser keeps ``<img src="data:...">`` and ``max-width``).

One ``dot`` run writes both (``-Tsvg -Tpng:gd``, one after the other on
stdout; gd's PNGs are several times smaller than cairo's, which stands in
where graphviz has no gd);
a PNG longer than ``PNG_MAX_SIDE`` pixels on a side is drawn again at a lower
resolution, so a big model keeps a bounded output.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_function('f', abs, ['a'], ['b'])
'f'
>>> pic = picture(dsp.plot())
>>> pic.svg.startswith('<?xml'), pic.png[:4], pic.size[0] > 0
(True, b'\\x89PNG', True)
>>> img_tag(pic, 'demo')[:60]
'<img class="sh-picture" alt="drawing of demo" width="...'
"""

from __future__ import annotations

import base64
import functools
import html
import struct
from typing import Any, NamedTuple

from .dot import DrawingUnavailable, run_dot

__all__ = [
    "Picture",
    "picture",
    "img_tag",
    "png_size",
    "PNG_MAX_SIDE",
    "FULL_SIZE_FROM",
]

#: Longest side of the PNG kept beside the SVG, in pixels (dot's PNGs are 96
#: dpi). The household model is ~900 px wide; a 1,000-node model at full size
#: is tens of thousands of pixels (several MB), and is drawn smaller instead.
PNG_MAX_SIDE = 4_000
#: A drawing wider than this (in pixels) is shrunk by a notebook's column
#: (about 1,000 px in JupyterLab with the file browser open, less on a laptop)
#: and also gets a full-size view (see :func:`img_tag`).
FULL_SIZE_FROM = 960
_PNG_DPI = 96.0  # dot's default resolution for PNG
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class Picture(NamedTuple):
    """A drawing: its SVG text, its PNG bytes, the PNG's (width, height) and,
    when asked for, dot's ``plain`` layout (node positions) of the same run."""

    svg: str
    png: bytes
    size: tuple[int, int]
    plain: str = ""


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels, read from the PNG's header.

    >>> png_size(_PNG_MAGIC + struct.pack('>I4sII', 13, b'IHDR', 640, 480))
    (640, 480)
    """
    if png[:8] != _PNG_MAGIC or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", png[16:24])


def picture(plot: Any, plain: bool = False) -> Picture:
    """The SVG and a bounded PNG of ``plot`` (a :class:`~.plot.Plot`), and with
    ``plain=True`` the layout too, all from one ``dot`` run.

    Raises what :meth:`Plot.pipe` raises when there is no drawing."""
    png_format = _png_format(plot.engine)
    args = ("-Tplain", f"-T{png_format}") if plain else (f"-T{png_format}",)
    out = run_dot(plot.source, "svg", plot.engine, plot.timeout, args)
    cut = out.find(_PNG_MAGIC)
    end = out.rfind(b"</svg>", 0, max(cut, 0))
    if cut < 0 or end < 0:
        raise DrawingUnavailable("dot wrote no SVG and PNG")
    end += len(b"</svg>")
    svg, layout, png = out[:end].decode(), out[end:cut].decode(), out[cut:]
    size = png_size(png)
    if max(size) > PNG_MAX_SIDE:
        dpi = _PNG_DPI * PNG_MAX_SIDE / max(size)
        png = run_dot(
            plot.source, png_format, plot.engine, plot.timeout, (f"-Gdpi={dpi}",)
        )
        size = png_size(png)
    return Picture(svg, png, size, layout.strip() if plain else "")


@functools.cache
def _png_format(engine: str) -> str:
    """``png:gd`` where graphviz has its gd renderer, else ``png`` (cairo).

    gd's PNGs are ~7x smaller (the household model: 8 KB against 57 KB; the
    text is anti-aliased alike, the lines are not), and a saved notebook
    keeps each picture twice (``image/png`` and the HTML ``<img>``)."""
    try:
        run_dot("digraph { a }", "png:gd", engine, 10.0)
    except DrawingUnavailable:
        return "png"
    return "png:gd"


def img_tag(pic: Picture, title: str) -> str:
    """``pic``'s PNG as an ``<img>`` for HTML: at its own size, never wider
    than the column it sits in (the notebook's, the docs' page).

    A drawing wider than :data:`FULL_SIZE_FROM` pixels, which a column
    shrinks until its labels cannot be read, is followed by a ``<details>``
    that opens the same PNG at its own size in a box that scrolls sideways.
    It needs no script and no ``data:`` link, which untrusted notebooks strip:
    JupyterLab's sanitiser keeps ``<details>``, ``overflow`` and
    ``max-width``.

    >>> wide = Picture('', b'', (2400, 300))
    >>> tag = img_tag(wide, 'big')
    >>> print(tag[tag.index('<details'):][:67])
    <details class="sh-full-size"><summary>See the drawing at full size
    >>> '<details' in img_tag(Picture('', b'', (600, 300)), 'small')
    False
    """
    src = "data:image/png;base64," + base64.b64encode(pic.png).decode()
    alt = f"drawing of {html.escape(title)}"
    width = pic.size[0]
    tag = (
        f'<img class="sh-picture" alt="{alt}" width="{width}" '
        f'style="max-width:100%;height:auto" src="{src}"/>'
    )
    if width <= FULL_SIZE_FROM:
        return tag
    return tag + (
        '<details class="sh-full-size"><summary>See the drawing at full size'
        " (scroll sideways to follow it)</summary>"
        '<div class="sh-full-size-box" style="overflow:auto;max-width:100%">'
        f'<img class="sh-picture-full" alt="{alt}, full size" width="{width}" '
        f'style="max-width:none;height:auto" src="{src}"/></div></details>'
    )
