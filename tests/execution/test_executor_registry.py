"""The reference's executor functions and argument forms:
``register_executor``, ``shutdown_executor(s)``, ``await_result``, any
``concurrent.futures.Executor``, ``executor=True`` (the model's own), and a
clear error for an unknown name."""

import concurrent.futures as cf
import threading

import pytest

import schedula_nb as sh

from .conftest import final


def _model(**kw):
    dsp = sh.Dispatcher(**kw)
    dsp.add_function("who", lambda a: threading.current_thread().name, ["a"], ["b"])
    return dsp


def test_register_a_name_and_shut_it_down():
    made = []

    def init():
        made.append(sh.ThreadExecutor(2, thread_name_prefix="mine"))
        return made[-1]

    sh.register_executor("mine", init)
    # The call may run in the dispatching thread when no worker took it yet.
    assert final(_model().dispatch({"a": 1}, executor="mine"))["b"]
    final(_model().dispatch({"a": 1}, executor="mine"))
    assert len(made) == 1  # one instance per name, shared
    assert list(sh.shutdown_executor("mine")) == ["mine"]
    assert sh.shutdown_executor("mine") == {}
    final(_model().dispatch({"a": 1}, executor="mine"))
    assert len(made) == 2  # started again after its shut down
    sh.shutdown_executor("mine")


def test_shutdown_executors_releases_every_running_one():
    final(_model().dispatch({"a": 1}, executor="async"))
    assert "async" in sh.shutdown_executors()
    assert sh.shutdown_executors() == {}


def test_a_futures_executor_runs_the_calls():
    with cf.ThreadPoolExecutor(1, thread_name_prefix="pool") as pool:
        pool.submit(threading.Event().wait, 0.2)  # keeps the worker busy
        names = {_model().dispatch({"a": i}, executor=pool)["b"] for i in range(3)}
    # Busy pool: the dispatching thread takes the call back instead of waiting.
    assert names == {threading.current_thread().name}


def test_executor_true_uses_the_models_executor():
    dsp = _model(executor="thread")
    assert final(dsp.dispatch({"a": 1}, executor=True))["b"]
    assert dsp.dispatch({"a": 1})["b"] == threading.current_thread().name


def test_an_unknown_name_is_a_clear_error():
    with pytest.raises(sh.ExecutorError, match="unknown executor 'nope'"):
        _model().dispatch({"a": 1}, executor="nope")
    with pytest.raises(sh.ExecutorError, match="neither a registered name"):
        _model().dispatch({"a": 1}, executor=object())


def test_await_result_reads_futures_and_passes_values():
    fut = cf.Future()
    fut.set_result(3)
    assert sh.await_result(fut) == 3 and sh.await_result(4) == 4
    pending = cf.Future()
    with pytest.raises(TimeoutError):
        sh.await_result(pending, 0.01)


def test_solution_result_returns_the_final_solution():
    sol = _model().dispatch({"a": 1}, executor="thread")
    assert sol.result() is sol and sol.result(timeout=1) is sol


def test_a_shut_down_pool_executor_refuses_calls():
    exe = sh.PoolExecutor(sh.ThreadExecutor())
    exe.shutdown()
    with pytest.raises(sh.ExecutorShutdown, match="'who'.*shut down"):
        final(_model().dispatch({"a": 1}, executor=exe))


class _Inline(cf.Executor):
    """A user's own ``concurrent.futures.Executor``: runs calls at once."""

    def __init__(self):
        self.calls = 0

    def submit(self, fn, /, *args, **kwargs):
        self.calls += 1
        fut = cf.Future()
        fut.set_result(fn(*args, **kwargs))
        return fut


def test_any_futures_executor_subclass_runs_the_calls():
    exe = _Inline()
    assert final(_model().dispatch({"a": 1}, executor=exe))["b"]
    assert exe.calls == 1
