"""``sh.app`` driven with its methods, as a person would use it, on a flat
model, a model with sub-models, a model whose domain rejects and one whose
function raises: the answers, the messages and all the text on screen."""

import re

import pytest

import schedula_nb as sh

from .models import dispatcher_nested_model

#: words a non-technical viewer must never read
PYTHON_WORDS = re.compile(
    r"Traceback|Error\b|Exception|\bNone\b|\bint\b|\bfloat\b|\bstr\b|literal|"
    r"File \"|\.py\b|lambda|dispatch|input_domain|distance"
)


def _energy(calls=None):
    dsp = sh.Dispatcher(name="energy_bill", description="What a month costs.")
    dsp.add_data("price_per_kwh", default_value=0.3)

    @sh.plain_message("The end reading must not be lower than the start reading.")
    def readings_are_possible(meter_start, meter_end):
        return meter_end >= meter_start

    def from_meter(meter_start: float, meter_end: float) -> float:
        """Electricity used, from the meter."""
        if calls is not None:
            calls.append((meter_start, meter_end))
        return meter_end - meter_start

    dsp.add_func(from_meter, outputs=["kwh"], input_domain=readings_are_possible)
    dsp.add_function("bill", lambda kwh, p: kwh * p, ["kwh", "price_per_kwh"], ["cost"])
    return dsp


def _app(calls=None, **options):
    options.setdefault("units", {"cost": "EUR", "kwh": "kWh"})
    return sh.app(
        _energy(calls),
        outputs=["cost", "kwh"],
        values={"meter_start": 12410, "meter_end": 12690},
        **options,
    )


def test_answers_first_with_labels_and_units():
    app = _app()
    assert app.answers == {"cost": "84 EUR", "kwh": "280 kWh"}
    lines = app.text().splitlines()
    assert lines[:4] == [
        "Energy bill",
        "What a month costs.",
        "Cost: 84 EUR",
        "Kwh: 280 kWh",
    ]
    assert "Meter start: 12,410" in lines  # a label, not the id meter_start
    assert "meter_start" not in app.text() and "price_per_kwh" not in app.text()


@pytest.mark.parametrize("typed", ["12,890", "12 890", "12890", "12\u202f890"])
def test_numbers_as_people_write_them(typed):
    app = _app()
    app.type("meter_end", typed)
    assert app.answers["kwh"] == "480 kWh" and app.messages == []


def test_a_decimal_point_and_a_label_as_the_field_name():
    app = _app()
    app.type("Meter end", "12890.5")
    assert app.answers["kwh"] == "480.5 kWh"


@pytest.mark.parametrize(
    "typed, says",
    [
        ("twelve thousand", "Please type a number, like 12890 or 12,890."),
        ("12,5", '"12,5" is unclear'),
        ("'12890'", "Please type a number"),
    ],
)
def test_unreadable_text_gets_a_plain_message_and_nothing_is_dispatched(typed, says):
    calls = []
    app = _app(calls)
    before, ran = app.answers, len(calls)
    app.type("meter_end", typed)
    assert len(calls) == ran  # nothing dispatched
    assert app.answers == before
    stale, message = app.messages
    assert stale == "The answers above are for the last values that could be read."
    assert message.startswith("Meter end: ") and says in message
    assert not PYTHON_WORDS.search(app.text()), app.text()
    app.type("meter_end", "12,890")  # fixed: the message goes, the answer comes
    assert app.messages == [] and app.answers["kwh"] == "480 kWh"


def test_a_rejecting_domain_says_why_in_the_modellers_words():
    app = _app()
    app.type("meter_end", "12,000")
    assert app.answers == {
        "cost": "Cannot be worked out",
        "kwh": "Cannot be worked out",
    }
    # both cards miss for one reason: said once, naming both
    assert app.messages == [
        'Cost, Kwh: The step "Electricity used, from the meter" does not apply'
        " to these values. The end reading must not be lower than the start reading."
    ]
    assert not PYTHON_WORDS.search(app.text())


def test_a_message_given_to_the_app_wins():
    app = _app(messages={"from_meter": "Check the two meter readings."})
    app.type("meter_end", "1")
    [note] = app.notes()
    assert note.endswith("Check the two meter readings.")


def test_a_raising_function_shows_no_exception_text():
    dsp = sh.Dispatcher(name="ratio")

    def share_of(part: float, whole: float) -> float:
        """The share of the whole."""
        return part / whole

    dsp.add_func(share_of, outputs=["share"])
    app = sh.app(dsp, values={"part": 1, "whole": 4})
    assert app.answers == {"share": "0.25"}
    app.type("whole", "0")
    assert app.answers == {"share": "Cannot be worked out"}
    assert app.messages == ['Share: The step "The share of the whole" failed.']
    assert not PYTHON_WORDS.search(app.text()) and "division" not in app.text()
    # the modeller's view, behind the switch: the traceback is there
    assert app._details.children == ()
    app.show_details(True)
    [explorer] = app._details.children
    explorer.select("share_of")
    assert "ZeroDivisionError" in explorer.ui.details.value
    app.show_details(False)
    assert app._details.children == ()


def test_sub_models_answer_and_explain_a_failure_inside():
    app = sh.app(dispatcher_nested_model(sh))
    assert app.messages == ["M: It needs X."]
    app.type("x", "8")
    assert app.answers == {"m": "1.25"} and app.messages == []
    app.type("x", "0")  # "plus", inside the sub-model "middle", divides by 0
    # the graph shows the sub-model's box: the message names it too
    assert app.messages == ['M: The step "Plus" in "Middle" failed.']


def test_widgets_follow_the_types_and_the_modellers_declarations():
    import ipywidgets as w

    dsp = sh.Dispatcher(name="trip")

    def trip_cost(km: float, by: str, return_trip: bool, people: int) -> float:
        """Cost of the trip."""
        rate = {"car": 0.3, "train": 0.2}[by]
        return km * rate * (2 if return_trip else 1) * people

    dsp.add_func(trip_cost, outputs=["cost"])

    def shout(label: str) -> str:
        return label.upper()

    dsp.add_func(shout, outputs=["loud"])
    app = sh.app(
        dsp,
        widgets={"by": ["car", "train"], "people": (1, 8)},
        values={"km": 100, "by": "car", "return_trip": False, "people": 1},
    )
    kinds = {n: type(f.input) for n, f in app.fields.items()}
    assert kinds == {
        "km": w.Text,
        "by": w.Dropdown,
        "return_trip": w.Checkbox,
        "people": w.IntSlider,
        "label": w.Text,
    }
    assert app.answers["cost"] == "30"
    app.type("by", "train")
    app.type("return_trip", "yes")
    app.type("people", "3")
    app.type("label", "a day out")  # text, no quotes
    assert app.answers == {"cost": "120", "loud": "A DAY OUT"}


def test_typing_without_the_method_recomputes_after_the_debounce():
    app = _app()
    field = app.field("meter_end")
    field.input.value = "12,890"  # what the browser sends
    assert app.answers["kwh"] == "480 kWh"  # no event loop here: at once


def test_misuse_names_the_argument():
    with pytest.raises(ValueError, match="outputs: 'nope' is not a data node"):
        sh.app(_energy(), outputs=["nope"])
    with pytest.raises(ValueError, match="inputs: 'bill' is not a data node"):
        sh.app(_energy(), inputs=["bill"])
    with pytest.raises(KeyError, match="no field 'nope'"):
        _app().type("nope", "1")
    with pytest.raises(TypeError, match="app\\(\\) takes a Dispatcher"):
        sh.app(42)


def test_saved_output_shows_the_answers_without_a_kernel():
    bundle = _app()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    page = bundle["text/html"]
    assert "<h2>Energy bill</h2>" in page and "84" in page and "EUR" in page
    assert "<th style='text-align:left'>Meter end</th><td>12,690</td>" in page
    assert bundle["text/plain"].startswith("Energy bill\n")


def test_an_app_of_a_solution_starts_from_its_inputs():
    sol = _energy()({"meter_start": 100, "meter_end": 350, "price_per_kwh": 0.2})
    app = sh.app(sol, outputs=["cost"])
    assert app.field("meter_end").input.value == "350"
    assert app.field("price_per_kwh").input.value == "0.2"
    assert app.answers == {"cost": "50"}
