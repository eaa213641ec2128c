"""The app's input fields: one widget per input, chosen from how the input is
given (:func:`._app_model.field_kind`): a text box that reads numbers as
people write them, a text box for plain text, a checkbox, a drop-down, a
slider. Each field reports the raw text (or value) a person gave; the app
parses it (with a plain message on the field when it cannot)."""

from __future__ import annotations

import html
from collections.abc import Callable, Hashable
from typing import Any

import ipywidgets as w
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from ..core._tokens import EMPTY
from ._app_model import parse_field, parse_number, show_value

__all__ = ["Field", "Looks"]

#: how wide a field's label is; the rows wrap instead of scrolling
LABEL_WIDTH = "15em"


class Looks:
    """The layouts and styles the fields of one app share.

    Every ``Layout`` and style is a widget of its own (a comm opened in the
    kernel, a model built in the page): one instance shared by all the rows
    instead of one per row keeps the app's first paint short (the household
    app went from 114 widgets to 51)."""

    def __init__(self) -> None:
        self.label = w.Layout(width=LABEL_WIDTH, min_width="8em")
        self.row = w.Layout(flex_flow="row wrap", align_items="center")
        self.text = w.Layout(width="14em")
        self.auto = w.Layout()
        self.html = HTMLStyle()
        self.text_style = TextStyle()


class Field:
    """One input of the app: its label, the widget, its unit, its message.

    ``on_edit(callback)`` calls ``callback(node)`` when a person changes it;
    :meth:`read` gives its value (``EMPTY`` when blank) or raises
    ``ValueError`` with a plain message.
    """

    def __init__(
        self,
        node: Hashable,
        label: str,
        kind: Any,
        unit: str,
        value: Any,
        looks: Looks | None = None,
    ) -> None:
        self.node, self.label, self.kind, self.unit = node, label, kind, unit
        self.error = ""
        self._callbacks: list[Callable[[Hashable], None]] = []
        self.looks = looks = looks or Looks()
        self.input = self._widget(kind, value)
        self.input.observe(lambda change: self._edited(), "value")
        title = w.HTML(
            f"<label class='sh-field-label'>{html.escape(label)}</label>",
            layout=looks.label,
            style=looks.html,
        )
        #: the unit, then the message when there is one (one widget)
        self.after = w.HTML(self._after(), layout=looks.auto, style=looks.html)
        self.widget = w.HBox([title, self.input, self.after], layout=looks.row)
        self.widget.add_class("sh-field")

    def _after(self) -> str:
        unit = f"<span class='sh-unit'>{html.escape(self.unit)}</span>"
        if not self.error:
            return unit
        return unit + (
            "<span class='sh-field-message' role='alert' style='margin-left: 8px'>"
            f"{html.escape(self.error)}</span>"
        )

    def _widget(self, kind: Any, value: Any) -> Any:
        given = value is not EMPTY and value is not None
        if kind == "yes/no":
            return w.Checkbox(value=bool(value) if given else False, indent=False)
        if isinstance(kind, list):
            options = [(show_value(c), c) for c in kind]
            start = value if given and value in kind else kind[0]
            return w.Dropdown(options=options, value=start, layout={"width": "14em"})
        if isinstance(kind, tuple):
            low, high, *step = kind
            whole = all(isinstance(k, int) for k in kind)
            slider = w.IntSlider if whole else w.FloatSlider
            options = {"min": low, "max": high, "continuous_update": True}
            if step:
                options["step"] = step[0]
            start = value if given else low
            return slider(value=start, layout={"width": "22em"}, **options)
        text = show_value(value) if given and kind != "value" else ""
        if given and kind == "value":
            text = repr(value)
        return w.Text(
            value=text,
            continuous_update=True,  # recomputed as people type (debounced)
            placeholder="not given",
            layout=self.looks.text,
            style=self.looks.text_style,
        )

    def _edited(self) -> None:
        for cb in self._callbacks:
            cb(self.node)

    def on_edit(self, callback: Callable[[Hashable], None]) -> None:
        self._callbacks.append(callback)

    def type(self, text: str) -> None:
        """What a person typing ``text`` into this field does."""
        inp = self.input
        if isinstance(inp, w.Checkbox):
            inp.value = text.strip().lower() in ("yes", "y", "true", "on", "1", "x")
        elif isinstance(inp, w.Dropdown):
            found = [v for label, v in inp.options if label == text.strip()]
            if not found:
                raise ValueError(f"{text!r} is not a choice of {self.label!r}")
            inp.value = found[0]
        elif isinstance(inp, (w.IntSlider, w.FloatSlider)):
            inp.value = parse_number(text, whole=isinstance(inp, w.IntSlider))
        else:
            inp.value = text

    def read(self) -> Any:
        """The field's value: parsed text, or the widget's own value."""
        if isinstance(self.input, w.Text):
            return parse_field(self.kind, self.input.value)
        return self.input.value

    def show_error(self, error: str) -> None:
        """Show ``error`` (plain words) beside the field; ``''`` clears it."""
        self.error = error
        self.after.value = self._after()

    def text(self) -> str:
        """What a viewer reads on this row."""
        inp = self.input
        if isinstance(inp, w.Checkbox):
            shown = "yes" if inp.value else "no"
        elif isinstance(inp, w.Text):
            shown = inp.value or "(not given)"
        else:
            shown = show_value(inp.value)
        parts = [f"{self.label}: {shown}", self.unit, self.error]
        return " ".join(p for p in parts if p)
