"""A model dispatched through a Dask ``Client`` on a ``LocalCluster`` (2
worker processes on 127.0.0.1) gives the sequential solution, including a
failing node (its alternative is used) and sub-models (a
``SubDispatchFunction`` shipped whole, an ``add_dispatcher`` node whose
calls are shipped one by one), runs independent
branches at once, turns a dying worker into that node's failure, and gives
the sequential solution on every case of the compatibility corpus."""

import os
import time

import pytest
from compat import corpus

import schedula_nb as sh
from schedula_nb.execution import WorkerLost

from .conftest import most_at_once
from .test_executors_match_sequential import run_with

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")


@pytest.fixture(scope="module")
def client():
    # A task whose worker died is not retried: the node fails at once.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = distributed.LocalCluster(
            processes=True,
            n_workers=2,
            threads_per_worker=2,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def _boom(a):
    raise ValueError("boom")


def _die(a):
    os._exit(3)


def _nap(a):
    time.sleep(0.4)
    return a + 1


def _failing_model():
    dsp = sh.Dispatcher(name="failing")
    dsp.add_function("boom", _boom, ["a"], ["b"])
    dsp.add_function("fallback", lambda a: a * 100, ["a"], ["b"], weight=2)
    dsp.add_function("twice", lambda b: 2 * b, ["b"], ["c"])
    dsp.add_function("out_of_domain", abs, ["a"], ["d"], input_domain=lambda a: a > 0)
    return dsp


def _summary(sol):
    return (
        list(sol.items()),
        sol.dist,
        sorted(map(str, sol.workflow.edges)),
        {k: f.kind for k, f in sol.failures.items()},
    )


def test_failing_node_gives_the_sequential_solution(client):
    dsp = _failing_model()
    sol = dsp.dispatch({"a": -1}, executor=client)
    assert _summary(sol) == _summary(dsp.dispatch({"a": -1}))
    assert sol["c"] == -200
    assert isinstance(sol.failures["boom"].exception, ValueError)
    assert sol.failures["out_of_domain"].kind == "domain"


def test_the_clients_futures_executor_works_too(client):
    dsp = _failing_model()
    sol = dsp.dispatch({"a": -1}, executor=client.get_executor(pure=False))
    assert _summary(sol) == _summary(dsp.dispatch({"a": -1}))


def test_sub_model_runs_on_the_cluster(client):
    inner = sh.Dispatcher(name="inner")
    inner.add_function("inc", lambda x: x + 1, ["x"], ["y"])
    inner.add_function("sq", lambda y: y * y, ["y"], ["z"])
    outer = sh.Dispatcher(name="outer")
    outer.add_function(
        "sub", sh.SubDispatchFunction(inner, "sub", ["x"], ["z"]), ["a"], ["b"]
    )
    outer.add_function("boom", _boom, ["b"], ["c"])
    outer.add_function("fallback", lambda b: -b, ["b"], ["c"], weight=1)
    sol = outer.dispatch({"a": 2}, executor=client)
    assert _summary(sol) == _summary(outer.dispatch({"a": 2}))
    assert sol["b"] == 9 and sol["c"] == -9


def test_add_dispatcher_sub_model_runs_on_the_cluster(client):
    inner = sh.Dispatcher(name="inner")
    inner.add_function("boom", _boom, ["x"], ["y"])
    inner.add_function("fallback", lambda x: x * 3, ["x"], ["y"], weight=1)
    outer = sh.Dispatcher(name="outer")
    outer.add_dispatcher(inner, inputs={"a": "x"}, outputs={"y": "b"}, dsp_id="sub")
    outer.add_function("inc", lambda b: b + 1, ["b"], ["c"])
    sol = outer.dispatch({"a": 2}, executor=client)
    assert _summary(sol) == _summary(outer.dispatch({"a": 2}))
    assert sol["c"] == 7
    (child,) = sol.children.values()
    assert isinstance(child.failures["boom"].exception, ValueError)


def test_independent_branches_run_on_the_workers_at_once(client):
    dsp = sh.Dispatcher()
    for i in range(4):
        dsp.add_function(f"nap{i}", _nap, ["a"], [f"b{i}"])
    dsp.dispatch({"a": 0}, executor=client)  # workers import what they need
    sol = dsp.dispatch({"a": 0}, executor=client)
    assert [sol[f"b{i}"] for i in range(4)] == [1, 1, 1, 1]
    assert most_at_once([sol.times[f"nap{i}"] for i in range(4)]) >= 2


def test_a_dying_worker_is_a_failure_not_a_hang(client):
    dsp = sh.Dispatcher()
    dsp.add_function("die", _die, ["a"], ["b"])
    dsp.add_function("fallback", lambda a: -a, ["a"], ["b"], weight=5)
    sol = dsp.dispatch({"a": 1}, executor=client)
    assert sol["b"] == -1
    assert isinstance(sol.failures["die"].exception, WorkerLost)
    client.wait_for_workers(2, timeout=60)  # the nanny restarts it


def test_an_unpicklable_function_names_node_and_executor(client):
    import threading

    lock = threading.Lock()
    dsp = sh.Dispatcher()
    dsp.add_function("locked", lambda a, lock=lock: a, ["a"], ["b"])
    with pytest.raises(sh.ExecutorError, match="'locked'.*dask"):
        dsp.dispatch({"a": 1}, executor=client)


def _long(a):
    time.sleep(3.0)
    return a


def test_stopper_and_timeout_on_the_cluster(client):
    import threading

    from schedula_nb.execution import NodeTimeout

    dsp = sh.Dispatcher()
    dsp.add_function("long", _long, ["a"], ["b"])
    stopper = threading.Event()
    threading.Timer(0.3, stopper.set).start()
    with pytest.raises(sh.DispatcherAbort) as info:
        dsp.dispatch({"a": 1}, stopper=stopper, executor=client)
    assert info.value.node_id == "long"  # while waiting for it, not after
    dsp = sh.Dispatcher()
    dsp.add_function("long", _long, ["a"], ["b"], await_result=0.3)
    dsp.add_function("fallback", lambda a: -a, ["a"], ["b"], weight=3)
    sol = dsp.dispatch({"a": 1}, executor=client)
    assert sol["b"] == -1
    assert isinstance(sol.failures["long"].exception, NodeTimeout)


@pytest.mark.parametrize("name", corpus.CASE_NAMES)
def test_corpus_case_gives_the_sequential_solution(name, client, monkeypatch):
    build = corpus.CASES[name]
    expected, _ = run_with(build, False, monkeypatch)
    got, checks = run_with(build, client, monkeypatch)
    problems = corpus.diff_snapshots(expected, got) + checks
    assert not problems, "\n".join(problems)
