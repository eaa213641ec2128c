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


def final(sol, timeout=120):
    """A dispatch's final solution. On an asynchronous executor a dispatch
    returns at once: wait as ``sol.result()`` does, but leave the nodes'
    failures in ``sol.failures`` as a blocking dispatch does (``result()``
    raises the first one that left an output unknown). The dispatch's own
    errors (abort, shut-down executor, ``raises=True``) are raised."""
    if getattr(sol, "pending", None) is None:
        return sol
    from schedula_nb.core._pending import settle

    return settle(sol, timeout, raise_failures=False)


def most_at_once(intervals):
    """The largest number of ``(start, end)`` intervals running at one moment
    (stamps of one clock, e.g. ``sol.times``): how much the calls overlapped,
    whatever the machine's speed. Intervals that only touch do not overlap.

    >>> most_at_once([(0, 2), (1, 3), (2, 4)])
    2
    """
    events = sorted([(s, 1) for s, _ in intervals] + [(e, -1) for _, e in intervals])
    running = most = 0
    for _, step in events:
        running += step
        most = max(most, running)
    return most
