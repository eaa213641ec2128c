"""A failed node's traceback is formatted only when read, and is still there
after the solution crosses a process boundary (pickle)."""

import pickle

import schedula_nb as sh


def _boom(x):
    return x / 0


def _failed():
    dsp = sh.Dispatcher(raises="")
    dsp.add_function("boom", _boom, ["a"], ["b"])
    return dsp.dispatch({"a": 1}).failures["boom"]


def test_traceback_names_the_failing_line():
    failure = _failed()
    assert "return x / 0" in failure.traceback
    assert failure.traceback.endswith("ZeroDivisionError: division by zero\n")


def test_pickled_failure_keeps_its_traceback():
    failure = _failed()
    copy = pickle.loads(pickle.dumps(failure))
    assert copy.traceback == failure.traceback
    assert "return x / 0" in copy.traceback
    assert copy.kind == "error" and isinstance(copy.exception, ZeroDivisionError)
