"""Small functions that are handy as nodes of a model (schedula's helpers).

>>> bypass(1), bypass(1, 2), summation(1, 2, 3)
(1, (1, 2), 6)
>>> combine_dicts({'a': 1}, {'a': 2, 'b': 3})
{'a': 2, 'b': 3}
>>> selector(['a'], {'a': 1, 'b': 2}), map_dict({'a': 'x'}, {'a': 1, 'b': 2})
({'a': 1}, {'x': 1, 'b': 2})
>>> map_list(['a', {'b': 'c'}], 1, {'b': 2}), replicate_value([0], n=2)
({'a': 1, 'c': 2}, ([0], [0]))
>>> stlp('a'), stlp(['a'])
(('a',), ['a'])
"""

from __future__ import annotations

import copy as _copy
import functools
import inspect
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = [
    "bypass",
    "summation",
    "combine_dicts",
    "map_dict",
    "map_list",
    "selector",
    "replicate_value",
    "partial",
    "add_args",
    "stlp",
    "parent_func",
]


def bypass(*inputs: Any, copy: bool = False) -> Any:
    """Return the input (or the tuple of inputs when there are several).

    >>> bypass({'a': 1}, copy=True)
    {'a': 1}
    """
    value = inputs[0] if len(inputs) == 1 else inputs
    return _copy.deepcopy(value) if copy else value


def summation(*inputs: Any) -> Any:
    """Sum the inputs with ``+`` (so lists concatenate).

    >>> summation([1], [2])
    [1, 2]
    """
    return functools.reduce(lambda x, y: x + y, inputs)


def combine_dicts(
    *dicts: Mapping, copy: bool = False, base: dict | None = None
) -> dict:
    """Merge dicts left to right into ``base`` (a new dict if not given).

    >>> combine_dicts({'a': 1}, None, {'b': 2}, base={'c': 0})
    {'c': 0, 'a': 1, 'b': 2}
    """
    if len(dicts) == 1 and base is None:
        out = dict(dicts[0])
    else:
        out = {} if base is None else base
        for d in dicts:
            if d:
                out.update(d)
    return {k: _copy.deepcopy(v) for k, v in out.items()} if copy else out


def map_dict(
    key_map: Mapping, *dicts: Mapping, copy: bool = False, base: dict | None = None
) -> dict:
    """Merge ``dicts`` and rename their keys with ``key_map``.

    >>> map_dict({'a': 'b'}, {'a': 1, 'c': 3})
    {'b': 1, 'c': 3}
    """
    get = key_map.get
    merged = combine_dicts(*dicts)
    return combine_dicts(
        {get(k, k): v for k, v in merged.items()}, copy=copy, base=base
    )


def map_list(
    key_map: Iterable, *inputs: Any, copy: bool = False, base: dict | None = None
) -> dict:
    """Name positional ``inputs`` by ``key_map`` (nested maps allowed).

    >>> map_list(['a', ['b', 'c']], 1, (2, 3))
    {'a': 1, 'b': 2, 'c': 3}
    """
    out = {} if base is None else base
    for key, value in zip(key_map, inputs):
        if isinstance(key, dict):
            map_dict(key, value, base=out)
        elif isinstance(key, list):
            map_list(key, *value, base=out)
        else:
            out[key] = value
    return combine_dicts(copy=copy, base=out)


def selector(
    keys: Iterable,
    dictionary: Mapping,
    copy: bool = False,
    output_type: str = "dict",
    allow_miss: bool = False,
) -> Any:
    """Pick ``keys`` from ``dictionary`` as a dict, a list or values.

    >>> d = {'a': 1, 'b': 2}
    >>> selector('ab', d, output_type='list'), selector(['a', 'z'], d, allow_miss=True)
    ([1, 2], {'a': 1})
    >>> selector(['a', 'b'], d, output_type='values')
    (1, 2)
    """
    if allow_miss:
        keys = [k for k in keys if k in dictionary]
    if output_type == "list":
        res = [dictionary[k] for k in keys]
        return _copy.deepcopy(res) if copy else res
    if output_type == "values":
        return bypass(*[dictionary[k] for k in keys], copy=copy)
    if output_type != "dict":
        raise ValueError(
            f"output_type must be 'dict', 'list' or 'values', not {output_type!r}"
        )
    return bypass({k: dictionary[k] for k in keys}, copy=copy)


def replicate_value(value: Any, n: int = 2, copy: bool = True) -> Any:
    """Return ``n`` (deep) copies of ``value``.

    >>> replicate_value(1, n=3)
    (1, 1, 1)
    """
    return bypass(*[value] * n, copy=copy)


def stlp(s: Any) -> Any:
    """A string becomes a one-item tuple; anything else is returned as is."""
    return (s,) if isinstance(s, str) else s


class partial(functools.partial):
    """``functools.partial`` that keeps the wrapped function's name.

    >>> p = partial(max, 3)
    >>> p(1), p.__name__
    (3, 'max')
    """

    @property
    def __name__(self) -> str:  # type: ignore[override]
        return getattr(self.func, "__name__", type(self).__name__)


def parent_func(func: Any, input_id: int | None = None) -> Any:
    """The innermost function behind ``partial`` and ``add_args`` wrappers.

    With ``input_id`` it also returns the position that argument has in the
    innermost function.

    >>> parent_func(partial(add_args(max), 1)) is max
    True
    """
    while True:
        if isinstance(func, functools.partial):
            if input_id is not None:
                input_id += len(func.args)
            func = func.func
        elif isinstance(func, add_args):
            if input_id is not None:
                input_id -= func.n
            func = func.func
        else:
            break
    return func if input_id is None else (func, input_id)


class add_args:
    """Wrap ``func`` so it accepts (and ignores) ``n`` extra leading arguments.

    >>> def f(a, b=1):
    ...     'Doc'
    ...     return a + b
    >>> g = add_args(f, n=2)
    >>> g('x', 'y', 1, b=2), g.__name__, g.__doc__, str(inspect.signature(g))
    (3, 'f', 'Doc', '(none, none, a, b=1)')
    """

    def __init__(
        self, func: Callable, n: int = 1, callback: Callable | None = None
    ) -> None:
        self.func, self.n, self.callback = func, n, callback
        inner = parent_func(func)
        self.__name__ = getattr(
            func, "__name__", getattr(inner, "__name__", "add_args")
        )
        self.__doc__ = getattr(func, "__doc__", None) or getattr(inner, "__doc__", None)

    @property
    def __signature__(self) -> inspect.Signature:
        sig = inspect.signature(self.func)
        extra = [
            inspect.Parameter("none", inspect.Parameter.POSITIONAL_ONLY)
            for _ in range(self.n)
        ]
        params = list(sig.parameters.values())
        return _LooseSignature(extra + params, return_annotation=sig.return_annotation)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        res = self.func(*args[self.n :], **kwargs)
        if self.callback:
            self.callback(res, *args, **kwargs)
        return res


class _LooseSignature(inspect.Signature):
    """A signature that allows repeated placeholder names (``none, none, ...``)."""

    def __init__(self, parameters, return_annotation=inspect.Signature.empty):
        super().__init__(
            [
                p.replace(name=f"_p{i}") if p.name == "none" else p
                for i, p in enumerate(parameters)
            ],
            return_annotation=return_annotation,
        )
        self._shown = list(parameters)

    def __str__(self) -> str:
        shown = []
        for p in self._shown:
            kind = p.kind
            if p.name == "none" and kind == inspect.Parameter.POSITIONAL_ONLY:
                shown.append("none")
            else:
                shown.append(str(p.replace(kind=kind)))
        return f"({', '.join(shown)})"
