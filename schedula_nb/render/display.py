"""The doors the core calls: ``plot`` of a model or a solution, and the rich
display (``_repr_mimebundle_``) of both.

The display never raises: when the drawing cannot be made (no ``dot``, no
graphviz package, a model over the size guard, dot timing out) it still gives
the HTML summary and the text, with one line saying why the drawing is missing.
The HTML holds the summary *and* the drawing, because notebooks show the
richest type they know (HTML before SVG) and would hide the drawing otherwise.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_function('f', abs, ['a'], ['b'])
'f'
>>> bundle = mimebundle(dsp({'a': -1}))
>>> sorted(bundle)
['image/svg+xml', 'text/html', 'text/plain']
>>> print(bundle['text/plain'])
Solution({'a': -1, 'b': 1})
"""

from __future__ import annotations

import html
import webbrowser
from typing import Any

from ..core._solution import Solution
from . import summary
from .dot import reason
from .plot import Plot

__all__ = ["plot_model", "plot_solution", "mimebundle"]


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
    """``image/svg+xml``, ``text/html`` and ``text/plain`` of a model or a
    solution; never raises."""
    is_sol = isinstance(obj, Solution)
    svg, note = None, ""
    try:
        if is_sol and obj.dsp is None:
            raise ValueError("this solution has no model to draw")
        plot = plot_solution(obj) if is_sol else plot_model(obj)
        svg = plot.pipe("svg").decode()
    except Exception as err:
        note = f"No drawing: {reason(err)}"
    text = _safe(summary.solution_text if is_sol else summary.model_text, obj, note)
    page = _safe(summary.solution_html if is_sol else summary.model_html, obj, note)
    if page is None:
        page = f"<pre>{html.escape(text or '')}</pre>"
    if svg is not None:
        page += f'<div class="sh-drawing" style="overflow:auto">{_inline(svg)}</div>'
    bundle = {"text/html": page, "text/plain": text or object.__repr__(obj)}
    if svg is not None:
        bundle["image/svg+xml"] = svg
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


def _inline(svg: str) -> str:
    """An SVG document as an element to put inside HTML (no XML prolog)."""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else ""
