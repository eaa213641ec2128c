"""``App``: a model presented to people who do not code (``sh.app``).

The answers come first (a card per output, with its label and unit), then a
field per input (numbers read as people write them, plain text, checkboxes,
drop-downs, sliders), recomputed as people type; then the graph in their words
(labels, not ids; the path that produced each answer highlighted). Whatever
goes wrong is said in plain words; the modeller's view (the explorer: ids,
distances, producers, tracebacks, the outputs selector) is behind one
"details" switch, off by default.

Every action is a Python method, as in the explorer: ``type(field, text)``,
``recompute()``, ``show_details(on)``; what is on screen is readable as
``answers``, ``messages`` and ``text()``.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='area')
>>> @sh.add_function(dsp, outputs=['surface'])
... def area(width: float, height: float) -> float:
...     return width * height
>>> app = sh.app(dsp, units={'width': 'm', 'height': 'm', 'surface': 'm²'})
>>> app.type('width', '1,200'); app.type('Height', '2.5')
>>> app.answers
{'surface': '3,000 m²'}
>>> app.type('width', 'a lot'); app.messages[-1]
'Width: Please type a number, like 12890 or 12,890.'
>>> app.answers  # nothing was dispatched: the last answer stays
{'surface': '3,000 m²'}
"""

from __future__ import annotations

import html
import logging
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import ipywidgets as w

from ..core._solution import Solution
from ..core._tokens import EMPTY
from ._app_fields import Field, Looks
from ._app_graph import AppGraph
from ._app_model import (
    answer_outputs,
    field_kind,
    label_of,
    readable,
    show_value,
    why_missing,
)
from ._form import Debouncer, form_fields

__all__ = ["App"]

log = logging.getLogger("schedula_nb")

#: what a card shows for an answer that cannot be worked out (the note
#: below the cards says why)
MISSING = "Cannot be worked out"
#: under the cards while a field cannot be read (nothing was recomputed)
STALE = "The answers above are for the last values that could be read."
#: what a viewer reads when the model itself crashed (the details say more)
CRASHED = (
    "Something went wrong while working this out. "
    "Switch on “details” to see the modeller's view."
)

_CSS = """<style>
.sh-app {font-family: system-ui, sans-serif; max-width: 100%}
.sh-app h2 {margin: 4px 0}
.sh-cards {display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0}
.sh-card {border: 1px solid #c6dbef; border-radius: 8px; padding: 10px 16px;
  min-width: 12em; background: #f7fbff}
.sh-card-label {color: #333; font-size: 14px}
.sh-card-value {font-size: 30px; font-weight: 600; color: #08306b}
.sh-card-message {font-size: 14px; color: #8c2d04; max-width: 28em}
.sh-unit {color: #555; margin-left: 4px}
.sh-card-value .sh-unit {font-size: 16px; font-weight: 400}
.sh-field-label {font-size: 14px}
.sh-field-message, .sh-app-problem {color: #8c2d04; font-size: 14px}
</style>"""


class App(w.VBox):
    """A model or a solution dressed for people who do not code (see the
    module docstring; ``sh.app`` makes one).

    Parameters
    ----------
    obj
        A ``Dispatcher``, or a ``Solution`` (its inputs fill the fields).
    inputs
        The data nodes people may set, in order (default: the model's
        sources and the nodes with a default value).
    outputs
        The answers, in order (default: the model's outputs).
    title
        The heading (default: the model's name made readable).
    labels, units
        Node -> the label, the unit people read (default label: a data
        node's description, else its id made readable).
    widgets
        Node -> how people give it: ``'number'``, ``'whole number'``,
        ``'text'``, ``'yes/no'``, a list of choices, or a ``(low, high[,
        step])`` range for a slider (default: from the default value's type
        or the function's annotation).
    messages
        Function node -> the plain message shown when it fails or refuses
        its inputs (or decorate the function, or its ``input_domain``, with
        ``sh.plain_message``).
    values
        Input -> its first value.
    formats
        Output -> a format for its answer (e.g. ``'{:,.2f}'``).
    description
        The text under the heading (default: the model's description).
    delay
        Seconds after the last keystroke before recomputing.
    reuse
        Recompute only what a change reaches (``dispatch(reuse=...)`` with
        the answers shown; the same answers as a full recompute): on by
        default; ``False`` runs every step each time.
    """

    def __init__(
        self,
        obj: Any,
        inputs: Iterable[Hashable] | None = None,
        outputs: Iterable[Hashable] | None = None,
        title: str | None = None,
        *,
        labels: Mapping | None = None,
        units: Mapping | None = None,
        widgets: Mapping | None = None,
        messages: Mapping | None = None,
        values: Mapping | None = None,
        formats: Mapping | None = None,
        description: str | None = None,
        delay: float = 0.1,
        height: str = "360px",
        reuse: bool = True,
    ) -> None:
        super().__init__(layout={"width": "100%"})
        self.add_class("sh-app")
        model, given = _model_of(obj)
        self.model = model
        self.looks = looks = Looks()  # layouts and styles the parts share
        self.labels, self.units = dict(labels or {}), dict(units or {})
        self.step_messages = dict(messages or {})
        self.formats = dict(formats or {})
        self.outputs = answer_outputs(model, outputs)
        self.fields = self._make_fields(inputs, given, values or {}, widgets or {})
        self.solution: Solution | None = None
        self.reuse = reuse
        self.problem = ""  # a message for the whole app (the model crashed)
        self.debounce = Debouncer(delay)
        self.title = title or readable(model.name or "model")
        self._cards = w.HTML(layout=looks.auto, style=looks.html)
        self._problem = w.HTML(layout=looks.auto, style=looks.html)
        self.graph = AppGraph(model, self.labels, height)
        self._details_switch = w.ToggleButton(
            value=False, description="details", tooltip="the modeller's view"
        )
        self._details_switch.observe(lambda c: self.show_details(c["new"]), "value")
        self._details = w.VBox()
        if description is None:
            description = (getattr(model, "description", "") or "").strip()
            description = description.split("\n")[0]
        self.description = description
        head = _CSS + f"<h2>{html.escape(self.title)}</h2>"
        if description:
            head += f"<p>{html.escape(description)}</p>"
        self.children = [
            w.HTML(head, layout=looks.auto, style=looks.html),
            self._cards,
            self._problem,
            w.VBox([f.widget for f in self.fields.values()]),
            self.graph.widget,
            w.HBox([self._details_switch]),
            self._details,
        ]
        self.recompute()

    def __repr__(self) -> str:
        return f"<App of {self.title!r}: {len(self.fields)} inputs, {len(self.outputs)} answers>"

    def _make_fields(
        self, inputs: Any, given: Mapping, values: Mapping, widgets: Mapping
    ) -> dict[Hashable, Field]:
        dsp = self.model
        if inputs is None:
            inputs = [n for n in form_fields(dsp, given) if n not in self.outputs]
        defaults = {
            k: v["value"]
            for k, v in dsp.default_values.items()
            if v.get("value", EMPTY) is not EMPTY
        }
        start = {**defaults, **given, **values}
        fields, looks = {}, self.looks
        for node in inputs:
            if dsp.dmap.nodes.get(node, {}).get("type") != "data":
                raise ValueError(f"inputs: {node!r} is not a data node of the model")
            kind = field_kind(dsp, node, widgets.get(node), start.get(node, EMPTY))
            label = label_of(dsp, node, self.labels)
            unit = self.units.get(node, "")
            field = Field(node, label, kind, unit, start.get(node, EMPTY), looks)
            field.on_edit(self._edited)
            fields[node] = field
        return fields

    # -- actions ---------------------------------------------------------------
    def field(self, name: Hashable) -> Field:
        """The field of input ``name`` (its node id, or its label)."""
        if name in self.fields:
            return self.fields[name]
        for field in self.fields.values():
            if isinstance(name, str) and field.label.lower() == name.strip().lower():
                return field
        known = ", ".join(repr(f.label) for f in self.fields.values())
        raise KeyError(f"no field {name!r}; the fields are {known}")

    def type(self, field: Hashable, text: str) -> None:
        """Type ``text`` into ``field`` (an input's id or label) as a person
        would, and recompute (at once: no waiting for the debounce)."""
        self.field(field).type(text)
        self.debounce.flush()

    def _edited(self, node: Hashable) -> None:
        self.debounce(self.recompute)

    def recompute(self) -> Solution | None:
        """Read the fields and, when every one is readable, dispatch and show
        the answers; a field that is not shows its message and nothing is
        dispatched."""
        self.debounce.cancel()
        inputs = {}
        for node, field in self.fields.items():
            try:
                value = field.read()
            except ValueError as err:
                field.show_error(str(err))
                continue
            field.show_error("")
            if value is not EMPTY:
                inputs[node] = value
        if any(f.error for f in self.fields.values()):
            self._show()
            return None
        last = self.solution if self.reuse else None
        try:
            sol = self.model.dispatch(inputs=inputs, outputs=self.outputs, reuse=last)
        except Exception:
            log.exception("sh.app: the dispatch of %r raised", self.model.name)
            self.problem = CRASHED
            self._show()
            return None
        self.problem, self.solution = "", sol
        self._show()
        return sol

    def show_details(self, on: bool = True) -> None:
        """Show (or hide) the modeller's view: the explorer of the answers."""
        from . import explore

        if self._details_switch.value != on:
            self._details_switch.value = on  # observed: comes back here
            return
        shown = self.solution if self.solution is not None else self.model
        self._details.children = [explore(shown)] if on else []

    # -- what is on screen -----------------------------------------------------
    @property
    def answers(self) -> dict[Hashable, str]:
        """Output -> the text its card shows."""
        return {node: text for node, _, text, _ in self._answer_rows()}

    def notes(self) -> list[str]:
        """Why answers are missing: one line per reason, naming the answers
        it stops (several cards often miss for one reason: said once)."""
        by_reason: dict[str, list[str]] = {}
        for _, label, _, why in self._answer_rows():
            if why:
                by_reason.setdefault(why, []).append(label)
        return [f"{', '.join(labels)}: {why}" for why, labels in by_reason.items()]

    def _field_errors(self) -> int:
        return sum(bool(f.error) for f in self.fields.values())

    @property
    def messages(self) -> list[str]:
        """The plain messages on screen: the app's, why answers are missing,
        the fields'."""
        out = [self.problem] if self.problem else []
        if self._field_errors():
            out.append(STALE)
        out += self.notes()
        out += [f"{f.label}: {f.error}" for f in self.fields.values() if f.error]
        return out

    def text(self) -> str:
        """All the text a viewer reads, top to bottom."""
        lines = [self.title, self.description]
        lines += [f"{label}: {text}" for _, label, text, _ in self._answer_rows()]
        lines += self.messages[: len(self.messages) - self._field_errors()]
        lines += [f.text() for f in self.fields.values()]
        lines += [self.graph.caption_text, "details"]
        return "\n".join(line for line in lines if line)

    def _answer_rows(self) -> list[tuple[Hashable, str, str, str]]:
        """(output, label, card text, why it is missing or '') of each answer."""
        sol, rows = self.solution, []
        for node in self.outputs:
            label = label_of(self.model, node, self.labels)
            if sol is not None and node in sol:
                unit = self.units.get(node, "")
                text = show_value(sol[node], self.formats.get(node))
                rows.append((node, label, f"{text} {unit}".strip(), ""))
            elif sol is None:
                rows.append((node, label, MISSING, "Not worked out yet."))
            else:
                why = why_missing(
                    self.model, sol, node, self.labels, self.step_messages, self.fields
                )
                rows.append((node, label, MISSING, why))
        return rows

    def _repr_mimebundle_(self, **kwargs: Any) -> dict:
        """The widget, and the same answers and fields as static HTML for
        places where widgets cannot run (a saved notebook, the docs)."""
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(f.label)}</th>"
            f"<td>{html.escape(f.text()[len(f.label) + 2 :])}</td></tr>"
            for f in self.fields.values()
        )
        bundle["text/html"] = (
            f"<div class='sh-app'>{_CSS}<h2>{html.escape(self.title)}</h2>"
            + (f"<p>{html.escape(self.description)}</p>" if self.description else "")
            + self._cards.value
            + self._problem.value
            + f"<table>{rows}</table></div>"
        )
        bundle["text/plain"] = self.text()
        return bundle

    def _show(self) -> None:
        cards = []
        for node, label, text, why in self._answer_rows():
            unit = self.units.get(node, "")
            if why:
                body = f"<div class='sh-card-message'>{html.escape(text)}</div>"
            else:
                number = text[: len(text) - len(unit)].strip() if unit else text
                body = (
                    f"<div class='sh-card-value'>{html.escape(number)}"
                    f"<span class='sh-unit'>{html.escape(unit)}</span></div>"
                )
            cards.append(
                f"<div class='sh-card' data-output='{html.escape(str(node))}'>"
                f"<div class='sh-card-label'>{html.escape(label)}</div>{body}</div>"
            )
        stale = any(f.error for f in self.fields.values())
        self._cards.value = (
            f"<div class='sh-cards' style='opacity:{0.45 if stale else 1}'>"
            f"{''.join(cards)}</div>"
        )
        notes = self.messages[: len(self.messages) - self._field_errors()]
        self._problem.value = "".join(
            f"<p class='sh-app-problem' role='alert'>{html.escape(n)}</p>"
            for n in notes
        )
        if self.solution is not None:
            self.graph.show(self.solution, self.outputs)
        if self._details_switch.value:
            self.show_details(True)


def _model_of(obj: Any) -> tuple[Any, dict]:
    """The model of ``obj`` and the inputs it was given."""
    if isinstance(obj, Solution):
        if obj.dsp is None:
            raise ValueError("app(): this solution has no model")
        return obj.dsp, dict(obj.inputs)
    if hasattr(obj, "dmap"):
        return obj, {}
    raise TypeError(f"app() takes a Dispatcher or a Solution, not {type(obj).__name__}")
