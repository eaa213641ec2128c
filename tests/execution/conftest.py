"""Fixtures of the executor tests: the executor names, their shut-down."""

import pytest

import schedula_nb as sh

#: every executor name the reference knows, plus ``'thread'``
NAMES = ["sync", "async", "thread", "parallel", "parallel-pool", "parallel-dispatch"]
#: the names that run calls in other processes
PROCESS_NAMES = ["parallel", "parallel-pool", "parallel-dispatch"]


@pytest.fixture(scope="package", autouse=True)
def _shut_down_executors():
    """The named executors are shared; release their workers after the tests."""
    yield
    sh.shutdown_executors(wait=False)
