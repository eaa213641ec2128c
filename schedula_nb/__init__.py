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

from .core import (
    EMPTY,
    END,
    NONE,
    PLOT,
    SELF,
    SINK,
    START,
    DiGraph,
    Dispatcher,
    DispatcherAbort,
    DispatcherError,
    Failure,
    ModelError,
    SkipNode,
    Solution,
    Token,
    add_args,
    add_function,
    bypass,
    combine_dicts,
    inf,
    map_dict,
    map_list,
    parent_func,
    partial,
    replicate_value,
    selector,
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
]

for _error in (DispatcherAbort, DispatcherError, ModelError, SkipNode):
    _error.__module__ = "schedula_nb"  # tracebacks say schedula_nb.DispatcherError
del _error
