"""The dispatch loop: a Dijkstra search that runs nodes as it reaches them.

Nodes are popped from one heap of ``(distance, rank, id)``: ``rank`` is unique
per node, or, when every id is a ``str``, 0 or 1 (waiting nodes last) and ties
go on to the ids themselves (see ``_tables._kinds``). A function node is pushed when
its last input arrives; a data node as soon as one estimate arrives (or, with
``wait_inputs``, when all its producers have delivered). A function whose
domain rejects its inputs, or that raises, is recorded in ``sol.failures`` and
the search goes on through the other paths.
"""

from __future__ import annotations

from heapq import heapify, heappop, heappush
from typing import Any

from ._exceptions import DispatcherAbort, DispatcherError
from ._nodes import run_data, run_function
from ._solution import Solution
from ._tables import SearchTables
from ._tokens import NONE, START

__all__ = ["run_search", "seed_initial", "check_fed_paths"]


def seed_initial(sol: Solution, tb: SearchTables, initial: list) -> tuple:
    """Record the initial values; return ``(ready, pending)``.

    ``ready`` lists the ``(dist, id)`` that enter the heap, ``pending`` the
    ``(dist, successors)`` that wildcard inputs feed at once.
    """
    est, waits, npred, succ = sol.est, tb.waits, tb.npred, tb.succ
    ready, pending = [], []
    for d, k, value in initial:
        est[k] = {START: value}
        if value is NONE:
            sol.has_none = True
        if k in sol.wildcards:  # feeds its functions, but is still computed
            pending.append((d, succ[k], True))
        elif k not in waits or npred[k] == 0:
            ready.append((d, k))
    return ready, pending


def check_fed_paths(sol: Solution, tb: SearchTables, node: Any, d: float) -> None:
    """A wildcard input, computed at distance ``d``, passes nothing on (its
    functions took its input value at the start), yet no path through it may
    be shorter than the one its functions were visited at: a shorter one
    means negative weights, as on any other edge."""
    dist = sol.visit
    for w, ln in tb.succ[node]:
        if w in dist and d + ln < dist[w]:
            raise DispatcherError(
                "Contradictory paths found: negative weights?", sol=sol, node_id=w
            )


def run_search(
    sol: Solution,
    tb: SearchTables,
    initial: list,
    stopper: Any = None,
    trace: list | None = None,
) -> None:
    """Dispatch from ``initial`` (sorted ``(dist, id, value)``) into ``sol``.

    With ``trace``, append ``(node, dist, outputs left, result)`` for every
    visit: the plan ``_replay`` re-runs without searching.
    """
    succ, rank, npred, waits, funcs = tb.succ, tb.rank, tb.npred, tb.waits, tb.funcs
    dist, seen, arrived = sol.visit, {}, {}
    targets, wildcards = set(sol.outputs), sol.wildcards
    ready, pending = seed_initial(sol, tb, initial)
    heap = [(d, rank[k], k) for d, k in ready]
    heapify(heap)
    seen.update((k, d) for d, k in ready)
    record = trace.append if trace is not None else None
    prefetch = sol.prefetch.ready if sol.prefetch is not None else None
    while True:
        for base, out, fresh in pending:
            for w, ln in out:
                dw = base + ln
                if w in waits:
                    if fresh:  # one arrival per predecessor
                        n = arrived[w] = arrived.get(w, 0) + 1
                    else:
                        n = arrived.get(w, 0)
                    if n < npred[w]:
                        continue
                if w in dist:
                    if dw < dist[w]:
                        raise DispatcherError(
                            "Contradictory paths found: negative weights?",
                            sol=sol,
                            node_id=w,
                        )
                    continue
                s = seen.get(w)
                if s is None or dw < s:
                    seen[w] = dw
                    heappush(heap, (dw, rank[w], w))
                    if prefetch is not None and w in funcs:
                        prefetch(w)  # an executor starts the call now
        if not heap:
            break
        d, _, v = heappop(heap)
        pending = ()
        if v in dist:
            continue
        if stopper is not None and stopper.is_set():
            raise DispatcherAbort("Stop requested.", sol=sol, node_id=v)
        dist[v] = d
        if v in funcs:
            left = succ[v]  # the outputs not known yet (usually all of them)
            for w, _ in left:
                if w in dist:
                    left = [(w, ln) for w, ln in left if w not in dist]
                    break
            out = run_function(sol, tb, v, left)
        else:
            left = None
            out = run_data(sol, tb, v)
        if record is not None:
            record((v, d, left, out))
        if out is None:  # failed, out of domain, or not needed
            continue
        if v in targets:
            targets.discard(v)
            if not targets:
                break
        if not out and v in wildcards:
            check_fed_paths(sol, tb, v, d)
        # A wildcard input fed its functions at the start: not a new arrival.
        pending = ((d, out, v not in wildcards),)
