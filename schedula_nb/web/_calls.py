"""From a decoded request body to the JSON answer: check, run, encode.

Two forms of body are accepted (and not mixed):

- the reference's ``{"args": [...], "kwargs": {...}}``: a model route calls
  ``dsp.dispatch(*args, **kwargs)`` with only ``inputs``, ``outputs``,
  ``inputs_dist``, ``wildcard`` and ``shrink`` accepted (nothing that picks
  executors or callbacks from the network), and answers ``{"return":
  <the solution>}``; a function route (served only when the modeller allowed
  it, ``dsp.web(functions=[...])``) takes ``args`` as the node's inputs in
  order and ``kwargs`` as its inputs by id, and answers ``{"return": <its
  output>}``.
- ``{"inputs": {...}, "outputs": [...]}``: a model route dispatches and answers
  ``{"outputs": {...}}``, the requested values (all values if none were
  requested); a function route answers its outputs.

A function route never calls the function directly: it dispatches a model of
just that node, so the node's input domain, its filters and the model's
defaults apply exactly as in a dispatch. ``inputs`` (and ``inputs_dist``,
``kwargs``) must be JSON objects or ``null``: ``[]``, ``""``, ``0`` and
``false`` are refused, not taken as "no inputs"; the hidden ``start`` and
``sink`` nodes are never inputs.

A function that raises ``WebResponse`` stops the dispatch: ``_app`` answers
its response as it is. A function route whose function returns a Flask
(werkzeug) ``Response`` is answered with it the same way.

An answer lists the nodes that failed or were out of their input domain under
``"failures"`` when there are any. Requested outputs that the dispatch could not
reach are a 422 that lists those failures with their reasons.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from typing import Any

from ..core import DispatcherError, ModelError, Token, WebResponse
from ._codec import EncodeError, encode
from ._errors import BadRequest, Unencodable, Unprocessable, listed
from ._limits import MAX_LISTED
from ._routes import Route, node_key, node_keys

__all__ = ["answer"]

_DISPATCH_ARGS = ("inputs", "outputs", "inputs_dist", "wildcard", "shrink")
_FORMS = ({"args", "kwargs"}, {"inputs", "outputs"})


def answer(route: Route, body: Any, opts: Any) -> dict:
    """The JSON answer to a POST of ``body`` on ``route``.

    ``opts`` carries the service's ``encoder``, ``max_depth`` and ``debug``.
    """
    form = _form(body)
    if route.kind == "model":
        if form == "args":
            kw = _dispatch_kwargs(body.get("args", []), body.get("kwargs", {}))
        else:
            kw = {"inputs": body.get("inputs", {}), "outputs": body.get("outputs")}
        return _run_model(route, kw, form, opts)
    if form == "args":
        return _call_function(route, body, opts)
    return _run_function(route, _or_empty(body.get("inputs")), opts)


def _form(body: Any) -> str:
    """``'args'`` or ``'inputs'``: which of the two forms ``body`` is."""
    if not isinstance(body, dict):
        raise BadRequest(
            "wrong_type", f"the body must be a JSON object, not {_kind(body)}"
        )
    keys = set(body)
    for form in _FORMS:
        if keys <= form:
            return "args" if "args" in form else "inputs"
    unknown = sorted(keys - _FORMS[0] - _FORMS[1])
    hint = "send either {'args': [...], 'kwargs': {...}} or {'inputs': {...}, 'outputs': [...]}"
    if unknown:
        raise BadRequest("unknown_fields", f"unknown fields {listed(unknown)}; {hint}")
    raise BadRequest("unknown_fields", f"mixed forms; {hint}")


def _kind(value: Any) -> str:
    """The JSON name of a decoded value's type."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def _dispatch_kwargs(args: Any, kwargs: Any) -> dict:
    """``dispatch(*args, **kwargs)``'s arguments, by name, checked."""
    _expect(args, list, "args", "an array")
    _expect(kwargs, dict, "kwargs", "an object")
    if len(args) > len(_DISPATCH_ARGS):
        raise BadRequest(
            "wrong_type", f"args: at most {len(_DISPATCH_ARGS)} positional arguments"
        )
    kw = dict(zip(_DISPATCH_ARGS, args))
    for name, value in kwargs.items():
        if name not in _DISPATCH_ARGS:
            raise BadRequest(
                "unknown_fields",
                f"kwargs: {name!r} is not accepted; use {listed(_DISPATCH_ARGS)}",
            )
        if name in kw:
            raise BadRequest("wrong_type", f"kwargs: {name!r} given twice")
        kw[name] = value
    return kw


def _expect(value: Any, type_: type, name: str, what: str) -> None:
    if not isinstance(value, type_):
        raise BadRequest("wrong_type", f"{name} must be {what}, not {_kind(value)}")


def _ids(dsp: Any, keys: Any, name: str, kinds: tuple = ("data",)) -> list:
    """Node ids for JSON keys; 400 listing the keys the model does not know
    (the hidden ``start``, ``sink`` ... nodes are not the client's to give)."""
    nodes = dsp.nodes
    known = node_keys(
        k for k in nodes if nodes[k]["type"] in kinds and not isinstance(k, Token)
    )
    unknown = [k for k in keys if not isinstance(k, str) or k not in known]
    if unknown:
        raise BadRequest(
            f"unknown_{name}",
            f"{name} not in the model: {listed(unknown)}",
            unknown=unknown[:MAX_LISTED],
        )
    return [known[k] for k in keys]


def _check_dispatch(dsp: Any, kw: dict) -> dict:
    """JSON arguments -> ``dispatch`` keyword arguments (ids, types)."""
    inputs = _or_empty(kw.get("inputs"))
    _expect(inputs, dict, "inputs", "an object {id: value}")
    out = {"inputs": dict(zip(_ids(dsp, inputs, "inputs"), inputs.values()))}
    outputs = kw.get("outputs")
    if outputs is not None:
        _expect(outputs, list, "outputs", "an array of ids")
        out["outputs"] = _ids(dsp, outputs, "outputs")
    dist = _or_empty(kw.get("inputs_dist"))
    _expect(dist, dict, "inputs_dist", "an object {id: number}")
    for key, value in dist.items():
        _check_distance(key, value)
    if dist:
        out["inputs_dist"] = dict(zip(_ids(dsp, dist, "inputs"), dist.values()))
    for flag in ("wildcard", "shrink"):
        if flag in kw:
            _expect(kw[flag], bool, flag, "true or false")
            out[flag] = kw[flag]
    return out


def _or_empty(value: Any) -> Any:
    """``{}`` for an absent or ``null`` mapping; anything else as it is (so
    ``[]``, ``""``, ``0`` or ``false`` are refused, not taken as nothing)."""
    return {} if value is None else value


def _check_distance(key: str, value: Any) -> None:
    """An ``inputs_dist`` value: a finite number within float range."""
    if type(value) not in (int, float):
        raise BadRequest(
            "wrong_type",
            f"inputs_dist[{key!r}] must be a number, not {_kind(value)}",
            field=f"inputs_dist[{key!r}]",
        )
    try:
        finite = math.isfinite(float(value))
    except OverflowError:
        finite = False
    if not finite:
        raise BadRequest(
            "out_of_range",
            f"inputs_dist[{key!r}] is beyond float range: {str(value)[:40]}",
            field=f"inputs_dist[{key!r}]",
        )


def _run_model(route: Route, kw: dict, form: str, opts: Any) -> dict:
    dsp = route.dsp
    kw = _check_dispatch(dsp, kw)
    sol = _dispatch(route, dsp, kw, opts)
    outputs = kw.get("outputs")
    _check_reached(sol, outputs, opts)
    if form == "args":
        result: dict = {"return": _encode_values(sol, opts)}
    else:
        picked = sol if outputs is None else {k: sol[k] for k in outputs}
        result = {"outputs": _encode_values(picked, opts)}
    return _with_failures(result, sol, opts)


def _dispatch(route: Route, dsp: Any, kw: dict, opts: Any) -> Any:
    try:
        with route.lock:
            return dsp.dispatch(**kw)
    except DispatcherError as err:  # the model raises on failures
        failures = getattr(err.sol, "failures", {})
        raise Unprocessable(
            "dispatch_failed",
            f"the dispatch stopped: {err.ex!r}" if err.ex else str(err),
            failures=_failures(failures, opts),
        ) from None
    except ModelError as err:
        raise BadRequest("bad_arguments", str(err)) from None


def _check_reached(sol: Any, outputs: list | None, opts: Any) -> None:
    missing = [k for k in outputs or () if k not in sol]
    if missing:
        keys = [node_key(k) for k in missing]
        raise Unprocessable(
            "unreachable_outputs",
            f"outputs not reached: {listed(keys)}",
            missing=keys,
            failures=_failures(sol.failures, opts),
        )


def _failures(failures: Mapping, opts: Any) -> list:
    """Failed and out-of-domain nodes with their reasons (tracebacks in debug)."""
    out = []
    for node, f in list(failures.items())[:MAX_LISTED]:
        item = {"node": node_key(node), "kind": f.kind, "reason": _reason(f)}
        if opts.debug and f.traceback:
            item["traceback"] = f.traceback
        out.append(item)
    return out


def _reason(failure: Any) -> str:
    if failure.kind == "domain":
        return "inputs out of the function's input domain"
    return f"{type(failure.exception).__name__}: {failure.exception}"


def _with_failures(result: dict, sol: Any, opts: Any) -> dict:
    if sol.failures:
        result["failures"] = _failures(sol.failures, opts)
    return result


def _encode_values(values: Mapping, opts: Any) -> dict:
    return {node_key(k): _encode(v, opts, k) for k, v in values.items()}


def _encode(value: Any, opts: Any, node: Hashable) -> Any:
    try:
        return encode(value, max_depth=opts.max_depth, encoder=opts.encoder)
    except EncodeError as err:
        if err.out_of_range:
            raise Unprocessable(
                "value_out_of_range",
                f"the value of {node_key(node)!r}{err.where()} cannot be "
                f"answered: {err}",
                node=node_key(node),
            ) from None
        raise Unencodable(
            "unencodable_value",
            f"the value of {node_key(node)!r}{err.where()} cannot be answered "
            f"in JSON: {err} (give the service an encoder: dsp.web(encoder=...))",
            node=node_key(node),
        ) from None


# -- function routes ---------------------------------------------------------
def _call_function(route: Route, body: dict, opts: Any) -> dict:
    """The reference's form, run as a dispatch: ``args`` are the node's inputs
    in order, ``kwargs`` its inputs by id; the node's input domain, filters and
    the model's defaults apply as in a dispatch. Answers ``{"return": value}``
    (an array for several outputs, ``null`` for none)."""
    args, kwargs = body.get("args", []), _or_empty(body.get("kwargs"))
    _expect(args, list, "args", "an array")
    _expect(kwargs, dict, "kwargs", "an object {input id: value}")
    needed = [node_key(k) for k in route.attr["inputs"] if not isinstance(k, Token)]
    if len(args) > len(needed):
        raise BadRequest(
            "wrong_arity",
            f"{node_key(route.node_id)!r} takes {len(needed)} "
            f"input{'' if len(needed) == 1 else 's'} "
            f"({listed(needed)}), {len(args)} args given",
        )
    inputs = dict(zip(needed, args))
    twice = [k for k in kwargs if k in inputs]
    if twice:
        raise BadRequest("wrong_arity", f"inputs given twice: {listed(twice)}")
    inputs.update(kwargs)
    outputs = _run_function(route, inputs, opts)["outputs"]
    values = list(outputs.values())
    return {"return": values[0] if len(values) == 1 else (values or None)}


def _run_function(route: Route, inputs: Any, opts: Any) -> dict:
    """The inputs form: dispatch the node alone, in a model of just it."""
    attr, dsp = route.attr, route.dsp
    needed = [k for k in attr["inputs"] if not isinstance(k, Token)]
    outputs = [k for k in attr["outputs"] if not isinstance(k, Token)]
    _expect(inputs, dict, "inputs", "an object {id: value}")
    given = _ids(dsp, inputs, "inputs")
    stray = [node_key(k) for k in given if k not in needed]
    if stray:
        raise BadRequest(
            "unknown_inputs",
            f"not inputs of {node_key(route.node_id)!r}: {listed(stray)}",
            unknown=stray,
        )
    lacking = [k for k in needed if k not in given and k not in dsp.default_values]
    if lacking:
        keys = [node_key(k) for k in lacking]
        raise BadRequest("missing_inputs", f"missing inputs: {listed(keys)}")
    with route.lock:
        if route.sub is None:
            nodes = [*attr["inputs"], route.node_id, *attr["outputs"]]
            route.sub = dsp.get_sub_dsp(nodes)
    sol = _dispatch(
        route, route.sub, {"inputs": dict(zip(given, inputs.values()))}, opts
    )
    failure = sol.failures.get(route.node_id)
    if failure is not None:
        raise Unprocessable(
            "function_failed",
            f"{node_key(route.node_id)!r}: {_reason(failure)}",
            failures=_failures(sol.failures, opts),
        )
    _check_reached(sol, outputs, opts)
    values = {k: sol[k] for k in outputs}
    if len(values) == 1:
        _answer_if_response(*values.values())
    return {"outputs": _encode_values(values, opts)}


def _answer_if_response(value: Any) -> None:
    """A function route's function that returns a Flask (werkzeug) response
    is answered with it as it is, as if it had raised ``WebResponse``."""
    from werkzeug.wrappers import Response

    if isinstance(value, Response):
        raise WebResponse(value)
