"""Setting the ``stopper`` while calls run on an executor ends the dispatch
with ``DispatcherAbort`` within a fraction of a second, whatever the calls
still running (a process is terminated, a thread's result is dropped)."""

import threading
import time

import pytest

import schedula_nb as sh

from .conftest import NAMES, final

LONG = 4.0  # a thread cannot be killed: it ends on its own after the test


def _long(a):
    time.sleep(LONG)
    return a


@pytest.mark.parametrize("executor", [n for n in NAMES if n != "sync"])
def test_stopper_aborts_a_waiting_dispatch(executor):
    dsp = sh.Dispatcher()
    dsp.add_function("long", _long, ["a"], ["b"])
    dsp.add_function("next", lambda b: b, ["b"], ["c"])
    stopper = threading.Event()
    threading.Timer(0.3, stopper.set).start()
    with pytest.raises(sh.DispatcherAbort) as info:
        final(dsp.dispatch({"a": 1}, stopper=stopper, executor=executor))
    assert info.value.node_id == "long"  # while waiting for it, not after
    assert info.value.sol is dsp.solution and "a" in info.value.sol
    assert "c" not in dsp.solution


def test_a_set_stopper_aborts_before_any_call():
    dsp = sh.Dispatcher()
    calls = []
    dsp.add_function("f", calls.append, ["a"], ["b"])
    stopper = threading.Event()
    stopper.set()
    with pytest.raises(sh.DispatcherAbort):
        dsp.dispatch({"a": 1}, stopper=stopper, executor="thread")
    time.sleep(0.05)
    assert calls == []
