"""Faults on every executor: a stopper abort, a node's ``await_result``
timeout, Ctrl-C (SIGINT) and a worker that dies. Each scenario runs in a
script of its own, which must end by itself with the expected outcome: the
dispatch gives up on a call that would run for ten minutes,
``shutdown_executors()`` returns and the interpreter exits. A call abandoned
in a worker process is ended with it (its process is gone afterwards); one in
a thread cannot be stopped, and still does not keep the program alive. On
Dask (one worker) the abandoned task is cancelled (a started one runs on in
its worker thread until the cluster closes), and a call that shared the
worker with one that killed it still gets its value.

``subprocess.run(timeout=...)`` is a guard against a hang, not a speed test.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import schedula_nb as sh

ROOT = Path(sh.__file__).parents[1]
HANG_GUARD = 180  # seconds; a healthy scenario ends in a few
EXECUTORS = [
    "async",
    "thread",
    "parallel",
    "parallel-pool",
    "parallel-dispatch",
    "dask",
]
PROCESSES = {"parallel", "parallel-pool", "parallel-dispatch", "dask"}

SCENARIO = r"""
import os, sys, threading, time
import schedula_nb as sh

executor, fault, folder = sys.argv[1], sys.argv[2], sys.argv[3]


def forever(a):
    open(os.path.join(folder, f"started-{os.getpid()}"), "w").close()
    time.sleep(600)
    return a


def die(a):
    os._exit(3)


def started():
    return [f for f in os.listdir(folder) if f.startswith("started-")]


def when_started(action):
    def watch():
        while not started():
            time.sleep(0.01)
        action()

    threading.Thread(target=watch, daemon=True).start()


def final(sol):
    return sol.result() if sol.pending is not None else sol


def dask_cluster():
    # One worker process: what a dying call shares it with dies with it. Two
    # threads: a started task cannot be stopped (cancelling it drops its
    # result only), so the alternative of a timed-out call needs a thread.
    import dask
    import distributed

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = distributed.LocalCluster(
            processes=True, n_workers=1, threads_per_worker=2,
            host="127.0.0.1", dashboard_address="127.0.0.1:0",
        )
    return cluster, distributed.Client(cluster)


if __name__ == "__main__":
    cluster = None
    if executor == "dask":
        cluster, executor = dask_cluster()
    dsp = sh.Dispatcher(raises="")
    stopper = None
    if fault == "abort":
        dsp.add_function("forever", forever, ["a"], ["b"])
        stopper = threading.Event()
        when_started(stopper.set)
    elif fault == "timeout":
        dsp.add_function("forever", forever, ["a"], ["b"], await_result=0.5)
        dsp.add_function("fallback", lambda a: -a, ["a"], ["b"], weight=3)
    elif fault == "sigint":
        dsp.add_function("forever", forever, ["a"], ["b"])
    elif fault == "death":
        dsp.add_function("die", die, ["a"], ["b"])
        dsp.add_function("fallback", lambda a: -a, ["a"], ["b"], weight=3)
        dsp.add_function("innocent", lambda a: a * 2, ["a"], ["c"])
    print("ready", flush=True)
    try:
        sol = final(dsp.dispatch({"a": 4}, executor=executor, stopper=stopper))
        failures = {k: type(f.exception).__name__ for k, f in sol.failures.items()}
        print("solution", sorted(sol.items()), sorted(failures.items()), flush=True)
    except sh.DispatcherAbort:
        print("aborted", flush=True)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
    sh.shutdown_executors()
    if cluster is not None:
        executor.close()
        cluster.close()
    print("shut down", flush=True)
"""

EXPECTED = {
    "abort": "aborted",
    "timeout": "solution [('a', 4), ('b', -4)] [('forever', 'NodeTimeout')]",
    "sigint": "interrupted",
    "death": "solution [('a', 4), ('b', -4), ('c', 8)] [('die', 'WorkerLost')]",
}


def _gone(pid: int) -> bool:
    """Whether process ``pid`` has ended (waiting a little for it to be reaped)."""
    for _ in range(500):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().split()[2] == "Z":  # ended, not reaped yet
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.02)
    return False


def _run(tmp_path, executor, fault):
    script = tmp_path / "scenario.py"
    script.write_text(SCENARIO)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, str(script), executor, fault, str(tmp_path)]
    if fault != "sigint":
        return subprocess.run(
            cmd, env=env, capture_output=True, text=True, timeout=HANG_GUARD
        )
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        for _ in range(HANG_GUARD * 20):  # the call has started: Ctrl-C
            if any(p.name.startswith("started-") for p in tmp_path.iterdir()):
                break
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=HANG_GUARD)
    finally:
        if proc.poll() is None:
            proc.kill()
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


# A call that kills the process of its thread kills the program: "death" is
# a fault of the process executors only.
CASES = [
    (exe, fault)
    for exe in EXECUTORS
    for fault in EXPECTED
    if fault != "death" or exe in PROCESSES
]


@pytest.mark.slow
@pytest.mark.parametrize(("executor", "fault"), CASES)
def test_the_fault_ends_the_work_and_the_program_exits(tmp_path, executor, fault):
    if executor == "dask":
        pytest.importorskip("distributed")
    run = _run(tmp_path, executor, fault)
    assert run.returncode == 0, run.stderr[-3000:]
    lines = run.stdout.splitlines()
    assert lines[-2:] == [EXPECTED[fault], "shut down"], run.stdout + run.stderr
    pids = [int(p.name.split("-")[1]) for p in tmp_path.glob("started-*")]
    if executor in PROCESSES and fault != "death":  # the abandoned call ended
        assert pids and all(_gone(pid) for pid in pids), pids


def _slow_alternative(a):
    time.sleep(1.0)
    return -a


def test_a_call_the_search_did_not_need_leaves_the_pool_alive():
    # Not a fault: the cheaper producer answered first. The costlier one,
    # started at once and still running, is dropped without ending the
    # pool's workers (a new pool would cost more than letting it end).
    dsp = sh.Dispatcher()
    dsp.add_function("fast", abs, ["a"], ["b"])
    dsp.add_function("slow", _slow_alternative, ["a"], ["b"], weight=5)
    exe = sh.PoolExecutor(None, sh.ProcessPoolExecutor(2), asynchronous=False)
    try:
        assert dsp.dispatch({"a": -1}, executor=exe)["b"] == 1
        pool = exe._process._pool
        assert dsp.dispatch({"a": -2}, executor=exe)["b"] == 2
        assert exe._process._pool is pool
    finally:
        exe.shutdown(False)
