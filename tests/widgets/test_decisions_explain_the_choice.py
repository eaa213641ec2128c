"""The details say what the dispatcher decided: for a data node which function
supplied its value and why the others did not (out of domain, raised, a longer
distance, not reached); for a function its weight, distance and elapsed time."""

import schedula_nb as sh
from schedula_nb.widgets._decisions import decisions


def _verdicts(dsp, sol, node):
    return {d["producer"]: d["verdict"] for d in decisions(dsp, sol, node)}


def test_tutorial_key_came_from_generate_key(tutorial):
    dsp, sol = tutorial["dsp"], tutorial["sol"]
    assert _verdicts(dsp, sol, "key") == {
        "generate_key": "chosen",
        "read_key": "out of domain",
    }
    ex = sol.explore().select("key")
    assert "<b>chosen</b>" in ex.ui.details.value
    assert "input_domain" in ex.ui.details.value


def test_second_run_reads_the_key(tutorial):
    dsp, sol = tutorial["dsp"], tutorial["sol"]
    again = dsp(
        inputs=sh.selector(("encrypted_fpath", "key_fpath"), sol),
        outputs=["decrypted"],
    )
    verdicts = _verdicts(again.dsp, again, "key")
    assert verdicts["read_key"] == "chosen"


def test_longer_distance_and_failure():
    dsp = sh.Dispatcher()
    dsp.add_function("cheap", lambda a: a, ["a"], ["b"])
    dsp.add_function("dear", lambda a: -a, ["a"], ["b"], weight=5)
    dsp.add_function("broken", lambda a: 1 / 0, ["a"], ["b"])
    dsp.add_function("far", lambda c: c, ["c"], ["b"])
    sol = dsp({"a": 1})
    got = {d["producer"]: d for d in decisions(dsp, sol, "b")}
    assert got["cheap"]["verdict"] == "chosen"
    assert got["broken"]["verdict"] == "failed"
    assert "ZeroDivisionError" in got["broken"]["reason"]
    assert got["far"]["verdict"] == "not reached" and "c" in got["far"]["reason"]
    assert got["dear"]["verdict"] == "passed over"
    assert "shorter distance" in got["dear"]["reason"]


def test_function_weight_distance_time():
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda a: a, ["a"], ["b"], weight=3)
    sol = dsp({"a": 1})
    [d] = decisions(dsp, sol, "f")
    assert d["weight"] == 3 and d["distance"] == sol.visit["f"]
    assert d["duration"] is not None and d["duration"] >= 0
    page = sh.explore(sol).select("f").ui.details.value
    assert "weight" in page and "elapsed" in page and " ms" in page


def test_given_input(fragile):
    sol = fragile({"x": 2, "y": 7})
    verdicts = _verdicts(fragile, sol, "y")
    assert verdicts[sh.START] == "input"
