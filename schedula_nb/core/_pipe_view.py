"""``Solution.pipe``: the nodes a dispatch visited, in the order of its search,
in the reference's nested layout.

Keys are node ids, or, for the nodes of sub-models (``add_dispatcher``), the
path of ids from the solution's level (``('sub_dsp', 'A')``). Each value is
``{'task': (distance, node, solution)}``, plus ``'error'`` (the message
``sol._errors`` keeps) for a node that failed and ``'sub_pipe'``, the pipe of
the call of a wrapper node (``SubDispatchFunction`` and the like), whose keys
start again from that call's model.
"""

from __future__ import annotations

from typing import Any

__all__ = ["full_pipe"]


def full_pipe(sol: Any) -> dict:
    """The pipe of ``sol`` (see the module's doc)."""
    visits = sol.trail if sol.trail is not None else [(sol, n) for n in sol.visit]
    root = len(sol.full_name)
    errors: dict = {}  # solution id -> its _errors
    pipe: dict = {}
    for s, node in visits:
        path = (*s.full_name[root:], node)
        entry: dict = {"task": (s.visit[node], node, s)}
        failed = errors.get(id(s))
        if failed is None:
            failed = errors[id(s)] = s._errors
        if node in failed:
            entry["error"] = failed[node]
        call = s.call_solutions.get(node) if s.call_solutions else None
        if call is not None:
            inner = full_pipe(call)
            if inner:
                entry["sub_pipe"] = inner
        pipe[path[0] if len(path) == 1 else path] = entry
    return pipe
