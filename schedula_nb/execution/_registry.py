"""The executor names a dispatch accepts, and the reference's functions to
register and shut them down.

``'sync'``, ``'async'`` and ``'thread'`` run calls in threads of this
process (``'sync'`` one at a time); ``'parallel'`` runs each call in a new
process, ``'parallel-pool'`` in a pool of processes, ``'parallel-dispatch'``
like ``'parallel'`` but sub-models too. One instance per name is started at
its first use and shared until :func:`shutdown_executor`.
"""

from __future__ import annotations

import atexit
import concurrent.futures as cf
import os
import threading
from collections.abc import Callable
from typing import Any

from ..core._prefetch import ACTIVE, ADAPTERS, EXECUTORS
from ..core._tokens import EMPTY
from ._dask import DaskExecutor, is_dask_client
from ._pool import PoolExecutor
from ._workers import Executor, ProcessExecutor, ProcessPoolExecutor, ThreadExecutor

__all__ = [
    "await_result",
    "register_executor",
    "shutdown_executor",
    "shutdown_executors",
]


def _defaults() -> dict[str, Callable[[], Any]]:
    return {
        "sync": lambda: PoolExecutor(Executor(), name="sync", asynchronous=False),
        "thread": lambda: PoolExecutor(
            ThreadExecutor(), name="thread", asynchronous=False
        ),
        "async": lambda: PoolExecutor(ThreadExecutor(), name="async"),
        "parallel": lambda: PoolExecutor(
            ThreadExecutor(), ProcessExecutor(), name="parallel"
        ),
        "parallel-pool": lambda: PoolExecutor(
            ThreadExecutor(), ProcessPoolExecutor(), False, name="parallel-pool"
        ),
        "parallel-dispatch": lambda: PoolExecutor(
            ThreadExecutor(), ProcessExecutor(), True, name="parallel-dispatch"
        ),
    }


def adapt(obj: Any) -> Any:
    """The ``NodeExecutor`` for an object given as ``executor=`` (or None)."""
    if isinstance(obj, (PoolExecutor, DaskExecutor)):
        return obj
    if is_dask_client(obj):
        return DaskExecutor(obj)
    client = getattr(obj, "_client", None)  # a Client's get_executor()
    if isinstance(obj, cf.Executor) and is_dask_client(client):
        return DaskExecutor(client)
    if isinstance(obj, cf.Executor):
        return PoolExecutor(obj, name=type(obj).__name__, asynchronous=False)
    return None


def _install() -> None:
    """Fill the core's registry (once, when this package is imported)."""
    for name, init in _defaults().items():
        EXECUTORS.setdefault(name, init)
    if adapt not in ADAPTERS:
        ADAPTERS.insert(0, adapt)


def register_executor(
    name: str, init: Callable[[], Any], executors: Any = None
) -> None:
    """Make ``executor=name`` start ``init()`` at its first use.

    ``init`` returns a ``PoolExecutor``, any ``concurrent.futures.Executor``
    or a Dask ``Client``. Registering a name again replaces it (the running
    instance, if any, is shut down first).

    >>> import schedula_nb as sh
    >>> sh.register_executor('two-threads', lambda: sh.ThreadExecutor(2))
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> dsp.dispatch({'a': -1}, executor='two-threads')
    Solution({'a': -1, 'b': 1})
    >>> sorted(sh.shutdown_executor('two-threads'))
    ['two-threads']
    """
    registry = EXECUTORS if executors is None else executors
    if name in ACTIVE and registry is EXECUTORS:
        shutdown_executor(name)
    registry[name] = init


def shutdown_executor(
    name: Any = EMPTY, sol_id: Any = EMPTY, wait: bool = True, executors: Any = None
) -> dict:
    """Shut down the running executor ``name`` (all of them by default);
    return ``{name: {'executor': executor, 'tasks': {...}}}`` of those shut
    down, as the reference does (``tasks``: the calls cut short, see
    ``PoolExecutor.shutdown``). ``wait=True`` lets the running dispatches
    finish first; ``wait=False`` fails them with ``ExecutorShutdown``. The
    next dispatch with that name starts a new executor. (``sol_id`` and
    ``executors`` are accepted for the reference's signature.)"""
    names = list(ACTIVE) if name is EMPTY else [name] if name in ACTIVE else []
    done = {}
    for n in names:
        exe = ACTIVE.pop(n)
        if exe is None:  # the name was used, with no executor (inline)
            continue
        shutdown = getattr(exe, "shutdown", None)
        res = shutdown(wait) if shutdown is not None else None
        if not isinstance(res, dict):
            res = {"executor": exe, "tasks": {}}
        done[n] = res
    return done


def shutdown_executors(wait: bool = True, executors: Any = None) -> dict:
    """Shut down every running executor (see :func:`shutdown_executor`).

    >>> import schedula_nb as sh
    >>> isinstance(sh.shutdown_executors(), dict)
    True
    """
    return shutdown_executor(wait=wait)


def await_result(obj: Any, timeout: float | None = None) -> Any:
    """The result of a future (``concurrent.futures`` or Dask), or ``obj``.

    >>> import schedula_nb as sh
    >>> from concurrent.futures import Future
    >>> fut = Future()
    >>> fut.set_result(3)
    >>> sh.await_result(fut), sh.await_result(4)
    (3, 4)
    """
    if isinstance(obj, cf.Future) or (
        type(obj).__name__ == "Future"
        and type(obj).__module__.startswith("distributed")
    ):
        return obj.result(timeout)
    return obj


def _forget_the_parents_executors() -> None:
    """In a forked child (the switch's ``multiprocess`` workers, or any
    ``os.fork``): the running executors are the parent's, their threads were
    not copied, so a name used in the child starts its own executor (an
    inherited thread pool would take calls no thread runs: a hang). The
    lock that starts them may have been held by another thread: a new one."""
    from ..core import _prefetch

    ACTIVE.clear()
    _prefetch._STARTING = threading.Lock()


_install()
atexit.register(shutdown_executors, wait=False)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_the_parents_executors)
