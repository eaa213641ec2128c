"""Save and load models, their default values and their maps, with pickle.

Functions pickle by reference (module and name) with the standard
``pickle``; lambdas, local functions and the functions and classes of
``__main__`` (a notebook, a script: another process does not have them) are
pickled by value with ``cloudpickle`` (``pip install cloudpickle``), imported
only in that case. A saved file loads with plain ``pickle`` when
``cloudpickle`` is installed, in any process.

Loaders check what they read (a model for ``load_dispatcher``, a graph for
``load_map``, default values for ``load_default_values``) and raise
:class:`~._exceptions.LoadError` naming the file and the cause (corrupt,
truncated, another kind of file, code this process lacks); the model given to
``load_map`` or ``load_default_values`` is then left as it was.

.. warning::
   **Loading a file runs code stored in it.** Load only files you trust (your
   own); never load a model received from the network or from users. The
   checks above catch mistakes, not attacks: the code runs before them.

>>> import os, tempfile
>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_function('f', abs, ['a'], ['b'])
'f'
>>> path = os.path.join(tempfile.mkdtemp(), 'model.pkl')
>>> sh.save_dispatcher(dsp, path)
>>> sh.load_dispatcher(path)({'a': -1})
Solution({'a': -1, 'b': 1})
"""

from __future__ import annotations

import io
import os
import pickle
import types
import warnings
from collections.abc import Callable
from typing import Any

from ._exceptions import LoadError

__all__ = [
    "load_default_values",
    "load_dispatcher",
    "load_map",
    "save_default_values",
    "save_dispatcher",
    "save_map",
]

PathLike = str | os.PathLike


class _FromMain(Exception):
    """Raised while pickling: ``obj`` lives in ``__main__``."""


class _ByReference(pickle.Pickler):
    """The standard pickler, stopping at a function or class of ``__main__``
    (a notebook, a script): pickled by reference, it would load only in the
    process that defined it, so those models go to cloudpickle (by value)."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, (types.FunctionType, type)):
            if getattr(obj, "__module__", None) == "__main__":
                raise _FromMain(getattr(obj, "__qualname__", repr(obj)))
        return NotImplemented


def _dumps(obj: Any) -> bytes:
    """Pickle ``obj``: the standard pickle where every function and class is
    importable; cloudpickle (by value) for lambdas, local functions and the
    functions of ``__main__``, so the file loads in any process."""
    buf = io.BytesIO()
    try:
        _ByReference(buf, pickle.HIGHEST_PROTOCOL).dump(obj)
        return buf.getvalue()
    except _FromMain as found:
        cloudpickle = _cloudpickle()
        if cloudpickle is None:
            warnings.warn(
                f"{found} comes from __main__ (a notebook or a script): saved by "
                "name, the file loads only where __main__ defines it again; "
                "pip install cloudpickle to save it by value",
                stacklevel=3,
            )
            return pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, AttributeError, TypeError) as err:
        cloudpickle = _cloudpickle()
        if cloudpickle is None:
            raise pickle.PicklingError(
                f"cannot pickle {type(obj).__name__} with the standard pickle "
                f"({err}); lambdas and local functions need cloudpickle: "
                "pip install cloudpickle"
            ) from err
    return cloudpickle.dumps(obj, pickle.HIGHEST_PROTOCOL)


def _cloudpickle() -> Any:
    try:
        import cloudpickle
    except ImportError:
        return None
    return cloudpickle


def _save(obj: Any, path: PathLike) -> None:
    data = _dumps(obj)
    with open(path, "wb") as f:
        f.write(data)


def _load(path: PathLike, check: Callable[[Any], str]) -> Any:
    """Unpickle ``path`` (trusted files only: see the module docstring) and
    check it: ``check`` returns what is wrong with the object, or ``""``.
    Every failure but a missing or unreadable file is a LoadError naming the
    file and the cause."""
    with open(path, "rb") as f:
        try:
            obj = pickle.load(f)
        except (pickle.UnpicklingError, EOFError) as err:
            cause = f"corrupt or truncated, or not a saved model ({_text(err)})"
            raise LoadError(
                f"cannot load {os.fspath(path)!r}: {cause}", path=path
            ) from err
        except (AttributeError, ImportError) as err:
            cause = (
                f"it needs code this process does not have ({_text(err)}): "
                "import the module that defines it first"
            )
            raise LoadError(
                f"cannot load {os.fspath(path)!r}: {cause}", path=path
            ) from err
        except Exception as err:  # raised by code the file runs while loading
            raise LoadError(
                f"cannot load {os.fspath(path)!r}: {_text(err)}", path=path
            ) from err
    wrong = check(obj)
    if wrong:
        raise LoadError(f"cannot load {os.fspath(path)!r}: {wrong}", path=path)
    return obj


def _text(err: BaseException) -> str:
    return f"{type(err).__name__}: {err}" if str(err) else type(err).__name__


def _not_a(obj: Any, what: str, writer: str) -> str:
    return f"it holds a {type(obj).__name__}, not {what} (written by {writer}?)"


def _check_dispatcher(obj: Any) -> str:
    from ._dispatcher import Dispatcher

    if isinstance(obj, Dispatcher):
        return ""
    return _not_a(obj, "a model", "save_dispatcher")


def _check_defaults(obj: Any) -> str:
    if not isinstance(obj, dict):
        return _not_a(obj, "default values", "save_default_values")
    for key, value in obj.items():
        if not isinstance(value, dict) or "value" not in value:
            return f"the default of {key!r} is {value!r}, not {{'value': ...}}"
    return ""


def _check_map(obj: Any) -> str:
    from ._graph import DiGraph

    if not isinstance(obj, DiGraph):
        return _not_a(obj, "a model's graph", "save_map")
    for node_id, attr in obj.nodes.items():
        if not isinstance(attr, dict) or "type" not in attr:
            return f"node {node_id!r} has no type: {attr!r}"
        index = attr.get("index", (0,))
        if not isinstance(index, tuple) or not index or type(index[0]) is not int:
            return f"node {node_id!r} has a broken index: {index!r}"
    return ""


def save_dispatcher(dsp: Any, path: PathLike) -> None:
    """Write the model (nodes, functions, defaults; no caches) to ``path``.

    Parameters
    ----------
    dsp : Dispatcher
        The model.
    path : str or os.PathLike
        The file to write.

    Examples
    --------
    >>> import os, tempfile
    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', lambda x: x + 1, ['a'], ['b'])
    'f'
    >>> path = os.path.join(tempfile.mkdtemp(), 'model.pkl')
    >>> save_dispatcher(dsp, path)
    >>> load_dispatcher(path)({'a': 1})
    Solution({'a': 1, 'b': 2})
    """
    _save(dsp, path)


def load_dispatcher(path: PathLike) -> Any:
    """Read a model written by ``save_dispatcher``.

    Loading runs code stored in the file: load only files you trust.

    Parameters
    ----------
    path : str or os.PathLike
        The file to read.

    Returns
    -------
    Dispatcher
        The model.

    Examples
    --------
    See ``save_dispatcher``.
    """
    return _load(path, _check_dispatcher)


def save_default_values(dsp: Any, path: PathLike) -> None:
    """Write the model's default values (``dsp.default_values``) to ``path``.

    Examples
    --------
    >>> import os, tempfile
    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_data('a', default_value=5)
    'a'
    >>> path = os.path.join(tempfile.mkdtemp(), 'defaults.pkl')
    >>> save_default_values(dsp, path)
    >>> other = sh.Dispatcher()
    >>> other.add_data('a')
    'a'
    >>> load_default_values(other, path)
    >>> other.default_values
    {'a': {'value': 5, 'initial_dist': 0.0}}
    """
    _save(dsp.default_values, path)


def load_default_values(dsp: Any, path: PathLike) -> None:
    """Replace the model's default values with those read from ``path``.

    Loading runs code stored in the file: load only files you trust. See
    ``save_default_values`` for an example.
    """
    dsp.default_values = _load(path, _check_defaults)


def save_map(dsp: Any, path: PathLike) -> None:
    """Write the model's graph (``dsp.dmap``: nodes, edges, attributes).

    Examples
    --------
    >>> import os, tempfile
    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> path = os.path.join(tempfile.mkdtemp(), 'map.pkl')
    >>> save_map(dsp, path)
    >>> other = sh.Dispatcher()
    >>> load_map(other, path)
    >>> other({'a': -3})
    Solution({'a': -3, 'b': 3})
    """
    _save(dsp.dmap, path)


def load_map(dsp: Any, path: PathLike) -> None:
    """Replace the model's graph with the one read from ``path``.

    Loading runs code stored in the file: load only files you trust. See
    ``save_map`` for an example.
    """
    dmap = _load(path, _check_map)
    counter = max(
        (a["index"][0] + 1 for a in dmap.nodes.values() if "index" in a), default=0
    )
    dsp.dmap, dsp._counter, dsp._plans = dmap, counter, {}
