"""The reference's ``schedula.utils.asy.executors``: the executor classes.

This project's own (``schedula_nb.execution``), under the reference's path;
they take the reference's constructor arguments
(``PoolExecutor(thread_executor, process_executor=None, parallel=None)``):

>>> from schedula_nb.utils.asy.executors import PoolExecutor, ThreadExecutor
>>> import schedula_nb as sh
>>> PoolExecutor is sh.PoolExecutor
True
>>> dsp = sh.Dispatcher()
>>> dsp.add_function('f', abs, ['a'], ['b'])
'f'
>>> exe = PoolExecutor(ThreadExecutor())
>>> dsp.dispatch({'a': -3}, executor=exe).result()
Solution({'a': -3, 'b': 3})
>>> _ = exe.shutdown()

What the reference's ``PoolExecutor`` does with its own methods
(``thread``, ``process``, ``process_funcs``, ``add_future``,
``get_futures``, ``wait``) is done here by the dispatch, through the
executor protocol of ``schedula_nb.core._prefetch``; those methods are not
given (see the docs page "Differences from schedula").
"""

from __future__ import annotations

from ...execution import (
    Executor,
    PoolExecutor,
    ProcessExecutor,
    ProcessPoolExecutor,
    ThreadExecutor,
)

__all__ = [
    "Executor",
    "PoolExecutor",
    "ProcessExecutor",
    "ProcessPoolExecutor",
    "ThreadExecutor",
]
