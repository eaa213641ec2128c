"""The core: models, the search and solutions. Pure Python, no third-party import."""

from ._blue import BlueDispatcher, Blueprint
from ._cache import CachedFunction, CacheStats, cache
from ._dispatcher import Dispatcher
from ._exceptions import (
    DispatcherAbort,
    DispatcherError,
    ExecutorError,
    LoadError,
    ModelError,
    SkipNode,
    WebResponse,
)
from ._functions import (
    add_args,
    bypass,
    combine_dicts,
    map_dict,
    map_list,
    parent_func,
    partial,
    replicate_value,
    selector,
    stlp,
    summation,
)
from ._graph import DiGraph
from ._inf import inf
from ._io import (
    load_default_values,
    load_dispatcher,
    load_map,
    save_default_values,
    save_dispatcher,
    save_map,
)
from ._map import MapDispatch, run_model
from ._model import add_function
from ._nested import (
    are_in_nested_dicts,
    combine_nested_dicts,
    get_nested_dicts,
    kk_dict,
    stack_nested_keys,
)
from ._pipes import DispatchPipe, SubDispatchPipe
from ._solution import Failure, Solution
from ._tokens import EMPTY, END, NONE, PLOT, SELF, SINK, START, Token
from ._wrappers import SubDispatch, SubDispatchFunction

__all__ = [
    "Dispatcher",
    "DispatcherAbort",
    "DispatcherError",
    "ExecutorError",
    "LoadError",
    "ModelError",
    "SkipNode",
    "WebResponse",
    "add_args",
    "bypass",
    "combine_dicts",
    "map_dict",
    "map_list",
    "parent_func",
    "partial",
    "replicate_value",
    "selector",
    "stlp",
    "summation",
    "DiGraph",
    "inf",
    "Failure",
    "Solution",
    "EMPTY",
    "END",
    "NONE",
    "PLOT",
    "SELF",
    "SINK",
    "START",
    "Token",
    "add_function",
    "cache",
    "CachedFunction",
    "CacheStats",
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
]

for _error in (
    DispatcherAbort,
    DispatcherError,
    ExecutorError,
    LoadError,
    ModelError,
    SkipNode,
    WebResponse,
):
    _error.__module__ = "schedula_nb"  # tracebacks say schedula_nb.DispatcherError
del _error
