"""A function that cannot be sent to worker processes gives an
``ExecutorError`` naming the node and the executor; closures and lambdas
travel (cloudpickle); threads need no pickling at all."""

import threading

import pytest

import schedula_nb as sh

from .conftest import PROCESS_NAMES, final


def _model(weight=None):
    lock = threading.Lock()  # a lock cannot be pickled, even by cloudpickle

    def guarded(a, lock=lock):
        with lock:
            return a + 1

    dsp = sh.Dispatcher()
    dsp.add_function("guarded", guarded, ["a"], ["b"], weight=weight)
    return dsp


@pytest.mark.parametrize("executor", PROCESS_NAMES)
def test_unpicklable_function_error_names_node_and_executor(executor):
    with pytest.raises(sh.ExecutorError) as info:
        final(_model().dispatch({"a": 1}, executor=executor))
    message = str(info.value)
    assert "'guarded'" in message and repr(executor) in message
    assert info.value.node_id == "guarded"
    assert info.value.sol is not None and info.value.sol["a"] == 1


def test_a_thread_runs_it():
    assert _model().dispatch({"a": 1}, executor="thread")["b"] == 2


def test_error_only_if_the_search_needs_the_node():
    dsp = _model(weight=5)  # 'b' comes from 'cheap' before 'guarded' is due
    dsp.add_function("cheap", lambda a: a, ["a"], ["b"])
    sol = final(dsp.dispatch({"a": 1}, outputs=["b"], executor="parallel-pool"))
    assert sol["b"] == 1


@pytest.mark.parametrize("executor", PROCESS_NAMES)
def test_closures_and_lambdas_travel(executor):
    k = 10
    dsp = sh.Dispatcher()
    dsp.add_function("closure", lambda a: a + k, ["a"], ["b"])
    assert final(dsp.dispatch({"a": 1}, executor=executor))["b"] == 11
