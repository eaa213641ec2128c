"""A person types numbers as they write them: ``12,890``, ``12 890``,
``12890.5``, in the app and in the explorer's form alike (one reading of
numbers, ``_app_model.parse_number``). Before, the explorer read ``12,890``
as the tuple ``(12, 890)`` and dispatched it (a failure with a
``TypeError`` in the details), refused ``13 000`` as "not a Python literal",
and the app refused a meter reading of ``12890.5`` with "Please type a whole
number, like 30." because its first value happened to be whole."""

import pytest

import schedula_nb as sh
from schedula_nb.widgets._form import parse_value


@pytest.mark.parametrize(
    "typed, expected, value",
    [
        ("12,890", None, 12890),
        ("12 890", None, 12890),
        ("1,234,567.25", None, 1234567.25),
        ("12,890", float, 12890.0),
        ("13 000", int, 13000),
        ("12890.5", float, 12890.5),
        ("(12, 890)", None, (12, 890)),  # a tuple written as one stays one
        ("1,2", None, (1, 2)),  # not grouped by three: a Python tuple
    ],
)
def test_the_explorer_form_reads_numbers_as_written(typed, expected, value):
    got = parse_value(typed, expected)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize(
    "typed, expected, says",
    [
        ("twelve thousand", None, "not a value the model can read"),
        ("twelve thousand", float, "Please type a number"),
        ("12890.5", int, "Please type a whole number, like 12,890."),
    ],
)
def test_the_explorer_form_refuses_in_plain_words(typed, expected, says):
    with pytest.raises(ValueError) as err:
        parse_value(typed, expected)
    assert says in str(err.value) and "literal" not in str(err.value)


def _household():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "notebooks"))
    from household import build_household

    return build_household()


def test_the_explorer_dispatches_a_grouped_meter_reading():
    ex = _household()({"meter_start": 12410, "meter_end": 12690}).explore()
    ex.form.texts["meter_end"].value = "12,890"  # as typed in the form
    sol = ex.dispatch()
    assert sol["meter_end"] == 12890 and sol["kwh"] == 480
    assert not sol.failures


def test_a_first_whole_value_does_not_refuse_decimals():
    app = sh.app(  # no annotation, no default: the first values decide
        _household(),
        outputs=["kwh"],
        values={"meter_start": 12410, "meter_end": 12690},
    )
    app.type("meter_end", "12890.5")
    assert app.messages == [] and app.answers["kwh"] == "480.5"


def test_a_declared_whole_number_refuses_with_an_example_near_the_text():
    dsp = sh.Dispatcher(name="party")
    dsp.add_function("seats", lambda people: people + 1, ["people"], ["chairs"])
    app = sh.app(dsp, widgets={"people": "whole number"})
    app.type("people", "12.5")
    assert "People: Please type a whole number, like 12." in app.messages


def test_a_missing_answer_names_only_what_the_viewer_can_type():
    """The household's kWh comes from the meter readings or from the
    appliances; the app asks for the readings only. With the end reading
    blank, "It needs Appliances, Meter reading at the end" sent the viewer
    looking for a field that is not there (and read as: both are needed)."""
    app = sh.app(
        _household(),
        inputs=["meter_start", "meter_end", "days"],
        outputs=["kwh"],
        values={"meter_start": 12410, "meter_end": 12690},
    )
    app.type("meter_end", "")
    assert app.messages == ["Kwh: It needs Meter end."], app.messages


def test_a_decimal_comma_after_zero_suggests_only_the_decimal():
    with pytest.raises(ValueError) as err:
        parse_value("0,30", float)
    assert str(err.value) == '"0,30" is unclear: write 0.30 for a decimal number.'


def test_a_whole_number_typed_in_a_number_field_stays_whole():
    """A first value of 3 makes a number field (decimals allowed), and a
    whole number typed there is still an ``int``: a model that counts with
    it (``range(n)``) keeps working."""
    dsp = sh.Dispatcher(name="rows")
    dsp.add_function("make", lambda n: list(range(n)), ["n"], ["rows"])
    app = sh.app(dsp, values={"n": 3})
    app.type("n", "1,002")
    assert app.solution["rows"] == list(range(1002)) and app.messages == []
    app.type("n", "2.5")  # accepted as typed; the step says it cannot use it
    assert app.messages == ['Rows: The step "Make" failed.'], app.messages
