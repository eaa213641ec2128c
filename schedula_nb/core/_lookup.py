"""``get_node``: a node of a model, or of a sub-model at any depth, by path.

The path is a sequence of node ids; each id but the last names a sub-model
node of the level before. What is returned depends on ``node_attr``:

- ``'auto'`` (the default): a data node's value in the solution, else its
  attributes; a function's or sub-model's ``function`` (the child model);
- ``'output'``: a data node's value in the solution (``KeyError`` if none);
- ``'default_value'``: the data node's default (``{'value', 'initial_dist'}``);
- ``'description'``: the node's description, else its function's docstring;
- ``None``: the node's attribute dict; any other name: that attribute when
  the node has it, else the attribute dict.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from ._tokens import NONE

__all__ = ["get_node"]


def get_node(
    model: Any, node_ids: tuple, node_attr: Any = "auto", solution: Any = NONE
) -> tuple[Any, tuple]:
    """``(what node_attr asks of the node, the path walked)``.

    >>> import schedula_nb as sh
    >>> sub = sh.Dispatcher(name='sub')
    >>> sub.add_function('g', abs, ['x'], ['y'])
    'g'
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_dispatcher(sub, {'a': 'x'}, {'y': 'b'}, dsp_id='S')
    'S'
    >>> sol = dsp({'a': -1})
    >>> dsp.get_node('S', 'y'), dsp.get_node('S', 'g')
    ((1, ('S', 'y')), (<built-in function abs>, ('S', 'g')))
    >>> dsp.get_node('S', 'nope')
    Traceback (most recent call last):
    ...
    ValueError: get_node: path ['S', 'nope'] does not exist in the model 'unknown'
    """
    if not node_ids:
        raise ValueError("get_node: give at least one node id")
    if solution is NONE:
        solution = getattr(model, "solution", None)
    level, path = model, []
    for depth, node in enumerate(node_ids):
        path.append(node)
        attr = _node_attributes(level, node)
        if attr is None:
            raise ValueError(
                f"get_node: path {path!r} does not exist in the model "
                f"{getattr(model, 'name', '') or 'unknown'!r}"
            )
        if depth == len(node_ids) - 1:
            break
        if attr.get("type") != "dispatcher":
            raise ValueError(f"get_node: {node!r} in {path!r} is not a sub-model node")
        level = attr["function"]
        solution = _sub_solution(solution, attr)
    return _what(level, attr, node, node_attr, solution), tuple(path)


def _node_attributes(model: Any, node: Hashable) -> dict | None:
    dmap = getattr(model, "dmap", None)
    if dmap is None:
        return None
    try:
        return dmap.nodes.get(node)
    except TypeError:  # an unhashable id names no node
        return None


def _sub_solution(solution: Any, attr: dict) -> Any:
    """The child's solution under the parent's, if the sub-model ran."""
    if not solution:
        return None
    sub = getattr(solution, "sub_sol", None) or {}
    key = getattr(solution, "index", ()) + attr.get("index", ())
    return sub.get(key)


def _what(level: Any, attr: dict, node: Hashable, node_attr: Any, solution: Any) -> Any:
    if node_attr is None:
        return attr
    data = attr.get("type") == "data"
    if node_attr in ("auto", NONE):
        if not data:
            return attr.get("function")
        if solution is not None and node in solution:
            return solution[node]
        return attr
    if node_attr == "output":
        return solution[node]
    if node_attr == "default_value":
        return level.default_values[node]
    if node_attr == "description":
        return attr.get("description") or _doc(attr.get("function"))
    return attr.get(node_attr, attr)


def _doc(function: Any) -> str:
    return (getattr(function, "__doc__", None) or "").strip()
