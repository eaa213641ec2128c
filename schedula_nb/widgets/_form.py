"""The inputs form: one text field per data node that can be given, parsed
safely (``ast.literal_eval`` or the node's type, never ``eval``), an outputs
selector, and a debouncer for live re-dispatch.

The parsing and the choice of fields are pure functions; :class:`InputsForm`
is the thin widget over them (ipywidgets is imported when one is built).

>>> parse_value("[1, 2.5, 'x']")
[1, 2.5, 'x']
>>> parse_value('plain words', str), parse_value('3', float)
('plain words', 3.0)
>>> parse_value('__import__("os")')
Traceback (most recent call last):
...
ValueError: __import__("os") is not a value the model can read: type a number (12,890), text in quotes ('like this') or a list ([1, 2])
"""

from __future__ import annotations

import ast
import asyncio
import inspect
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from ..core._functions import parent_func
from ..core._tokens import EMPTY, SELF, SINK, START
from ..render import summary

__all__ = [
    "parse_value",
    "field_type",
    "form_fields",
    "shown",
    "Debouncer",
    "InputsForm",
]

_SCALARS = (int, float, complex, str, bytes, bool, list, tuple, dict, set)
_BY_NAME = {t.__name__: t for t in _SCALARS}


def parse_value(text: str, expected: type | None = None) -> Any:
    """The value of a field's ``text``: a Python literal, or the raw text when
    the node expects a ``str``; checked against ``expected`` when it is one of
    the literal types. Numbers are read as people write them (the app's
    ``parse_number``): ``12,890`` and ``12 890`` are a number when the node
    expects one or its type is unknown, not the tuple ``(12, 890)``.

    >>> parse_value('1', str), parse_value('2', float)
    ('1', 2.0)
    >>> parse_value('12,890'), parse_value('12 890', float)
    (12890, 12890.0)
    >>> parse_value('2.5', int)
    Traceback (most recent call last):
    ...
    ValueError: Please type a whole number, like 2.
    """
    from ._app_model import is_grouped_number, parse_number

    text = text.strip()
    if expected in (int, float):  # read as people write numbers: 12,890
        number = parse_number(text, whole=expected is int)
        return float(number) if expected is float else number
    if expected is None and is_grouped_number(text):  # a number, not a tuple
        number = parse_number(text)
        return int(number) if "." not in text else number
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        if expected is str:
            return text
        raise ValueError(
            f"{summary.name(text, 60)} is not a value the model can read: type a "
            "number (12,890), text in quotes ('like this') or a list ([1, 2])"
        ) from None
    if expected is str and not isinstance(value, str):
        return text
    if expected is float and type(value) is int:
        return float(value)
    if expected in _SCALARS and not isinstance(value, expected):
        raise ValueError(f"expected {expected.__name__}, got {type(value).__name__}")
    return value


def field_type(dsp: Any, node: Hashable) -> type | None:
    """The type a data node expects: its default value's type, else the
    annotation of a function parameter it feeds (``None`` if unknown).

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> def f(a: int, b): return a
    >>> dsp.add_func(f, outputs=['c'])
    'f'
    >>> field_type(dsp, 'a'), field_type(dsp, 'b')
    (<class 'int'>, None)
    """
    default = dsp.default_values.get(node)
    if default is not None and default.get("value", EMPTY) is not EMPTY:
        kind = type(default["value"])
        return kind if kind in _SCALARS else None
    for fun in dsp.dmap.succ.get(node, ()):
        attr = dsp.dmap.nodes[fun]
        if attr.get("type") != "function":
            continue
        try:
            params = list(
                inspect.signature(parent_func(attr["function"])).parameters.values()
            )
            ann = params[list(attr["inputs"]).index(node)].annotation
        except (TypeError, ValueError, IndexError, KeyError):
            continue
        if isinstance(ann, str):  # postponed annotations
            ann = _BY_NAME.get(ann)
        if isinstance(ann, type) and ann in _SCALARS:
            return ann
    return None


def form_fields(dsp: Any, given: Iterable[Hashable] = ()) -> list[Hashable]:
    """The data nodes the form offers: those nothing computes (the model's
    sources), those with a default value, and those ``given`` (e.g. a
    solution's inputs), in model order.

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_data('z', default_value=1)
    'z'
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> form_fields(dsp), form_fields(dsp, ['b'])
    (['z', 'a'], ['z', 'a', 'b'])
    """
    given = set(given)
    out = []
    for node, attr in dsp.dmap.nodes.items():
        if attr.get("type") != "data" or node in (START, SINK, SELF):
            continue
        producers = [p for p in dsp.dmap.pred.get(node, ()) if p is not START]
        if not producers or node in dsp.default_values or node in given:
            out.append(node)
    return out


def shown(value: Any) -> str:
    """The text a field shows for ``value``: its ``repr``.

    >>> shown('a path'), shown(1.5)
    ("'a path'", '1.5')
    """
    return repr(value)


class Debouncer:
    """Run a call ``delay`` seconds after the last request, once.

    In a running event loop (a kernel) the call is scheduled on the loop;
    without one (a script, a test) it runs at once. ``flush()`` runs a
    pending call now.
    """

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._handle: Any = None
        self._pending: Callable[[], Any] | None = None

    def __call__(self, fn: Callable[[], Any]) -> None:
        self.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is None or self.delay <= 0:
            fn()
            return
        self._pending = fn
        self._handle = loop.call_later(self.delay, self.flush)

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
        self._handle = self._pending = None

    def flush(self) -> None:
        fn, self._pending = self._pending, None
        self._handle = None
        if fn is not None:
            fn()


class InputsForm:
    """Text fields for inputs (with their errors) and an outputs selector.

    ``widget`` is the ipywidgets box. ``on_change(callback)`` calls
    ``callback(node)`` when a field is edited in the browser.
    """

    def __init__(self, dsp: Any, fields: Iterable[Hashable], values: dict) -> None:
        import ipywidgets as w

        self._w = w
        self.dsp = dsp
        self.texts: dict[Hashable, Any] = {}
        self.errors: dict[Hashable, Any] = {}
        #: node -> the value a field was filled with (kept as is while unedited)
        self.filled: dict[Hashable, Any] = {}
        self.defaults = {
            k: v["value"]
            for k, v in dsp.default_values.items()
            if v.get("value", EMPTY) is not EMPTY
        }
        self._callbacks: list[Callable[[Hashable], None]] = []
        # rows wrap instead of scrolling sideways (one scrollbar per row, in a
        # ~1,000 px notebook column, was what JupyterLab showed at 1,440 px)
        self.rows = w.VBox(layout={"max_height": "260px", "overflow": "hidden auto"})
        self.rows.add_class("sh-form")
        for node in fields:
            self._add_field(node)
        for node, value in {**self.defaults, **values}.items():
            if node in self.texts:
                self.fill(node, value)
        options = [(summary.name(n), n) for n, a in dsp.dmap.nodes.items()]
        options = [
            o
            for o in options
            if dsp.dmap.nodes[o[1]].get("type") == "data"
            and o[1] not in (START, SINK, SELF)
        ]
        self.outputs = w.SelectMultiple(
            options=options,
            rows=min(6, max(2, len(options))),
            description="outputs",
            layout={"width": "auto"},
        )
        self.widget = w.VBox(
            [w.HTML("<b>Inputs</b> (Python literals)"), self.rows, self.outputs]
        )

    def _add_field(self, node: Hashable) -> None:
        w = self._w
        text = w.Text(
            description=summary.name(node, 30),
            continuous_update=False,
            placeholder="not given",
            # the label's own width: a fixed one clipped long ids
            style={"description_width": "initial"},
            layout={"width": "auto", "min_width": "16em", "max_width": "36em"},
        )
        text.add_class("sh-form-field")
        # on its own line under the field, as wide as the row: its text wraps
        # there and does not widen the form (see ``mark``)
        error = w.HTML("", layout={"flex": "1 0 100%", "min_width": "0", "margin": "0"})
        text.observe(lambda change, n=node: self._edited(n), "value")
        self.texts[node], self.errors[node] = text, error
        # flex 0 0 auto: with many fields the rows keep their height and the
        # box scrolls (shrinkable rows were squashed to a few pixels each)
        row = w.HBox(
            [text, error],
            layout={
                "flex_flow": "row wrap",
                "align_items": "center",
                "width": "100%",
                "flex": "0 0 auto",
            },
        )
        row.add_class("sh-form-row")
        self.rows.children = (*self.rows.children, row)

    def _edited(self, node: Hashable) -> None:
        for cb in self._callbacks:
            cb(node)

    def on_change(self, callback: Callable[[Hashable], None]) -> None:
        self._callbacks.append(callback)

    def fill(self, node: Hashable, value: Any) -> None:
        """Show ``value`` in the field of ``node`` (adding the field if needed),
        without notifying the change callbacks."""
        if node not in self.texts:
            self._add_field(node)
        self.filled[node] = value
        callbacks, self._callbacks = self._callbacks, []
        try:
            self.texts[node].value = "" if value is EMPTY else shown(value)
        finally:
            self._callbacks = callbacks
        self.mark(node, "")

    def mark(self, node: Hashable, error: str) -> None:
        """Show ``error`` beside the field of ``node`` ('' clears it)."""
        import html

        text = self.texts[node]
        # ``contain: inline-size``: the message's length does not count in the
        # form's width, so a long one wraps instead of pushing the form (and
        # the details beside it) sideways
        self.errors[node].value = (
            '<span class="sh-field-error" style="color:#b35900;display:block;'
            f'contain:inline-size">{html.escape(error)}</span>'
            if error
            else ""
        )
        if error:
            text.add_class("sh-field-error")
        else:
            text.remove_class("sh-field-error")

    def read(self) -> tuple[dict, dict]:
        """``(inputs, errors)``: the values of the filled fields (unedited ones
        as they were given, defaults left out) and node -> error message."""
        inputs, errors = {}, {}
        for node, text in self.texts.items():
            raw = text.value
            if not raw.strip():
                continue
            if node in self.filled and raw == shown(self.filled[node]):
                value = self.filled[node]
            else:
                try:
                    value = parse_value(raw, field_type(self.dsp, node))
                except ValueError as err:
                    errors[node] = str(err)
                    continue
            if node in self.defaults and _same(value, self.defaults[node]):
                continue  # the model's default applies anyway
            inputs[node] = value
        for node in self.texts:
            self.mark(node, errors.get(node, ""))
        return inputs, errors


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(type(a) is type(b) and a == b)
    except Exception:
        return False
