"""Plans: the part of a model a dispatch searches (its search tables, the
sub-model itself when asked for) and the traces of earlier dispatches to
replay. They are cached on the model per revision of its graph and per shape
of dispatch (input ids, outputs, options).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from ._prune import reverse_reach
from ._tables import SearchTables

__all__ = ["Plan", "plan_for", "wildcard_inputs"]

PLAN_CACHE_SIZE = 64  # distinct dispatch shapes kept per model revision


class Plan:
    """The searched part of a model: its tables, the sub-model itself (built
    only when asked for), and traces of dispatches to replay."""

    __slots__ = ("tables", "_dsp", "_cut", "traces")

    def __init__(self, tables: SearchTables, dsp: Any = None, cut: Any = None) -> None:
        self.tables = tables
        self._dsp, self._cut = dsp, cut
        #: (initial distances and ids) -> trace of the search (see _replay)
        self.traces: dict[tuple, Any] = {}

    @property
    def dsp(self) -> Any:
        """The searched sub-model (cut out of the model on first use)."""
        if self._dsp is None:
            self._dsp = self._cut()
        return self._dsp


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
        bool(wildcard),
        bool(shrink),
        bool(no_call),
        frozenset(inputs_dist.items()) if shrink else None,
        frozenset(wait_in.items()) if wait_in else None,
    )
    plans = dsp._plans
    if plans.get("rev") != rev or len(plans) > PLAN_CACHE_SIZE:
        plans = dsp._plans = {"rev": rev}
    plan = plans.get(key)
    if plan is None:
        if shrink and not no_call:
            sub = dsp.shrink_dsp(inputs, outputs, inputs_dist, wildcard)
            plan = Plan(SearchTables(sub.dmap), dsp=sub)
        elif outputs and not no_call:
            keep, edges = reverse_reach(dsp.dmap, outputs, inputs, wildcard)
            cut = partial(
                dsp.get_sub_dsp_from_workflow,
                outputs,
                dsp.dmap,
                reverse=True,
                blockers=inputs,
                wildcard=wildcard,
            )
            plan = Plan(SearchTables.reached(dsp.dmap, keep, edges), cut=cut)
        else:
            if "full" not in plans:  # the whole model's tables, shared
                plans["full"] = SearchTables(dsp.dmap)
            plan = Plan(plans["full"], dsp=dsp)
        if wait_in:
            plan.tables = plan.tables.with_waits(wait_in)
        plans[key] = plan
    return plan


def wildcard_inputs(
    dsp: Any, searched: Mapping, inputs: Mapping, outputs: list | None
) -> frozenset:
    """Inputs that are also outputs: they feed their functions and are recomputed."""
    if not (inputs and outputs):
        return frozenset()
    nodes = dsp.dmap.nodes
    return frozenset(
        k
        for k in inputs
        if k in outputs and k in searched and nodes[k].get("wildcard", True)
    )
