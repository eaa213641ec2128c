"""Node ids: the reference's rule for a free id (shared by every kind of node)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping

__all__ = ["unused_node_id"]


def unused_node_id(nodes: Mapping, guess: Hashable = "unknown") -> Hashable:
    """``guess`` if free, else ``guess<0>``, ``guess<1>`` ... (the reference's rule).

    >>> unused_node_id({'f': {}, 'f<0>': {}}, 'f')
    'f<1>'
    """
    if guess not in nodes:
        return guess
    n = 0
    while f"{guess}<{n}>" in nodes:
        n += 1
    return f"{guess}<{n}>"
