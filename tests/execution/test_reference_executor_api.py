"""The executor API matches the reference's: the same names and parameters,
and the same values as the reference's ``dispatch(executor=...).result()``
(both return futures on ``'async'`` until ``result()``; on ``'sync'``
schedula_nb's values are final at once, and ``result()`` gives the solution
itself)."""

import inspect
import time

import pytest

import schedula_nb as nb

pytestmark = pytest.mark.compat

NAMES = (
    "register_executor",
    "shutdown_executor",
    "shutdown_executors",
    "await_result",
    "ExecutorShutdown",
    "PoolExecutor",
    "ThreadExecutor",
    "ProcessExecutor",
    "ProcessPoolExecutor",
)


@pytest.fixture(scope="module")
def ref():
    return pytest.importorskip("schedula")


def _params(fn):
    return [p.name for p in inspect.signature(fn).parameters.values()]


@pytest.mark.parametrize("name", NAMES)
def test_the_reference_names_exist(ref, name):
    assert hasattr(ref, name) and hasattr(nb, name)


@pytest.mark.parametrize(
    "name", ["register_executor", "shutdown_executor", "shutdown_executors"]
)
def test_functions_take_the_reference_parameters(ref, name):
    assert _params(getattr(nb, name)) == _params(getattr(ref, name))


def test_await_result_takes_obj_and_timeout(ref):
    assert _params(nb.await_result) == _params(ref.await_result)


def _build(sh):
    def nap(x):
        time.sleep(0.05)
        return x * 2

    dsp = sh.Dispatcher(name="four")
    for i in range(4):
        dsp.add_function(f"f{i}", nap, ["a"], [f"b{i}"])
    dsp.add_function("join", lambda *b: sum(b), [f"b{i}" for i in range(4)], ["c"])
    return dsp


@pytest.mark.parametrize("executor", ["async", "sync"])
def test_values_match_the_references_results(ref, executor):
    expected = dict(_build(ref).dispatch({"a": 1}, executor=executor).result())
    got = _build(nb).dispatch({"a": 1}, executor=executor)
    assert (got.pending is not None) == (executor == "async")
    assert dict(got.result()) == expected == {**dict(got)}
    ref.shutdown_executors()
