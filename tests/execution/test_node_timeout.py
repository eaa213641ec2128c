"""A function node's ``await_result=<seconds>`` bounds its call on an
executor: past it, the node fails with ``NodeTimeout`` and the alternatives
are tried."""

import time

import pytest

import schedula_nb as sh
from schedula_nb.execution import NodeTimeout

from .conftest import final


def _slow(a):
    time.sleep(2.0)
    return a


def _model():
    dsp = sh.Dispatcher()
    dsp.add_function("slow", _slow, ["a"], ["b"], await_result=0.2)
    dsp.add_function("fallback", lambda a: -a, ["a"], ["b"], weight=3)
    return dsp


@pytest.mark.parametrize("executor", ["thread", "parallel"])
def test_a_call_past_its_timeout_fails_its_node(executor):
    sol = final(_model().dispatch({"a": 3}, executor=executor))
    assert sol["b"] == -3
    failure = sol.failures["slow"]
    assert isinstance(failure.exception, NodeTimeout)
    assert "'slow'" in str(failure.exception)


def test_await_result_true_waits_without_limit():
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda a: a * 2, ["a"], ["b"], await_result=True)
    assert dsp.dispatch({"a": 2}, executor="thread")["b"] == 4
