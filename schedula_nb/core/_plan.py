"""Plans: the part of a model a dispatch searches (its search tables, the
sub-model itself when asked for) and the traces of earlier dispatches to
replay. They are cached on the model per shape of dispatch (input ids,
outputs, options). A plan cut to the ancestry of the requested outputs outlives
changes of the model that touch none of its nodes (a node added elsewhere, a
function added downstream); any other change rebuilds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from ._tables import SearchTables

__all__ = ["Plan", "plan_for", "untouched_since", "wildcard_inputs"]

PLAN_CACHE_SIZE = 64  # distinct dispatch shapes kept per model


class Plan:
    """The searched part of a model: its tables, the sub-model itself (built
    only when asked for), and traces of dispatches to replay."""

    __slots__ = ("tables", "_dsp", "_cut", "traces", "rev", "impure")

    def __init__(
        self, tables: SearchTables, rev: int, dsp: Any = None, cut: Any = None
    ) -> None:
        self.tables = tables
        self._dsp, self._cut = dsp, cut
        #: (initial distances and ids) -> trace of the search (see _replay):
        #: the raw visits after the first search, compiled when used again
        self.traces: dict[tuple, Any] = {}
        self.rev = rev  # the model's revision the plan holds for
        #: the functions a dispatch with ``reuse=`` calls again (``_reuse``)
        self.impure: frozenset | None = None

    def current(self, dmap: Any) -> bool:
        """Whether the plan holds for ``dmap`` now: it was built at this
        revision, or it is cut to the ancestry of the outputs and no change
        since touched one of its nodes (nor gave one a new input edge).

        The backward search that cut it only read the inputs of the nodes it
        kept, so the same search now keeps the same nodes and edges; a
        function added downstream of a kept node leaves the plan as it is.
        """
        if self.rev == dmap.rev:
            return True
        if self._cut is None:  # the whole model, or a shrunk copy of it
            return False
        if not untouched_since(self.rev, self.tables.succ, dmap):
            return False
        self.rev = dmap.rev
        return True

    @property
    def dsp(self) -> Any:
        """The searched sub-model (cut out of the model on first use)."""
        if self._dsp is None:
            self._dsp = self._cut()
        return self._dsp


def untouched_since(rev: int, nodes: Mapping, dmap: Any) -> bool:
    """Whether no change of ``dmap`` since revision ``rev`` touched one of
    ``nodes`` (nor gave one a new input edge): what a backward cut to
    ``nodes`` read is then the same.

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> rev = dsp.dmap.rev
    >>> dsp.add_function('g', abs, ['b'], ['c'])  # reads b, feeds c
    'g'
    >>> untouched_since(rev, {'a': 1, 'f': 1, 'b': 1}, dsp.dmap)
    True
    >>> untouched_since(rev, {'c': 1}, dsp.dmap)
    False
    """
    if rev == dmap.rev:
        return True
    touched = dmap.touched_since(rev)
    return touched is not None and nodes.keys().isdisjoint(touched)


def plan_for(
    dsp: Any,
    inputs: Mapping,
    outputs: list | None,
    wildcard: bool,
    shrink: bool,
    no_call: bool,
    inputs_dist: Mapping,
    wait_in: Mapping | None = None,
) -> Plan:
    """The plan of ``dsp`` for a dispatch of this shape (cached on ``dsp``).

    With ``outputs`` only the part of the model that can reach them is
    searched: a backward search from the outputs, stopped at the inputs.
    """
    rev = dsp.dmap.rev
    key = (
        frozenset(inputs),
        frozenset(outputs or ()),
        2 if type(wildcard) is int and wildcard == 2 else bool(wildcard),
        bool(shrink),
        bool(no_call),
        frozenset(inputs_dist.items()) if shrink else None,
        frozenset(wait_in.items()) if wait_in else None,
    )
    plans = dsp._plans
    if len(plans) > PLAN_CACHE_SIZE:
        plans.clear()
    plan = plans.get(key)
    if plan is None or not plan.current(dsp.dmap):
        if shrink and not no_call:
            sub = dsp.shrink_dsp(inputs, outputs, inputs_dist, wildcard)
            plan = Plan(SearchTables(sub.dmap), rev, dsp=sub)
        elif outputs and not no_call:
            cut = partial(
                dsp.get_sub_dsp_from_workflow,
                outputs,
                dsp.dmap,
                reverse=True,
                blockers=inputs,
                wildcard=wildcard,
            )
            tables = SearchTables.cut(dsp.dmap, outputs, inputs, wildcard)
            plan = Plan(tables, rev, cut=cut)
        else:
            full = plans.get("full")
            if full is None or full.rev != rev:  # the whole model's, shared
                full = plans["full"] = SearchTables(dsp.dmap)
            plan = Plan(full, rev, dsp=dsp)
        if wait_in:
            plan.tables = plan.tables.with_waits(wait_in)
        plans[key] = plan
    return plan


def wildcard_inputs(
    dsp: Any,
    searched: Mapping,
    inputs: Mapping,
    outputs: list | None,
    level: Any = True,
) -> frozenset:
    """Inputs that are also outputs: they feed their functions and are
    recomputed; with ``level`` 2 (``wildcard=2``), only those some function
    can compute (the others are plain inputs), as in the reference."""
    if not (inputs and outputs):
        return frozenset()
    nodes, pred = dsp.dmap.nodes, dsp.dmap.pred
    return frozenset(
        k
        for k in inputs
        if k in outputs
        and k in searched
        and nodes[k].get("wildcard", True)
        and (level != 2 or pred[k])
    )
