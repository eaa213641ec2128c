"""The details pane's HTML, made from :func:`._decisions.details` (plain data).

Values are shown richly but safely: a pandas DataFrame (or Series) as a short
table, anything else with :func:`schedula_nb.render.summary.short`; every
text is escaped.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher()
>>> dsp.add_function('f', lambda a: 1 / a, ['a'], ['b'], description='invert')
'f'
>>> page = details_html(dsp, dsp({'a': 0}), 'f')
>>> 'ZeroDivisionError' in page and 'Traceback' in page and 'invert' in page
True
"""

from __future__ import annotations

import html
from collections.abc import Hashable
from typing import Any

from ..render import summary
from ._decisions import details

__all__ = ["details_html", "value_html", "EMPTY_PANE"]

EMPTY_PANE = "<i>Click a node to see its details.</i>"
VALUE_LIMIT = 400  # characters of a value's text
TABLE_ROWS = 10  # rows of a DataFrame shown


def value_html(value: Any) -> str:
    """A value as HTML: a DataFrame as a table of its first rows, else short text.

    >>> value_html('<b>' * 3)
    '<code>&#x27;&lt;b&gt;&lt;b&gt;&lt;b&gt;&#x27;</code>'
    """
    to_html = getattr(value, "to_html", None)
    if callable(to_html) and hasattr(value, "head") and hasattr(value, "shape"):
        try:
            head = value.head(TABLE_ROWS)
            table = head.to_frame().to_html() if hasattr(head, "to_frame") else None
            table = table or head.to_html()
            return f"{table}<small>shape {tuple(value.shape)}</small>"
        except Exception:  # a foreign object with a to_html: fall back to text
            pass
    return f"<code>{html.escape(summary.short(value, VALUE_LIMIT))}</code>"


def _names(ids: list) -> str:
    if not ids:
        return "<i>none</i>"
    return ", ".join(f"<code>{html.escape(summary.name(i))}</code>" for i in ids)


def _row(name: str, cell: str) -> str:
    return f"<tr><th style='text-align:left;padding-right:8px'>{name}</th><td style='text-align:left'>{cell}</td></tr>"


def _decisions_html(d: dict) -> str:
    rows = d["decisions"]
    if not rows:
        return ""
    if "producer" not in rows[0]:  # a function's (or sub-model's) own numbers
        (r,) = rows
        took = r["duration"]
        took = "did not run" if took is None else f"{took * 1e3:.3g} ms"
        return (
            "<b>Decision</b><table>"
            + _row("weight", html.escape(str(r["weight"])))
            + _row("distance", html.escape(str(r["distance"])))
            + _row("elapsed", took)
            + "</table>"
        )
    lines = "".join(
        f"<li class='sh-verdict sh-{r['verdict'].replace(' ', '-')}'>"
        f"<code>{html.escape(summary.name(r['producer']))}</code>: "
        f"<b>{html.escape(r['verdict'])}</b> ({html.escape(r['reason'])})</li>"
        for r in rows
    )
    return f"<b>Where its value came from</b><ul>{lines}</ul>"


def details_html(dsp: Any, sol: Any, node: Hashable) -> str:
    """The details pane of ``node`` as HTML."""
    d = details(dsp, sol, node)
    title = html.escape(d["label"])
    parts = [
        f"<div class='sh-details' data-node='{title}'>",
        f"<h4 style='margin:2px 0'>{title} <small>({d['kind']}, {d['status']})</small></h4>",
    ]
    if d["description"]:
        parts.append(
            f"<pre style='white-space:pre-wrap'>{html.escape(d['description'])}</pre>"
        )
    rows = []
    if d["signature"]:
        rows.append(_row("signature", f"<code>{html.escape(d['signature'])}</code>"))
    ins, outs = ("inputs", "outputs") if d["kind"] != "data" else ("from", "to")
    rows.append(_row(ins, _names(d["inputs"])))
    rows.append(_row(outs, _names(d["outputs"])))
    if d["has_value"]:
        rows.append(_row("value", value_html(d["value"])))
    if d["distance"] is not None:
        rows.append(_row("distance", html.escape(str(d["distance"]))))
    if d["sub_model"]:
        rows.append(
            _row(
                "sub-model",
                "a click on it opens it (or <code>enter()</code> in Python)",
            )
        )
    parts.append("<table>" + "".join(rows) + "</table>")
    failure = d["failure"]
    if failure is not None:
        parts.append(
            "<div class='sh-failure' style='background:#fff1e0;border-left:4px solid #ff9f40;padding:4px'>"
            f"<b>{html.escape(failure['message'])}</b>"
        )
        if failure["traceback"]:
            parts.append(
                "<details open><summary>traceback</summary><pre style='font-size:11px'>"
                f"{html.escape(failure['traceback'])}</pre></details>"
            )
        parts.append("</div>")
    parts.append(_decisions_html(d))
    parts.append("</div>")
    return "".join(parts)
