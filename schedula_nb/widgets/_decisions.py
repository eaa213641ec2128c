"""What the details pane says about a node, as plain data (no widgets).

:func:`details` gathers the node's id, kind, description, signature, inputs and
outputs, its value, distance and failure; :func:`decisions` explains the
dispatcher's choice, read from the solution's records (``chosen``,
``estimates``, ``failures``, ``visit``): for a data node which function supplied
its value and why each other one did not; for a function node its weight,
distance and elapsed time.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher()
>>> dsp.add_function('cheap', lambda a: a, ['a'], ['b'], input_domain=lambda a: a > 0)
'cheap'
>>> dsp.add_function('dear', lambda a: -a, ['a'], ['b'], weight=5)
'dear'
>>> [(d['producer'], d['verdict']) for d in decisions(dsp, dsp({'a': -1}), 'b')]
[('cheap', 'out of domain'), ('dear', 'chosen')]
"""

from __future__ import annotations

import inspect
from collections.abc import Hashable
from typing import Any

from ..core._functions import parent_func
from ..core._tokens import START
from ..render import style, summary
from ._view_model import run_time, sub_model, sub_solution

__all__ = ["details", "decisions"]


def _doc(attr: dict, kind: str, inner: Any) -> str:
    """The node's description, else its function's docstring; for a sub-model
    the inner model's description (never the ``Dispatcher`` class's doc)."""
    desc = attr.get("description") or ""
    if not desc and inner is not None:
        desc = getattr(inner, "description", None) or ""
    elif not desc and kind == "function":
        desc = getattr(parent_func(attr.get("function")), "__doc__", None) or ""
    return inspect.cleandoc(str(desc)) if desc else ""


def _signature(attr: dict) -> str:
    func = parent_func(attr.get("function"))
    if func is None:
        return ""
    try:
        sig = str(inspect.signature(func))
    except (TypeError, ValueError):
        return ""
    return f"{getattr(func, '__name__', type(func).__name__)}{sig}"


def details(dsp: Any, sol: Any, node: Hashable) -> dict[str, Any]:
    """Everything the details pane shows about ``node`` of ``dsp``.

    Keys: ``id``, ``label``, ``kind``, ``status``, ``description``,
    ``signature``, ``inputs``, ``outputs``, ``has_value``, ``value``,
    ``distance``, ``duration``, ``weight``, ``failure`` (``kind``, ``message``,
    ``traceback``), ``decisions``, ``sub_model`` (bool).

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', lambda a: 1 / a, ['a'], ['b'])
    'f'
    >>> d = details(dsp, dsp({'a': 0}), 'f')
    >>> d['kind'], d['status'], d['failure']['message']
    ('function', 'failed', "'f' failed: ZeroDivisionError('division by zero')")
    """
    if node not in dsp.dmap.nodes and not (sol is not None and node is START):
        raise KeyError(f"{node!r} is not a node of the model")
    attr = dsp.dmap.nodes.get(node, {"type": "start"})
    inner = sub_model(dsp, node)
    kind = "dispatcher" if inner is not None else style.node_kind(node, attr)
    if kind in ("function", "dispatcher"):
        inputs, outputs = list(attr.get("inputs", ())), list(attr.get("outputs", ()))
    else:
        inputs = list(dsp.dmap.pred.get(node, ()))
        outputs = list(dsp.dmap.succ.get(node, ()))
    out: dict[str, Any] = {
        "id": node,
        "label": summary.name(node, 200),
        "kind": kind,
        "status": style.node_status(node, sol),
        "description": _doc(attr, kind, inner),
        "signature": _signature(attr) if kind == "function" else "",
        "inputs": inputs,
        "outputs": outputs,
        "has_value": sol is not None and node in sol,
        "value": sol.get(node) if sol is not None else None,
        "distance": sol.visit.get(node) if sol is not None else None,
        "duration": _took(sol, node),
        "weight": attr.get("weight"),
        "failure": None,
        "decisions": decisions(dsp, sol, node),
        "sub_model": inner is not None,
    }
    failure = sol.failures.get(node) if sol is not None else None
    if failure is not None:
        out["failure"] = {
            "kind": failure.kind,
            "message": failure.message,
            "traceback": failure.traceback,
        }
    return out


def decisions(dsp: Any, sol: Any, node: Hashable) -> list[dict[str, Any]]:
    """The dispatcher's choice at ``node``, one dict per line.

    For a data node: one entry per producer (``producer``, ``verdict``,
    ``reason``); verdicts: ``input`` (given), ``chosen``, ``passed over``
    (reached later, at a longer distance), ``failed``, ``out of domain``,
    ``not reached``. For a function: one entry with
    ``weight``, ``distance`` and ``duration``. Empty without a solution.
    """
    if sol is None or node not in dsp.dmap.nodes:
        return []
    attr = dsp.dmap.nodes[node]
    if attr.get("type") != "data":
        return [
            {
                "weight": attr.get("weight", 1),
                "distance": sol.visit.get(node),
                "duration": _took(sol, node),
            }
        ]
    est = sol.estimates(node)
    chosen = sol.chosen.get(node)
    if chosen is None and len(est) == 1:
        chosen = next(iter(est))
    out = []
    if node in sol.inputs:
        out.append({"producer": START, "verdict": "input", "reason": "given"})
    for prod in dsp.dmap.pred.get(node, ()):
        out.append(_verdict(dsp, sol, node, prod, est, chosen))
    return out


def _verdict(
    dsp: Any, sol: Any, node: Hashable, prod: Hashable, est: dict, chosen: Any
) -> dict[str, Any]:
    failure = sol.failures.get(prod)
    dist = sol.visit.get(prod)
    if node in sol.inputs and prod in est:
        verdict, reason = "passed over", "the input was given"
    elif prod == chosen and node in sol:
        verdict, reason = "chosen", f"supplied the value at distance {dist}"
    elif failure is not None and failure.kind == "domain":
        verdict, reason = "out of domain", "its inputs were out of its input_domain"
    elif failure is not None:
        verdict, reason = "failed", f"raised {failure.exception!r}"
    elif prod in est:
        verdict = "passed over"
        reason = f"its estimate came at a longer distance ({dist})"
    elif prod in sol.not_needed or prod in sol.visit:
        verdict = "passed over"
        reason = (
            "not run: the value was given"
            if node in sol.inputs
            else "not run: the value was found at a shorter distance"
        )
    else:
        attr = dsp.dmap.nodes[prod]
        missing = [i for i in attr.get("inputs", ()) if i not in sol and i is not START]
        verdict = "not reached"
        if missing:
            reason = "missing inputs: " + ", ".join(summary.name(m) for m in missing)
        else:
            reason = "the value was found at a shorter distance first"
    return {"producer": prod, "verdict": verdict, "reason": reason}


def _took(sol: Any, node: Hashable) -> float | None:
    """Seconds ``node`` took: a function's call, a sub-model's run."""
    if sol is None:
        return None
    took = sol.duration(node)
    return run_time(sub_solution(sol, node)) if took is None else took
