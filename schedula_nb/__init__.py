"""schedula_nb: a dataflow dispatcher for Python, Jupyter first.

A drop-in for the ``schedula`` API: ``import schedula_nb as sh``.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='demo')
>>> @sh.add_function(dsp, outputs=['c'])
... def add(a, b):
...     return a + b
>>> dsp(inputs={'a': 1, 'b': 2})
Solution({'a': 1, 'b': 2, 'c': 3})

Every public name loads with its first use (PEP 562), so ``import
schedula_nb`` costs almost nothing; ``IMPORT_ALL=True`` in the environment
loads them all at once, as the reference's package does.
"""

from __future__ import annotations

import importlib
import os

from ._version import VERSION, __title__  # noqa: F401 (public names)

#: module (relative to this package) -> the public names it gives
_MODULES = {
    ".core": (
        "BlueDispatcher",
        "Blueprint",
        "CacheStats",
        "CachedFunction",
        "DiGraph",
        "DispatchPipe",
        "Dispatcher",
        "DispatcherAbort",
        "DispatcherError",
        "EMPTY",
        "END",
        "ExecutorError",
        "Failure",
        "MapDispatch",
        "LoadError",
        "ModelError",
        "NONE",
        "PLOT",
        "SELF",
        "SINK",
        "START",
        "SkipNode",
        "Solution",
        "SubDispatch",
        "SubDispatchFunction",
        "SubDispatchPipe",
        "Token",
        "WebResponse",
        "add_args",
        "add_function",
        "are_in_nested_dicts",
        "bypass",
        "cache",
        "combine_dicts",
        "combine_nested_dicts",
        "get_nested_dicts",
        "inf",
        "kk_dict",
        "load_default_values",
        "load_dispatcher",
        "load_map",
        "map_dict",
        "map_list",
        "parent_func",
        "partial",
        "replicate_value",
        "run_model",
        "save_default_values",
        "save_dispatcher",
        "save_map",
        "selector",
        "stack_nested_keys",
        "stlp",
        "summation",
    ),
    ".execution": (
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
    ),
    ".utils.gen": ("counter",),
    "._alias": ("alias", "unalias"),
    "._notebook": (
        "app",
        "explore",
        "load_ipython_extension",
        "plain_message",
        "unload_ipython_extension",
    ),
}

#: public name -> the module that gives it
_WHERE = {name: module for module, names in _MODULES.items() for name in names}

__all__ = list(_WHERE)


def __getattr__(name: str) -> object:
    if name == "__version__":
        # Under the switch (``alias``) this module is also ``schedula``, and says
        # the version of schedula whose behaviour it follows: code written for
        # schedula checks it. ``VERSION`` is this project's, always.
        from ._version import current_version

        return current_version()
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'schedula_nb' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # found once, then a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if os.environ.get("IMPORT_ALL") == "True":  # the reference's switch: all at once
    for _name in __all__:
        __getattr__(_name)

if os.environ.get("SCHEDULA_NB_ALIAS"):  # see schedula_nb.alias
    from ._alias import alias_from_environment

    alias_from_environment()
