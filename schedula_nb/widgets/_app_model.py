"""Pure functions of the app (``sh.app``): a model put in the words of people
who do not code. Labels and units of nodes, numbers read as people write them,
answers as they read them, and plain messages saying why an answer is missing.

Nothing here imports ipywidgets: :class:`~._app.App` is the thin widget over
these, and they are tested without a kernel. The graph's rules (what a node
shows, which path produced a value) stay the explorer's (``_view_model``).

>>> parse_number('12,890'), parse_number('12 890'), parse_number('12890.5')
(12890.0, 12890.0, 12890.5)
>>> parse_number('12,5')
Traceback (most recent call last):
...
ValueError: "12,5" is unclear: write 12.5 for a decimal number, or group thousands by three (12,500).
>>> readable('kg_co2_per_kwh')
'Kg co2 per kwh'
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

from ..core._functions import parent_func
from ..core._tokens import EMPTY, SINK, START
from ..render import summary
from ._view_model import ancestors

__all__ = [
    "readable",
    "label_of",
    "step_of",
    "field_kind",
    "parse_number",
    "is_grouped_number",
    "parse_field",
    "show_value",
    "why_missing",
    "answer_outputs",
]

_SPACES = " \u00a0\u202f"  # a space, a no-break space, a narrow no-break space
_PLAIN = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_GROUPED = re.compile(rf"[+-]?\d{{1,3}}([,{_SPACES}]\d{{3}})+(\.\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d*,\d+")
NUMBER_HINT = "Please type a number, like 12890 or 12,890."


def readable(node: Hashable) -> str:
    """A node id made readable: ``'meter_start'`` -> ``'Meter start'``."""
    text = summary.name(node).replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else str(node)


def label_of(dsp: Any, node: Hashable, labels: Mapping | None = None) -> str:
    """A node's label for people: the modeller's (``labels``), else a data
    node's description (its first line), else its id made readable."""
    if labels and node in labels:
        return str(labels[node])
    attr = dsp.dmap.nodes.get(node, {})
    if attr.get("type") == "data":
        desc = (attr.get("description") or "").strip().split("\n")[0]
        if desc:
            return desc[:1].upper() + desc[1:]
    return readable(node)


def step_of(dsp: Any, node: Hashable) -> str:
    """What a function node does, in its modeller's words: the first line of
    its description or docstring, else its id made readable."""
    attr = dsp.dmap.nodes.get(node, {})
    desc = attr.get("description") or ""
    if not desc and attr.get("function") is not None:
        desc = getattr(parent_func(attr["function"]), "__doc__", "") or ""
    first = desc.strip().split("\n")[0].strip()
    return first or readable(node)


def field_kind(
    dsp: Any, node: Hashable, declared: Any = None, value: Any = EMPTY
) -> Any:
    """How a field is given: ``'number'``, ``'whole number'``, ``'text'``,
    ``'yes/no'``, a list of choices, a ``(low, high[, step])`` range, or
    ``'value'`` (anything else: a number, a list or plain text, as typed).
    ``declared`` (the modeller's) wins; else the default's type, else the
    annotation of a function the node feeds, else the type of the field's
    first ``value`` (a whole first value still lets people type decimals:
    ``'number'``).

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> field_kind(dsp, 'a'), field_kind(dsp, 'a', value=12410), field_kind(dsp, 'a', 'text')
    ('value', 'number', 'text')
    """
    from ._form import field_type

    if declared is not None:
        return list(declared) if isinstance(declared, (list, set)) else declared
    kind = field_type(dsp, node)
    if kind is None and value is not EMPTY and value is not None:
        kind = float if type(value) is int else type(value)
    return {
        bool: "yes/no",
        int: "whole number",
        float: "number",
        str: "text",
    }.get(kind, "value")


def parse_number(text: str, whole: bool = False) -> float | int:
    """A number as people write it: ``12890``, ``12,890``, ``12 890``,
    ``12890.5``. Refuses what could be read two ways (``12,5``) and what is
    not a number, with a message that says what to type.

    >>> parse_number(' -1,234,567.25 '), parse_number('30', whole=True)
    (-1234567.25, 30)
    >>> parse_number('twelve thousand')
    Traceback (most recent call last):
    ...
    ValueError: Please type a number, like 12890 or 12,890.
    """
    t = text.strip()
    if _PLAIN.fullmatch(t):
        value = float(t)
    elif _GROUPED.fullmatch(t):
        value = float(re.sub(rf"[,{_SPACES}]", "", t))
    elif _DECIMAL_COMMA.fullmatch(t):
        dot = t.replace(",", ".")
        whole, part = t.split(",")
        grouped = f"{whole},{part.ljust(3, '0')[:3]}"
        if whole.lstrip("+-") in ("", "0"):  # 0,30 groups no thousands
            raise ValueError(f'"{t}" is unclear: write {dot} for a decimal number.')
        raise ValueError(
            f'"{t}" is unclear: write {dot} for a decimal number, or group '
            f"thousands by three ({grouped})."
        )
    else:
        raise ValueError(NUMBER_HINT)
    if whole:
        if value != int(value):
            raise ValueError(f"Please type a whole number, like {round(value):,}.")
        return int(value)
    return value


def is_grouped_number(text: str) -> bool:
    """Whether ``text`` is a number with its thousands grouped by three
    (``12,890``, ``12 890``, ``1,234.5``): what people write, and what a
    Python literal would read as a tuple.

    >>> is_grouped_number('12,890'), is_grouped_number('1,2'), is_grouped_number('12890')
    (True, False, False)
    """
    return bool(_GROUPED.fullmatch(text.strip()))


def parse_field(kind: Any, text: str) -> Any:
    """The value of a text field of ``kind`` (see :func:`field_kind`);
    ``EMPTY`` for a blank field. Raises ``ValueError`` with a plain message.

    >>> parse_field('text', ' a street name '), parse_field('number', '')
    ('a street name', empty)
    """
    if not text.strip():
        return EMPTY
    if kind == "text":
        return text.strip()
    if kind in ("number", "whole number"):
        number = parse_number(text, whole=kind == "whole number")
        # a whole number typed without a point stays whole: 12,410 -> 12410
        return _whole_as_typed(number, text)
    if isinstance(kind, tuple):  # a range typed as text: a number inside it
        return parse_number(text, whole=all(isinstance(k, int) for k in kind))
    return _parse_any(text.strip())


def _whole_as_typed(number: float | int, text: str) -> float | int:
    """``number`` as an ``int`` when it is whole and was typed without a
    decimal point or an exponent (``12,410``), else as it is.

    >>> _whole_as_typed(12410.0, '12,410'), _whole_as_typed(12410.0, '12410.0')
    (12410, 12410.0)
    """
    whole = float(number).is_integer() and not re.search(r"[.eE]", text)
    return int(number) if whole else number


def _parse_any(text: str) -> Any:
    """A field of unknown type: a number when it reads as one, a list, dict
    or quoted text when it is written so, else the text itself.

    >>> _parse_any('1,250'), _parse_any('30'), _parse_any('[1, 2]'), _parse_any('oak')
    (1250, 30, [1, 2], 'oak')
    """
    try:
        value = parse_number(text)
    except ValueError as err:
        if _DECIMAL_COMMA.fullmatch(text):
            raise err from None
    else:
        return _whole_as_typed(value, text)
    if text[:1] in "[{(\"'":
        from ._form import parse_value

        try:
            return parse_value(text)
        except ValueError:
            raise ValueError(
                "This value is not written in a form the model can read."
            ) from None
    return text


def show_value(value: Any, fmt: str | None = None) -> str:
    """An answer as people read it: numbers grouped by thousands, at most two
    decimals (``fmt``: the modeller's format, e.g. ``'{:,.2f}'``).

    >>> show_value(12890.0), show_value(99.5), show_value(70), show_value(True)
    ('12,890', '99.5', '70', 'yes')
    """
    if fmt:
        return fmt.format(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
        return text if text not in ("-0", "") else "0"
    if isinstance(value, str):
        return value
    return summary.short(value, 80)


def _modeller_message(dsp: Any, step: Hashable, kind: str, messages: Mapping) -> str:
    if step in messages:
        return str(messages[step])
    attr = dsp.dmap.nodes.get(step, {})
    candidates = [attr.get("input_domain")] if kind == "domain" else []
    candidates.append(attr.get("function"))
    for fn in candidates:
        if fn is not None:
            own = getattr(parent_func(fn), "plain_message", None)
            if own:
                return str(own)
    domain = attr.get("input_domain")
    if kind == "domain" and domain is not None:  # its docstring says the rule
        doc = (getattr(parent_func(domain), "__doc__", "") or "").strip()
        return doc.split("\n")[0]
    return ""


def _first_failure(dsp: Any, sol: Any, nodes: list) -> tuple | None:
    """``(model, step, kind, path)`` of the first failure among ``nodes``,
    looking inside the sub-models that ran (a failure there is the parent's
    cause); ``path``: the sub-model nodes from this level down to ``model``."""
    from ._view_model import sub_model, sub_solution

    failed = [n for n in sol.failures if n in nodes]
    if failed:
        return dsp, failed[0], sol.failures[failed[0]].kind, ()
    for node in nodes:
        inner, child = sub_model(dsp, node), sub_solution(sol, node)
        if inner is not None and child is not None:
            found = _first_failure(inner, child, list(inner.dmap.nodes))
            if found is not None:
                return (*found[:3], (node, *found[3]))
    return None


def why_missing(
    dsp: Any,
    sol: Any,
    node: Hashable,
    labels: Mapping | None = None,
    messages: Mapping | None = None,
    fields: Iterable[Hashable] | None = None,
) -> str:
    """Why answer ``node`` could not be worked out, in plain words: the step
    that failed or refused its values (and the modeller's message, when
    there is one), else the values it still needs: of those, the ``fields``
    a viewer can fill in when there are any (a value the app does not ask for
    would send them looking for a field that is not there).

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('bill', lambda kwh: kwh * 0.3, ['kwh'], ['cost'])
    'bill'
    >>> why_missing(dsp, dsp({}), 'cost', {'kwh': 'Electricity used'})
    'It needs Electricity used.'
    """
    before = ancestors(dsp.dmap.pred, node)
    found = _first_failure(dsp, sol, before)
    if found is not None:
        model, step, kind, path = found
        what = step_of(model, step).rstrip(".")
        if path:  # the graph shows the sub-model's box, not the step inside
            box = (labels or {}).get(path[0], readable(path[0]))
            what += f'" in "{box}'
        verb = "does not apply to these values" if kind == "domain" else "failed"
        own = _modeller_message(model, step, kind, messages or {})
        return f'The step "{what}" {verb}.' + (f" {own}" if own else "")
    needs = [
        label_of(dsp, n, labels)
        for n in before
        if dsp.dmap.nodes[n].get("type") == "data"
        and n not in sol
        and not [p for p in dsp.dmap.pred.get(n, ()) if p is not START]
    ]
    if fields is not None:
        fillable = [label_of(dsp, n, labels) for n in fields]
        needs = [n for n in needs if n in fillable] or needs
    if needs:
        return "It needs " + ", ".join(needs) + "."
    return "These values do not lead to it."


def answer_outputs(dsp: Any, outputs: Iterable[Hashable] | None) -> list[Hashable]:
    """The answers' nodes: ``outputs`` as given (each checked), or the
    model's outputs (data nodes nothing uses)."""
    if outputs is None:
        return summary.model_counts(dsp)["outputs"]
    out = list(outputs)
    for node in out:
        if dsp.dmap.nodes.get(node, {}).get("type") != "data" or node in (START, SINK):
            raise ValueError(f"outputs: {node!r} is not a data node of the model")
    return out
