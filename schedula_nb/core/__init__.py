"""The core: models, the search and solutions. Pure Python, no third-party import."""

from ._dispatcher import Dispatcher
from ._exceptions import DispatcherAbort, DispatcherError, ModelError, SkipNode
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
from ._model import add_function
from ._solution import Failure, Solution
from ._tokens import EMPTY, END, NONE, PLOT, SELF, SINK, START, Token

__all__ = [
    "Dispatcher",
    "DispatcherAbort",
    "DispatcherError",
    "ModelError",
    "SkipNode",
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
]
