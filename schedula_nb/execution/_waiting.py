"""Waiting for one call: the node's timeout, the dispatch's stopper, and the
errors a dispatch records as the node's failure.

The exception tree (beside the core's, see ``core/_exceptions.py``)::

    RuntimeError
    +-- WorkerLost    the worker that ran the call died (process killed,
    |                 Dask worker lost); the node fails with this reason
    TimeoutError
    +-- NodeTimeout   the call ran past the node's ``await_result`` seconds
    schedula_nb.ExecutorError
    +-- ExecutorShutdown  a call was given to an executor already shut down
"""

from __future__ import annotations

from collections.abc import Hashable
from concurrent.futures import CancelledError
from time import monotonic
from typing import Any

from ..core._exceptions import DispatcherAbort, ExecutorError, NodeTimeout
from ..core._prefetch import POLL

__all__ = ["ExecutorShutdown", "NodeTimeout", "WorkerLost", "wait_done"]


class WorkerLost(RuntimeError):
    """The worker (a process, a Dask worker) died while running a node."""


class ExecutorShutdown(ExecutorError):
    """A call was given to an executor that has been shut down."""


def wait_done(
    is_done: Any,
    wait: Any,
    timeout: float | None,
    stopper: Any,
    node: Hashable,
    executor: str,
) -> None:
    """Return once ``is_done()``; ``wait(seconds)`` blocks until done or the
    seconds pass. Raises ``NodeTimeout`` past ``timeout`` and
    ``DispatcherAbort`` as soon as ``stopper`` is set."""
    deadline = None if timeout is None else monotonic() + float(timeout)
    while not is_done():
        step = POLL if stopper is not None else None
        if deadline is not None:
            left = deadline - monotonic()
            if left <= 0:
                raise NodeTimeout(
                    f"node {node!r} ran longer than its timeout of {timeout} s "
                    f"on executor {executor!r}"
                )
            step = left if step is None else min(step, left)
        try:
            wait(step)
        except (TimeoutError, CancelledError):
            pass
        if stopper is not None and stopper.is_set():
            raise DispatcherAbort("Stop requested.", node_id=node)
