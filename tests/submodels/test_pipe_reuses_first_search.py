"""A pipe replays its first dispatch; where a later call goes another way it
searches again, so its answers are always those of SubDispatchFunction."""

import logging

import pytest

import schedula_nb as sh


def model():
    dsp = sh.Dispatcher(name="m")

    def f(a):
        if a < 0:
            raise ValueError("neg")
        return a + 1

    dsp.add_function("f", f, ["a"], ["b"])
    dsp.add_function("f2", lambda a: a * 100, ["a"], ["b"], weight=10)
    dsp.add_function(
        "dom", lambda b: b * 2, ["b"], ["c"], input_domain=lambda b: b < 50
    )
    dsp.add_function("dom2", lambda b: b * 3, ["b"], ["c"], weight=5)
    return dsp


def _outcome(f, x):
    try:
        return f(x)
    except sh.DispatcherError as err:
        return str(err).replace(f.__name__, "?")


@pytest.mark.parametrize("cls", [sh.SubDispatchPipe, sh.DispatchPipe])
def test_pipe_answers_like_the_function(cls):
    logging.disable(logging.CRITICAL)
    try:
        pipe = cls(model(), "P", ["a"], ["c"])
        func = sh.SubDispatchFunction(model(), "F", ["a"], ["c"])
        for x in (1, 100, -1, 2, 100, -1):
            assert _outcome(pipe, x) == _outcome(func, x), x
    finally:
        logging.disable(logging.NOTSET)


def test_later_calls_do_not_search(monkeypatch):
    pipe = sh.SubDispatchPipe(model(), "P", ["a"], ["c"])
    assert pipe(1) == 4
    import schedula_nb.core._dispatcher as d
    import schedula_nb.core._runs as runs

    def no_search(*args, **kwargs):
        raise AssertionError("searched again")

    monkeypatch.setattr(runs, "run_search", no_search)
    monkeypatch.setattr(d, "plan_for", no_search)
    assert pipe(2) == 6 and pipe(3) == 8
    assert pipe.solution["b"] == 4


def test_model_change_rebuilds_the_pipe():
    pipe = sh.SubDispatchPipe(model(), "P", ["a"], ["c"], shrink=False)
    assert pipe(1) == 4
    first = pipe._pipe.plan
    pipe.dsp.add_function("g", lambda a: a, ["a"], ["c"], weight=100)  # into c
    assert pipe(1) == 4 and pipe._pipe.plan is not first
    assert pipe._pipe.plan.rev == pipe.dsp.dmap.rev


def test_unrelated_model_change_keeps_the_pipe():
    pipe = sh.SubDispatchPipe(model(), "P", ["a"], ["c"], shrink=False)
    assert pipe(1) == 4
    first = pipe._pipe.plan
    pipe.dsp.add_function("g", lambda x: x, ["x"], ["y"])  # none of the pipe's
    assert pipe(2) == 6 and pipe._pipe.plan is first
