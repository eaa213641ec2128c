"""A repeated dispatch replays the earlier search's trace: it must give what a
fresh search gives, call every function once, and notice when outcomes change."""

import schedula_nb as sh

from .records import record


def model(calls):
    """x -> y by 'small' (domain: x < 10) or 'big'; y -> z; 'boom' fails on 3."""
    dsp = sh.Dispatcher()

    def track(name, f):
        def run(*a):
            calls.append(name)
            return f(*a)

        return run

    dsp.add_function(
        "small",
        track("small", lambda x: x + 1),
        ["x"],
        ["y"],
        input_domain=lambda x: x < 10,
    )
    dsp.add_function("big", track("big", lambda x: x * 100), ["x"], ["y"], weight=5)
    dsp.add_function("boom", track("boom", lambda y: 1 / (y - 3)), ["y"], ["z"])
    dsp.add_function("safe", track("safe", lambda y: -y), ["y"], ["z"], weight=3)
    return dsp


def test_replay_gives_the_search_result():
    calls = []
    dsp = model(calls)
    first = record(dsp({"x": 1}))
    again = record(dsp({"x": 1}))
    fresh = record(dsp.copy()({"x": 1}))  # a copy has no trace: a real search
    assert first == again == fresh


def test_changed_outcome_falls_back_to_the_search_without_calling_twice():
    calls = []
    dsp = model(calls)
    dsp({"x": 1})  # small runs, boom works (y=2)
    calls.clear()
    sol = dsp({"x": 2})  # same shape; boom now fails (y=3): outcome differs
    assert calls == ["small", "boom", "safe"]  # nothing ran twice
    assert sol["z"] == -3 and sol.failures["boom"].kind == "error"
    assert record(sol) == record(model([])({"x": 2}))
    calls.clear()
    sol = dsp({"x": 50})  # small is out of domain now: another outcome
    assert calls == ["big", "boom"] and sol["y"] == 5000
    assert record(sol) == record(model([])({"x": 50}))


def test_a_model_change_drops_the_trace():
    calls = []
    dsp = model(calls)
    dsp({"x": 1})
    dsp.add_function("direct", lambda x: "direct", ["x"], ["z"])
    assert dsp({"x": 1})["z"] == "direct"


def test_replay_honours_outputs_and_defaults():
    calls = []
    dsp = model(calls)
    dsp.add_data("x", default_value=4)
    for _ in range(2):
        calls.clear()
        sol = dsp(outputs=["y"])
        assert sol == {"x": 4, "y": 5} and calls == ["small"]


def test_node_attributes_changed_in_place_are_honoured():
    calls = []
    dsp = model(calls)
    dsp.add_function("plain", lambda y: y, ["y"], ["w"])
    assert dsp({"x": 1})["w"] == 2
    dsp.nodes["plain"]["input_domain"] = lambda y: False
    dsp.nodes["small"]["function"] = lambda x: -x
    sol = dsp({"x": 1})
    assert "w" not in sol and sol.out_of_domain == ["plain"] and sol["y"] == -1
