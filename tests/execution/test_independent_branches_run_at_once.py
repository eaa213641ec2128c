"""Independent branches overlap in time on every executor but ``'sync'``,
and the per-node records (times, visit order) are those of one dispatch."""

import sys
import time

import cloudpickle
import pytest

import schedula_nb as sh

from .conftest import PROCESS_NAMES, final, most_at_once

SLEEP = 0.4


# A new process per call ('parallel') imports the module of a function sent
# by reference: this test module would bring pytest along. Send by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def _nap(x):
    time.sleep(SLEEP)
    return x + 1


def _model(n=4):
    dsp = sh.Dispatcher(name="branches")
    for i in range(n):
        dsp.add_function(f"f{i}", _nap, ["a"], [f"b{i}"])
    dsp.add_function("total", lambda *b: sum(b), [f"b{i}" for i in range(n)], ["t"])
    return dsp


@pytest.mark.parametrize("executor", ["async", "thread", *PROCESS_NAMES])
def test_four_sleeping_branches_overlap(executor):
    dsp = _model()
    final(dsp.dispatch({"a": 0}, executor=executor))  # start the workers
    sol = final(dsp.dispatch({"a": 0}, executor=executor))
    assert sol["t"] == 4
    calls = [sol.times[f"f{i}"] for i in range(4)]
    # Threads run all four at once; processes at least two (a pool has as
    # many workers as cores, and a busy machine may start them late).
    assert most_at_once(calls) >= (2 if executor in PROCESS_NAMES else 4), calls
    assert list(sol.visit) == list(dsp.dispatch({"a": 0}).visit)


def test_sync_runs_one_call_at_a_time():
    sol = _model(2).dispatch({"a": 0}, executor="sync")
    (s0, e0), (s1, e1) = sol.times["f0"], sol.times["f1"]
    assert e0 <= s1 or e1 <= s0


def test_each_call_has_its_start_and_end_times():
    sol = _model().dispatch({"a": 0}, executor="thread")
    for i in range(4):
        assert sol.duration(f"f{i}") >= SLEEP * 0.9
