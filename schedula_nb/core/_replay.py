"""Replaying a dispatch without searching.

The search's choices depend only on the model, the input ids and distances,
the requested outputs, and each visit's *outcome* (which outputs a function
fed, whether a node failed) -- never on the values. So a dispatch traced once
can be re-run from the trace: the same nodes, in the same order, are executed
and each outcome is checked against the traced one. At the first different
outcome the replay stops, and the search runs again from the start, taking
the nodes already executed from the replay instead of calling them twice.

The common steps (a plain function with one output, a data node passing on
its one estimate) are inlined in the replay loop; the others go through the
same ``run_function`` / ``run_data`` as the search.
"""

from __future__ import annotations

from time import perf_counter
from typing import Any

from ._exceptions import DispatcherAbort, SkipNode
from ._graph import Attrs
from ._nodes import fail, run_data, run_function
from ._search import seed_initial
from ._solution import Solution
from ._tables import SearchTables
from ._tokens import NONE, START

__all__ = ["Trace", "compile_trace", "replay"]

_GENERAL, _PLAIN_DATA, _PLAIN_FUNC, _INPUT = 0, 1, 2, 3
# What a fused step cannot do inline (filters it can: they are applied)
_FUNC_EXTRAS = ("input_domain",)
_DATA_EXTRAS = ("function", "callback")
_INPUT_EXTRAS = ("function", "callback")


def _plain(attr: dict, extras: tuple) -> bool:
    for k in extras:
        if k in attr:
            return False
    return True


class Trace:
    """Replay steps ``(node, dist, left, outcome, kind, key)``, and ``fused``:
    data node -> its only producer, whose value the replay passes on directly.

    ``key`` holds what a fused step reads of its node, read once here:
    ``(producer, filters, attributes)`` of a data node, ``(input ids,
    function, filters, attributes)`` of a function, ``(filters,
    attributes)`` of an input. Only watched attribute dicts (``Attrs``, whose edits make a new
    plan) are fused, and a step whose node has another attribute dict now
    (replaced by assignment) gives the replay up: what it read may be old."""

    __slots__ = ("steps", "fused")

    def __init__(self, steps: list, fused: dict) -> None:
        self.steps, self.fused = steps, fused


def compile_trace(trace: list, tb: SearchTables, initial: Any = ()) -> Trace:
    """Turn the search's ``(node, dist, left, out)`` visits into replay steps.

    A plain function with one output feeding a plain data node that has no
    other estimate is replayed as a pair: the data node takes the result as
    its value, without an estimates dict (``Solution.estimates`` rebuilds it);
    their filters are applied inline. A plain input takes its given value
    (through its filters).
    The estimates are read off the trace: a function's ``out`` lists the data
    nodes it fed, all before they were visited; ``initial`` are the ids that
    started with a value (an estimate too).
    """
    nodes, succ = tb.nodes, tb.succ
    fed_by: dict = {}
    for node, _, left, out in trace:
        if left is not None and out:
            for k, _ in out:
                fed_by.setdefault(k, []).append(node)
    fused = {}
    for node, _, left, out in trace:
        if left is not None or out is None or out is not succ[node]:
            continue
        producers = fed_by.get(node, ())
        attr = nodes[node]
        if (
            node in initial
            or len(producers) != 1
            or type(attr) is not Attrs
            or attr["wait_inputs"]
            or not _plain(attr, _DATA_EXTRAS)
        ):
            continue
        p_attr = nodes[producers[0]]
        if (
            type(p_attr) is Attrs
            and p_attr["type"] == "function"
            and producers[0] not in tb.wrapped
            and len(p_attr["outputs"]) == 1
            and _plain(p_attr, _FUNC_EXTRAS)
        ):
            fused[node] = producers[0]
    producers = {p: n for n, p in fused.items()}
    steps = []
    for node, d, left, out in trace:
        attr = nodes[node]
        filters = tuple(attr.get("filters") or ())
        if node in fused:
            key = (fused[node], filters, attr)
            steps.append((node, d, left, out, _PLAIN_DATA, key))
        elif node in producers and out:
            key = (attr["inputs"], attr["function"], filters, attr)
            steps.append((node, d, left, out, _PLAIN_FUNC, key))
        elif (
            left is None
            and type(attr) is Attrs
            and node in initial
            and node not in fed_by
            and out is succ[node]
            and not attr["wait_inputs"]
            and _plain(attr, _INPUT_EXTRAS)
        ):
            steps.append((node, d, left, out, _INPUT, (filters, attr)))
        else:
            steps.append((node, d, left, out, _GENERAL, None))
    return Trace(steps, fused)


def replay(
    sol: Solution, tb: SearchTables, initial: list, trace: Trace, stopper: Any = None
) -> bool:
    """Re-run ``trace`` into ``sol``; False at the first outcome that differs."""
    seed_initial(sol, tb, initial)
    if sol.no_call or sol.memo is not None or sol.wildcards or sol.reuse is not None:
        return _replay_general(sol, tb, trace, stopper)
    sol.fused = trace.fused
    nodes, dist, est = tb.nodes, sol.visit, sol.est
    t_start, t_end, results = sol.t_start, sol.t_end, sol.results
    getitem = sol.__getitem__
    for node, d, left, expected, kind, key in trace.steps:
        if stopper is not None and stopper.is_set():
            raise DispatcherAbort("Stop requested.", sol=sol, node_id=node)
        if kind == _PLAIN_FUNC:
            inputs, function, filters, attr = key
            if sol.has_none or nodes[node] is not attr:
                return _unfuse(sol, trace)
            dist[node] = d
            args = (
                [getitem(inputs[0])] if len(inputs) == 1 else list(map(getitem, inputs))
            )
            try:
                t0 = perf_counter()
                res = function(*args)
                t_end[node] = perf_counter()
                t_start[node] = t0
                for flt in filters:
                    res = flt(res)
            except SkipNode:
                return _unfuse(sol, trace)
            except Exception as ex:
                fail(sol, node, ex)
                return _unfuse(sol, trace)
            results[node] = res
            if res is NONE:
                return _unfuse(sol, trace)
        elif kind == _PLAIN_DATA:
            producer, filters, attr = key
            if nodes[node] is not attr:
                return _unfuse(sol, trace)
            dist[node] = d
            value = results[producer]
            if filters:
                value = _filtered(sol, node, value, filters)
                if value is _STOP:
                    return _unfuse(sol, trace)
            sol[node] = value
        elif kind == _INPUT:
            filters, attr = key
            value = est[node][START]
            if nodes[node] is not attr or (filters and value is NONE):
                return _unfuse(sol, trace)  # (filters of NONE: run_data's)
            dist[node] = d
            if filters:
                value = _filtered(sol, node, value, filters)
                if value is _STOP:
                    return _unfuse(sol, trace)
                sol[node] = value
            elif value is NONE:
                sol.has_none = True
            else:
                sol[node] = value
        else:
            dist[node] = d
            out = (
                run_data(sol, tb, node)
                if left is None
                else run_function(sol, tb, node, left)
            )
            if out != expected:
                return _unfuse(sol, trace)
    return True


_STOP = object()  # a filter stopped the value (see _filtered)


def _filtered(sol: Solution, node: Any, value: Any, filters: tuple) -> Any:
    """``value`` through data node ``node``'s ``filters``, or ``_STOP``
    where one skips, raises or gives NONE (recorded as ``run_data`` does)."""
    try:
        for flt in filters:
            value = flt(value)
    except SkipNode:
        sol.blocked.add(node)
        return _STOP
    except Exception as ex:
        sol.blocked.add(node)
        fail(sol, node, ex)
        return _STOP
    if value is NONE:
        sol.has_none = True
        return _STOP
    return value


def _unfuse(sol: Solution, trace: Trace) -> bool:
    """Before giving up a replay, store the estimates its pairs skipped."""
    for node, producer in trace.fused.items():
        if producer in sol.results and node not in sol.est:
            sol.est[node] = {producer: sol.results[producer]}
    sol.fused = {}
    return False


def _replay_general(
    sol: Solution, tb: SearchTables, trace: Trace, stopper: Any
) -> bool:
    dist = sol.visit
    for node, d, left, expected, _, _ in trace.steps:
        if stopper is not None and stopper.is_set():
            raise DispatcherAbort("Stop requested.", sol=sol, node_id=node)
        dist[node] = d
        out = (
            run_data(sol, tb, node)
            if left is None
            else run_function(sol, tb, node, left)
        )
        if out != expected:
            return False
    return True
