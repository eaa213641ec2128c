"""Replaying a dispatch of a model with sub-models without searching.

The nested search (``_nested_search``) logs what it did, in order: each visit
(level, node, distance, the outputs still unknown, its outcome), each
sub-model it started (and what came of it: started, or its domain said no or
raised), each input it handed to a running sub-model, each value a sub-model
gave back to its parent, and where it stopped. A later dispatch of the same
shape repeats the log: the same nodes run in the same order, through the same
``run_function`` / ``run_data`` and the same helpers that start sub-models
and pass values between levels, but with no heap and no feeding of nodes
that only wait their turn. Every outcome is checked against the logged one;
at the first that differs the replay gives up and the search runs again,
taking the calls already made from the replay (a memo per level).
"""

from __future__ import annotations

from typing import Any

from ._exceptions import DispatcherAbort
from ._nested_fuse import FUSED_FUNC, FusedLog, run_fused
from ._nested_search import (
    DELIVER,
    FORWARD,
    STARTED,
    STOP,
    VISIT,
    Frame,
    _deliver,
    _forward,
    _start_child,
    _stopped_at,
    started,
)
from ._nodes import run_data, run_function
from ._search import seed_initial
from ._solution import Solution
from ._tables import SearchTables

__all__ = ["replay_nested", "can_replay_nested"]


def can_replay_nested(sol: Solution) -> bool:
    """Whether a logged dispatch may be replayed into ``sol`` (the dispatches
    that reuse, call nothing, or have wildcards always search)."""
    return not (sol.no_call or sol.wildcards or sol.reuse is not None or sol.verbose)


def replay_nested(
    sol: Solution,
    tb: SearchTables,
    initial: list,
    log: list | FusedLog,
    stopper: Any = None,
) -> bool:
    """Repeat ``log`` (or its fused form, ``_nested_fuse``) into ``sol``;
    False at the first outcome that differs."""
    sol.sub_sol[sol.index] = sol
    sol.trail = []
    step = sol.trail.append
    root = Frame(sol, tb, set(sol.outputs))
    frames = {sol.index: root}
    seed_initial(sol, tb, initial)
    fused = type(log) is FusedLog
    for event in log.events if fused else log:
        if stopper is not None and stopper.is_set():
            raise DispatcherAbort("Stop requested.", sol=sol, node_id=event[2])
        kind, f = event[0], frames[event[1]]
        if kind >= FUSED_FUNC:
            if not run_fused(event, f.sol, f.tb.nodes, step):
                return False
        elif kind == VISIT:
            _, _, v, d, left, expected = event
            s = f.sol
            s.visit[v] = d
            step((s, v))
            if left is None:
                out = run_data(s, f.tb, v)
            else:
                out = run_function(s, f.tb, v, left)
            if out != expected:
                return False
        elif kind == STARTED:
            _, _, node, d, expected = event
            f.sol.visit[node] = d
            _start_child(None, f, node, d)
            if started(f, node) != expected:
                return False
            if expected == "started":
                child = f.children[node]
                frames[child.sol.index] = child
        elif kind == FORWARD:
            _forward(None, f, *event[2:])
        elif kind == DELIVER:
            _deliver(None, f, *event[2:])
        elif kind == STOP:
            _stopped_at(f, *event[2:])
    return True
