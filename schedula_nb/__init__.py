"""schedula_nb: a dataflow dispatcher for Python, Jupyter first.

A drop-in for the ``schedula`` API: ``import schedula_nb as sh``.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='demo')
>>> @sh.add_function(dsp, outputs=['c'])
... def add(a, b):
...     return a + b
>>> dsp(inputs={'a': 1, 'b': 2})
Solution({'a': 1, 'b': 2, 'c': 3})
"""

from typing import Any

from . import core
from ._alias import alias, alias_from_environment, unalias
from .core import *  # noqa: F403 - the core's public names, listed in core.__all__

__version__ = "0.1.0"

#: the executors' names, loaded with their first use (``schedula_nb.execution``)
_EXECUTION = (
    "DaskExecutor",
    "Executor",
    "ExecutorShutdown",
    "PoolExecutor",
    "ProcessExecutor",
    "ProcessPoolExecutor",
    "ThreadExecutor",
    "await_result",
    "register_executor",
    "shutdown_executor",
    "shutdown_executors",
)

__all__ = [
    *core.__all__,
    *_EXECUTION,
    "alias",
    "unalias",
    "explore",
    "load_ipython_extension",
    "unload_ipython_extension",
]


def explore(obj: Any, **options: Any) -> Any:
    """The interactive explorer of a model or a solution (an ipywidgets
    container; needs ``pip install 'schedula_nb[widgets]'``). Options: see
    ``schedula_nb.widgets.Explorer``.

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher(name='demo')
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> sh.explore(dsp({'a': -1})).select('f').selected
    'f'
    """
    from .widgets import explore as _explore

    return _explore(obj, **options)


def __getattr__(name: str) -> Any:
    if name in _EXECUTION:
        from . import execution

        return getattr(execution, name)
    raise AttributeError(f"module 'schedula_nb' has no attribute {name!r}")


def load_ipython_extension(ip: Any) -> None:
    """``%load_ext schedula_nb``: the magics ``%%dsp``, ``%dispatch``,
    ``%explore`` and the display hook (see ``schedula_nb.ipython``)."""
    from .ipython import load_ipython_extension as load

    load(ip)


def unload_ipython_extension(ip: Any) -> None:
    """``%unload_ext schedula_nb``: remove what loading registered."""
    from .ipython import unload_ipython_extension as unload

    unload(ip)


for _error in (
    core.DispatcherAbort,
    core.DispatcherError,
    core.ExecutorError,
    core.LoadError,
    core.ModelError,
    core.SkipNode,
):
    _error.__module__ = "schedula_nb"  # tracebacks say schedula_nb.DispatcherError
del _error

alias_from_environment()  # SCHEDULA_NB_ALIAS=1: see schedula_nb.alias
