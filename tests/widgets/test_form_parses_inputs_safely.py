"""The inputs form: one field per data node that can be given, defaults filled
in, values parsed as Python literals or by the node's type (never ``eval``); a
bad value marks its field with the error and does not dispatch."""

import pytest

import schedula_nb as sh
from schedula_nb.widgets._form import field_type, form_fields, parse_value


def test_fields_of_the_tutorial_solution(tutorial):
    ex = tutorial["sol"].explore()
    assert list(ex.form.texts) == [
        "key_fpath",
        "decrypted",
        "decrypted_fpath",
        "encrypted_fpath",
    ]
    assert ex.form.texts["decrypted"].value == "'secret message'"
    assert ex.form.texts["decrypted_fpath"].value == ""  # not given


def test_defaults_are_prefilled(fragile):
    ex = sh.explore(fragile)
    assert list(ex.form.texts) == ["x"] and ex.form.texts["x"].value == "1"
    assert ex.inputs() == {}  # the default applies by itself
    assert ex.dispatch()["y"] == 1.0


def test_literals_and_types():
    assert parse_value("{'a': (1, 2)}") == {"a": (1, 2)}
    assert parse_value("3", float) == 3.0 and isinstance(parse_value("3", float), float)
    assert parse_value("some/path.txt", str) == "some/path.txt"
    assert parse_value("'quoted'", str) == "quoted"
    with pytest.raises(ValueError, match="Please type a number"):
        parse_value("'x'", int)
    with pytest.raises(ValueError, match="not a value the model can read"):
        parse_value("some/path.txt")


def test_never_evaluates(tmp_path):
    target = tmp_path / "pwned"
    payload = f"open({str(target)!r}, 'w').write('x')"
    with pytest.raises(ValueError):
        parse_value(payload)
    with pytest.raises(ValueError):
        parse_value("__import__('os').system('true')")
    assert not target.exists()


def test_type_from_annotation_and_default(fragile):
    assert field_type(fragile, "x") is int  # the default, 1
    dsp = sh.Dispatcher()

    def f(path: str, n):
        return path * n

    dsp.add_func(f, outputs=["out"])
    assert field_type(dsp, "path") is str and field_type(dsp, "n") is None
    assert form_fields(dsp) == ["path", "n"]


def test_bad_value_marks_the_field_and_does_not_dispatch(fragile):
    ex = sh.explore(fragile({"x": 2}))
    before = ex.solution
    ex.form.texts["x"].value = "two"  # as typed in the browser
    assert ex.dispatch() is None
    assert ex.solution is before
    assert "Please type a number" in ex.form.errors["x"].value
    assert "sh-field-error" in ex.form.texts["x"]._dom_classes
    assert "not dispatched" in ex.ui.status.value
    ex.form.texts["x"].value = "4"
    assert ex.dispatch()["y"] == 0.25
    assert ex.form.errors["x"].value == ""
    assert "sh-field-error" not in ex.form.texts["x"]._dom_classes


def test_set_inputs_and_outputs(fragile):
    ex = sh.explore(fragile)
    ex.set_inputs(x=5, y=10)  # y is computed, but may be given: a field is added
    assert ex.form.texts["y"].value == "10"
    ex.set_outputs(["z"])
    sol = ex.dispatch()
    assert sol["z"] == 20 and "r" not in sol
    ex.set_inputs(y=sh.EMPTY)  # clears the field
    ex.set_outputs(None)
    assert ex.dispatch()["z"] == 0.4
    with pytest.raises(KeyError):
        ex.set_inputs(nope=1)
    with pytest.raises(KeyError):
        ex.set_outputs(["nope"])


def test_unedited_values_pass_as_they_were(tmp_path):
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda p: p.name, ["p"], ["name"])
    sol = dsp({"p": tmp_path / "file.txt"})  # a Path: not a literal
    ex = sol.explore()
    assert ex.inputs() == {"p": tmp_path / "file.txt"}
    assert ex.dispatch()["name"] == "file.txt"


def test_a_dispatch_that_raises_is_reported():
    strict = sh.Dispatcher(name="strict", raises=True)
    strict.add_function("invert", lambda x: 1 / x, ["x"], ["y"])
    ex = sh.explore(strict({"x": 2}))
    ex.set_inputs(x=0)
    with pytest.raises(sh.DispatcherError):
        ex.dispatch()  # from Python: the error
    ex.ui.dispatch.click()  # from the button: the status line says why
    assert "dispatch failed: DispatcherError" in ex.ui.status.value
    assert "division by zero" in ex.ui.status.value
