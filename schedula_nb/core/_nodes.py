"""What happens when the search visits a node: a data node takes its value
from its estimates, a function node is called and its outputs become
estimates of its data nodes. Shared by the search and the plan replay.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable
from time import perf_counter
from typing import Any

from ._compat import STATE as _compat_state
from ._exceptions import DispatcherError, SkipNode, WebResponse
from ._reuse import take_over
from ._solution import Failure, Solution, edge_value
from ._tables import SearchTables
from ._tokens import NONE, START

__all__ = ["fail", "run_data", "run_function"]

log = logging.getLogger("schedula_nb")


def run_data(sol: Solution, tb: SearchTables, node: Hashable) -> Any:
    """Set a data node's value from its estimates; return whom it feeds."""
    attr = tb.nodes[node]
    est = sol.est[node]
    wait = attr["wait_inputs"]
    if len(est) > 1 and node not in tb.waits:  # one estimate, unless it waits
        est = _best_estimate(sol, tb, node, est)
    memo = sol.memo
    if sol.no_call:
        sol[node] = NONE
        sol.has_none = True
    elif memo is not None and node in memo.visit:
        if not _reuse_data(sol, memo, node):
            return None
    elif wait or "function" in attr or "filters" in attr or "callback" in attr:
        if not _compute_data(sol, node, attr, est, wait):
            return None
    else:  # the common case: the value is its one estimate
        (value,) = est.values()
        if value is NONE:
            sol.has_none = True
            if sol.kept_none:
                _keep_none(sol, node, est, attr)
        else:
            sol[node] = value
    out = tb.succ[node]
    if out and out[0][0] in sol.visit and out[0][0] not in tb.subs:
        sol.blocked.add(node)  # its functions already ran (wildcard): pass nothing
        return ()
    return out


def _compute_data(
    sol: Solution, node: Hashable, attr: dict, est: dict, wait: bool
) -> bool:
    """Value of a data node: its estimate, or its function of all estimates."""
    fn = attr.get("function")
    try:
        if wait or fn is not None:
            if fn is None:
                raise DispatcherError(
                    f"data node {node!r} waits for its inputs "
                    "but has no function to combine them"
                )
            value = fn(dict(est))
        else:
            (value,) = est.values()
        for flt in attr.get("filters") or ():
            value = flt(value)
    except SkipNode:
        sol.blocked.add(node)
        return False
    except Exception as ex:
        sol.blocked.add(node)
        fail(sol, node, ex)
        return False
    callback = attr.get("callback")
    if callback is not None:
        try:
            callback(value)
        except WebResponse:
            raise
        except Exception as ex:
            log.warning("Failed CALLBACK %r due to: %r", node, ex)
    if value is NONE:
        sol.has_none = True
        if sol.kept_none:
            _keep_none(sol, node, est, attr)
    else:
        sol[node] = value
    return True


def note_kept_none(sol: Solution, producer: Hashable, node: Hashable) -> None:
    """Record that data node ``node`` keeps the NONE ``producer`` gave it."""
    if "kept_none" not in sol.__dict__:  # the class's empty default until now
        sol.kept_none = set()
    sol.kept_none.add((producer, node))


def keeps_none(attr: dict) -> bool:
    """Whether an output a call on an executor gives as ``NONE`` is kept in
    the solution: only while the reference is followed, for a node that does
    not await its result (the reference learns such a value after its search,
    as a future, and keeps it; awaited, it leaves it out as we always do)."""
    if not _compat_state["reference"]:
        return False
    wait = attr.get("await_result")  # 0: a timeout of 0 s, awaited
    return wait is None or wait is False


def _keep_none(sol: Solution, node: Hashable, est: dict, attr: dict) -> None:
    """A NONE estimate kept by its producer is the data node's value."""
    if keeps_none(attr) and any((p, node) in sol.kept_none for p in est):
        sol[node] = NONE


def _reuse_data(sol: Solution, memo: Solution, node: Hashable) -> bool:
    """Take a data node's outcome from an interrupted replay (no second call)."""
    if node in memo.failures or node in memo.blocked and node not in memo:
        sol.blocked.add(node)
        if node in memo.failures:
            sol.failures[node] = memo.failures[node]
        return False
    if node in memo:
        sol[node] = memo[node]
    else:  # visited with NONE for a value: its functions filter their args
        sol.has_none = True
    return True


def _best_estimate(sol: Solution, tb: SearchTables, node: Hashable, est: dict) -> dict:
    """Keep the estimate of the closest producer (ties: smaller id)."""
    dist, succ = sol.visit, tb.succ
    best = min(
        (dist[p] + next(ln for w, ln in succ[p] if w == node), str(p), p)
        for p in est
        if p is not START
    )
    sol.chosen[node] = p = best[2]
    return {p: est[p]}


def keep_call_solution(sol: Solution, node: Hashable, attr: dict) -> None:
    """Keep the solution of the call a wrapper node just made (``SubDispatch``
    and the like keep their last one), for ``sol.pipe`` and the workflow."""
    if sol.call_solutions is None:
        sol.call_solutions = {}
    sol.call_solutions[node] = attr["function"].solution


def run_function(sol: Solution, tb: SearchTables, node: Hashable, left: list) -> Any:
    """Run a function node whose outputs ``left`` are still unknown; record its
    outputs as estimates; return ``[(output, edge length), ...]`` it fed."""
    if not left:  # every output is known already: the function is not needed
        sol.not_needed.add(node)
        return None
    if sol.no_call:
        for w, _ in left:
            sol.est.setdefault(w, {})[node] = NONE
        return left
    attr = tb.nodes[node]
    memo = sol.memo
    if memo is not None and node in memo.visit:
        ok, res = _reuse_function(sol, memo, node)
        if not ok:
            return None
    elif sol.prefetch is not None and node in sol.prefetch.handles:
        ok, res = _take_prefetched(sol, node, attr)
        if not ok:
            return None
        if keeps_none(attr):  # a NONE output is kept, as on the reference's
            return _feed_outputs(sol, node, attr["outputs"], left, res, True)
    else:
        inputs = attr["inputs"]
        if sol.has_none or sol.wildcards:
            args = _arguments(sol, inputs)
        elif len(inputs) == 1:  # no bound method to make: the common case
            args = [sol[inputs[0]]]
        else:
            args = list(map(sol.__getitem__, inputs))
        took = None if sol.reuse is None else take_over(sol, node, attr, args)
        if took is not None:  # the outcome of the same call in sol.reuse
            sol.reused.add(node)
            if type(took) is not tuple:  # the same failure again
                _fail_again(sol, node, took)
                return None
            res = took[0]
        else:
            domain = attr.get("input_domain")
            try:
                if domain is not None and not sol.no_domain and not domain(*args):
                    sol.failures[node] = Failure(node, "domain")
                    return None
                if sol.verbose:
                    res = call_verbosely(sol, node, attr, args)
                else:
                    t0 = perf_counter()
                    res = attr["function"](*args)
                    sol.t_end[node] = perf_counter()
                    sol.t_start[node] = t0
                filters = attr.get("filters")
                if filters:
                    for flt in filters:
                        res = flt(res)
            except SkipNode:
                return None
            except Exception as ex:
                if tb.wrapped and node in tb.wrapped:
                    keep_call_solution(sol, node, attr)
                fail(sol, node, ex)
                return None
            if tb.wrapped and node in tb.wrapped:
                keep_call_solution(sol, node, attr)
    outputs = attr["outputs"]
    if len(outputs) == 1 and len(left) == 1:  # the common case: no new list
        sol.results[node] = res
        k = outputs[0]
        if res is NONE or left[0][0] != k:
            return []
        e = sol.est.get(k)
        if e is None:
            sol.est[k] = {node: res}
        else:
            e[node] = res
        return left
    return _feed_outputs(sol, node, outputs, left, res)


def call_verbosely(sol: Solution, node: Hashable, attr: dict, args: list) -> Any:
    """Call function ``node`` announcing its start and end: with
    ``verbose=True`` as log records (``Start `path`...``, ``Done `path` in
    0.00123 sec.``; on the logger ``schedula_nb``, or ``schedula.utils.sol``
    while the reference is followed), or through the callable given as
    ``verbose(sol, node, attr, end)`` (``attr['duration']`` set at the end)."""
    verbose = sol.verbose
    announce = verbose if callable(verbose) else _log_call
    info = {**attr}
    announce(sol, node, info, False)
    t0 = perf_counter()
    try:
        return attr["function"](*args)
    finally:
        sol.t_end[node] = t1 = perf_counter()
        sol.t_start[node] = t0
        info["duration"] = t1 - t0
        announce(sol, node, info, True)


def _log_call(sol: Solution, node: Hashable, attr: dict, end: bool) -> None:
    from ._compat import STATE

    name = "schedula.utils.sol" if STATE["reference"] else "schedula_nb"
    path = "/".join(map(str, (*sol.full_name, node)))
    if end:
        logging.getLogger(name).info("Done `%s` in %.5f sec.", path, attr["duration"])
    else:
        logging.getLogger(name).info("Start `%s`...", path)


def _fail_again(sol: Solution, node: Hashable, failure: Failure) -> None:
    """Record a failure taken over from an earlier solution (and raise it
    if the dispatch raises, as the call would)."""
    fail(sol, node, failure.exception)


def _feed_outputs(
    sol: Solution,
    node: Hashable,
    outputs: Any,
    left: list,
    res: Any,
    keep_none: bool = False,
) -> list | None:
    """Record the result ``res`` of function ``node`` as estimates of those of
    its ``outputs`` still unknown (``left``); return ``[(output, edge length),
    ...]`` it fed, or None when ``res`` does not match the outputs.
    ``keep_none``: a ``NONE`` value feeds its output too (see keeps_none)."""
    try:
        values = _split_outputs(node, outputs, res)
    except ValueError as ex:
        fail(sol, node, ex)
        return None
    sol.results[node] = res
    fed = []
    for k, value in values:
        if value is NONE:
            if not keep_none:
                continue
            note_kept_none(sol, node, k)
        for w, ln in left:
            if w == k:
                sol.est.setdefault(k, {})[node] = value
                fed.append((k, ln))
                break
    return fed


def _reuse_function(sol: Solution, memo: Solution, node: Hashable) -> tuple:
    """Take a function's outcome from an interrupted replay (no second call)."""
    failure = memo.failures.get(node)
    if failure is not None:
        sol.failures[node] = failure
        return False, None
    if node not in memo.results:  # skipped (SkipNode)
        return False, None
    if node in memo.reused:
        sol.reused.add(node)
    if node in memo.t_start:
        sol.t_start[node] = memo.t_start[node]
        sol.t_end[node] = memo.t_end[node]
    return True, memo.results[node]


def _take_prefetched(sol: Solution, node: Hashable, attr: dict) -> tuple:
    """The outcome of a call an executor ran ahead of the search (see
    ``_prefetch``), recorded as ``run_function`` records an inline call."""
    ok, res = sol.prefetch.take(node)
    if not ok:
        if res is None:
            sol.failures[node] = Failure(node, "domain")
        elif not isinstance(res, SkipNode):
            fail(sol, node, res)
        return False, None
    try:
        for flt in attr.get("filters") or ():
            res = flt(res)
    except SkipNode:
        return False, None
    except Exception as ex:
        fail(sol, node, ex)
        return False, None
    return True, res


def _arguments(sol: Solution, inputs: Any) -> list:
    """The values on a function's input edges, in order, without ``NONE``."""
    get, wild = sol.get, sol.wildcards
    if wild:
        args = [edge_value(sol, k) if k in wild else get(k, NONE) for k in inputs]
    else:
        args = [get(k, NONE) for k in inputs]
    for a in args:
        if a is NONE:
            return [a for a in args if a is not NONE]
    return args


def _split_outputs(node: Hashable, outputs: Any, res: Any) -> Any:
    """Pair each output id with its value; refuse a count that does not match."""
    if len(outputs) == 1:
        return ((outputs[0], res),)
    try:
        values = tuple(res)
    except TypeError:
        raise ValueError(
            f"{node!r} returned {type(res).__name__}, not one value "
            f"for each of its {len(outputs)} outputs"
        ) from None
    if len(values) != len(outputs):
        raise ValueError(
            f"{node!r} returned {len(values)} values for "
            f"{len(outputs)} outputs {list(outputs)!r}"
        )
    return zip(outputs, values)


def _should_raise(raises: Any, ex: BaseException) -> bool:
    """``raises``: a bool, a predicate, or a string of exception class names."""
    if callable(raises):
        return bool(raises(ex))
    if isinstance(raises, str):
        names = set(raises.replace(",", " ").replace("|", " ").split())
        return any(c.__name__ in names for c in type(ex).__mro__)
    return bool(raises)


def fail(
    sol: Solution, node: Hashable, ex: Exception, stage: str = "DISPATCHING"
) -> None:
    """Record a node's failure; raise it as a DispatcherError if asked to
    (``stage``: what failed, in the reference's words, see ``Failure``).
    A ``WebResponse`` is no failure: it leaves the dispatch as it is."""
    if isinstance(ex, WebResponse):
        raise ex
    sol.failures[node] = Failure.from_exception(node, ex, stage)
    name = "/".join(map(str, sol.full_name + (node,)))
    if _should_raise(sol.raises, ex):
        if isinstance(ex, DispatcherError):
            ex.update(sol)
            raise ex
        raise DispatcherError(
            f"Failed {stage} '{name}' due to:\n  {ex!r}",
            sol=sol,
            ex=ex,
            node_id=node,
        ) from ex
    if sol.raises != "":
        log.warning("Failed %s %r due to: %r", stage, name, ex)
