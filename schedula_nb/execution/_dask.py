"""Dispatching on a Dask cluster: a ``distributed.Client`` as an executor.

Each call the search reaches becomes a Dask task (not pure: a node's
function may have side effects), so independent branches run on the
cluster's workers at once, on one machine or on many. Dask ships the
functions with cloudpickle. The calls the search starts between two of its
steps go to the scheduler as one batch (``client.map``): the scheduler's cost
per task is then about a third of one ``client.submit`` per call. A worker
that dies while running a call is replaced by Dask, which retries the call;
once Dask gives up (``KilledWorker``) the node fails with ``WorkerLost``.

``distributed`` is imported only when a ``Client`` is given.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Hashable
from time import perf_counter
from typing import Any

from ..core._exceptions import ExecutorError
from ._waiting import NodeTimeout, WorkerLost, wait_done

__all__ = ["DaskExecutor", "is_dask_client"]


def is_dask_client(obj: Any) -> bool:
    """Whether ``obj`` is a ``distributed.Client`` (without importing Dask)."""
    return any(
        c.__module__.startswith("distributed") and c.__name__ == "Client"
        for c in type(obj).__mro__
    )


def _key(node: Hashable) -> str:
    text = "".join(c if c.isalnum() or c in "_." else "_" for c in str(node))
    return f"{text[:60]}-{uuid.uuid4().hex}"


def _call(fn: Callable, args: tuple) -> tuple:
    """On the worker: one node's call, its value and its start and end
    (``perf_counter``: comparable between the processes of one machine)."""
    t0 = perf_counter()
    value = fn(*args)
    return value, t0, perf_counter()


class _Task:
    """A node's call: waiting to be sent, then its Dask future (or the error
    met sending it)."""

    __slots__ = ("node", "fn", "args", "key", "future", "error", "times", "again")

    def __init__(self, node: Hashable, fn: Callable, args: list) -> None:
        self.node, self.fn, self.args = node, fn, tuple(args)
        self.key = _key(node)
        self.future: Any = None
        self.error: BaseException | None = None
        self.times: tuple | None = None  # (start, end) on the worker
        self.again = False  # sent a second time, after its worker died


class DaskExecutor:
    """A dispatch's ``NodeExecutor`` on a Dask ``Client``.

    Pass the client itself as ``executor=client``; this class is what it
    becomes. ``submit_kwargs`` go to every ``client.map`` (``resources``,
    ``retries``, ``priority``...).
    """

    def __init__(self, client: Any, **submit_kwargs: Any) -> None:
        self.client = client
        self.submit_kwargs = submit_kwargs
        self.name = f"dask {getattr(client.scheduler, 'address', client)!s}"
        self._batch: list[_Task] = []  # started by the search, not sent yet
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<DaskExecutor {self.name!r}>"

    def submit(self, node: Hashable, fn: Callable, args: list) -> _Task:
        """Start ``fn(*args)``: it goes to the cluster with the next batch."""
        task = _Task(node, fn, args)
        with self._lock:
            self._batch.append(task)
        return task

    def _flush(self) -> None:
        """Send the calls started since the last batch, in one graph."""
        with self._lock:
            batch, self._batch = self._batch, []
        if not batch:
            return
        try:
            futures = self._map(batch)
        except Exception:  # noqa: BLE001 - find the call(s) that cannot be sent
            for task in batch:
                try:
                    (task.future,) = self._map([task])
                except Exception as ex:  # noqa: BLE001
                    task.error = ex
            return
        for task, fut in zip(batch, futures):
            task.future = fut

    def _map(self, batch: list[_Task]) -> list:
        return self.client.map(
            _call,
            [t.fn for t in batch],
            [t.args for t in batch],
            key=[t.key for t in batch],
            pure=False,
            **self.submit_kwargs,
        )

    def result(self, task: _Task, timeout: float | None, stopper: Any) -> Any:
        """The task's value, or the exception it raised on the worker."""
        from distributed.scheduler import KilledWorker

        if task.future is None and task.error is None:
            self._flush()
        if task.error is not None:
            raise ExecutorError(
                f"node {task.node!r}: executor {self.name!r} cannot send its "
                f"call ({type(task.error).__name__}: {task.error})",
                ex=task.error,
                node_id=task.node,
            ) from task.error
        fut = task.future
        done = threading.Event()
        fut.add_done_callback(lambda _: done.set())
        try:
            wait_done(
                fut.done,
                done.wait,
                timeout,
                stopper,
                task.node,
                self.name,
            )
        except NodeTimeout:
            fut.cancel()
            raise
        try:
            value, *task.times = fut.result()
            return value
        except KilledWorker as ex:
            if not task.again:  # maybe a task beside it killed the worker
                return self._again(task, timeout, stopper)
            raise WorkerLost(
                f"node {task.node!r} on executor {self.name!r}: the Dask "
                f"workers running it died, twice ({ex})"
            ) from None

    def _again(self, task: _Task, timeout: float | None, stopper: Any) -> Any:
        """Send a call whose worker died once more: Dask fails every task
        that was on a worker when it died (queued ones too), so a healthy
        call queued behind one that kills its worker gets its value now that
        the killer has failed; the killer fails again, for good."""
        task.again = True
        task.key = _key(task.node)
        (task.future,) = self._map([task])
        return self.result(task, timeout, stopper)

    def call_times(self, task: _Task) -> tuple | None:
        """``(start, end)`` of a finished call on its worker, if known."""
        return tuple(task.times) if task.times else None

    def cancel(self, task: _Task) -> None:
        """Drop a task whose result is not needed."""
        if task.future is not None:
            task.future.cancel()
            return
        with self._lock:
            if task in self._batch:
                self._batch.remove(task)

    def shutdown(self, wait: bool = True) -> DaskExecutor:
        """The client belongs to the caller: nothing to release here."""
        return self
