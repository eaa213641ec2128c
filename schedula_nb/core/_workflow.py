"""The workflow graph of a solution, rebuilt from what the dispatch recorded
(``Solution.workflow``): the nodes it reached and the edges carrying the
values that went along them, in the reference's shape.
"""

from __future__ import annotations

from collections.abc import Hashable

from ._graph import DiGraph
from ._solution import Solution, edge_value, taken_from
from ._tokens import START

__all__ = ["build_workflow"]


def build_workflow(sol: Solution) -> DiGraph:
    """Rebuild the reference's workflow graph from the solution's records."""
    wf = DiGraph()
    wf.add_node(START, type="start")
    if sol.tables is not None:
        nodes = sol.tables.nodes
        succ = {u: [w for w, _ in out] for u, out in sol.tables.succ.items()}
    elif sol.dsp is not None:
        nodes, succ = sol.dsp.dmap.nodes, sol.dsp.dmap.succ
    else:
        nodes, succ = {}, {}
    removed = set(sol.not_needed)
    for k in sorted(sol.inputs, key=lambda k: (sol.inputs_dist.get(k, 0), str(k))):
        if k in succ:
            wf.add_edge(START, k, value=sol.inputs[k])
        if k in sol.wildcards:
            for w in succ[k]:
                if w not in removed:
                    wf.add_edge(k, w, value=sol.inputs[k])
    for node in sol.visit:
        attr = nodes[node]
        if attr["type"] == "data":
            _add_data_edges(sol, wf, node, attr, succ, removed)
        elif node not in removed:
            wf.add_node(node, **_function_attrs(sol, node))
            for w, producers in ((w, sol.estimates(w)) for w in succ[node]):
                if node in producers and (
                    w not in sol.visit or node == sol.chosen.get(w, node)
                ):
                    wf.add_edge(node, w, value=producers[node])
    if sol.rm_unused_nds:
        wf.remove_nodes_from(
            [
                n
                for n in wf.nodes
                if n not in sol.visit and n is not START and nodes[n]["type"] != "data"
            ]
        )
    if sol.no_call:  # nothing was computed: the edges carry no value
        for targets in wf.succ.values():
            for edge in targets.values():
                edge.pop("value", None)
    return wf


def _add_data_edges(sol, wf, node, attr, succ, removed) -> None:
    est = sol.estimates(node)
    producers = taken_from(sol, node, est, attr["wait_inputs"])
    wf.add_node(node)
    for p in producers:
        if p not in removed:
            wf.add_edge(p, node, value=est[p])
    if node in sol.blocked:
        return
    value = edge_value(sol, node)
    children = sol.children
    for w in succ[node]:
        if w in children and w in producers and (node, w) not in sol.handed_back:
            continue  # no edge back to the sub-model that gave the value
        # A function dropped as not needed loses its edges; a data node visited
        # after that passes its value on again (and brings the node back).
        if w not in removed or _after(sol, node, w):
            wf.add_edge(node, w, value=value)


def _after(sol: Solution, a: Hashable, b: Hashable) -> bool:
    """Whether ``a`` was visited after ``b``."""
    if sol._order is None:
        sol._order = {n: i for i, n in enumerate(sol.visit)}
    return sol._order.get(a, -1) > sol._order.get(b, -1)


def _function_attrs(sol: Solution, node: Hashable) -> dict:
    failure = sol.failures.get(node)
    if failure is not None and failure.kind == "domain":
        return {"solution_domain": False}
    attr: dict = {}
    t = sol.t_start.get(node)
    if t is not None:
        attr["started"] = sol.started + (t - sol.perf0)
        attr["duration"] = sol.t_end[node] - t
    if node in sol.results:
        attr["results"] = sol.results[node]
    if failure is not None:
        attr["error"] = failure.message
    if node in sol.children:
        attr["solution"] = sol.children[node]
    elif sol.call_solutions is not None and node in sol.call_solutions:
        attr["solution"] = sol.call_solutions[node]
    return attr
