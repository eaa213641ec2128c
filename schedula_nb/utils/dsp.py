"""``schedula.utils.dsp``: the helper functions and the model wrappers.

>>> from schedula_nb.utils.dsp import selector, inf
>>> selector(['a'], {'a': 1, 'b': 2})
{'a': 1}
>>> inf(1, 2) * 2
inf(inf=2, num=4)
"""

from ..core._functions import (
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
from ..core._inf import inf
from ..core._map import MapDispatch, run_model
from ..core._model import add_function
from ..core._nested import (
    are_in_nested_dicts,
    combine_nested_dicts,
    get_nested_dicts,
    kk_dict,
    stack_nested_keys,
)
from ..core._pipes import DispatchPipe, NoSub, SubDispatchPipe
from ..core._wrappers import SubDispatch, SubDispatchFunction

__all__ = [
    "DispatchPipe",
    "MapDispatch",
    "NoSub",
    "SubDispatch",
    "SubDispatchFunction",
    "SubDispatchPipe",
    "add_args",
    "add_function",
    "are_in_nested_dicts",
    "bypass",
    "combine_dicts",
    "combine_nested_dicts",
    "get_nested_dicts",
    "inf",
    "kk_dict",
    "map_dict",
    "map_list",
    "parent_func",
    "partial",
    "replicate_value",
    "run_model",
    "selector",
    "stack_nested_keys",
    "stlp",
    "summation",
]
