"""A model, or a model with a solution over it, as a ``graphviz.Digraph``.

Colours and shapes come from :mod:`.style`, tooltips from :mod:`.summary`.
graphviz (the Python package) is imported when a graph is built, never at
import time. Node names in the dot source are ``n0``, ``n1`` ... (a node id may
be any hashable, with ``:`` or ``<>`` in it); the label shows the id.

>>> import schedula_nb as sh
>>> from schedula_nb.render.graph import model_graph
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_function('f', abs, ['a'], ['b'])
'f'
>>> g = model_graph(dsp)
>>> 'label=f ' in g.source and 'sh-function sh-model' in g.source
True
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from ..core._functions import parent_func
from ..core._tokens import NONE, START
from . import style, summary

__all__ = [
    "model_graph",
    "drawn_nodes",
    "drawn_edges",
    "node_tooltip",
    "sub_models",
    "sub_solution",
    "require_graphviz",
]

FONT = "Helvetica,Arial,sans-serif"
INSTALL_HINT = (
    "drawings need the graphviz Python package: pip install 'schedula_nb[plot]'"
)

#: neutral shape (style.SHAPES) -> graphviz node attributes
_GV_SHAPES: dict[str, dict[str, str]] = {
    "round": {"shape": "ellipse"},
    "box": {"shape": "box"},
    "double-box": {"shape": "box", "peripheries": "2"},
    "small": {
        "shape": "circle",
        "width": "0.3",
        "margin": "0.02",
        "fontsize": "8",
    },
}


def require_graphviz() -> Any:
    """The ``graphviz`` module, or an ``ImportError`` that says how to install it."""
    try:
        import graphviz
    except ImportError as err:
        raise ImportError(INSTALL_HINT) from err
    return graphviz


def sub_models(dsp: Any) -> dict[Hashable, Any]:
    """Sub-model node -> the model inside it (nodes of kind ``dispatcher``)."""
    found = {}
    for node, attr in dsp.dmap.nodes.items():
        if attr.get("type") == "dispatcher":
            inner = attr.get("function")
            inner = inner if hasattr(inner, "dmap") else getattr(inner, "dsp", None)
            if hasattr(inner, "dmap"):
                found[node] = inner
    return found


#: the solution of a sub-model node inside a solution (see ``style``)
sub_solution = style.sub_solution


def _escape(text: str) -> str:
    """Text for a dot escString (labels, tooltips): backslashes doubled."""
    return text.replace("\\", "\\\\")


def model_graph(
    dsp: Any,
    solution: Any = None,
    *,
    index: bool = False,
    workflow_only: bool = False,
    links: Mapping[Hashable, str] | None = None,
    graph_attr: Mapping[str, str] | None = None,
) -> Any:
    """The drawing of ``dsp``, coloured by ``solution`` when one is given.

    Parameters
    ----------
    dsp
        The model (anything with a ``dmap`` graph and a ``name``).
    solution
        A solution of ``dsp``: nodes and edges get the status colours, and the
        nodes it did not reach are faded.
    index
        Prefix each visited node's label with its rank in the execution order.
    workflow_only
        Draw only the nodes the dispatch reached.
    links
        Sub-model node -> URL of its own page (nodes become links).
    graph_attr
        Extra graphviz graph attributes (``rankdir``, ``splines`` ...).
    """
    gv = require_graphviz()
    nodes = drawn_nodes(dsp, solution, workflow_only)
    names = {node: f"n{i}" for i, node in enumerate(nodes)}
    attrs = {"rankdir": "LR", "fontname": FONT, "tooltip": " "}
    attrs.update(graph_attr or {})
    g = gv.Digraph(
        name=gv.nohtml(summary.name(dsp.name or "model", 80)),
        graph_attr=attrs,
        node_attr={"fontname": FONT, "fontsize": "11", "style": "filled"},
        edge_attr={"fontname": FONT, "arrowsize": "0.7"},
    )
    order = {}
    if index and solution is not None:
        order = {n: i for i, n in enumerate(solution.visit, 1)}
    links = links or {}
    for node, attr in nodes.items():
        g.node(names[node], **_node_attrs(node, attr, solution, order, links))
    for u, v, value in drawn_edges(dsp, solution, names):
        g.edge(names[u], names[v], **_edge_attrs(u, v, value, solution))
    return g


def drawn_nodes(dsp: Any, solution: Any = None, workflow_only: bool = False) -> dict:
    """Node -> attributes of the nodes a drawing of ``dsp`` shows, in drawing
    order (the drawing names them ``n0``, ``n1`` ... in this order, and so do
    the explorer's elements).

    With a ``solution``, the nodes only its workflow has (``START`` when the
    model has no start node) are added; ``workflow_only`` keeps just the
    nodes the dispatch reached.

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> list(drawn_nodes(dsp)), list(drawn_nodes(dsp, dsp({'a': 1})))
    (['f', 'a', 'b'], ['f', 'a', 'b', start])
    """
    nodes = dict(dsp.dmap.nodes)
    if solution is None:
        return nodes
    wf = solution.workflow.nodes
    for node in wf:
        if node not in nodes:  # START when the model has no START node
            nodes[node] = {"type": "start" if node is START else "data"}
    if workflow_only:
        nodes = {n: a for n, a in nodes.items() if n in wf}
    return nodes


def drawn_edges(dsp: Any, solution: Any, names: Mapping) -> list[tuple]:
    """``(u, v, value)`` of the edges a drawing shows: the model's edges and,
    with a ``solution``, the workflow's (``value``: what travelled along the
    edge, ``None`` if nothing did), between nodes of ``names`` (the drawn
    nodes, e.g. the result of :func:`drawn_nodes`).

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> drawn_edges(dsp, dsp({'a': -1}), drawn_nodes(dsp))
    [('f', 'b', 1), ('a', 'f', -1)]
    """
    edges = [
        (u, v, None)
        for u, nbrs in dsp.dmap.succ.items()
        if u in names
        for v in nbrs
        if v in names
    ]
    if solution is not None:
        wf = solution.workflow
        seen = {(u, v) for u, v, _ in edges}
        edges = [
            (u, v, wf.succ[u][v].get("value") if wf.has_edge(u, v) else None)
            for u, v, _ in edges
        ]
        edges += [
            (u, v, a.get("value"))
            for u, nbrs in wf.succ.items()
            for v, a in nbrs.items()
            if (u, v) not in seen and u in names and v in names and u is not v
        ]
    return edges


def _node_attrs(
    node: Hashable, attr: Mapping, solution: Any, order: Mapping, links: Mapping
) -> dict[str, str]:
    kind = style.node_kind(node, attr)
    status = style.node_status(node, solution)
    lk = style.look(kind, status)
    label = summary.name(node, 40)
    if node in order:
        label = f"({order[node]}) {label}"
    out = dict(_GV_SHAPES[lk["shape"]])
    out.update(
        label=_escape(label),
        fillcolor=lk["fill"],
        color=lk["stroke"],
        fontcolor=lk["text"],
        tooltip=_escape(node_tooltip(node, attr, solution, status)),
        **{"class": lk["classes"]},
    )
    if node in links:
        out["URL"] = links[node]
    return {k: _nohtml(v) for k, v in out.items()}


def node_tooltip(node: Hashable, attr: Mapping, sol: Any, status: str) -> str:
    """The lines shown when hovering a node: kind, description, value, reason."""
    kind = style.node_kind(node, attr)
    lines = [f"{summary.name(node, 80)} ({kind}{'' if sol is None else ', ' + status})"]
    desc = attr.get("description") or ""
    if not desc and kind in ("function", "dispatcher"):
        desc = getattr(parent_func(attr.get("function")), "__doc__", None) or ""
    if desc:
        lines.append(summary.name(str(desc).strip().split("\n")[0], 100))
    if sol is not None:
        if node in sol:
            lines.append("value: " + summary.short(sol[node]))
        failure = sol.failures.get(node)
        if failure is not None:
            lines.append("reason: " + summary.name(failure.message, 300))
        took = sol.duration(node) if kind == "function" else None
        if took is not None:
            lines.append(f"took {took * 1e3:.3g} ms")
    return "\n".join(lines)


def _edge_attrs(u: Hashable, v: Hashable, value: Any, solution: Any) -> dict:
    status = style.edge_status(u, v, solution)
    lk = style.EDGE_LOOK[status]
    out = {
        "color": lk["color"],
        "penwidth": str(lk["width"]),
        "class": f"sh-edge sh-{status}",
    }
    if lk["dashed"]:
        out["style"] = "dashed"
    if status == "path":
        tip = f"{summary.name(u, 40)} -> {summary.name(v, 40)}"
        if value is not None and value is not NONE:
            tip += ": " + summary.short(value, 100)
        out["tooltip"] = _escape(tip)
    return {k: _nohtml(v) for k, v in out.items()}


def _nohtml(text: str) -> Any:
    """Quote ``text`` as a string even when it looks like ``<html>``."""
    import graphviz

    return graphviz.nohtml(text)
