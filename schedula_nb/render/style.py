"""The visual language of models and workflows: one palette, one set of shapes.

Plain data and pure functions, shared by the graphviz drawings and the explorer
(no graphviz here). A node has a **kind** (what it is) and, in a drawing of a
solution, a **status** (what the dispatch did with it); :func:`look` turns the
pair into neutral drawing attributes that each front-end maps to its own
(``graph.py`` to graphviz, the explorer to cytoscape).

Kinds and their shapes:

- ``data``: round; ``function``: box; ``dispatcher`` (a sub-model): double box;
- ``start`` and ``sink`` (the ``START`` and ``SINK`` tokens): small.

Statuses (model drawings use ``MODEL`` only):

=============  ===============================================================
``input``      given to the dispatch (an input or a default value)
``computed``   a data node that got a value
``ran``        a function that ran (on the chosen path)
``reached``    visited, but no value and no call (e.g. outputs already known)
``unreached``  in the model, not reached by the dispatch: faded
``failed``     the function (or a data node's callback) raised: orange
``domain``     the inputs were out of the function's ``input_domain``: orange
=============  ===============================================================

A sub-model's node takes ``failed`` when something inside it failed, else
``domain`` when something inside it refused its inputs (at any depth).

>>> import schedula_nb as sh
>>> from schedula_nb.render import style
>>> dsp = sh.Dispatcher()
>>> dsp.add_function('f', lambda a: 1 / a, ['a'], ['b'])
'f'
>>> sol = dsp({'a': 0})
>>> [style.node_status(n, sol) for n in ('a', 'f', 'b')]
['input', 'failed', 'unreached']
>>> style.look('function', 'failed')['fill'] == style.ORANGE
True
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from ..core._tokens import SINK, START

__all__ = [
    "KINDS",
    "STATUSES",
    "SHAPES",
    "PALETTE",
    "KIND_FILL",
    "ORANGE",
    "node_kind",
    "node_status",
    "sub_solution",
    "all_failures",
    "edge_status",
    "look",
    "css_classes",
]

KINDS = ("data", "function", "dispatcher", "start", "sink")

#: kind -> neutral shape name (graph.py and the explorer map these)
SHAPES = {
    "data": "round",
    "function": "box",
    "dispatcher": "double-box",
    "start": "small",
    "sink": "small",
}

MODEL = "model"
INPUT = "input"
COMPUTED = "computed"
RAN = "ran"
REACHED = "reached"
UNREACHED = "unreached"
FAILED = "failed"
DOMAIN = "domain"
STATUSES = (MODEL, INPUT, COMPUTED, RAN, REACHED, UNREACHED, FAILED, DOMAIN)

ORANGE = "#ff9f40"  # failed and out-of-domain: the one colour that says "look here"
INK = "#333333"  # strokes and text of everything not faded
FADED = "#c0c0c0"  # strokes and text of nodes and edges not reached

#: kind -> fill in a model drawing (no solution)
KIND_FILL = {
    "data": "#e3eef9",
    "function": "#f4f4f4",
    "dispatcher": "#ece5f6",
    "start": "#d9d9d9",
    "sink": "#d9d9d9",
}

#: status -> fill, stroke, text colours; ``None`` fill means the kind's fill
PALETTE: dict[str, dict[str, Any]] = {
    MODEL: {"fill": None, "stroke": INK, "text": INK},
    INPUT: {"fill": "#9ecae1", "stroke": INK, "text": INK},
    COMPUTED: {"fill": "#a1d99b", "stroke": INK, "text": INK},
    RAN: {"fill": "#d9f0d3", "stroke": INK, "text": INK},
    REACHED: {"fill": "#ffffff", "stroke": INK, "text": INK},
    UNREACHED: {"fill": "#ffffff", "stroke": FADED, "text": FADED},
    FAILED: {"fill": ORANGE, "stroke": "#b35900", "text": INK},
    DOMAIN: {"fill": ORANGE, "stroke": INK, "text": INK},
}

#: edge status -> colour and pen width (``path``: on the chosen path)
EDGE_LOOK = {
    "model": {"color": INK, "width": 1.0, "dashed": False},
    "path": {"color": INK, "width": 1.6, "dashed": False},
    "unreached": {"color": FADED, "width": 1.0, "dashed": True},
}


def node_kind(node: Hashable, attr: Mapping) -> str:
    """The kind of a node: ``'start'``, ``'sink'`` or its ``attr['type']``.

    >>> from schedula_nb import START
    >>> node_kind(START, {'type': 'data'}), node_kind('f', {'type': 'function'})
    ('start', 'function')
    """
    if node is START:
        return "start"
    if node is SINK:
        return "sink"
    kind = attr.get("type", "data")
    return kind if kind in SHAPES else "data"


def node_status(node: Hashable, solution: Any) -> str:
    """What the dispatch did with ``node`` (one of :data:`STATUSES`).

    ``solution`` is ``None`` for a model drawing (status ``'model'``).
    """
    if solution is None:
        return MODEL
    failure = solution.failures.get(node)
    if failure is not None:
        return DOMAIN if failure.kind == "domain" else FAILED
    inner = sub_solution(solution, node)
    if inner is not None:  # a sub-model: what failed inside it fails here
        kinds = {f.kind for _, f in all_failures(inner)}
        if kinds:
            return FAILED if kinds - {"domain"} else DOMAIN
    if node is START:
        return INPUT if START in solution.workflow.nodes else UNREACHED
    if node in solution.inputs and node in solution:
        return INPUT
    if node in solution:
        return COMPUTED
    if (
        node in solution.t_start
        or node in solution.results
        or node in getattr(solution, "children", ())  # a sub-model that ran
    ):
        return RAN
    if node in solution.visit or node in solution.workflow.nodes:
        return REACHED
    return UNREACHED


def sub_solution(solution: Any, node: Hashable) -> Any:
    """The solution of sub-model ``node`` inside ``solution``, if it ran: the
    recorded sub-solution, or the result of a ``SubDispatch`` that returns
    its solution (``None`` otherwise)."""
    if solution is None:
        return None
    children = getattr(solution, "children", None) or {}
    if node in children:
        return children[node]
    subs = getattr(solution, "sub_sol", None) or {}
    found = subs.get(node, subs.get((node,)))
    if found is None:
        result = (getattr(solution, "results", None) or {}).get(node)
        if hasattr(result, "failures") and hasattr(result, "workflow"):
            found = result
    return found


def all_failures(solution: Any, path: tuple = ()) -> list[tuple[tuple, Any]]:
    """``(path, failure)`` of every failure in ``solution`` and in the
    sub-models that ran inside it, where ``path`` is the node ids from this
    level down to the node that failed.

    >>> import schedula_nb as sh
    >>> inner = sh.Dispatcher(name='inner')
    >>> inner.add_function('boom', lambda a: 1 / a, ['a'], ['b'])
    'boom'
    >>> top = sh.Dispatcher(name='top')
    >>> top.add_dispatcher(inner, inputs=['a'], outputs=['b'], dsp_id='sub')
    'sub'
    >>> [(p, f.kind) for p, f in all_failures(top({'a': 0}))]
    [(('sub', 'boom'), 'error')]
    """
    found = [((*path, n), f) for n, f in solution.failures.items()]
    seen = {id(solution)}
    for node in (*getattr(solution, "children", {}), *solution.results):
        inner = sub_solution(solution, node)
        if inner is not None and id(inner) not in seen:
            seen.add(id(inner))
            found += all_failures(inner, (*path, node))
    return found


def edge_status(u: Hashable, v: Hashable, solution: Any) -> str:
    """``'model'`` without a solution, ``'path'`` when the dispatch followed the
    edge, else ``'unreached'``."""
    if solution is None:
        return "model"
    return "path" if solution.workflow.has_edge(u, v) else "unreached"


def look(kind: str, status: str) -> dict[str, Any]:
    """Neutral drawing attributes of a node: shape, fill, stroke, text colour,
    whether its border is doubled, and its CSS classes.

    >>> look('dispatcher', 'model')['shape'], look('data', 'unreached')['stroke']
    ('double-box', '#c0c0c0')
    """
    colours = PALETTE.get(status, PALETTE[MODEL])
    return {
        "shape": SHAPES.get(kind, "round"),
        "fill": colours["fill"] or KIND_FILL.get(kind, "#ffffff"),
        "stroke": colours["stroke"],
        "text": colours["text"],
        "double": kind == "dispatcher",
        "small": kind in ("start", "sink"),
        "classes": css_classes(kind, status),
    }


def css_classes(kind: str, status: str) -> str:
    """The CSS classes of a node, e.g. ``'sh-function sh-domain'``.

    >>> css_classes('function', 'domain')
    'sh-function sh-domain'
    """
    return f"sh-{kind} sh-{status}"
