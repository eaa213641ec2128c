"""The model's drawing as an SVG element to put inline in an HTML page: made
by ``plot()`` (the same drawing as in a notebook), sub-model nodes linked to
their sections on the page, ids prefixed so that several drawings can share a
page, and the size the directive asks for.

>>> import schedula_nb as sh
>>> from schedula_nb.sphinx._drawing import drawing_svg
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_function('f', abs, ['a'], ['b'])
'f'
>>> svg = drawing_svg(dsp, {}, {}, 'demo', width='300px')
>>> svg.startswith('<svg') and 'width="300px"' in svg and 'id="demo-graph0"' in svg
True
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from typing import Any

__all__ = ["drawing_svg", "inline_svg"]

#: plot() options that make no sense while building a page
_DROPPED = ("view",)


def drawing_svg(
    dsp: Any,
    options: Mapping[str, Any],
    links: Mapping[Hashable, str],
    id_prefix: str,
    width: str | None = None,
    height: str | None = None,
) -> str:
    """The inline SVG of ``dsp.plot(**options)``, with sub-model nodes linked
    to ``links[node]``.

    Raises what ``plot()`` raises: ``TypeError`` for an unknown option,
    ``ImportError`` without the graphviz package, and
    ``schedula_nb.render.DrawingUnavailable`` without ``dot`` (or when the
    model is over the size guard, or dot times out).
    """
    from ..render.dot import run_dot

    plot = dsp.plot(**{k: v for k, v in options.items() if k not in _DROPPED})
    plot._check_size(plot.dsp)  # the size guard plot() applies to its pages
    graph = plot._build(plot.dsp, plot.solution, links)  # a page with links
    svg = run_dot(graph.source, "svg", plot.engine, plot.timeout).decode()
    return inline_svg(svg, id_prefix, width, height)


def inline_svg(
    svg: str, id_prefix: str, width: str | None = None, height: str | None = None
) -> str:
    """An SVG document as an element for an HTML page: no XML prolog or
    doctype, ``id``s prefixed with ``id_prefix``, and the asked size (the
    other dimension follows the aspect ratio); without a size it shrinks to
    the page's width.

    >>> doc = '<?xml version="1.0"?>\\n<svg width="80pt" height="40pt" viewBox="0 0 80 40"><g id="graph0"/></svg>'
    >>> inline_svg(doc, 'p', height='20')
    '<svg class="sh-dispatcher-svg" viewBox="0 0 80 40" height="20px"><g id="p-graph0"/></svg>'
    """
    svg = svg[svg.find("<svg") :]
    svg = re.sub(r'\bid="([^"]*)"', lambda m: f'id="{id_prefix}-{m[1]}"', svg)
    svg = svg.replace("url(#", f"url(#{id_prefix}-")
    head_end = svg.find(">")
    head, body = svg[:head_end], svg[head_end:]
    sizes = {"width": _css_length(width), "height": _css_length(height)}
    if any(sizes.values()):
        for attr, value in sizes.items():
            head = re.sub(rf'\s{attr}="[^"]*"', "", head)
            if value:
                head += f' {attr}="{value}"'
        head = head.replace("<svg", '<svg class="sh-dispatcher-svg"', 1)
    else:  # fit the page: graphviz's size in pt at most, the page's width
        head = head.replace(
            "<svg",
            '<svg class="sh-dispatcher-svg" style="max-width:100%;height:auto"',
            1,
        )
    return head + body


def _css_length(value: str | None) -> str | None:
    """``'300'`` -> ``'300px'``; lengths with a unit (or %) as they are."""
    if value is None or str(value).strip() == "":
        return None
    value = str(value).strip()
    return f"{value}px" if re.fullmatch(r"[0-9.]+", value) else value
