"""Fused steps for the replay of a model with sub-models.

After a replay of a nested log succeeds, the log is compiled once for the
next ones, as ``_replay.compile_trace`` does for flat models: a plain
function with one output whose value is the only estimate its data node got
(observed in that replay, at every level) is replayed with the data node as
a pair, inline, without the estimates dict (``Solution.estimates`` rebuilds
it from ``fused``); filters are applied inline. Everything else (sub-models
started, values handed between levels) replays as before.

>>> import schedula_nb as sh
>>> child = sh.Dispatcher(name='child')
>>> child.add_function('double', lambda x: 2 * x, ['x'], ['y'])
'double'
>>> dsp = sh.Dispatcher(name='parent')
>>> dsp.add_function('inc', lambda a: a + 1, ['a'], ['b'])
'inc'
>>> dsp.add_dispatcher(child, {'b': 'x'}, {'y': 'c'}, 'sub')
'sub'
>>> [dsp.dispatch({'a': a}, ['c'])['c'] for a in range(4)]
[2, 4, 6, 8]
>>> sol = dsp.dispatch({'a': 9}, ['c'])
>>> sol.fused, sol.estimates('b'), sol.sub_sol[(-1, 3)].fused
({'b': 'inc'}, {'inc': 10}, {'y': 'double'})
"""

from __future__ import annotations

from time import perf_counter
from typing import Any

from ._exceptions import SkipNode
from ._graph import Attrs
from ._nested_search import VISIT
from ._nodes import fail
from ._replay import _STOP, _filtered
from ._solution import Solution
from ._tokens import NONE, START

__all__ = ["FUSED_DATA", "FUSED_FUNC", "FusedLog", "fuse_log", "run_fused"]

#: event kinds of a fused log, beside ``_nested_search``'s (0 to 4)
FUSED_FUNC, FUSED_DATA = 10, 11


class FusedLog:
    """A nested log with fused events. Where a replay of it gives up, the
    search that takes over reads the calls made from its solutions (values
    and results, not estimates): nothing needs unfusing."""

    __slots__ = ("events",)

    def __init__(self, events: list) -> None:
        self.events = events


def fuse_log(log: list, sol: Solution) -> FusedLog:
    """``log`` with the plain pairs that ``sol`` (its successful replay)
    shows fused: ``(FUSED_FUNC, level, node, dist, inputs, function,
    filters, attributes)`` and ``(FUSED_DATA, level, node, dist, producer,
    filters, attributes)``."""
    pairs: dict = {}
    for event in log:
        if event[0] != VISIT or event[4] is not None:
            continue
        level = sol.sub_sol.get(event[1])
        if level is None or level.tables is None:
            continue
        v, producer = event[2], _only_producer(level, event[2])
        if producer is not None:
            pairs.setdefault(event[1], {})[v] = producer
    producers = {(i, p) for i, fused in pairs.items() for p in fused.values()}
    events = []
    for event in log:
        kind, index = event[0], event[1]
        if kind == VISIT and event[2] in pairs.get(index, ()):
            v, d = event[2], event[3]
            attr = sol.sub_sol[index].tables.nodes[v]
            filters = tuple(attr.get("filters") or ())
            event = (FUSED_DATA, index, v, d, pairs[index][v], filters, attr)
        elif kind == VISIT and (index, event[2]) in producers:
            v, d = event[2], event[3]
            attr = sol.sub_sol[index].tables.nodes[v]
            filters = tuple(attr.get("filters") or ())
            event = (FUSED_FUNC, index, v, d, attr["inputs"], attr["function"],
                     filters, attr)  # fmt: skip
        events.append(event)
    return FusedLog(events)


def _only_producer(level: Solution, v: Any) -> Any:
    """The function whose value is the one estimate data node ``v`` got, if
    both are plain ones that can be fused; else None."""
    tb = level.tables
    est = level.est.get(v)
    attr = tb.nodes.get(v)
    if (
        est is None
        or len(est) != 1
        or v not in level
        or type(attr) is not Attrs
        or attr["wait_inputs"]
        or "function" in attr
        or "callback" in attr
    ):
        return None
    (p,) = est
    p_attr = tb.nodes.get(p)
    if (
        p is START
        or type(p_attr) is not Attrs
        or p_attr["type"] != "function"
        or p in tb.subs
        or p in tb.wrapped
        or "input_domain" in p_attr
        or list(p_attr["outputs"]) != [v]
        or p not in level.results
    ):
        return None
    return p


def run_fused(event: tuple, s: Solution, nodes: dict, step: Any) -> bool:
    """Replay a fused event in level ``s`` (``nodes``: its tables' nodes);
    False where the outcome differs from the log's."""
    if event[0] == FUSED_FUNC:
        _, _, v, d, inputs, function, filters, attr = event
        if s.has_none or nodes[v] is not attr:
            return False
        s.visit[v] = d
        step((s, v))
        args = [s[inputs[0]]] if len(inputs) == 1 else [s[k] for k in inputs]
        try:
            t0 = perf_counter()
            res = function(*args)
            s.t_end[v] = perf_counter()
            s.t_start[v] = t0
            for flt in filters:
                res = flt(res)
        except SkipNode:
            return False
        except Exception as ex:
            fail(s, v, ex)
            return False
        s.results[v] = res
        return res is not NONE
    _, _, v, d, producer, filters, attr = event
    if nodes[v] is not attr:
        return False
    s.visit[v] = d
    step((s, v))
    value = s.results[producer]
    if filters:
        value = _filtered(s, v, value, filters)
        if value is _STOP:
            return False
    s[v] = value
    s.fused[v] = producer
    return True
