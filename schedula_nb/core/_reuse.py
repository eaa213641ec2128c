"""Re-dispatch that reuses an earlier solution: ``dispatch(..., reuse=old)``.

The search's decisions depend only on the model, the shape of the dispatch
and each visit's *outcome* (see ``_replay``). So a dispatch stays exact if,
instead of calling a function, it takes over the outcome the function had in
``old`` -- its result or its failure -- whenever the function gets the
*same* arguments as it got there: the search then
takes every decision (chosen producers, rejected alternatives, distances) as
a fresh dispatch would, and everything downstream of a change runs.

"The same" (:func:`same`): the same object, or equal values of types whose
equality is cheap and exact (numbers of one type, ``str``, ``bytes``, tuples,
lists, dicts and frozensets of such, numpy arrays and pandas objects by
their own equality, all true). Any other value, or an equality that raises
or is ambiguous, counts as changed.

An ``input_domain`` that refused the arguments is asked again (only the
predicate runs): a domain is a cheap check, and often one of the world
outside the arguments (does the file exist yet?); the answer is the same
for a pure one.

A function is called again, whatever its arguments, when it is marked
``pure=False`` (it reads a clock, a file, a random source), when it runs a
model of its own (``SubDispatch`` and friends: they dispatch again, reusing
their own last solution), or when its node changed since ``old`` (the
model's log of touched nodes says so). A solution of another model is not
used at all: the dispatch is a fresh one.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from contextvars import ContextVar
from typing import Any

from ._solution import Solution
from ._tokens import NONE

__all__ = [
    "REUSING",
    "clone",
    "impure",
    "never_taken",
    "same",
    "same_start",
    "take_over",
    "usable",
]

#: True while a dispatch with ``reuse=`` runs (in that thread): the model
#: wrappers called then reuse their own last solution (see ``_wrappers``)
REUSING: ContextVar[bool] = ContextVar("schedula_nb_reusing", default=False)

_SCALARS = frozenset({int, str, bytes, bool, type(None)})
_FLOATS = frozenset({float, complex})
_HASHED = frozenset({int, str, bytes, bool, type(None), tuple})


def same(a: Any, b: Any) -> bool:
    """Whether ``a`` and ``b`` are the same value for a function's call.

    >>> import numpy as np
    >>> same(1, 1), same(1, 1.0), same(True, 1), same(0.0, -0.0)
    (True, False, False, False)
    >>> same((1, 'a', [2.5]), (1, 'a', [2.5])), same(float('nan'), float('nan'))
    (True, False)
    >>> same(np.arange(3), np.arange(3)), same(np.arange(3), np.arange(3.0))
    (True, False)
    >>> same(object(), object())
    False
    """
    if a is b:
        return True
    t = type(a)
    if t is not type(b):
        return False
    if t in _SCALARS:
        return a == b
    if t in _FLOATS:
        return a == b and _same_sign(a, b)
    if t is tuple or t is list:
        return len(a) == len(b) and all(map(same, a, b))
    if t is dict:
        return len(a) == len(b) and all(
            same(ka, kb) and same(va, vb)
            for (ka, va), (kb, vb) in zip(a.items(), b.items())
        )
    if t is frozenset:
        return len(a) == len(b) and _hashed(a) and _hashed(b) and a == b
    module = t.__module__.partition(".")[0]
    try:
        if module == "numpy":
            return _same_numpy(a, b)
        if module == "pandas":
            return _same_pandas(a, b)
    except Exception:  # noqa: BLE001 - an equality that raises: changed
        return False
    return False


def _same_sign(a: Any, b: Any) -> bool:
    """0.0 and -0.0 are equal but give other results (1 / x): not the same."""
    if type(a) is complex:
        return _same_sign(a.real, b.real) and _same_sign(a.imag, b.imag)
    return a != 0.0 or math.copysign(1.0, a) == math.copysign(1.0, b)


def _hashed(values: frozenset) -> bool:
    return all(type(v) in _HASHED for v in values)


def _same_numpy(a: Any, b: Any) -> bool:
    import numpy as np

    if isinstance(a, np.ndarray):
        if a.shape != b.shape or a.dtype != b.dtype or a.dtype.kind == "O":
            return False
        if a.dtype.kind in "fc" and not np.array_equal(np.signbit(a), np.signbit(b)):
            return False
        return bool(np.all(a == b))
    if isinstance(a, np.generic):
        return bool(a == b) and (a.dtype.kind not in "fc" or _same_sign(a, b))
    return False


def _same_pandas(a: Any, b: Any) -> bool:
    import pandas as pd

    if not isinstance(a, (pd.Series, pd.DataFrame)):
        return False
    for x, y in zip(a.axes, b.axes):
        if x.dtype != y.dtype or not x.equals(y):
            return False
    if isinstance(a, pd.Series):
        if a.dtype != b.dtype or a.name != b.name:
            return False
    elif not a.dtypes.equals(b.dtypes):
        return False
    return bool(a.equals(b))


def usable(old: Any, model: Any) -> frozenset | None:
    """The nodes of ``model`` whose outcome in ``old`` must not be taken
    over (those changed since), or None when ``old`` cannot be used: it is
    not a finished dispatch of ``model``."""
    origin = getattr(old, "origin", None)
    if origin is None or origin[0] is not model or old.no_call:
        return None
    rev = origin[1]
    if rev == model.dmap.rev:
        return frozenset()
    touched = model.dmap.touched_since(rev)
    return None if touched is None else frozenset(touched)


def _calls_through(fn: Any) -> bool:
    """A function that runs a model of its own (a wrapper): never taken
    over (that model may have changed), it reuses its own last solution."""
    return isinstance(getattr(fn, "solution", None), Solution)


def take_over(sol: Any, node: Hashable, attr: dict, args: list) -> Any:
    """The outcome function ``node`` had in ``sol.reuse`` with the same
    ``args``: ``(result,)``, a ``Failure``, or None (call it).

    Only a result or a failure is taken over: a call that raised
    ``SkipNode`` or never finished is made again, and a domain that
    refused is asked again. ``sol.stale`` holds the functions never taken
    over (changed since, impure, running a model of their own).
    """
    old = sol.reuse
    if node in sol.stale:
        return None
    failure = old.failures.get(node)
    if failure is None:
        if node not in old.results:
            return None
    elif failure.kind == "domain":
        return None
    inputs = attr["inputs"]
    if (sol.wildcards or old.wildcards) and not (
        sol.wildcards.isdisjoint(inputs) and old.wildcards.isdisjoint(inputs)
    ):
        return None
    get = old.get
    if len(inputs) == 1 and len(args) == 1:  # the common case
        before = get(inputs[0], NONE)
        if not (before is args[0] or same(args[0], before)):
            return None
    else:
        before = [v for v in (get(k, NONE) for k in inputs) if v is not NONE]
        if len(before) != len(args):
            return None
        for a, b in zip(args, before):
            if not (a is b or same(a, b)):
                return None
    return failure if failure is not None else (old.results[node],)


def never_taken(sol: Any, stale: frozenset) -> frozenset:
    """``stale`` (nodes changed since the earlier solution) and the
    functions of ``sol``'s plan that are always called again."""
    plan = sol.plan
    if plan is None:
        return stale
    found = impure(plan)
    return found | stale if stale else found


def clone(old: Any, sol: Any) -> Any:
    """Fill ``sol``, a dispatch that is ``old`` again (same model, plan,
    values and options), with ``old``'s records: every function outcome is
    taken over, none is called."""
    dict.update(sol, old)
    sol.visit = dict(old.visit)
    sol.est = {k: dict(v) for k, v in old.est.items()}
    sol.chosen = dict(old.chosen)
    sol.failures = dict(old.failures)
    sol.results = dict(old.results)
    sol.fused = old.fused
    sol.not_needed = set(old.not_needed)
    sol.blocked = set(old.blocked)
    sol.has_none = old.has_none
    funcs = sol.tables.funcs
    sol.reused = {n for n in old.visit if n in funcs and n not in old.not_needed}
    sol.complete = True
    return sol


def same_start(old: Any, sol: Any, plan: Any) -> bool:
    """Whether dispatch ``sol`` starts as ``old`` did: the same plan (and so
    the same shape), values, distances and options, and ``old`` finished."""
    if not (
        old.complete
        and old.plan is plan
        and not plan.tables.subs
        and old.wildcards == sol.wildcards
        and old.rm_unused_nds == sol.rm_unused_nds
        and old.raises == sol.raises
        and old.full_name == sol.full_name
        and old.inputs_dist == sol.inputs_dist
        and len(old.inputs) == len(sol.inputs)
    ):
        return False
    if old.failures and (
        sol.raises or any(f.kind == "domain" for f in old.failures.values())
    ):
        return False  # a failure raises, a domain is asked again: dispatch
    new = sol.inputs
    for k, v in old.inputs.items():
        if k not in new or not same(new[k], v):
            return False
    return not impure(plan).intersection(old.visit)


def impure(plan: Any) -> frozenset:
    """The functions of ``plan`` always called again, and its data nodes
    with a ``callback`` (a side effect: a solution with them is not cloned);
    cached on the plan."""
    found = plan.impure
    if found is None:
        nodes, tables = plan.tables.nodes, plan.tables
        found = plan.impure = frozenset(
            n
            for n in tables.succ
            if "callback" in nodes[n]
            or n in tables.funcs
            and ("pure" in nodes[n] or _calls_through(nodes[n].get("function")))
        )
    return found
