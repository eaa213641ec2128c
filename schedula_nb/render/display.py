"""The doors the core calls: ``plot`` of a model or a solution, and the rich
display (``_repr_mimebundle_``) of both.

The display never raises: when the drawing cannot be made (no ``dot``, no
graphviz package, a model over the size guard, dot timing out) it still gives
the HTML summary and the text, with one line saying why the drawing is missing.
The HTML holds the summary *and* the drawing, because notebooks show the
richest type they know (HTML before SVG) and would hide the drawing otherwise.
The drawing in the HTML is a PNG ``<img>``, and ``image/png`` sits beside the
SVG: untrusted notebooks refuse SVG and sanitise HTML (see :mod:`.picture`).

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_function('f', abs, ['a'], ['b'])
'f'
>>> bundle = mimebundle(dsp({'a': -1}))
>>> sorted(bundle)
['image/png', 'image/svg+xml', 'text/html', 'text/plain']
>>> print(bundle['text/plain'])
Solution({'a': -1, 'b': 1})
"""

from __future__ import annotations

import base64
import html
import webbrowser
from typing import Any

from ..core._solution import Solution
from . import summary
from .dot import reason
from .picture import Picture, img_tag, picture
from .plot import Plot

__all__ = ["plot_model", "plot_solution", "mimebundle", "bundle_of"]


def plot_model(
    dsp: Any,
    workflow: bool = False,
    index: bool = False,
    view: bool = False,
    depth: int = -1,
    **options: Any,
) -> Plot:
    """``dsp.plot()``: the model, or with ``workflow=True`` its last solution.

    ``options`` go to :class:`Plot` (``engine``, ``max_nodes``, ``timeout``,
    ``graph_attr``, ``workflow_only``).

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher(name='demo')
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> plot_model(dsp).solution is None, plot_model(dsp, True).solution is dsp.solution
    (True, True)
    """
    if workflow:
        return plot_solution(dsp.solution, False, index, view, depth, **options)
    return _show(Plot(dsp, None, index=index, depth=depth, **options), view)


def plot_solution(
    sol: Any,
    workflow: bool = False,
    index: bool = False,
    view: bool = False,
    depth: int = -1,
    **options: Any,
) -> Plot:
    """``sol.plot()``: the searched model coloured by the solution; with
    ``workflow=True`` only the nodes the dispatch reached."""
    options.setdefault("workflow_only", bool(workflow))
    return _show(Plot(sol.dsp, sol, index=index, depth=depth, **options), view)


def _show(plot: Plot, view: bool) -> Plot:
    if view:
        path = plot.render(view=False)
        webbrowser.open((path.parent / "index.html").as_uri())
    return plot


def mimebundle(obj: Any, include: Any = None, exclude: Any = None) -> dict:
    """``text/html``, ``image/png``, ``image/svg+xml`` and ``text/plain`` of a
    model or a solution; never raises."""
    pic, note = None, ""
    try:
        if isinstance(obj, Solution) and obj.dsp is None:
            raise ValueError("this solution has no model to draw")
        plot = plot_solution(obj) if isinstance(obj, Solution) else plot_model(obj)
        pic = picture(plot)
    except Exception as err:
        note = f"No drawing: {reason(err)}"
    return bundle_of(obj, pic, note, include, exclude)


def bundle_of(
    obj: Any,
    pic: Picture | None,
    note: str = "",
    include: Any = None,
    exclude: Any = None,
) -> dict:
    """The display of ``obj`` with a drawing already made (``pic``; ``None``
    and a ``note`` saying why when there is none).

    The HTML holds the summary and the drawing as a PNG ``<img>``, never an
    inline ``<svg>``: untrusted notebooks sanitise HTML and would show the
    SVG's text instead (see :mod:`.picture`)."""
    is_sol = isinstance(obj, Solution)
    text = _safe(summary.solution_text if is_sol else summary.model_text, obj, note)
    page = _safe(summary.solution_html if is_sol else summary.model_html, obj, note)
    if page is None:
        page = f"<pre>{html.escape(text or '')}</pre>"
    bundle = {"text/plain": text or object.__repr__(obj)}
    if pic is not None:
        title = summary.name(getattr(obj, "name", "") or "the model", 80)
        page += f'<div class="sh-drawing">{img_tag(pic, title)}</div>'
        bundle["image/png"] = base64.b64encode(pic.png).decode()
        bundle["image/svg+xml"] = pic.svg
    bundle["text/html"] = page
    if include:
        bundle = {k: v for k, v in bundle.items() if k in include}
    if exclude:
        bundle = {k: v for k, v in bundle.items() if k not in exclude}
    return bundle


def _safe(fn: Any, obj: Any, note: str) -> str | None:
    try:
        return fn(obj, note)
    except Exception:
        return None
