"""Sub-models cut out of a model: by node list, by a breadth-first search from
some nodes over a graph (``get_sub_dsp_from_workflow``), and by what lies on a
path from given inputs to given outputs (``shrink``).

The sub-model shares node and edge attribute dicts with its parent (nothing is
copied); its default values are those of its nodes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable
from typing import Any

from ._graph import DiGraph
from ._tokens import NONE, START

__all__ = ["reverse_reach", "shrunk_model", "sub_model", "sub_model_from_graph"]


def _new_sub(dsp: Any, nodes: dict, succ: dict, pred: dict) -> Any:
    g = DiGraph()
    g.nodes, g.succ, g.pred = nodes, succ, pred
    sub = dsp.copy_structure(dmap=g)
    sub.default_values = {k: v for k, v in dsp.default_values.items() if k in nodes}
    return sub


def sub_model(
    dsp: Any, nodes_bunch: Iterable, edges_bunch: Iterable | None = None
) -> Any:
    """The sub-model of ``nodes_bunch`` (functions need all their inputs).

    Functions left without an output and nodes left without an edge go too.
    """
    wanted = set(nodes_bunch)
    keep = [u for u in dsp.dmap.nodes if u in wanted]  # the model's order
    missing = [u for u in nodes_bunch if u not in dsp.dmap.nodes]
    if missing:
        from ._exceptions import ModelError

        raise ModelError(f"get_sub_dsp: nodes not in the model: {missing!r}")
    g = dsp.dmap.subgraph(keep)
    inside = set(keep)
    for u in keep:
        inputs = g.nodes[u].get("inputs") if g.nodes[u]["type"] != "data" else None
        if inputs is not None and any(k not in inside for k in inputs):
            g.remove_node(u)
    for e in edges_bunch or ():
        g.remove_edge(*e)
    g.remove_nodes_from(
        [u for u, a in g.nodes.items() if a["type"] == "function" and not g.succ[u]]
    )
    g.remove_nodes_from([u for u in g.nodes if not (g.pred[u] or g.succ[u])])
    return _new_sub(dsp, g.nodes, g.succ, g.pred)


def sub_model_from_graph(
    dsp: Any,
    sources: Iterable,
    graph: Any,
    reverse: bool = False,
    add_missing: bool = False,
    check_inputs: bool = True,
    blockers: Iterable | None = None,
    wildcard: bool = False,
    avoid_cycles: bool = False,
) -> Any:
    """Breadth-first search from ``sources`` over ``graph`` (successors, or
    predecessors when ``reverse``); the nodes and model edges it crosses.

    A node in ``blockers`` is kept but not searched through (a source is
    searched through when ``wildcard``). Forward, a function is entered only
    once all its inputs are reached, unless ``check_inputs`` is False.
    """
    model = dsp.dmap
    m_nodes = model.nodes
    nodes: dict = {}
    succ: dict = {}
    pred: dict = {}
    family: dict = {}
    queue: deque = deque()
    blockers = set(blockers or ())
    neighbours = graph.pred if reverse else graph.succ

    def enter(n: Hashable, search: bool = True, block: bool = False) -> None:
        nodes[n] = m_nodes[n]
        succ[n], pred[n] = {}, {}
        if search:
            family[n] = () if block and n in blockers else neighbours[n]
            queue.append(n)

    def link(u: Hashable, v: Hashable) -> None:  # model edge u -> v
        succ[u][v] = pred[v][u] = model.succ[u][v]

    def skip_forward(c: Hashable) -> bool:
        if c is START:
            return True
        attr = m_nodes[c]
        if attr["type"] != "function":
            return False
        inputs = attr["inputs"]
        if all(k in family for k in inputs):
            enter(c)
            for p in inputs:
                link(p, c)
            return True
        if not check_inputs or add_missing:
            enter(c)
            for p in inputs:
                if p not in family and add_missing:
                    enter(p, search=False)
                if p in nodes:
                    link(p, c)
            return False
        return True

    def skip_reverse(c: Hashable, p: Hashable) -> bool:
        if c is START:
            return p not in m_nodes or m_nodes[p]["type"] == "data"
        if avoid_cycles and m_nodes[c]["type"] == "function":
            return any(k in family for k in m_nodes[c]["inputs"])
        return False

    for s in sorted(sources, key=str):
        if s in m_nodes and s in graph.nodes:
            enter(s, block=not (wildcard and s in blockers))
    while queue:
        parent = queue.popleft()
        children = family[parent]
        for child in sorted(children, key=str) if len(children) > 1 else children:
            if child not in m_nodes:
                continue
            if skip_reverse(child, parent) if reverse else skip_forward(child):
                continue
            if child not in family:
                enter(child, block=True)
            if reverse:
                link(child, parent)
            else:
                link(parent, child)
    return _new_sub(dsp, nodes, succ, pred)


def shrunk_model(
    dsp: Any,
    inputs: Iterable | None = None,
    outputs: Iterable | None = None,
    inputs_dist: dict | None = None,
    wildcard: bool = True,
) -> Any:
    """The nodes on the cheapest paths from ``inputs`` (and defaults) to
    ``outputs``: the workflow of a dispatch that calls nothing, searched back
    from the outputs (from every value reached, if no outputs are given)."""
    if not inputs:
        if not outputs:
            return dsp.copy_structure()
        return sub_model_from_graph(dsp, outputs, dsp.dmap, reverse=True)
    sol = dsp._dispatch(
        dict.fromkeys(inputs, NONE),
        outputs,
        inputs_dist,
        wildcard=wildcard,
        no_call=True,
        rm_unused_nds=True,
    )
    targets = list(outputs) if outputs else list(sol)
    return sub_model_from_graph(dsp, targets, sol.workflow, reverse=True)


def reverse_reach(
    dmap: Any, sources: Iterable, blockers: Iterable, wildcard: bool = False
) -> tuple[set, set]:
    """The nodes a backward search from ``sources`` reaches, and those of them
    it does not search through (``blockers``; a source only when not
    ``wildcard``) -- the node set of ``sub_model_from_graph(reverse=True)``
    over the model itself, without building the sub-model."""
    nodes, pred = dmap.nodes, dmap.pred
    blockers = set(blockers)
    keep: set = set()
    blocked: set = set()
    queue: deque = deque()
    for s in sources:
        if s in nodes and s not in keep:
            keep.add(s)
            if s in blockers and not wildcard:
                blocked.add(s)
            else:
                queue.append(s)
    while queue:
        parent = queue.popleft()
        for child in pred[parent]:
            if child in keep:
                continue
            if child is START and nodes[parent]["type"] == "data":
                continue
            keep.add(child)
            if child in blockers:
                blocked.add(child)
            else:
                queue.append(child)
    return keep, blocked
