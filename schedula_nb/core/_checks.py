"""Checks of the model-building and dispatch arguments, made at the call.

Each helper takes the value, the argument's name and the call (for the
message) and returns the value to use (a generator made a list, once) or
raises :class:`~._exceptions.ModelError` naming the call, the argument and the
value. The methods call them *before* they change anything, so a refused call
leaves the model as it was.

>>> weight(-1, 'weight', "add_function('f')")
Traceback (most recent call last):
...
schedula_nb.ModelError: add_function('f'): weight must be a number >= 0, not -1
>>> id_list((i for i in 'ab'), 'inputs', 'add_function')
['a', 'b']
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from ._compat import STATE as _compat_state
from ._exceptions import ModelError
from ._inf import inf as _Inf
from ._tokens import SINK, START

__all__ = [
    "arguments_list",
    "callable_or_none",
    "check_dispatch_flags",
    "distance",
    "distances",
    "filter_list",
    "flag",
    "function_args",
    "id_list",
    "node_id",
    "stopper",
    "text",
    "undo_on_error",
    "weight",
    "weights",
]

_NUMBER = (int, float, _Inf)  # inf(k, x): the two-level distances


def short(value: Any, limit: int = 80) -> str:
    """``repr(value)``, cut for a one-line message (reprs that fail too)."""
    try:
        text = repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


#: the call an error names: ``'dispatch'``, or ``(method, node id)`` written
#: ``method(node id)`` only if there is an error (no formatting on the way)
Call = str | tuple


def call_text(call: Call) -> str:
    """``call`` as an error message writes it.

    >>> call_text(('add_data', 'a')), call_text(('add_data', None)), call_text('x')
    ("add_data('a')", 'add_data', 'x')
    """
    if isinstance(call, tuple):
        method, node = call
        return method if node is None else f"{method}({short(node)})"
    return call


def fail(call: Call, arg: str, what: str, value: Any) -> ModelError:
    """The error for ``arg`` of ``call``: it must be ``what``, not ``value``."""
    return ModelError(f"{call_text(call)}: {arg} must be {what}, not {short(value)}")


def node_id(value: Any, arg: str, call: Call) -> Hashable:
    """A node id: hashable and not ``None`` (``None`` means "no node").

    >>> node_id(None, 'inputs[0]', 'add_function')
    Traceback (most recent call last):
    ...
    schedula_nb.ModelError: add_function: inputs[0] must be a node id (hashable, not None), not None
    """
    if value is None or not is_hashable(value):
        raise fail(call, arg, "a node id (hashable, not None)", value)
    return value


def is_hashable(value: Any) -> bool:
    try:
        hash(value)
    except Exception:
        return False
    return True


def id_list(value: Any, arg: str, call: Call) -> list | tuple:
    """A list of node ids from any iterable but a string (taken once)."""
    ids = value
    if type(value) is not list and type(value) is not tuple:  # the common case
        if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
            raise fail(call, arg, "a list of node ids", value)
        try:  # lists and tuples are kept as given; other iterables read once
            ids = value if isinstance(value, (list, tuple)) else list(value)
        except Exception as err:
            text = call_text(call)
            raise ModelError(f"{text}: {arg} cannot be read: {err!r}") from err
    try:
        hash(tuple(ids))  # every id hashable (one C call)
        ok = None not in ids
    except Exception:
        ok = False
    if not ok:
        for i, k in enumerate(ids):
            node_id(k, f"{arg}[{i}]", call)
    return ids


def weight(value: Any, arg: str, call: Call) -> Any:
    """``None`` or a number ``>= 0`` (``inf`` allowed, NaN refused; a
    negative one only under the reference switch, ``schedula_nb.compat``)."""
    if value is None:
        return None
    return distance(value, arg, call)


def _is_number(value: Any) -> bool:
    """An int or float (numpy's too), never a bool."""
    if isinstance(value, bool):
        return False
    if isinstance(value, _NUMBER):
        return True
    try:  # numpy scalars and the like: real numbers that are not ints/floats
        return isinstance(value.__float__(), float) and not hasattr(value, "__len__")
    except Exception:
        return False


def weights(value: Any, arg: str, call: Call) -> Mapping | None:
    """``None`` or a mapping id -> weight."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise fail(call, arg, "a dict {node id: weight}", value)
    for k, w in value.items():
        weight(w, f"{arg}[{short(k, 40)}]", call)
    return value


def distance(value: Any, arg: str, call: Call) -> Any:
    """A distance: a number ``>= 0``, finite or ``inf``. Negative ones break
    the shortest-path search (a node is never revisited when a cheaper path
    reaches it later): refused, but taken as the reference takes them while
    code written for schedula runs (``schedula_nb.compat``)."""
    if not _is_number(value) or value != value:
        raise fail(call, arg, "a number >= 0", value)
    if value < 0 and not _compat_state["reference"]:
        raise fail(call, arg, "a number >= 0", value)
    return value


def distances(value: Any, arg: str, call: Call) -> Mapping:
    """``inputs_dist``: ``None`` or a mapping id -> distance."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise fail(call, arg, "a dict {node id: distance}", value)
    for k, d in value.items():
        distance(d, f"{arg}[{short(k, 40)}]", call)
    return value


def callable_or_none(value: Any, arg: str, call: Call) -> Callable | None:
    if value is not None and not callable(value):
        raise fail(call, arg, "callable", value)
    return value


def filter_list(value: Any, arg: str, call: Call) -> list | None:
    """``None`` or a list of callables (any iterable but a string; a single
    callable is refused: write ``[f]``)."""
    if value is None:
        return None
    if callable(value) or isinstance(value, (str, bytes, Mapping)):
        raise fail(call, arg, "a list of callables", value)
    if not isinstance(value, Iterable):
        raise fail(call, arg, "a list of callables", value)
    items = list(value)
    for i, f in enumerate(items):
        if not callable(f):
            raise fail(call, f"{arg}[{i}]", "callable", f)
    return items


def flag(value: Any, arg: str, call: Call, none: bool = False) -> Any:
    """A bool (or 0/1); ``None`` too when ``none``."""
    if value is None and none:
        return None
    if isinstance(value, bool) or (type(value) is int and value in (0, 1)):
        return value
    if hasattr(value, "dtype") and getattr(value.dtype, "kind", "") == "b":
        return bool(value)
    raise fail(call, arg, "True or False", value)


def text(value: Any, arg: str, call: Call) -> str | None:
    if value is not None and not isinstance(value, str):
        raise fail(call, arg, "a string", value)
    return value


def stopper(value: Any, arg: str, call: Call) -> Any:
    """``None`` or an event-like object: ``is_set()`` says stop."""
    if value is not None and not callable(getattr(value, "is_set", None)):
        raise fail(call, arg, "None or an event (threading.Event ...)", value)
    return value


def check_dispatch_flags(inputs_dist: Any, **flags: Any) -> None:
    """``dispatch``'s arguments but ``inputs``, ``outputs`` and ``executor``
    (checked where they are read): distances, flags, options, stopper.

    >>> check_dispatch_flags(None, wildcard=True, stopper=5)
    Traceback (most recent call last):
    ...
    schedula_nb.ModelError: dispatch: stopper must be None or an event (threading.Event ...), not 5
    """
    distances(inputs_dist, "inputs_dist", "dispatch")
    wildcard = flags.get("wildcard", False)
    if not (type(wildcard) is int and wildcard == 2):  # 2: computable ones only
        flag(wildcard, "wildcard", "dispatch")
    for name in ("no_call", "shrink", "rm_unused_nds"):
        flag(flags.get(name, False), name, "dispatch")
    verbose = flags.get("verbose", False)
    if not callable(verbose):
        try:
            flag(verbose, "verbose", "dispatch")
        except ModelError:
            raise fail(
                "dispatch", "verbose", "True, False or a callable", verbose
            ) from None
    options = flags.get("select_output_kw")
    if options is not None and not isinstance(options, Mapping):
        raise fail("dispatch", "select_output_kw", "None or a dict", options)
    wait_in = flags.get("_wait_in")
    if wait_in is not None and not isinstance(wait_in, Mapping):
        raise fail("dispatch", "_wait_in", "None or a dict {node id: bool}", wait_in)
    stopper(flags.get("stopper"), "stopper", "dispatch")


def arguments_list(value: Any, arg: str, call: Call) -> list:
    """``add_from_lists``' lists: ``None`` (none) or an iterable (read once)."""
    if value is None:
        return []
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise fail(call, arg, "a list of dicts of arguments", value)
    return list(value)


@contextmanager
def undo_on_error(model: Any) -> Iterator[None]:
    """Run a block of several edits; if it raises, put the model's nodes,
    edges (in their order), default values and node counter back as they
    were (the graph's revision moves on, so cached plans are rebuilt)."""
    g = model.dmap
    nodes = {k: dict(a) for k, a in g.nodes.items()}
    succ = {u: {v: dict(a) for v, a in nbrs.items()} for u, nbrs in g.succ.items()}
    pred = {v: list(nbrs) for v, nbrs in g.pred.items()}
    defaults, counter = dict(model.default_values), model._counter
    try:
        yield
    except BaseException:
        g.remove_nodes_from(list(g.nodes))
        for n, attr in nodes.items():
            g.add_node(n, **attr)
        for u, nbrs in succ.items():
            for v, attr in nbrs.items():
                g.add_edge(u, v, **attr)
        for v, order in pred.items():
            g.pred[v] = {u: g.pred[v][u] for u in order}
        model.default_values.clear()
        model.default_values.update(defaults)
        model._counter = counter
        raise


def function_args(
    model: Any, function_id: Any, function: Any, inputs: Any, outputs: Any, **kw: Any
) -> tuple[list | tuple, list | tuple, list | None]:
    """``add_function``'s arguments checked before anything changes: the
    inputs, outputs (lists, taken once) and filters to use, or ModelError.
    ``kw``: ``input_domain``, ``weight``, ``inp_weight``, ``out_weight``,
    ``description``, ``filters``."""
    call = ("add_function", function_id)
    if function_id is not None:
        node_id(function_id, "function_id", call)
    if function is None and function_id is None:
        raise ModelError(
            "add_function: give a function, or a function_id for a "
            "placeholder node (its function set later)"
        )
    callable_or_none(function, "function", call)
    callable_or_none(kw["input_domain"], "input_domain", call)
    inputs = [START] if inputs is None else id_list(inputs, "inputs", call)
    outputs = [SINK] if outputs is None else id_list(outputs, "outputs", call)
    weight(kw["weight"], "weight", call)
    weights(kw["inp_weight"], "inp_weight", call)
    weights(kw["out_weight"], "out_weight", call)
    text(kw["description"], "description", call)
    filters = filter_list(kw["filters"], "filters", call)
    nodes = model.dmap.nodes
    for side, ids in (("input", inputs), ("output", outputs)):
        for u in ids:
            kind = nodes[u]["type"] if u in nodes else "data"
            if kind != "data":
                raise ModelError(
                    f"Invalid {side} id of {function_id!r}: {u!r} is a "
                    f"{kind} node, not a data node"
                )
    return inputs, outputs, filters


def _optional_id(value: Any, arg: str, call: Call) -> Any:
    return value if value is None else node_id(value, arg, call)


def _ids_or_none(value: Any, arg: str, call: Call) -> Any:
    return value if value is None else id_list(value, arg, call)


_FUNCTION_CHECKS = {
    "function_id": _optional_id,
    "inputs": _ids_or_none,
    "outputs": _ids_or_none,
    "input_domain": callable_or_none,
    "weight": weight,
    "inp_weight": weights,
    "out_weight": weights,
    "description": text,
    "filters": filter_list,
}
#: what a blueprint checks when a call is recorded (the model's own checks,
#: those that need no model); the node kinds are checked when it is built
RECORDED_CHECKS = {
    "add_data": {
        "data_id": _optional_id,
        "initial_dist": distance,
        "wait_inputs": flag,
        "function": callable_or_none,
        "callback": callable_or_none,
        "description": text,
        "filters": filter_list,
    },
    "add_function": _FUNCTION_CHECKS,
    "add_func": {**_FUNCTION_CHECKS, "inputs_defaults": flag, "inputs_kwargs": flag},
    "set_default_value": {"data_id": node_id, "initial_dist": distance},
}


def recorded_call(cls: Any, method: str, args: tuple, kwargs: dict) -> tuple:
    """A call recorded by a blueprint, checked now as ``cls.method`` would
    check it: ``(args, kwargs)`` to record, iterables read once into lists.

    >>> from schedula_nb import Dispatcher
    >>> recorded_call(Dispatcher, 'add_function', ('f', abs, iter('a')), {})
    (('f', <built-in function abs>, ['a']), {})
    """
    checks = RECORDED_CHECKS.get(method)
    if checks is None:
        return args, kwargs
    import inspect

    try:
        bound = inspect.signature(getattr(cls, method)).bind(None, *args, **kwargs)
    except TypeError as err:
        raise ModelError(f"{method}: {err}") from None
    for name, value in list(bound.arguments.items()):
        check = checks.get(name)
        is_blueprint = hasattr(value, "deferred") and hasattr(value, "register")
        if check is not None and not is_blueprint:  # built later: not checked
            new = check(value, name, method)
            if name in ("inputs", "outputs", "filters") and new is not None:
                bound.arguments[name] = new
    return bound.args[1:], bound.kwargs
