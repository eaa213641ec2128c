"""The tables of a model's page, as docutils nodes: data nodes (id,
description, default value), function nodes (id, description, inputs,
outputs, domain) and sub-models (id linked to its section, description,
inputs, outputs). Ids of data nodes in the other tables link to their rows.

>>> import schedula_nb as sh
>>> from schedula_nb.sphinx._tables import data_table
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_data('a', default_value=1, description='the input')
'a'
>>> table = data_table(dsp, {'a': 'demo-data-a'})
>>> [row.astext().split() for row in table.findall(lambda n: n.tagname == 'row')]
[['id', 'description', 'default'], ['a', 'the', 'input', '1']]
"""

from __future__ import annotations

import inspect
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

from docutils import nodes

from ..core._functions import parent_func
from ..render import summary

__all__ = [
    "data_table",
    "function_table",
    "sub_model_table",
    "description",
    "node_kinds",
]

Cell = list[nodes.Node]


def node_kinds(dsp: Any) -> dict[str, dict]:
    """``{'data': ..., 'function': ..., 'dispatcher': ...}``: id -> attributes."""
    kinds: dict[str, dict] = {"data": {}, "function": {}, "dispatcher": {}}
    for node, attr in dsp.dmap.nodes.items():
        kinds.setdefault(attr.get("type"), {})[node] = attr
    return kinds


def description(attr: Mapping) -> str:
    """A node's description: its own, else the first paragraph of its
    function's docstring (``''`` when there is none).

    >>> def f():
    ...     '''Add two numbers.
    ...
    ...     More text.'''
    >>> description({'function': f}), description({'description': 'mine'})
    ('Add two numbers.', 'mine')
    """
    text = attr.get("description") or ""
    if not text and attr.get("type", "function") != "data":
        text = _own_doc(parent_func(attr.get("function")))
    text = str(text).strip()
    return " ".join(text.split("\n\n")[0].split())


def _own_doc(func: Any) -> str:
    """The docstring of a function or class; of another callable object only
    when set on the object itself (not its class's generic text)."""
    if func is None:
        return ""
    if inspect.isroutine(func) or inspect.isclass(func):
        return inspect.getdoc(func) or ""
    own = getattr(func, "__dict__", {}).get("__doc__")
    return own if isinstance(own, str) else ""


def data_table(dsp: Any, rows: Mapping[Hashable, str]) -> nodes.table:
    """Data nodes: id, description, default value (``rows``: id -> row anchor)."""
    defaults = dsp.default_values
    body = []
    for node, attr in node_kinds(dsp)["data"].items():
        default = defaults.get(node)
        body.append(
            (
                rows.get(node),
                [
                    _id(node),
                    _text(description(attr)),
                    _code(summary.short(default["value"], 60)) if default else [],
                ],
            )
        )
    return _table(("id", "description", "default"), body, (2, 5, 3), "data")


def function_table(
    dsp: Any, data_rows: Mapping[Hashable, str], kind: str = "function"
) -> nodes.table:
    """Function nodes: id, description, inputs, outputs, input domain."""
    body = []
    for node, attr in node_kinds(dsp)[kind].items():
        cells = [
            _id(node),
            _text(description(attr)),
            _ids(attr.get("inputs") or (), data_rows),
            _ids(attr.get("outputs") or (), data_rows),
            _text(_callable_name(attr.get("input_domain"))),
        ]
        body.append((None, cells))
    headers = ("id", "description", "inputs", "outputs", "domain")
    return _table(headers, body, (2, 4, 2, 2, 2), "functions")


def sub_model_table(
    dsp: Any, sections: Mapping[Hashable, str], data_rows: Mapping[Hashable, str]
) -> nodes.table:
    """Sub-models: id (a link to its section), description, inputs and
    outputs (the parent's ids; ``parent -> child`` where the names differ)."""
    body = []
    for node, attr in node_kinds(dsp)["dispatcher"].items():
        ins = [(p, c) for p, c in _pairs(attr.get("inputs"))]
        outs = [(p, c) for c, p in _pairs(attr.get("outputs"), reverse=True)]
        link = _ref(_id(node), sections[node]) if node in sections else _id(node)
        cells = [
            link,
            _text(description(attr)),
            _mapped(ins, data_rows),
            _mapped(outs, data_rows),
            _text(_callable_name(attr.get("input_domain"))),
        ]
        body.append((None, cells))
    headers = ("id", "description", "inputs", "outputs", "domain")
    return _table(headers, body, (2, 4, 2, 2, 2), "sub-models")


# -- cells -------------------------------------------------------------------
def _pairs(ids: Any, reverse: bool = False) -> list[tuple]:
    """``(parent, child)`` pairs of a sub-model mapping (lists: same names).
    With ``reverse``: ``(child, parent)`` of an outputs mapping."""
    if ids is None:
        return []
    if not isinstance(ids, Mapping):
        return [(i, i) for i in ids]
    out = []
    for k, v in ids.items():
        many = v if isinstance(v, (tuple, list)) else (v,)
        out += [(k, one) for one in many]
    return out


def _callable_name(func: Any) -> str:
    if func is None:
        return ""
    func = parent_func(func)
    return getattr(func, "__qualname__", None) or type(func).__name__


def _id(node: Hashable) -> Cell:
    return [nodes.literal(text=summary.name(node, 80))]


def _code(text: str) -> Cell:
    return [nodes.literal(text=text)]


def _text(text: str) -> Cell:
    return [nodes.Text(text)] if text else []


def _ref(content: Cell, refid: str) -> Cell:
    return [nodes.reference("", "", *content, refid=refid, internal=True)]


def _ids(ids: Iterable, rows: Mapping[Hashable, str]) -> Cell:
    """Comma-separated ids, each a link to its data row where it has one."""
    out: Cell = []
    for i, node in enumerate(ids):
        if i:
            out.append(nodes.Text(", "))
        out += _ref(_id(node), rows[node]) if node in rows else _id(node)
    return out


def _mapped(pairs: list[tuple], rows: Mapping[Hashable, str]) -> Cell:
    out: Cell = []
    for i, (parent, child) in enumerate(pairs):
        if i:
            out.append(nodes.Text(", "))
        out += _ids([parent], rows)
        if child != parent:
            out += [nodes.Text(" \u2192 "), *_id(child)]
    return out


def _table(
    headers: Iterable[str],
    body: list[tuple[str | None, list[Cell]]],
    widths: Iterable[int],
    what: str,
) -> nodes.table:
    """A table with a header row; ``body``: ``(row anchor or None, cells)``."""
    table = nodes.table(classes=["sh-dispatcher-table", f"sh-{what}"])
    group = nodes.tgroup(cols=len(tuple(widths)))
    table += group
    group += [nodes.colspec(colwidth=w) for w in widths]
    head = nodes.thead()
    head += _row(None, [[nodes.Text(h)] for h in headers])
    tbody = nodes.tbody()
    tbody += [_row(anchor, cells) for anchor, cells in body]
    group += [head, tbody]
    return table


def _row(anchor: str | None, cells: list[Cell]) -> nodes.row:
    row = nodes.row(ids=[anchor] if anchor else [])
    for content in cells:
        entry = nodes.entry()
        entry += nodes.paragraph("", "", *content)
        row += entry
    return row
