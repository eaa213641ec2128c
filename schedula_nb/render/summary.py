"""Safe short text for values, and the HTML and text summaries of models and
solutions.

:func:`short` never builds the whole text of a big value: strings and bytes are
sliced before ``repr``, containers are walked item by item up to a few items,
array-likes (numpy, pandas, torch ...) are described by type, shape and dtype
without importing their library, and an object of an unknown type that reports
a large ``len()`` is described, not ``repr``-ed. Whatever comes back is cut at
``limit`` characters.

>>> short(list(range(10**6)), limit=40)
'[0, 1, 2, 3, 4, 5, ...] (1000000 items)'
>>> short(b'x' * 10**7, limit=40)
"b'xxxxxxxxxxxxxxxx...' (10000000 chars)"
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

from ..core._tokens import SINK, START
from . import style

__all__ = [
    "short",
    "name",
    "model_counts",
    "model_html",
    "model_text",
    "solution_html",
    "solution_text",
]

LIMIT = 120  # characters of a value in a tooltip or a table cell
_ITEMS = 6  # items shown of a container
_DEPTH = 2  # nesting levels shown
_BIG_LEN = 1_000  # an unknown object longer than this is described, not repr-ed
_ROWS = 50  # rows of a solution's table
_NAMES = 12  # names listed for inputs and outputs
_SAFE_MODULES = {"datetime", "decimal", "fractions", "pathlib", "uuid", "enum"}


def short(value: Any, limit: int = LIMIT) -> str:
    """A text of ``value`` at most ``limit`` characters long, built safely.

    >>> short({'a': 1, 'b': 'x' * 500}, limit=30)
    "{'a': 1, 'b': 'xxxxxxxx...'..."
    >>> short(2 ** 10000)
    '<int of ~3011 digits>'
    """
    try:
        text = _short(value, _DEPTH, limit)
    except Exception as err:  # a value's own repr or len may raise
        text = f"<{_type_name(value)} (repr failed: {type(err).__name__})>"
    return text if len(text) <= limit else text[: max(limit - 3, 0)] + "..."


def name(node: Hashable, limit: int = 60) -> str:
    """How a node id is shown: a string as it is, anything else shortened.

    >>> name('key'), name(('a', 1)), name('x' * 100, limit=10)
    ('key', "('a', 1)", 'xxxxxxx...')
    """
    text = str.__str__(node) if isinstance(node, str) else short(node, limit)
    return text if len(text) <= limit else text[: max(limit - 3, 0)] + "..."


def _type_name(value: Any) -> str:
    return type(value).__name__


def _short(value: Any, depth: int, limit: int) -> str:
    if value is None or isinstance(value, (bool, float, complex)):
        return repr(value)
    if isinstance(value, int):
        if value.bit_length() > 128:  # str() of a huge int is slow (or refused)
            return f"<int of ~{int(value.bit_length() * 0.30103) + 1} digits>"
        return repr(value)
    if isinstance(value, (str, bytes, bytearray)):
        return _short_text(value, limit)
    array = _array_summary(value)
    if array is not None:
        return array
    if isinstance(value, (list, tuple, set, frozenset, Mapping)):
        return _short_container(value, depth, limit)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        inner = _short_items(fields.items(), depth, limit, "=")
        return f"{_type_name(value)}({inner})"
    return _short_object(value, limit)


def _short_text(value: str | bytes | bytearray, limit: int) -> str:
    if len(value) <= limit:
        return repr(value)
    text = repr(value[: max(limit - 24, 8)])  # slice first: never the whole value
    return f"{text[:-1]}...{text[-1]} ({len(value)} chars)"


def _array_summary(value: Any) -> str | None:
    """numpy, pandas, torch ... values by type, shape and dtype (no import)."""
    cls = type(value)
    if cls.__module__.split(".")[0] in ("builtins", "collections"):
        return None
    shape = getattr(value, "shape", None)
    if not isinstance(shape, tuple):
        return None
    name = cls.__name__
    columns = getattr(value, "columns", None)
    if columns is not None and len(shape) == 2:
        cols = short(list(columns[:_ITEMS]), 60)
        more = f" +{shape[1] - _ITEMS}" if shape[1] > _ITEMS else ""
        return f"{name}(shape={shape}, columns={cols}{more})"
    dtype = getattr(value, "dtype", None)
    dtype = "" if dtype is None else f", dtype={dtype}"
    return f"{name}(shape={shape}{dtype})"


def _short_container(value: Any, depth: int, limit: int) -> str:
    n = len(value)
    if isinstance(value, Mapping):
        (open_, close), items, sep = "{}", value.items(), ": "
    else:
        items, sep = ((None, v) for v in value), None
        if isinstance(value, list):
            open_, close = "[]"
        elif isinstance(value, tuple):
            open_, close = "()"
        elif n:
            open_, close = "{}"
        else:
            return f"{_type_name(value)}()"
    if depth <= 0 and n:
        return f"{open_}...{close} ({n} items)"
    inner = _short_items(items, depth, limit, sep)
    if isinstance(value, tuple) and n == 1:
        inner += ","
    tail = f" ({n} items)" if n > _ITEMS else ""
    return f"{open_}{inner}{close}{tail}"


def _short_items(items: Iterable, depth: int, limit: int, sep: str | None) -> str:
    parts, used = [], 0
    for i, (k, v) in enumerate(items):
        if i >= _ITEMS or used > limit:
            parts.append("...")
            break
        text = _short(v, depth - 1, limit)
        if sep is not None:
            key = k if sep == "=" else _short(k, 0, 40)
            text = f"{key}{sep}{text}"
        parts.append(text)
        used += len(text) + 2
    return ", ".join(parts)


def _short_object(value: Any, limit: int) -> str:
    cls = type(value)
    if cls.__module__.split(".")[0] not in _SAFE_MODULES:
        size = len(value) if hasattr(cls, "__len__") else None
        if size is not None and size > _BIG_LEN:
            return f"<{cls.__name__} of length {size}>"
    return repr(value)


# -- summaries ---------------------------------------------------------------
def model_counts(dsp: Any) -> dict[str, Any]:
    """Counts of the model's nodes, and its inputs and outputs (data nodes
    nothing computes, data nodes nothing uses; tokens aside).

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> model_counts(dsp)
    {'data': 2, 'function': 1, 'dispatcher': 0, 'inputs': ['a'], 'outputs': ['b']}
    """
    nodes, pred, succ = dsp.dmap.nodes, dsp.dmap.pred, dsp.dmap.succ
    counts: dict[str, Any] = {"data": 0, "function": 0, "dispatcher": 0}
    inputs, outputs = [], []
    for node, attr in nodes.items():
        kind = style.node_kind(node, attr)
        if kind in counts:
            counts[kind] += 1
        if kind == "data":
            if not [p for p in pred[node] if p is not START]:
                inputs.append(node)
            if not [s for s in succ[node] if s is not SINK]:
                outputs.append(node)
    counts["inputs"], counts["outputs"] = inputs, outputs
    return counts


def _names(ids: list) -> str:
    text = ", ".join(html.escape(name(i)) for i in ids[:_NAMES])
    more = f" and {len(ids) - _NAMES} more" if len(ids) > _NAMES else ""
    return (text or "&mdash;") + more


def _head(kind: str, title: Any) -> str:
    return (
        f'<div class="sh-summary"><b>{kind}</b> '
        f"<code>{html.escape(name(title, 80))}</code>"
    )


def model_html(dsp: Any, note: str = "") -> str:
    """The model's summary: name, node counts, inputs, outputs (and ``note``)."""
    c = model_counts(dsp)
    rows = [
        (
            "nodes",
            f"{c['data']} data, {c['function']} functions, "
            f"{c['dispatcher']} sub-models",
        ),
        ("inputs", _names(c["inputs"])),
        ("outputs", _names(c["outputs"])),
    ]
    desc = (getattr(dsp, "description", "") or "").strip().split("\n")[0]
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return (
        _head("Dispatcher", dsp.name)
        + (f"<div><i>{html.escape(name(desc, 200))}</i></div>" if desc else "")
        + f'<table class="sh-counts">{body}</table>'
        + _note(note)
        + "</div>"
    )


def model_text(dsp: Any, note: str = "") -> str:
    """One line per fact: the ``repr`` of the model, inputs, outputs (and ``note``)."""
    c = model_counts(dsp)
    lines = [
        repr(dsp),
        f"  inputs: {short(c['inputs'], 200)}",
        f"  outputs: {short(c['outputs'], 200)}",
    ]
    return "\n".join(lines + ([note] if note else []))


def solution_html(sol: Any, note: str = "") -> str:
    """The solution's summary: counts, a table of values with their status, and
    the failures with their reasons."""
    failures = style.all_failures(sol)  # the sub-models' too
    n_fail = sum(f.kind != "domain" for _, f in failures)
    n_dom = len(failures) - n_fail
    ran = len(sol.t_start)
    counts = (
        f"{len(sol)} values, {ran} function{'' if ran == 1 else 's'} run, "
        f"{n_fail} failed, {n_dom} out of domain, {sol.elapsed * 1e3:.1f} ms"
    )
    rows = []
    for i, (node, value) in enumerate(sol.items()):
        if i >= _ROWS:
            rows.append(f"<tr><td colspan=3>... {len(sol) - _ROWS} more</td></tr>")
            break
        status = style.node_status(node, sol)
        rows.append(
            f'<tr class="sh-{status}"><td><code>{html.escape(name(node))}'
            f"</code></td><td><code>{html.escape(short(value))}</code></td>"
            f"<td>{status}</td></tr>"
        )
    for path, failure in failures:
        kind = style.DOMAIN if failure.kind == "domain" else style.FAILED
        shown = "/".join(name(node) for node in path)
        rows.append(
            f'<tr class="sh-{kind}"><td><code>'
            f"{html.escape(shown)}</code></td><td>"
            f"{html.escape(name(failure.message, 300))}</td>"
            f"<td>{'out of domain' if failure.kind == 'domain' else 'failed'}</td></tr>"
        )
    table = (
        '<table class="sh-values"><tr><th>node</th><th>value</th>'
        f"<th>status</th></tr>{''.join(rows)}</table>"
    )
    return (
        _head("Solution", sol.name)
        + f"<div>{html.escape(counts)}</div>"
        + f"<div>outputs asked: {_names(sorted(sol.outputs, key=str))}</div>"
        + table
        + _note(note)
        + "</div>"
    )


def solution_text(sol: Any, note: str = "") -> str:
    """The solution as ``Solution({...})`` with each value shortened."""
    items = ", ".join(
        f"{short(k, 60)}: {short(v, 80)}" for k, v in list(sol.items())[:_ROWS]
    )
    more = f", ... {len(sol) - _ROWS} more" if len(sol) > _ROWS else ""
    lines = [f"Solution({{{items}{more}}})"]
    lines += [f"  {f.message}" for f in list(sol.failures.values())[:_ROWS]]
    return "\n".join(lines + ([note] if note else []))


def _note(note: str) -> str:
    return f'<div class="sh-note">{html.escape(note)}</div>' if note else ""
