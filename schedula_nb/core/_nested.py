"""Nested-dict helpers: walk, read, create and merge dicts of dicts.

A *nested key* is the tuple of keys leading to a value:
``{'a': {'b': 1}}`` holds ``1`` at ``('a', 'b')``.

>>> d = {'a': {'b': 1}, 'c': 2}
>>> list(stack_nested_keys(d))
[(('a', 'b'), 1), (('c',), 2)]
>>> combine_nested_dicts(d, {'a': {'x': 0}})
{'a': {'b': 1, 'x': 0}, 'c': 2}
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from typing import Any

__all__ = [
    "are_in_nested_dicts",
    "combine_nested_dicts",
    "get_nested_dicts",
    "kk_dict",
    "stack_nested_keys",
]


def stack_nested_keys(
    nested_dict: Any, key: tuple = (), depth: int = -1
) -> Iterator[tuple[tuple, Any]]:
    """Yield ``(nested key, value)`` for every leaf of ``nested_dict``.

    Parameters
    ----------
    nested_dict : Any
        A dict of dicts; anything without ``items()`` is a leaf.
    key : tuple, optional
        Keys prepended to every yielded key.
    depth : int, optional
        How many levels to descend (negative: all). Deeper dicts are leaves.

    Returns
    -------
    Iterator[tuple[tuple, Any]]
        Pairs of key tuple and value; empty dicts yield nothing.

    Examples
    --------
    >>> d = {'a': {'b': {'c': 1}}, 'd': 2}
    >>> list(stack_nested_keys(d, depth=2))
    [(('a', 'b'), {'c': 1}), (('d',), 2)]
    >>> list(stack_nested_keys(d, key=('x',), depth=0))
    [(('x',), {'a': {'b': {'c': 1}}, 'd': 2})]
    """
    if depth != 0 and hasattr(nested_dict, "items"):
        for k, v in nested_dict.items():
            yield from stack_nested_keys(v, key + (k,), depth - 1)
    else:
        yield key, nested_dict


def get_nested_dicts(
    nested_dict: dict,
    *keys: Hashable,
    default: Callable[[], Any] | None = None,
    init_nesting: Callable[[], Any] = dict,
) -> Any:
    """The value at ``keys``, creating the missing levels on the way.

    Parameters
    ----------
    nested_dict : dict
        The dict of dicts to read (and grow).
    *keys : Hashable
        The nested key; none returns ``nested_dict`` itself.
    default : callable, optional
        Makes the value of a missing last key (``init_nesting`` if None).
    init_nesting : callable, optional
        Makes a missing intermediate dict.

    Returns
    -------
    Any
        The (possibly new) value stored at ``keys``.

    Examples
    --------
    >>> d = {}
    >>> get_nested_dicts(d, 'a', 'b', default=list).append(1)
    >>> d, get_nested_dicts(d, 'a', 'b')
    ({'a': {'b': [1]}}, [1])
    """
    if not keys:
        return nested_dict
    *path, last = keys
    for k in path:
        if k not in nested_dict:
            nested_dict[k] = init_nesting()
        nested_dict = nested_dict[k]
    if last not in nested_dict:
        nested_dict[last] = (default or init_nesting)()
    return nested_dict[last]


def are_in_nested_dicts(nested_dict: Any, *keys: Hashable) -> bool:
    """Whether the nested key ``keys`` is in ``nested_dict``.

    Parameters
    ----------
    nested_dict : Any
        A dict of dicts.
    *keys : Hashable
        The nested key (none: always True).

    Returns
    -------
    bool
        True when every level holds the next key.

    Examples
    --------
    >>> d = {'a': {'b': 1}}
    >>> are_in_nested_dicts(d, 'a', 'b'), are_in_nested_dicts(d, 'a', 'b', 'c')
    (True, False)
    """
    for k in keys:
        if not isinstance(nested_dict, Mapping) or k not in nested_dict:
            return False
        nested_dict = nested_dict[k]
    return True


def combine_nested_dicts(
    *nested_dicts: Mapping, depth: int = -1, base: dict | None = None
) -> dict:
    """Merge dicts of dicts, left to right, level by level.

    Leaves of later dicts win; below ``depth`` levels a value replaces the
    earlier one whole. The inputs are not modified (``base`` is).

    Parameters
    ----------
    *nested_dicts : Mapping
        The dicts to merge.
    depth : int, optional
        How many levels to merge (negative: all).
    base : dict, optional
        The dict merged into (a new one if None).

    Returns
    -------
    dict
        ``base`` with every leaf of ``nested_dicts`` set.

    Examples
    --------
    >>> combine_nested_dicts({'a': {'b': 1}}, {'a': {'c': 2}, 'd': 3})
    {'a': {'b': 1, 'c': 2}, 'd': 3}
    >>> combine_nested_dicts({'a': {'b': 1}}, {'a': {'c': 2}}, depth=1)
    {'a': {'c': 2}}
    """
    if base is None:
        base = {}
    for nested_dict in nested_dicts:
        if depth != 0 and hasattr(nested_dict, "items"):
            _merge(base, nested_dict, depth)
    return base


def _merge(base: dict, src: Any, depth: int) -> None:
    """Set the leaves of ``src`` (``depth`` levels deep) into ``base``.

    A value of ``base`` that is not a dict, where ``src`` has a dict with
    leaves, is replaced by (a copy of) that dict.
    """
    for k, v in src.items():
        if depth == 1 or not hasattr(v, "items"):
            base[k] = v
            continue
        if next(stack_nested_keys(v, depth=depth - 1), None) is None:
            continue  # no leaf below: nothing to set
        child = base.get(k)
        if isinstance(child, dict):
            _merge(child, v, depth - 1)
        elif k in base:
            base[k] = _copy_dicts(v, depth - 1)
        else:
            child = base[k] = {}
            _merge(child, v, depth - 1)


def _copy_dicts(value: Any, depth: int) -> Any:
    if depth == 0 or not hasattr(value, "items"):
        return value
    return {k: _copy_dicts(v, depth - 1) for k, v in value.items()}


def kk_dict(*kk: Any, **adict: Any) -> dict:
    """A dict from keys (mapped to themselves) and dicts; no key twice.

    Parameters
    ----------
    *kk : Any
        Keys, each mapped to itself, or dicts merged as they are.
    **adict : Any
        More items.

    Returns
    -------
    dict
        The merged dict.

    Raises
    ------
    ValueError
        When a key is given more than once.

    Examples
    --------
    >>> kk_dict('a', {'b': 'c'}, 'c')
    {'a': 'a', 'b': 'c', 'c': 'c'}
    >>> kk_dict({'a': 0, 'b': 1}, b=2, a=3)
    Traceback (most recent call last):
    ...
    ValueError: keyword argument repeated (a, b)
    """
    for k in kk:
        if isinstance(k, dict):
            _check_repeated(adict, k)
            adict.update(k)
        else:
            _check_repeated(adict, (k,))
            adict[k] = k
    return adict


def _check_repeated(adict: dict, keys: Any) -> None:
    repeated = sorted(str(k) for k in keys if k in adict)
    if repeated:
        raise ValueError(f"keyword argument repeated ({', '.join(repeated)})")
