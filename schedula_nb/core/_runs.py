"""How a dispatch runs once its solution is set up: the replay of an
earlier search of the same shape, or the search; on an executor (the calls
start as the search reaches them); or at once, in a thread of its own (an
asynchronous executor: the caller gets a pending solution).

``Dispatcher._dispatch`` prepares the solution and the plan; everything
here only runs them.
"""

from __future__ import annotations

import time
from typing import Any

from ._nested_fuse import fuse_log
from ._nested_replay import can_replay_nested, replay_nested
from ._nested_search import run_nested_search
from ._plan import Plan
from ._prefetch import resolve_executor
from ._replay import compile_trace, replay
from ._reuse import REUSING
from ._search import run_search
from ._solution import Solution

__all__ = [
    "asynchronous",
    "elapsed",
    "forget_reuse",
    "run",
    "run_at_once",
    "search_after_replay",
]

_TRACES_PER_PLAN = 8  # distinct input distances kept per shape


def run(
    dsp: Any,
    sol: Solution,
    plan: Plan,
    initial: list,
    stopper: Any,
    store: bool,
    shape: tuple | None = None,
) -> Solution:
    """Run ``sol`` (``store``: kept as ``dsp.solution``; ``shape``: the
    ``(distance, id)`` pairs of ``initial``, when the caller has them); a
    dispatch that reuses an earlier solution makes the model wrappers it
    calls reuse too."""
    if shape is None:
        shape = tuple([(d, k) for d, k, _ in initial])
    if sol.reuse is None:
        return _replay_or_search(dsp, sol, plan, initial, stopper, store, shape)
    reusing = REUSING.set(True)
    try:
        return _replay_or_search(dsp, sol, plan, initial, stopper, store, shape)
    finally:
        REUSING.reset(reusing)


def run_at_once(
    dsp: Any, sol: Solution, plan: Plan, initial: list, stopper: Any, store: bool
) -> Solution:
    """Start the search in a thread; return a pending copy of ``sol``."""
    from ._pending import StopEither, start_pending

    front = sol.fresh()
    front.reuse = None  # the running sol reuses; the front keeps nothing
    dict.update(front, {k: v for _, k, v in initial})
    if store:
        dsp.solution = front
    # result() interrupted (Ctrl-C) stops the dispatch: its own stopper
    front.stop = sol.prefetch.stopper = stop = StopEither(stopper)

    def search() -> Solution:
        return run_prefetched(dsp, sol, plan, initial, stop, False)

    start_pending(front, search, sol.prefetch.executor)
    return front


def _replay_or_search(
    dsp: Any,
    sol: Solution,
    plan: Plan,
    initial: list,
    stopper: Any,
    store: bool,
    shape: tuple,
) -> Solution:
    """Replay the trace of an earlier dispatch of the same shape, or search."""
    if sol.prefetch is not None:  # calls start as the search reaches them
        return run_prefetched(dsp, sol, plan, initial, stopper, store)
    # A verbose dispatch searches: the compiled replay calls the
    # functions without the announcements.
    trace = None if sol.verbose else plan.traces.get(shape)
    try:
        if store:
            dsp.solution = sol
        if plan.tables.subs:  # sub-models run inside the search
            sol = _replay_or_search_nested(
                dsp, sol, plan, initial, stopper, store, shape
            )
            return sol
        if trace is not None:
            if type(trace) is list:  # searched once: worth compiling now
                trace = plan.traces[shape] = compile_trace(
                    trace, plan.tables, {k for _, k in shape}
                )
            if replay(sol, plan.tables, initial, trace, stopper):
                sol.complete = True
                return sol
            sol = _taking_over(sol)
        sol = _search(dsp, sol, plan, initial, stopper, store, shape)
        return sol
    finally:
        sol.memo = None
        if sol.reuse is not None:
            forget_reuse(sol)
        sol.elapsed = elapsed(sol)


def _search(
    dsp: Any,
    sol: Solution,
    plan: Plan,
    initial: list,
    stopper: Any,
    store: bool,
    shape: tuple,
) -> Solution:
    """Search a flat model; its trace is kept for the next dispatches."""
    trace: list = []
    if store:
        dsp.solution = sol
    run_search(sol, plan.tables, initial, stopper, trace)
    if len(plan.traces) >= _TRACES_PER_PLAN:
        plan.traces.clear()
    plan.traces[shape] = trace
    sol.complete = True
    return sol


def search_after_replay(
    sol: Solution, plan: Plan, initial: list, shape: tuple
) -> Solution:
    """A flat pipe's replay gave up at an outcome that differs: search again,
    taking the calls already made from the replay (not stored, no stopper)."""
    sol = _taking_over(sol)
    try:
        return _search(None, sol, plan, initial, None, False, shape)
    finally:
        sol.memo = None
        sol.elapsed = elapsed(sol)


def _taking_over(replayed: Solution) -> Solution:
    """A fresh solution for the search that takes over a replay that gave
    up, with the replay's as its memo: what the replay called is taken from
    it, not called again."""
    sol = replayed.fresh()
    sol.memo = replayed
    return sol


def _replay_or_search_nested(
    dsp: Any,
    sol: Solution,
    plan: Plan,
    initial: list,
    stopper: Any,
    store: bool,
    shape: tuple,
) -> Solution:
    """``_replay_or_search`` for a model with sub-models (``_nested_replay``)."""
    log = plan.traces.get(shape) if can_replay_nested(sol) else None
    if log is not None:
        if replay_nested(sol, plan.tables, initial, log, stopper):
            if type(log) is list:  # replayed once: worth fusing now
                plan.traces[shape] = fuse_log(log, sol)
            sol.complete = True
            return sol
        sol = _taking_over(sol)  # its memo serves every level
        if store:
            dsp.solution = sol
    log = []
    try:
        run_nested_search(sol, plan.tables, initial, stopper, log)
    finally:
        for level in sol.sub_sol.values():
            level.memo = None
    if len(plan.traces) >= _TRACES_PER_PLAN:
        plan.traces.clear()
    plan.traces[shape] = log
    sol.complete = True
    return sol


def run_prefetched(
    dsp: Any, sol: Solution, plan: Plan, initial: list, stopper: Any, store: bool
) -> Solution:
    """Search with an executor (no replay: the search starts the calls)."""
    if store:
        dsp.solution = sol
    try:
        if plan.tables.subs:  # sub-models run inside the same search
            run_nested_search(sol, plan.tables, initial, stopper)
        else:
            run_search(sol, plan.tables, initial, stopper)
        sol.complete = True
        return sol
    finally:
        sol.prefetch.close()
        forget_reuse(sol)
        sol.memo = None
        sol.elapsed = elapsed(sol)


def asynchronous(exe: Any, model: Any) -> bool:
    """Whether a dispatch returns at once: its executor is asynchronous, or
    (``executor=True``, ``model`` given) the own executor of one of the
    sub-models inside is."""
    if getattr(exe, "asynchronous", False):
        return True
    if model is None:
        return False
    stack, seen = [model], set()
    while stack:
        dsp = stack.pop()
        if id(dsp) in seen:
            continue
        seen.add(id(dsp))
        for attr in dsp.sub_dsp_nodes.values():
            child = attr["function"]
            own = resolve_executor(True, getattr(child, "executor", False))
            if getattr(own, "asynchronous", False):
                return True
            if hasattr(child, "sub_dsp_nodes"):
                stack.append(child)
    return False


def forget_reuse(sol: Solution) -> None:
    """A solution keeps no earlier one alive (nor do its sub-solutions)."""
    sol.reuse = None
    for sub in sol.sub_sol.values():
        sub.reuse = None


def elapsed(sol: Solution) -> float:
    """Seconds since ``sol`` was created."""
    return time.perf_counter() - sol.perf0
