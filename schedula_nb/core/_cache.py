"""An opt-in result cache for functions worth it: ``sh.cache``.

``dispatch(..., reuse=old)`` takes over what one earlier solution computed.
A cached function remembers its results across *all* dispatches (of any
shape, of any model it is in, and calls outside a model): the same arguments
again, and it returns the remembered result without running. Keys are the
argument values, exactly (see :func:`arg_key`): numbers of one type,
``str``, ``bytes``, ``None``, tuples, lists, dicts and frozensets of such,
numpy arrays (by dtype, shape and bytes). A call with any other argument
runs and is not remembered (``stats().skipped`` counts them). The cache is
bounded (least recently used first out) and thread-safe; exceptions are not
remembered.
"""

from __future__ import annotations

import functools
import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, NamedTuple

__all__ = ["CacheStats", "CachedFunction", "arg_key", "cache"]


class CacheStats(NamedTuple):
    """Calls answered from the cache (``hits``), run and remembered
    (``misses``), run and not remembered (``skipped``: an argument has no
    exact key); results held (``size``) out of ``maxsize``."""

    hits: int
    misses: int
    skipped: int
    size: int
    maxsize: int


class _NoKey(Exception):
    """An argument without an exact key."""


_PLAIN = frozenset({int, str, bytes, bool, type(None)})


def arg_key(value: Any) -> Any:
    """A hashable key equal for two values exactly when they are the same
    value for a call (``1`` and ``1.0``, ``0.0`` and ``-0.0`` differ);
    raises ``TypeError`` for a value without one.

    >>> arg_key(1) == arg_key(1), arg_key(1) == arg_key(1.0)
    (True, False)
    >>> arg_key([1, ('a', 2.5)]) == arg_key([1, ('a', 2.5)])
    True
    >>> arg_key(object())
    Traceback (most recent call last):
    ...
    TypeError: no exact cache key for object
    """
    try:
        return _key(value)
    except _NoKey:
        raise TypeError(f"no exact cache key for {type(value).__name__}") from None


def _key(v: Any) -> Any:
    t = type(v)
    if t in _PLAIN:
        return t, v
    if t is float:
        return t, v, math.copysign(1.0, v)  # NaN != NaN: never found again
    if t is tuple or t is list:
        return (t, *map(_key, v))
    if t is dict:
        return (t, *((_key(k), _key(x)) for k, x in v.items()))
    if t is frozenset and all(type(x) in _PLAIN for x in v):
        return t, v
    if t.__module__ == "numpy" and t.__name__ == "ndarray" and v.dtype.kind != "O":
        return t, v.dtype.str, v.shape, v.tobytes()
    raise _NoKey


class CachedFunction:
    """``function`` with a bounded cache of its results (see :func:`cache`)."""

    def __init__(self, function: Callable, maxsize: int = 128) -> None:
        if not callable(function):
            raise TypeError(f"cache: function must be callable, not {function!r}")
        if not isinstance(maxsize, int) or isinstance(maxsize, bool) or maxsize < 1:
            raise ValueError(f"cache: maxsize must be an int >= 1, not {maxsize!r}")
        functools.update_wrapper(self, function)
        self.function, self.maxsize = function, maxsize
        self._results: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self._hits = self._misses = self._skipped = 0

    def __repr__(self) -> str:
        return f"<cached {self.__name__!r} {self.stats()}>"

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            key = _key((args, kwargs))
        except _NoKey:
            with self._lock:
                self._skipped += 1
            return self.function(*args, **kwargs)
        results = self._results
        with self._lock:
            if key in results:
                self._hits += 1
                results.move_to_end(key)
                return results[key]
        value = self.function(*args, **kwargs)
        with self._lock:
            self._misses += 1
            results[key] = value
            if len(results) > self.maxsize:
                results.popitem(last=False)
        return value

    def stats(self) -> CacheStats:
        """Hits, misses, skipped calls and size so far."""
        return CacheStats(
            self._hits, self._misses, self._skipped, len(self._results), self.maxsize
        )

    def clear(self) -> None:
        """Forget every result and reset the counts."""
        with self._lock:
            self._results.clear()
            self._hits = self._misses = self._skipped = 0

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_results"], state["_lock"] = OrderedDict(), None
        state["_hits"] = state["_misses"] = state["_skipped"] = 0
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()


def cache(function: Callable | None = None, *, maxsize: int = 128) -> Any:
    """Remember ``function``'s results by argument values (at most ``maxsize``).

    Use it for functions that are slow and pure (the same arguments give the
    same result): as a decorator, around a function given to
    ``add_function``, or with ``add_function(..., cache=maxsize)``.

    >>> import schedula_nb as sh
    >>> @sh.cache(maxsize=2)
    ... def slow(x):
    ...     return x * 2
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('slow', slow, ['a'], ['b'])
    'slow'
    >>> [dsp({'a': a})['b'] for a in (1, 2, 1)]
    [2, 4, 2]
    >>> slow.stats()
    CacheStats(hits=1, misses=2, skipped=0, size=2, maxsize=2)
    """
    if function is None:
        return functools.partial(cache, maxsize=maxsize)
    return CachedFunction(function, maxsize)
