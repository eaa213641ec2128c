"""Sub-models cut out of a model: by node list, by a breadth-first search from
some nodes over a graph (``get_sub_dsp_from_workflow``), and by what lies on a
path from given inputs to given outputs (``shrink``).

The sub-model has node and edge attribute dicts of its own, copies of its
parent's (the values are shared, as the reference's networkx copy shares
them): an edit of one model's attributes does not change the other's, and
each model's plans see the edits made to it. Its default values are those of
its nodes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable
from functools import partial
from typing import Any

from ._graph import DiGraph
from ._prune_subs import graphs_of, prune_sub_models
from ._submodel import as_ids
from ._tokens import NONE, SINK, START

__all__ = ["shrunk_model", "sub_model", "sub_model_from_graph"]


def _new_sub(dsp: Any, nodes: dict, succ: dict, pred: dict) -> Any:
    g = DiGraph()
    g.nodes = {n: g.attrs_of(n, a) for n, a in nodes.items()}
    g.succ = {
        u: {v: g.attrs_of(v, a) for v, a in out.items()} for u, out in succ.items()
    }
    g.pred = {v: {u: g.succ[u][v] for u in into} for v, into in pred.items()}
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
    bfs = _GraphSearch(dsp.dmap, graph, reverse, set(blockers or ()))
    skip = (
        partial(bfs.skip_reverse, avoid_cycles)
        if reverse
        else partial(bfs.skip_forward, check_inputs, add_missing)
    )
    for s in sorted(sources, key=str):
        if s in bfs.m_nodes and s in graph.nodes:
            bfs.enter(s, block=not (wildcard and s in bfs.blockers))
    while bfs.queue:
        parent = bfs.queue.popleft()
        children = bfs.family[parent]
        for child in sorted(children, key=str) if len(children) > 1 else children:
            if child not in bfs.m_nodes or skip(child, parent):
                continue
            if child not in bfs.family:
                bfs.enter(child, block=True)
            bfs.link(*((child, parent) if reverse else (parent, child)))
    return _new_sub(dsp, bfs.nodes, bfs.succ, bfs.pred)


class _GraphSearch:
    """The state of ``sub_model_from_graph``: what it kept and what is left."""

    def __init__(self, model: Any, graph: Any, reverse: bool, blockers: set) -> None:
        self.model, self.m_nodes, self.blockers = model, model.nodes, blockers
        self.neighbours = graph.pred if reverse else graph.succ
        self.nodes: dict = {}  # kept node -> its (shared) attributes
        self.succ: dict = {}
        self.pred: dict = {}
        self.family: dict = {}  # searched node -> the neighbours to look at
        self.queue: deque = deque()

    def enter(self, n: Hashable, search: bool = True, block: bool = False) -> None:
        self.nodes[n] = self.m_nodes[n]
        self.succ[n], self.pred[n] = {}, {}
        if search:
            blocked = block and n in self.blockers
            self.family[n] = () if blocked else self.neighbours[n]
            self.queue.append(n)

    def link(self, u: Hashable, v: Hashable) -> None:  # the model's edge u -> v
        self.succ[u][v] = self.pred[v][u] = self.model.succ[u][v]

    def skip_forward(
        self, check_inputs: bool, add_missing: bool, c: Hashable, _parent: Hashable
    ) -> bool:
        """Forward: a function enters with all its inputs (or as told)."""
        if c is START:
            return True
        attr = self.m_nodes[c]
        if attr["type"] != "function":
            return False
        inputs = attr["inputs"]
        if all(k in self.family for k in inputs):
            self.enter(c)
            for p in inputs:
                self.link(p, c)
            return True
        if not check_inputs or add_missing:
            self.enter(c)
            for p in inputs:
                if p not in self.family and add_missing:
                    self.enter(p, search=False)
                if p in self.nodes:
                    self.link(p, c)
            return False
        return True

    def skip_reverse(self, avoid_cycles: bool, c: Hashable, p: Hashable) -> bool:
        """Backward: START only into functions; cycles cut if asked."""
        if c is START:
            return p not in self.m_nodes or self.m_nodes[p]["type"] == "data"
        if avoid_cycles and self.m_nodes[c]["type"] == "function":
            return any(k in self.family for k in self.m_nodes[c]["inputs"])
        return False


def shrunk_model(
    dsp: Any,
    inputs: Iterable | None = None,
    outputs: Iterable | None = None,
    inputs_dist: dict | None = None,
    wildcard: bool = True,
) -> Any:
    """The nodes on the cheapest paths from ``inputs`` (and defaults) to
    ``outputs``: the union of the workflows of dispatches that call nothing,
    searched back from the outputs (from every value reached, if none given).

    As in the reference, nodes that may wait (``wait_inputs`` data nodes and
    the outputs of functions with an ``input_domain``) are first let through,
    then held, and released one distance at a time as extra inputs, so every
    producer they may wait for is kept.
    """
    if not inputs:
        if not outputs:
            return dsp.copy_structure()
        return prune_sub_models(
            sub_model_from_graph(dsp, outputs, dsp.dmap, reverse=True)
        )
    flags = _holdable(dsp)
    inputs = set(inputs)
    run = partial(dsp._dispatch, outputs=outputs, wildcard=wildcard, no_call=True)
    sol = run(
        dict.fromkeys(inputs, NONE),
        inputs_dist=inputs_dist,
        rm_unused_nds=True,
        wait_in=dict.fromkeys(flags, False),
    )
    runs = [sol]
    edges = set(sol.workflow.edges)
    dists = {**sol.dist, **(inputs_dist or {})}
    while True:
        sol = run(dict.fromkeys(inputs, NONE), inputs_dist=dists, wait_in=dict(flags))
        runs.append(sol)
        edges.update(sol.workflow.edges)
        released = _release_waiting(sol, flags)
        if not released:
            break
        inputs.update(k for k in released if dsp.dmap.nodes[k]["type"] == "data")
    union = DiGraph()
    union.add_edges_from(edges)
    targets = list(outputs) if outputs else list(sol)
    cut = sub_model_from_graph(dsp, targets, union, reverse=True)
    return prune_sub_models(cut, graphs_of(*runs))


def _holdable(dsp: Any) -> dict:
    """Data nodes that may wait: ``wait_inputs`` ones (not SINK), the outputs
    of functions with an ``input_domain``, and those of sub-models that may
    wait; all flagged to wait."""
    nodes = dsp.dmap.nodes
    flags = {
        n: True
        for n, a in nodes.items()
        if a["type"] == "data" and a["wait_inputs"] and n is not SINK
    }
    for a in nodes.values():
        if a["type"] == "function" and "input_domain" in a:
            flags.update(dict.fromkeys(a["outputs"], True))
        elif a["type"] == "dispatcher":
            # What a sub-model gives may wait too: all of it when the node has
            # a domain, else what waits inside it (the reference's rule).
            outputs = a["outputs"]
            if "input_domain" not in a:
                inside = _holdable(a["function"])
                outputs = {c: p for c, p in outputs.items() if c in inside}
            for p in outputs.values():
                flags.update(dict.fromkeys(as_ids(p), True))
    return flags


def _release_waiting(sol: Any, flags: dict) -> set:
    """Stop holding the held nodes met first (by the longest path that reached
    them); return them. Nothing left to release: an empty set."""
    held = {k for k, f in flags.items() if f}
    wf, visited = sol.workflow, set(sol.visit) | sol.wildcards
    touched = {k for k in wf.nodes if k not in visited} | (held & visited)
    candidates = held & touched
    if not candidates:
        return set()
    meet = {k: _met_at(sol, k) for k in candidates}
    first = min(meet.values())
    released = {k for k, d in meet.items() if d == first}
    for k in released:
        flags[k] = False
    return released


def _met_at(sol: Any, node: Hashable) -> float:
    """The largest distance at which the search saw ``node`` (inf: never)."""
    seen = []
    for p in sol.workflow.pred.get(node, ()):
        if p is START:
            seen.append(sol.inputs_dist.get(node, 0.0))
        elif p in sol.visit:
            ln = next((ln for w, ln in sol.tables.succ.get(p, ()) if w == node), 1)
            seen.append(sol.visit[p] + ln)
    return max(seen, default=float("inf"))
