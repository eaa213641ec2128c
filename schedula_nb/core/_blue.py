"""Blueprints: a recorded recipe that builds a model (or any object) later.

``BlueDispatcher`` records the construction calls of a ``Dispatcher``
(``add_data``, ``add_function`` ... each returns the blueprint, so they
chain) and ``register()`` replays them on a new ``Dispatcher``. A blueprint
is cheap to copy and to pickle, and builds as many models as asked for.
``Dispatcher.blue()`` goes the other way: the recipe of an existing model.

>>> import schedula_nb as sh
>>> blue = sh.BlueDispatcher(name='demo').add_function('f', abs, ['a'], ['b'])
>>> dsp = blue.register()
>>> dsp.name, sorted(dsp.nodes), blue({'a': -1})
('demo', ['a', 'b', 'f'], Solution({'a': -1, 'b': 1}))
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from typing import Any

from ._dispatcher import Dispatcher

__all__ = ["BlueDispatcher", "Blueprint", "blue_of_dispatcher", "blue_of_wrapper"]


class Blueprint:
    """The recipe ``cls(*args, **kwargs)`` followed by recorded method calls.

    Blueprints found in the arguments (also inside lists, tuples and dicts)
    are registered first; ``memo`` makes a blueprint used twice build one
    object.

    Examples
    --------
    >>> from schedula_nb import Blueprint
    >>> bp = Blueprint(dict, a=1)
    >>> bp.register()
    {'a': 1}
    >>> Blueprint(list, [Blueprint(dict, b=2)]).register()
    [{'b': 2}]
    """

    def __init__(self, cls: Callable, *args: Any, **kwargs: Any) -> None:
        self.cls = cls
        self.args, self.kwargs = args, kwargs
        #: ``(method name, args, kwargs)`` replayed in order by ``register``
        self.deferred: list[tuple[str, tuple, dict]] = []

    def __repr__(self) -> str:
        name = getattr(self.cls, "__name__", repr(self.cls))
        return f"<{type(self).__name__} of {name}: {len(self.deferred)} calls>"

    def _defer(self, method: str, *args: Any, **kwargs: Any) -> Blueprint:
        self.deferred.append((method, args, kwargs))
        return self

    def register(self, obj: Any = None, memo: dict | None = None) -> Any:
        """Build the object (or use ``obj``) and replay the recorded calls."""
        memo = {} if memo is None else memo
        if obj is None:
            if self in memo:
                return memo[self]
            obj = self.cls(*_built(self.args, memo), **_built(self.kwargs, memo))
            memo[self] = obj
        for method, args, kwargs in self.deferred:
            getattr(obj, method)(*_built(args, memo), **_built(kwargs, memo))
        return obj

    def extend(self, *blues: Any, memo: dict | None = None) -> Blueprint:
        """Append the recorded calls of other blueprints (or models' recipes).

        >>> import schedula_nb as sh
        >>> blue = sh.BlueDispatcher().extend(
        ...     sh.BlueDispatcher().add_func(len, ['length']),
        ...     sh.BlueDispatcher().add_func(callable, ['is_callable']))
        >>> sorted(blue.register().function_nodes)
        ['callable', 'len']
        """
        memo = {} if memo is None else memo
        for blue in blues:
            if not isinstance(blue, Blueprint):
                blue = blue.blue(memo=memo)
            self.deferred.extend(blue.deferred)
        return self

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Build the object and call it."""
        return self.register()(*args, **kwargs)


def _built(value: Any, memo: dict) -> Any:
    """``value`` with the blueprints in it registered."""
    if isinstance(value, Blueprint):
        return value.register(memo=memo)
    if type(value) in (list, tuple):
        return type(value)(_built(v, memo) for v in value)
    if type(value) is dict:
        return {k: _built(v, memo) for k, v in value.items()}
    return value


class BlueDispatcher(Blueprint):
    """The recipe of a ``Dispatcher``: its construction calls, recorded.

    Examples
    --------
    >>> import schedula_nb as sh
    >>> blue = sh.BlueDispatcher(name='Dispatcher')
    >>> blue.add_data(data_id='a', default_value=3).add_function(
    ...     function=max, inputs=['a', 'b'], outputs=['c'])
    <BlueDispatcher of Dispatcher: 2 calls>
    >>> @sh.add_function(blue, True, True, outputs=['d'])
    ... def diff(c, e=2):
    ...     return e - c
    >>> blue.set_default_value('b', 1)
    <BlueDispatcher of Dispatcher: 4 calls>
    >>> blue.register()({'a': 1})
    Solution({'a': 1, 'b': 1, 'e': 2, 'c': 1, 'd': 1})
    """

    def __init__(
        self,
        dmap: Any = None,
        name: str = "",
        default_values: dict | None = None,
        raises: Any = False,
        description: str = "",
        executor: Any = False,
    ) -> None:
        super().__init__(
            Dispatcher,
            dmap=dmap,
            name=name,
            default_values=default_values,
            raises=raises,
            description=description,
            executor=executor,
        )

    # The recording methods (add_data, add_function ...) are made below, one
    # per Dispatcher method, with that method's own signature.


def _recorder(method: str, order: tuple = ()) -> Callable:
    """A ``BlueDispatcher`` method that records ``Dispatcher.<method>``.

    It takes the arguments as the reference's blueprint method does (the
    model's signature; ``order`` lists parameters whose positions the
    reference's blueprint swaps), checks them at once (a wrong call fails
    where it is written, not when the blueprint is registered), records them
    by name and returns the blueprint so calls chain.
    """
    signature = _signature(getattr(Dispatcher, method), order)

    def record(self: BlueDispatcher, *args: Any, **kwargs: Any) -> BlueDispatcher:
        try:
            bound = signature.bind(self, *args, **kwargs).arguments
        except TypeError as err:
            raise TypeError(f"BlueDispatcher.{method}: {err}") from None
        named = {k: v for k, v in bound.items() if k not in ("self", "kwargs")}
        return self._defer(method, **named, **bound.get("kwargs", {}))

    record.__name__ = method
    record.__qualname__ = f"BlueDispatcher.{method}"
    record.__doc__ = (
        f"Record ``Dispatcher.{method}`` (same arguments); return the blueprint."
    )
    record.__signature__ = signature.replace(return_annotation="BlueDispatcher")
    return record


def _signature(function: Callable, swapped: tuple) -> inspect.Signature:
    """``function``'s signature, the two parameters ``swapped`` exchanged."""
    signature = inspect.signature(function)
    if not swapped:
        return signature
    params = list(signature.parameters.values())
    names = [p.name for p in params]
    i, j = (names.index(n) for n in swapped)
    params[i], params[j] = params[j], params[i]
    return signature.replace(parameters=params)


_RECORDED = (
    "add_data",
    "add_function",
    "add_func",
    "add_dispatcher",
    "add_from_lists",
    "set_default_value",
)


#: the reference's BlueDispatcher.add_func takes its two flags the other way
#: round from Dispatcher.add_func (positional calls follow each one's order)
_SWAPPED = {"add_func": ("inputs_defaults", "inputs_kwargs")}


def _add_recorders() -> None:
    for method in _RECORDED:
        setattr(BlueDispatcher, method, _recorder(method, _SWAPPED.get(method, ())))


_NOT_KWARGS = ("type", "index", "inputs", "outputs", "function")


def blue_of_dispatcher(dsp: Any, memo: dict | None = None, depth: int = -1) -> Any:
    """The ``BlueDispatcher`` that rebuilds ``dsp``: its nodes in insertion
    order, with their attributes, edge weights and default values.

    ``depth`` levels of the wrappers and sub-models inside become blueprints
    too (negative: all; 0: they are shared, not rebuilt).
    """
    memo = {} if memo is None else memo
    if dsp in memo:
        return memo[dsp]
    blue = memo[dsp] = BlueDispatcher(
        name=dsp.name,
        raises=dsp.raises,
        description=dsp.description,
        executor=dsp.executor,
    )
    dmap, defaults = dsp.dmap, dsp.default_values
    for node, attr in sorted(dmap.nodes.items(), key=lambda t: t[1].get("index", ())):
        kw = {k: v for k, v in attr.items() if k not in _NOT_KWARGS}
        kind = attr["type"]
        if kind == "data":
            default = defaults.get(node)
            if default is not None:
                kw["default_value"] = default["value"]
                kw["initial_dist"] = default["initial_dist"]
            blue.add_data(node, **kw)
            continue
        function = _blue_of(attr["function"], memo, depth)
        if kind == "dispatcher":
            blue.add_dispatcher(
                function, attr["inputs"], attr["outputs"], dsp_id=node, **kw
            )
            continue
        inp_w = {u: e["weight"] for u, e in dmap.pred[node].items() if "weight" in e}
        out_w = {v: e["weight"] for v, e in dmap.succ[node].items() if "weight" in e}
        blue.add_function(
            node,
            function,
            list(attr["inputs"]),
            list(attr["outputs"]),
            inp_weight=inp_w or None,
            out_weight=out_w or None,
            **kw,
        )
    return blue


def _blue_of(function: Any, memo: dict, depth: int) -> Any:
    """A wrapper's or model's blueprint (within ``depth``), else ``function``."""
    blue = getattr(function, "blue", None)
    if depth == 0 or blue is None or isinstance(function, (type, Blueprint)):
        return function
    return blue(memo=memo, depth=depth - 1)


def blue_of_wrapper(wrapper: Any, memo: dict | None = None, depth: int = -1) -> Any:
    """A ``Blueprint`` that rebuilds a model wrapper (``SubDispatch`` ...)."""
    memo = {} if memo is None else memo
    if wrapper in memo:
        return memo[wrapper]
    kwargs = wrapper._blue_kwargs()
    kwargs["dsp"] = _blue_of(kwargs["dsp"], memo, depth)
    blue = memo[wrapper] = Blueprint(type(wrapper), **kwargs)
    return blue


def extend_dispatcher(dsp: Any, blues: Iterable, memo: dict | None = None) -> Any:
    """Replay on ``dsp`` the calls of each blueprint (or model's recipe)."""
    memo = {} if memo is None else memo
    for blue in blues:
        if not isinstance(blue, Blueprint):
            blue = blue_of_dispatcher(blue, memo)
        blue.register(obj=dsp, memo=memo)
    return dsp


_add_recorders()
