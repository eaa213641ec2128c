"""The app's first paint pays for every widget it opens (a comm in the
kernel, a model in the page), and Layouts and styles are widgets too: the
rows share theirs, so the widgets grow by the few each row needs (label,
input, unit-and-message, row), not by a dozen."""

import ipywidgets as w
from ipywidgets.widgets.widget import _instances

import schedula_nb as sh

from .test_app_answers_in_plain_words import _app


def _opened(make):
    before = set(_instances)
    made = make()
    return made, [_instances[k] for k in set(_instances) - before]


def _inputs(n):
    dsp = sh.Dispatcher(name="sum")
    dsp.add_function("add_up", sh.summation, [f"x{i}" for i in range(n)], ["total"])
    return dsp


def test_each_row_adds_four_widgets():
    _, three = _opened(lambda: sh.app(_inputs(3)))
    _, six = _opened(lambda: sh.app(_inputs(6)))
    assert (len(six) - len(three)) / 3 == 4, [type(x).__name__ for x in six]


def test_the_rows_share_their_layouts_and_styles():
    app, opened = _opened(_app)
    rows = [f.widget for f in app.fields.values()]
    assert len({id(r.layout) for r in rows}) == 1
    texts = [f.input for f in app.fields.values() if isinstance(f.input, w.Text)]
    assert len(texts) >= 2 and len({id(t.layout) for t in texts}) == 1
    assert len({id(t.style) for t in texts}) == 1
    kinds = [type(x).__name__ for x in opened]
    assert kinds.count("Layout") <= 12, kinds


def test_unit_and_message_sit_after_the_field():
    app = _app()
    app.type("meter_start", "a lot")
    field = app.field("meter_start")
    after = field.after.value
    assert "sh-field-message" in after and "Please type a number" in after
    app.type("meter_start", "12,410")
    assert "sh-field-message" not in field.after.value
