"""Executors: run a dispatch's independent branches at once.

``dsp.dispatch(inputs, executor=...)`` takes a name (``'sync'``,
``'async'``, ``'thread'``, ``'parallel'``, ``'parallel-pool'``,
``'parallel-dispatch'``, or one added with :func:`register_executor`), any
``concurrent.futures.Executor``, a Dask ``distributed.Client``, or a
:class:`PoolExecutor`. The search decides as the sequential dispatch does
(same values, workflow, failures); the executor only runs the calls, each
started as soon as its inputs are known (see ``core/_prefetch.py``).

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher()
>>> dsp.add_function('f', abs, ['a'], ['b'])
'f'
>>> dsp.add_function('g', len, ['s'], ['n'])
'g'
>>> dsp.dispatch({'a': -2, 's': 'abc'}, executor='thread')
Solution({'a': -2, 's': 'abc', 'b': 2, 'n': 3})
"""

from ._dask import DaskExecutor
from ._pool import PoolExecutor
from ._registry import (
    await_result,
    register_executor,
    shutdown_executor,
    shutdown_executors,
)
from ._waiting import ExecutorShutdown, NodeTimeout, WorkerLost
from ._workers import Executor, ProcessExecutor, ProcessPoolExecutor, ThreadExecutor

__all__ = [
    "DaskExecutor",
    "Executor",
    "ExecutorShutdown",
    "NodeTimeout",
    "PoolExecutor",
    "ProcessExecutor",
    "ProcessPoolExecutor",
    "ThreadExecutor",
    "WorkerLost",
    "await_result",
    "register_executor",
    "shutdown_executor",
    "shutdown_executors",
]
