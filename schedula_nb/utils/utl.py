"""``schedula.utils.utl``: small helpers code written for schedula imports.

>>> from schedula_nb.utils.utl import get_unused_node_id, select_diff
>>> get_unused_node_id({'f': {}, 'f<0>': {}}, 'f')
'f<1>'
>>> select_diff({'a': {'w': 1}, 'b': {'w': 2}}, {'b'}, 'w')
{'a': 1}
"""

from __future__ import annotations

from collections.abc import Container, Hashable, Mapping
from typing import Any

from ..core._ids import unused_node_id

__all__ = ["get_unused_node_id", "select_diff"]

_DEFAULT_FORMAT = "{}<%d>"


def get_unused_node_id(
    graph: Container,
    initial_guess: Hashable = "unknown",
    _format: str = _DEFAULT_FORMAT,
) -> Hashable:
    """``initial_guess`` if ``graph`` (a graph, a model's nodes, any container)
    has no such node, else the first free ``_format.format(guess) % n``."""
    if _format == _DEFAULT_FORMAT:
        return unused_node_id(graph, initial_guess)
    if initial_guess not in graph:
        return initial_guess
    pattern, n = _format.format(initial_guess), 0
    while pattern % n in graph:
        n += 1
    return pattern % n


def select_diff(adict: Mapping, excluded: Container, key: Any) -> dict:
    """``{k: v[key]}`` for the items of ``adict`` whose key is not ``excluded``."""
    return {k: v[key] for k, v in adict.items() if not excluded or k not in excluded}
