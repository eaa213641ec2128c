"""``dispatch(verbose=...)`` announces each call as it starts and as it ends."""

import logging

import pytest

import schedula_nb as sh


def _model(events):
    def double(a):
        events.append(("run", "double"))
        return 2 * a

    sub = sh.Dispatcher(name="sub")
    sub.add_function("inc", lambda x: x + 1, ["x"], ["y"])
    dsp = sh.Dispatcher(name="main")
    dsp.add_function("double", double, ["a"], ["b"])
    dsp.add_dispatcher(sub, {"b": "x"}, {"y": "c"}, dsp_id="S")
    return dsp


def test_a_callable_hears_each_call_start_and_end_around_it():
    events = []

    def verbose(sol, node, attr, end):
        events.append(("end" if end else "start", "/".join((*sol.full_name, node))))
        assert not end or attr["duration"] >= 0

    sol = _model(events)({"a": 1}, verbose=verbose)
    assert sol["c"] == 3
    assert events == [
        ("start", "double"),
        ("run", "double"),
        ("end", "double"),
        ("start", "S/inc"),
        ("end", "S/inc"),
    ]


def test_true_logs_on_schedula_nb_every_time(caplog):
    dsp = _model([])
    for _ in range(2):  # the second dispatch would replay: it logs too
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="schedula_nb"):
            dsp({"a": 1}, verbose=True)
        messages = [r.getMessage() for r in caplog.records if r.name == "schedula_nb"]
        assert messages[0] == "Start `double`..."
        assert messages[1].startswith("Done `double` in ") and messages[1].endswith(
            " sec."
        )
        assert "Start `S/inc`..." in messages


def test_a_silent_dispatch_logs_nothing(caplog):
    with caplog.at_level(logging.INFO, logger="schedula_nb"):
        _model([])({"a": 1})
    assert not [r for r in caplog.records if r.name == "schedula_nb"]


def test_verbose_must_be_a_flag_or_a_callable():
    with pytest.raises(sh.ModelError, match="verbose"):
        _model([])({"a": 1}, verbose="loud")
