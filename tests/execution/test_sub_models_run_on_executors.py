"""Sub-models added with ``add_dispatcher`` run inside the parent's search
on an executor too: the calls of their own branches start as soon as their
inputs are known, and the solution (sub-solutions included) is the
sequential one."""

import time

import pytest

import schedula_nb as sh

from .conftest import final, most_at_once

SLEEP = 0.4


def _nap(x):
    time.sleep(SLEEP)
    return x + 1


def _boom(x):
    raise ValueError("boom")


def _model():
    inner = sh.Dispatcher(name="inner")
    inner.add_function("nap1", _nap, ["x"], ["y1"])
    inner.add_function("nap2", _nap, ["x"], ["y2"])
    inner.add_function("boom", _boom, ["y1"], ["z"])
    inner.add_function("fallback", lambda y1, y2: y1 + y2, ["y1", "y2"], ["z"])
    outer = sh.Dispatcher(name="outer")
    outer.add_dispatcher(inner, inputs={"a": "x"}, outputs={"z": "b"}, dsp_id="sub")
    outer.add_function("nap3", _nap, ["a"], ["c"])
    outer.add_function("total", lambda b, c: b + c, ["b", "c"], ["t"])
    return outer


def _summary(sol):
    subs = {
        idx: (list(s.items()), {k: f.kind for k, f in s.failures.items()})
        for idx, s in sol.sub_sol.items()
    }
    return list(sol.items()), sol.dist, sorted(map(str, sol.workflow.edges)), subs


@pytest.mark.parametrize("executor", ["thread", "parallel-pool"])
def test_sub_model_gives_the_sequential_solution(executor):
    dsp = _model()
    expected = _summary(dsp.dispatch({"a": 1}))
    assert _summary(final(dsp.dispatch({"a": 1}, executor=executor))) == expected


def test_sub_model_branches_run_with_the_parents():
    dsp = _model()
    sol = dsp.dispatch({"a": 1}, executor="thread")
    assert sol["t"] == 2 + 2 + 2
    naps = [t for s in sol.sub_sol.values() for n, t in s.times.items() if "nap" in n]
    assert len(naps) == 3 and most_at_once(naps) == 3, naps


def test_sub_dispatch_function_runs_its_branches_on_the_same_executor():
    inner = sh.Dispatcher(name="inner")
    inner.add_function("nap1", _nap, ["x"], ["y1"])
    inner.add_function("nap2", _nap, ["x"], ["y2"])
    inner.add_function("join", lambda a, b: a + b, ["y1", "y2"], ["z"])
    outer = sh.Dispatcher(name="outer")
    sub = sh.SubDispatchFunction(inner, "sub", ["x"], ["z"])
    outer.add_function("sub", sub, ["a"], ["b"])
    outer.add_function("nap3", _nap, ["a"], ["c"])
    expected = dict(outer.dispatch({"a": 1}))
    sol = outer.dispatch({"a": 1}, executor="thread")
    assert dict(sol) == expected == {"a": 1, "b": 4, "c": 2}
    naps = [sub.solution.times["nap1"], sub.solution.times["nap2"], sol.times["nap3"]]
    assert most_at_once(naps) == 3, naps
