"""Dispatching on a Dask cluster: a ``distributed.Client`` as an executor.

Each call the search reaches becomes a Dask task (``client.submit``, not
pure: a node's function may have side effects), so independent branches run
on the cluster's workers at once, on one machine or on many. Dask ships the
functions with cloudpickle. A worker that dies while running a call is
replaced by Dask, which retries the call; once Dask gives up
(``KilledWorker``) the node fails with ``WorkerLost``.

``distributed`` is imported only when a ``Client`` is given.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable
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


class DaskExecutor:
    """A dispatch's ``NodeExecutor`` on a Dask ``Client``.

    Pass the client itself as ``executor=client``; this class is what it
    becomes. ``submit_kwargs`` go to every ``client.submit`` (``resources``,
    ``retries``, ``priority``...).
    """

    def __init__(self, client: Any, **submit_kwargs: Any) -> None:
        self.client = client
        self.submit_kwargs = submit_kwargs
        self.name = f"dask {getattr(client.scheduler, 'address', client)!s}"

    def __repr__(self) -> str:
        return f"<DaskExecutor {self.name!r}>"

    def submit(self, node: Hashable, fn: Callable, args: list) -> Any:
        """Send ``fn(*args)`` to the cluster; the handle is ``(node, future)``."""
        try:
            fut = self.client.submit(
                fn, *args, key=_key(node), pure=False, **self.submit_kwargs
            )
        except Exception as ex:  # noqa: BLE001 - serialisation, closed client
            raise ExecutorError(
                f"node {node!r}: executor {self.name!r} cannot take its call "
                f"({type(ex).__name__}: {ex})",
                ex=ex,
                node_id=node,
            ) from ex
        return node, fut

    def result(self, handle: tuple, timeout: float | None, stopper: Any) -> Any:
        """The task's value, or the exception it raised on the worker."""
        from distributed import wait
        from distributed.scheduler import KilledWorker

        node, fut = handle
        try:
            wait_done(
                fut.done,
                lambda s: wait([fut], timeout=s),
                timeout,
                stopper,
                node,
                self.name,
            )
        except NodeTimeout:
            fut.cancel()
            raise
        try:
            return fut.result()
        except KilledWorker as ex:
            raise WorkerLost(
                f"node {node!r} on executor {self.name!r}: the Dask workers "
                f"running it died ({ex})"
            ) from None
        except _serialisation_errors() as ex:
            raise ExecutorError(
                f"node {node!r}: executor {self.name!r} cannot send its call "
                f"({type(ex).__name__}: {ex})",
                ex=ex,
            ) from ex

    def cancel(self, handle: tuple) -> None:
        """Drop a task whose result is not needed."""
        handle[1].cancel()

    def shutdown(self, wait: bool = True) -> DaskExecutor:
        """The client belongs to the caller: nothing to release here."""
        return self


def _serialisation_errors() -> tuple:
    return ()
