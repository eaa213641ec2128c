"""A worker process that dies while running a node is that node's failure
(``WorkerLost``, with a reason): the alternatives are tried, the other
branches keep their values, and the dispatch never hangs."""

import os
import time

import pytest

import schedula_nb as sh
from schedula_nb.execution import WorkerLost

from .conftest import PROCESS_NAMES, final


def _die(a):
    os._exit(3)


def _slow_double(a):
    time.sleep(0.3)
    return 2 * a


def _model():
    dsp = sh.Dispatcher(name="crash")
    dsp.add_function("die", _die, ["a"], ["b"])
    dsp.add_function("fallback", lambda a: -a, ["a"], ["b"], weight=5)
    dsp.add_function("innocent", _slow_double, ["a"], ["c"])
    return dsp


@pytest.mark.parametrize("executor", PROCESS_NAMES)
def test_a_dying_worker_fails_its_node_only(executor):
    sol = final(_model().dispatch({"a": 4}, executor=executor))
    assert sol["b"] == -4 and sol["c"] == 8
    failure = sol.failures["die"]
    assert isinstance(failure.exception, WorkerLost)
    assert "'die'" in str(failure.exception) and executor in str(failure.exception)
    assert "innocent" not in sol.failures


def test_the_pool_works_again_after_a_worker_died():
    dsp = _model()
    final(dsp.dispatch({"a": 1}, executor="parallel-pool"))
    sol = final(dsp.dispatch({"a": 5}, outputs=["c"], executor="parallel-pool"))
    assert sol["c"] == 10 and not sol.failures


def test_raises_turns_a_dead_worker_into_a_dispatcher_error():
    dsp = _model()
    dsp.raises = True
    with pytest.raises(sh.DispatcherError, match="die") as info:
        final(dsp.dispatch({"a": 1}, executor="parallel"))
    assert isinstance(info.value.ex, WorkerLost)
