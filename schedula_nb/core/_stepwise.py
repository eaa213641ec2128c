"""``Solution._set_node_output``: one step of a dispatch, by hand, on the
solution's workflow graph (the reference's private method, which code written
for it, its own tests among them, calls).

schedula_nb's search does not work this way (it records its visits and
builds the workflow from them afterwards); this module is a small, separate
re-statement of the step for code that builds a workflow itself:

- a data node takes the values on the workflow's edges into it (all its
  producers' when it ``wait_inputs``, else not before), passes them through
  its ``function``, ``filters`` and ``callback``, becomes a value of the
  solution and sends it to every function that reads it;
- a function node with a value on an edge from each of its inputs is called
  (its ``input_domain`` asked first) and sends each output its value.

It answers whether the node gave an output.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from ._exceptions import SkipNode
from ._nodes import _split_outputs, fail
from ._tokens import NONE

__all__ = ["set_node_output"]


def set_node_output(
    sol: Any, node: Hashable, no_call: bool, next_nds: Any = None, **_: Any
) -> bool:
    """Give ``node`` its output from what reached it in ``sol.workflow``."""
    dmap = sol.dsp.dmap
    attr = dmap.nodes[node]
    into = sol.workflow.pred.get(node, {})
    arrived = {u: e["value"] for u, e in into.items() if "value" in e}
    targets = list(next_nds) if next_nds else list(dmap.succ[node])
    if attr["type"] == "data":
        ok, value = _data_value(sol, node, attr, arrived, dmap, no_call)
    else:
        ok, value = _function_value(sol, node, attr, arrived, no_call)
    if not ok:
        return False
    wf = sol.workflow
    if attr["type"] == "data":
        for u in targets:
            wf.add_edge(node, u, **value)
    else:
        for u, v in value:
            if u in targets:
                wf.add_edge(node, u, **v)
    return True


def _data_value(sol, node, attr, arrived, dmap, no_call) -> tuple[bool, dict]:
    if not arrived:
        return False, {}
    waits = attr["wait_inputs"]
    if waits and any(p not in arrived for p in dmap.pred[node]):
        return False, {}  # it waits for all its producers
    if no_call:
        sol[node] = NONE
        return True, {}
    try:
        function = attr.get("function")
        if waits or function is not None:
            value = function(dict(arrived))
        else:
            value = next(iter(arrived.values()))
        for flt in attr.get("filters") or ():
            value = flt(value)
    except SkipNode:
        return False, {}
    except Exception as ex:
        fail(sol, node, ex)
        return False, {}
    callback = attr.get("callback")
    if callback is not None:
        callback(value)
    if value is not NONE:
        sol[node] = value
    return True, {"value": value}


def _function_value(sol, node, attr, arrived, no_call) -> tuple[bool, list]:
    function, inputs = attr.get("function"), attr["inputs"]
    if function is None or any(k not in arrived for k in inputs):
        return False, []  # a placeholder, or an input still missing
    outputs = attr["outputs"]
    if no_call:
        return True, [(k, {}) for k in outputs]
    args = [arrived[k] for k in inputs]
    try:
        domain = attr.get("input_domain")
        if domain is not None and not domain(*args):
            return False, []
        values = _split_outputs(node, outputs, function(*args))
    except SkipNode:
        return False, []
    except Exception as ex:
        fail(sol, node, ex)
        return False, []
    return True, [(k, {"value": v}) for k, v in values if v is not NONE]
