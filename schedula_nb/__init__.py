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

from .core import (
    EMPTY,
    END,
    NONE,
    PLOT,
    SELF,
    SINK,
    START,
    BlueDispatcher,
    Blueprint,
    DiGraph,
    Dispatcher,
    DispatcherAbort,
    DispatcherError,
    DispatchPipe,
    Failure,
    MapDispatch,
    ModelError,
    SkipNode,
    Solution,
    SubDispatch,
    SubDispatchFunction,
    SubDispatchPipe,
    Token,
    add_args,
    add_function,
    are_in_nested_dicts,
    bypass,
    combine_dicts,
    combine_nested_dicts,
    get_nested_dicts,
    inf,
    kk_dict,
    load_default_values,
    load_dispatcher,
    load_map,
    map_dict,
    map_list,
    parent_func,
    partial,
    replicate_value,
    run_model,
    save_default_values,
    save_dispatcher,
    save_map,
    selector,
    stack_nested_keys,
    stlp,
    summation,
)

__version__ = "0.1.0"

__all__ = [
    "EMPTY",
    "END",
    "NONE",
    "PLOT",
    "SELF",
    "SINK",
    "START",
    "DiGraph",
    "Dispatcher",
    "DispatcherAbort",
    "DispatcherError",
    "Failure",
    "ModelError",
    "SkipNode",
    "Solution",
    "Token",
    "add_args",
    "add_function",
    "bypass",
    "combine_dicts",
    "inf",
    "map_dict",
    "map_list",
    "parent_func",
    "partial",
    "replicate_value",
    "selector",
    "stlp",
    "summation",
    "BlueDispatcher",
    "Blueprint",
    "DispatchPipe",
    "MapDispatch",
    "SubDispatch",
    "SubDispatchFunction",
    "SubDispatchPipe",
    "are_in_nested_dicts",
    "combine_nested_dicts",
    "get_nested_dicts",
    "kk_dict",
    "load_default_values",
    "load_dispatcher",
    "load_map",
    "run_model",
    "save_default_values",
    "save_dispatcher",
    "save_map",
    "stack_nested_keys",
    "load_ipython_extension",
    "unload_ipython_extension",
]


def load_ipython_extension(ip: Any) -> None:
    """``%load_ext schedula_nb``: the magics ``%%dsp``, ``%dispatch``,
    ``%explore`` and the display hook (see ``schedula_nb.ipython``)."""
    from .ipython import load_ipython_extension as load

    load(ip)


def unload_ipython_extension(ip: Any) -> None:
    """``%unload_ext schedula_nb``: remove what loading registered."""
    from .ipython import unload_ipython_extension as unload

    unload(ip)


for _error in (DispatcherAbort, DispatcherError, ModelError, SkipNode):
    _error.__module__ = "schedula_nb"  # tracebacks say schedula_nb.DispatcherError
del _error
