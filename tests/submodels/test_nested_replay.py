"""Repeated dispatches of a model with sub-models replay the nested search's
log: the same answer and records as a search, each function called once, and
a search again (reusing the calls made) when an outcome differs."""

import schedula_nb as sh
from schedula_nb.core import _runs


def _model(calls):
    def counted(name, fn):
        def run(*args):
            calls.append(name)
            return fn(*args)

        return run

    child = sh.Dispatcher(name="child")
    child.add_function("double", counted("double", lambda x: 2 * x), ["x"], ["y"])
    child.add_function(
        "inverse",
        counted("inverse", lambda y: 1 / y),
        ["y"],
        ["z"],
        input_domain=lambda y: y != 0,
    )
    child.add_function(
        "fallback", counted("fallback", lambda y: -1), ["y"], ["z"], weight=5
    )
    dsp = sh.Dispatcher(name="parent")
    dsp.add_function("inc", counted("inc", lambda a: a + 1), ["a"], ["b"])
    dsp.add_dispatcher(child, {"b": "x"}, {"y": "c", "z": "d"}, "sub")
    dsp.add_function("sum", counted("sum", lambda c, d: c + d), ["c", "d"], ["e"])
    return dsp


def _record(sol):
    return (
        dict(sol),
        dict(sol.dist),
        sorted(map(str, sol.workflow.edges)),
        {k: (dict(s), dict(s.dist)) for k, s in sol.sub_sol.items()},
    )


def test_a_repeated_dispatch_replays_and_matches_a_search(monkeypatch):
    replays = []
    real = _runs.replay_nested

    def spy(*args, **kw):
        replays.append(real(*args, **kw))
        return replays[-1]

    monkeypatch.setattr(_runs, "replay_nested", spy)
    calls = []
    dsp = _model(calls)
    first = _record(dsp.dispatch({"a": 1}))
    calls.clear()
    again = dsp.dispatch({"a": 2})
    assert replays == [True]
    assert again["e"] == 6 + 1 / 6
    assert sorted(calls) == ["double", "inc", "inverse", "sum"]  # once each
    fresh = _model([]).dispatch({"a": 2})
    assert _record(again) == _record(fresh)
    assert first[1] == _record(again)[1]  # the same path, other values


def test_another_outcome_searches_again_without_calling_twice(monkeypatch):
    replays = []
    real = _runs.replay_nested
    monkeypatch.setattr(
        _runs,
        "replay_nested",
        lambda *a, **k: replays.append(real(*a, **k)) or replays[-1],
    )
    calls = []
    dsp = _model(calls)
    dsp.dispatch({"a": 1})
    calls.clear()
    sol = dsp.dispatch({"a": -1})  # y == 0: inverse out of its domain
    assert replays == [False]
    assert (
        sol["d"] == -1
        and "inverse" in sol.workflow.nodes["sub"]["solution"].out_of_domain
    )
    assert sorted(calls) == ["double", "fallback", "inc", "sum"]  # none twice
    assert _record(sol) == _record(_model([]).dispatch({"a": -1}))
