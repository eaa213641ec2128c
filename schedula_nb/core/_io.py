"""Save and load models, their default values and their maps, with pickle.

Functions pickle by reference (module and name) with the standard
``pickle``; lambdas and local functions cannot, and are then pickled by value
with ``cloudpickle`` (``pip install cloudpickle``), imported only in that case.
A saved file loads with plain ``pickle`` when ``cloudpickle`` is installed.

.. warning::
   Loading a pickle runs code stored in the file. Load only files you trust
   (your own); never load a model received from the network or from users.

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

import os
import pickle
from typing import Any

__all__ = [
    "load_default_values",
    "load_dispatcher",
    "load_map",
    "save_default_values",
    "save_dispatcher",
    "save_map",
]

PathLike = str | os.PathLike


def _dumps(obj: Any) -> bytes:
    """Pickle ``obj``; fall back to cloudpickle for lambdas and local functions."""
    try:
        return pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, AttributeError, TypeError) as err:
        try:
            import cloudpickle
        except ImportError:
            raise pickle.PicklingError(
                f"cannot pickle {type(obj).__name__} with the standard pickle "
                f"({err}); lambdas and local functions need cloudpickle: "
                "pip install cloudpickle"
            ) from err
        return cloudpickle.dumps(obj, pickle.HIGHEST_PROTOCOL)


def _save(obj: Any, path: PathLike) -> None:
    data = _dumps(obj)
    with open(path, "wb") as f:
        f.write(data)


def _load(path: PathLike) -> Any:
    with open(path, "rb") as f:
        return pickle.load(f)  # trusted files only: see the module docstring


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
    return _load(path)


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
    dsp.default_values = _load(path)


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
    dmap = _load(path)
    dsp.dmap = dmap
    dsp._counter = max(
        (a["index"][0] + 1 for a in dmap.nodes.values() if "index" in a), default=0
    )
    dsp._plans = {}
