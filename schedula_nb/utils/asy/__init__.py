"""The reference's ``schedula.utils.asy``: its executor names and helpers,
over this project's executors (``schedula_nb.execution``), not a second copy.

A package, as the reference's is: :mod:`.executors` gives the executor
classes and :mod:`.factory` the registry of executor names.

>>> from schedula_nb.utils.asy import EXECUTORS
>>> {'sync', 'async', 'parallel', 'parallel-pool', 'parallel-dispatch'} <= set(EXECUTORS)
True
"""

from __future__ import annotations

from typing import Any

from ...execution import (
    ExecutorShutdown,
    await_result,
    register_executor,
    shutdown_executor,
    shutdown_executors,
)
from .executors import (
    Executor,
    PoolExecutor,
    ProcessExecutor,
    ProcessPoolExecutor,
    ThreadExecutor,
)
from .factory import EXECUTORS, ExecutorFactory

__all__ = [
    "EXECUTORS",
    "ExecutorFactory",
    "ExecutorShutdown",
    "PoolExecutor",
    "await_result",
    "register_executor",
    "shutdown_executor",
    "shutdown_executors",
]


def _pool_args(kwargs: dict) -> dict:
    """The reference's ``_init_kwargs={'processes': n}`` as ``max_workers``."""
    init = dict(kwargs.pop("_init_kwargs", None) or {})
    if "processes" in init:
        kwargs.setdefault("max_workers", init.pop("processes"))
    return kwargs


def _sync_executor() -> PoolExecutor:
    return PoolExecutor(Executor(), name="sync", asynchronous=False)


def _async_executor() -> PoolExecutor:
    return PoolExecutor(ThreadExecutor(), name="async")


def _parallel_executor(*args: Any, **kwargs: Any) -> PoolExecutor:
    return PoolExecutor(ThreadExecutor(), ProcessExecutor(), name="parallel")


def _parallel_pool_executor(*args: Any, **kwargs: Any) -> PoolExecutor:
    """The ``'parallel-pool'`` executor; ``_init_kwargs={'processes': n}``
    (the reference's) or ``max_workers=n`` sizes its pool.

    >>> exe = _parallel_pool_executor(_init_kwargs={'processes': 1})
    >>> exe._process._args['max_workers']
    1
    """
    pool = ProcessPoolExecutor(*args, **_pool_args(kwargs))
    return PoolExecutor(ThreadExecutor(), pool, False, name="parallel-pool")


def _parallel_dispatch_executor() -> PoolExecutor:
    return PoolExecutor(
        ThreadExecutor(), ProcessExecutor(), True, name="parallel-dispatch"
    )
