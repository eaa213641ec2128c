"""``schedula.utils.alg``: the reference's graph helpers that code written for
schedula calls, over this project's implementation.

>>> import schedula_nb as sh
>>> from schedula_nb.utils.alg import get_full_pipe, get_sub_node
>>> dsp = sh.Dispatcher()
>>> dsp.add_function('max', max, ['a', 'b'], ['c'])
'max'
>>> sol = dsp.dispatch({'a': 1, 'b': 2})
>>> list(get_full_pipe(sol))
['a', 'b', 'max', 'c']
>>> get_sub_node(dsp, ('max',), node_attr='inputs')
(['a', 'b'], ('max',))
"""

from __future__ import annotations

from typing import Any

from ..core._lookup import get_node
from ..core._pipe_view import full_pipe
from ..core._tokens import NONE

__all__ = ["get_full_pipe", "get_sub_node"]


def get_full_pipe(sol: Any, base: tuple = ()) -> dict:
    """``sol.pipe``: the nodes the dispatch visited, in the order of its search
    (``base``, the reference's recursion argument, is the path ``sol`` is at:
    its keys are relative to ``sol`` whatever it says)."""
    return full_pipe(sol)


def get_sub_node(
    dsp: Any, path: Any, node_attr: Any = "auto", solution: Any = NONE
) -> tuple:
    """``(what node_attr asks of the node, the path walked)`` for the node at
    ``path`` (a tuple of ids, one per level, or one id): ``dsp.get_node``."""
    ids = tuple(path) if isinstance(path, (tuple, list)) else (path,)
    return get_node(dsp, ids, node_attr, solution)
