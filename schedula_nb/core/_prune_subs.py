"""Sub-model nodes of a cut-out model, cut down in turn (the reference's rule).

When ``shrink_dsp`` or ``get_sub_dsp_from_workflow`` keeps a sub-model node,
the child model is cut to what gives the outputs the parent still uses (and
what its ``input_domain`` reads), searched back over the child's own workflow
where a dispatch ran it; the node's ``inputs`` and ``outputs`` mappings keep
only the ids left on both sides, and the parent's edges to ids no longer
mapped go. The node gets its own attribute dict: the model it was cut from
keeps its sub-model whole.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from ._submodel import as_ids

__all__ = ["prune_sub_models", "graphs_of"]

#: index path -> the graph to search a sub-model over (a child's workflow)
Graphs = Mapping[tuple, Any]


def graphs_of(*solutions: Any) -> dict:
    """The workflows of every sub-model run in ``solutions``, by index path
    (several solutions: the union of their edges)."""
    from ._graph import DiGraph

    graphs: dict = {}
    for sol in solutions:
        for path, child in (sol.sub_sol or {}).items():
            if path == sol.index:
                continue
            g = graphs.setdefault(path, DiGraph())
            g.add_edges_from(child.workflow.edges)
            for n in child.workflow.nodes:
                g.add_node(n)
    return graphs


def prune_sub_models(
    model: Any, graphs: Graphs | None = None, links: bool = False, path: tuple = (-1,)
) -> Any:
    """Cut each sub-model node of ``model`` in place (see the module's doc).

    The child keeps what leads back to the ids its outputs give the parent
    (and, with an ``input_domain``, its inputs), searched over its workflow in
    ``graphs`` (by index path) or its own graph. With ``links``
    (``get_sub_dsp_from_workflow``) the child's mapped inputs are kept too, as
    sources the search does not go past.
    """
    from ._prune import sub_model_from_graph

    dmap = model.dmap
    for node, attr in list(dmap.nodes.items()):
        if attr["type"] != "dispatcher":
            continue
        attr = dmap.own_attrs(node)
        succ, pred = dmap.succ[node], dmap.pred[node]
        wanted = {
            c for c, p in attr["outputs"].items() if any(i in succ for i in as_ids(p))
        }
        given = {c for p, v in attr["inputs"].items() if p in pred for c in as_ids(v)}
        if "input_domain" in attr or links:
            wanted |= given
        child_path = path + tuple(attr.get("index", ()))
        child = attr["function"]
        graph = (graphs or {}).get(child_path, child.dmap)
        blockers = given if links else None
        child = attr["function"] = sub_model_from_graph(
            child, wanted, graph, reverse=True, blockers=blockers, wildcard=links
        )
        prune_sub_models(child, graphs, links, child_path)
        _keep_mapped(attr, set(pred), set(succ), _data_ids(child))
        mapped_in = set(attr["inputs"])
        mapped_out = {p for v in attr["outputs"].values() for p in as_ids(v)}
        dmap.remove_edges_from(
            [(u, node) for u in list(pred) if u not in mapped_in]
            + [(node, v) for v in list(succ) if v not in mapped_out]
        )
    return model


def _data_ids(model: Any) -> set:
    return {k for k, a in model.dmap.nodes.items() if a["type"] == "data"}


def _keep_mapped(attr: dict, parent_in: set, parent_out: set, child: set) -> None:
    """The mappings of a sub-model node restricted to ids left on both sides."""
    inputs = {p: _only(c, child) for p, c in attr["inputs"].items() if p in parent_in}
    outputs = {
        c: _only(p, parent_out) for c, p in attr["outputs"].items() if c in child
    }
    attr["inputs"] = {p: c for p, c in inputs.items() if c is not None}
    attr["outputs"] = {c: p for c, p in outputs.items() if p is not None}


def _only(ids: Hashable, kept: set) -> Any:
    """``ids`` (one id or a tuple) restricted to ``kept``: one id, a tuple of
    several, or None when none is left."""
    left = tuple(i for i in as_ids(ids) if i in kept)
    if not left:
        return None
    return left[0] if len(left) == 1 else left
