"""On the reference's asynchronous executors (``'async'``, ``'parallel'``,
``'parallel-pool'``, ``'parallel-dispatch'``, a ``PoolExecutor``) a dispatch
returns at once with futures; ``sol.result(timeout)`` waits, fills the
solution and raises what made it fail. Calls are held by a gate (a file for
worker processes), so "at once" is checked without a clock."""

import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

import schedula_nb as sh

GATED = ["async", "parallel-pool"]


def _wait_for(path, x):
    """Return ``x`` once ``path`` exists (in any process)."""
    for _ in range(6000):
        if os.path.exists(path):
            return x
        time.sleep(0.01)
    raise TimeoutError(f"{path} never appeared")


def _gated(tmp_path):
    gate = str(tmp_path / "open")
    dsp = sh.Dispatcher(name="gated")
    dsp.add_function("held", sh.partial(_wait_for, gate), ["a"], ["b"])
    dsp.add_function("next", lambda b: b + 1, ["b"], ["c"])
    return dsp, lambda: open(gate, "w").close()


@pytest.fixture(autouse=True)
def _fresh_executors():
    yield
    sh.shutdown_executors(wait=False)


@pytest.mark.parametrize("executor", GATED)
def test_dispatch_returns_while_its_calls_wait(tmp_path, executor):
    dsp, open_gate = _gated(tmp_path)
    sol = dsp.dispatch({"a": 1}, executor=executor)
    assert sol and all(isinstance(v, Future) for v in sol.values())
    assert sol.pending is not None and dsp.solution is sol
    open_gate()
    assert sol.result(60) is sol
    assert dict(sol) == {"a": 1, "b": 1, "c": 2}
    assert sol.pending is None and list(sol.workflow.edges)


def test_result_past_its_timeout_leaves_the_solution_pending(tmp_path):
    dsp, open_gate = _gated(tmp_path)
    sol = dsp.dispatch({"a": 1}, executor="async")
    with pytest.raises(TimeoutError):
        sol.result(0.05)
    assert sol.pending is not None and "c" not in sol
    open_gate()
    assert sol.result(60)["c"] == 2


def _boom(a):
    raise ValueError("boom")


def test_result_raises_a_failure_that_left_an_output_unknown():
    dsp = sh.Dispatcher(raises="")
    dsp.add_function("boom", _boom, ["a"], ["b"])
    dsp.add_function("ok", abs, ["a"], ["c"])
    sol = dsp.dispatch({"a": -1}, executor="async")
    with pytest.raises(ValueError, match="boom"):
        sol.result(60)
    assert dict(sol) == {"a": -1, "c": 1} and "boom" in sol.failures


def test_a_failure_an_alternative_recovered_raises_nothing():
    dsp = sh.Dispatcher(raises="")
    dsp.add_function("boom", _boom, ["a"], ["b"])
    dsp.add_function("alternative", abs, ["a"], ["b"], weight=5)
    sol = dsp.dispatch({"a": -1}, executor="parallel-pool").result(60)
    assert sol["b"] == 1 and "boom" in sol.failures


@pytest.mark.parametrize("executor", GATED)
def test_a_stopper_set_after_the_return_aborts(tmp_path, executor):
    dsp, open_gate = _gated(tmp_path)
    stopper = threading.Event()
    sol = dsp.dispatch({"a": 1}, executor=executor, stopper=stopper)
    stopper.set()
    with pytest.raises(sh.DispatcherAbort) as info:
        sol.result(60)
    assert info.value.sol is sol and "b" not in sol and sol["a"] == 1
    open_gate()


@pytest.mark.parametrize("executor", GATED)
def test_shutdown_without_wait_fails_the_running_dispatch(tmp_path, executor):
    dsp, open_gate = _gated(tmp_path)
    sol = dsp.dispatch({"a": 1}, executor=executor)
    for _ in range(500):  # the search reached the held call
        if _has_running_calls(executor):
            break
        time.sleep(0.01)
    done = sh.shutdown_executors(False)
    assert set(done) == {executor}
    assert isinstance(done[executor]["executor"], sh.PoolExecutor)
    for futures in done[executor]["tasks"].values():
        for fut in futures:
            with pytest.raises(sh.ExecutorShutdown):
                fut.result(10)
    with pytest.raises(sh.ExecutorShutdown):
        sol.result(60)
    assert "b" not in sol
    open_gate()


def _has_running_calls(name):
    from schedula_nb.core._prefetch import ACTIVE

    exe = ACTIVE.get(name)
    return exe is not None and bool(exe._calls)


def test_shutdown_with_wait_lets_the_running_dispatch_finish(tmp_path):
    dsp, open_gate = _gated(tmp_path)
    sol = dsp.dispatch({"a": 1}, executor="async")
    shut = threading.Thread(target=sh.shutdown_executors)
    shut.start()
    shut.join(0.3)
    assert shut.is_alive()  # still waiting for the dispatch
    open_gate()
    shut.join(60)
    assert not shut.is_alive()
    assert sol.result(60)["c"] == 2


@pytest.mark.parametrize("executor", ["sync", "thread", "pool"])
def test_other_executors_still_block(executor):
    dsp = sh.Dispatcher()
    dsp.add_function("f", abs, ["a"], ["b"])
    with ThreadPoolExecutor(2) as pool:
        sol = dsp.dispatch({"a": -1}, executor=pool if executor == "pool" else executor)
    assert sol.pending is None and dict(sol) == {"a": -1, "b": 1}


def test_executor_true_runs_each_sub_model_on_its_own_executor():
    seen = []

    def where(x):
        seen.append(threading.current_thread().name)
        return x

    inner = sh.Dispatcher(name="inner", executor="async")
    inner.add_function("where", where, ["x"], ["y"])
    outer = sh.Dispatcher(name="outer")  # no executor of its own
    outer.add_dispatcher(inner, inputs={"a": "x"}, outputs={"y": "b"})
    outer.add_function("top", where, ["b"], ["c"])
    sol = outer.dispatch({"a": 1}, executor=True)
    assert sol.pending is not None  # a sub-model's executor is asynchronous
    assert sol.result(60)["c"] == 1
    inner_thread, top_thread = seen  # inner's call on 'async', top's inline
    assert inner_thread.startswith("ThreadExecutor")
    assert top_thread.startswith("schedula_nb dispatch")


def test_set_executor_none_is_the_executor_of_executor_true():
    from schedula_nb.utils.asy import EXECUTORS

    EXECUTORS.set_executor(None, sh.PoolExecutor(ThreadPoolExecutor(2)))
    dsp = sh.Dispatcher(executor=None)  # the reference's way to ask for it
    dsp.add_function("f", abs, ["a"], ["b"])
    sol = dsp.dispatch({"a": -1}, executor=True)
    assert all(isinstance(v, Future) for v in sol.values())
    assert sol.result(60)["b"] == 1
    assert None in sh.shutdown_executors()


def test_wrappers_called_with_an_async_executor_return_values():
    # The reference's TestPerformance line: fun(5, 6, _executor='async').
    dsp = sh.Dispatcher()
    dsp.add_function("sum", lambda a, b: a + b, ["a", "b"], ["c"])
    dsp.add_function("neg", lambda c: -c, ["c"], ["d"])
    fun = sh.DispatchPipe(dsp, "f", ["a", "b"], ["c", "d"])
    assert fun(5, 6, _executor="async") == fun(5, 6) == [11, -11]
