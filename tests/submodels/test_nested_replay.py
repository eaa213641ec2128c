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


def _odd_model(calls):
    """A parent and a child of plain functions (fused from the third
    dispatch on): ``a == 4`` makes ``double`` give NONE, ``a == 6`` makes it
    raise, ``a == 8`` makes the child's filter skip; ``alt`` (heavier) is the
    way round ``inc`` failing at ``a == 9``."""

    def counted(name, fn):
        def run(*args):
            calls.append(name)
            return fn(*args)

        return run

    def double(x):
        if x == 7:
            raise ValueError("seven")
        return sh.NONE if x == 5 else 2 * x

    def skip_nine_times_two(y):
        if y == 18:
            raise sh.SkipNode()
        return y + 0  # a NONE would raise here: it must not get one

    def inc(a):
        if a == 9:
            raise ValueError("nine")
        return a + 1

    child = sh.Dispatcher(name="child")
    child.add_function("double", counted("double", double), ["x"], ["y"])
    child.add_data("y", filters=[skip_nine_times_two])
    child.add_function("neg", counted("neg", lambda y: -y), ["y"], ["z"])
    dsp = sh.Dispatcher(name="parent")
    dsp.add_function("inc", counted("inc", inc), ["a"], ["b"])
    dsp.add_function("alt", counted("alt", lambda a: a + 100), ["a"], ["b"],
                     weight=3)  # fmt: skip
    dsp.add_dispatcher(child, {"b": "x"}, {"z": "c"}, "sub")
    dsp.add_function("half", counted("half", lambda c: c / 2), ["c"], ["e"])
    return dsp


def _full_record(sol):
    return (
        _record(sol),
        {
            k: (
                {n: s.estimates(n) for n in s.visit},
                {n: f.kind for n, f in s.failures.items()},
                sorted(map(str, s.blocked)),
            )
            for k, s in sol.sub_sol.items()
        },
    )


def test_fused_replays_match_searches_whatever_the_values_do(caplog):
    """From the third dispatch of a shape the log's plain pairs are fused at
    every level; each dispatch still gives a fresh search's records and makes
    exactly its calls, when a value makes a fused function give NONE, raise,
    or a fused data node's filter skip."""
    import logging

    caplog.set_level(logging.WARNING)
    calls = []
    dsp = _odd_model(calls)
    # after each odd value, three plain ones: search, replay, fused replay
    for a in (1, 2, 3, 4, 1, 2, 3, 6, 1, 2, 3, 8, 1, 2, 3, 9, 1, 2, 3, sh.NONE, 4, 10):
        calls.clear()
        fresh_calls = []
        caplog.clear()
        fresh = _odd_model(fresh_calls).dispatch({"a": a}, ["e"])
        fresh_logged = caplog.messages
        caplog.clear()
        got = dsp.dispatch({"a": a}, ["e"])
        assert _full_record(got) == _full_record(fresh), a
        assert calls == fresh_calls, a
        assert caplog.messages == fresh_logged, a  # no failure logged twice


def test_a_fused_replay_sees_an_attribute_dict_replaced_in_a_sub_model():
    dsp = _odd_model([])
    assert [dsp.dispatch({"a": a}, ["e"])["e"] for a in (1, 2, 3)] == [-2, -3, -4]
    child = dsp.dmap.nodes["sub"]["function"]
    attr = dict(child.dmap.nodes["neg"])
    attr["function"] = lambda y: 1000 * y
    child.dmap.nodes["neg"] = attr  # not an edit the model logs
    assert dsp.dispatch({"a": 1}, ["e"])["e"] == 2000
