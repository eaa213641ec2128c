"""The notebook doors of the package: the explorer and the IPython extension
hooks (``%load_ext schedula_nb``), loaded with their first use."""

from __future__ import annotations

from typing import Any

__all__ = ["explore", "load_ipython_extension", "unload_ipython_extension"]


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


def load_ipython_extension(ip: Any) -> None:
    """``%load_ext schedula_nb``: the magics ``%%dsp``, ``%dispatch``,
    ``%explore`` and the display hook (see ``schedula_nb.ipython``)."""
    from .ipython import load_ipython_extension as load

    load(ip)


def unload_ipython_extension(ip: Any) -> None:
    """``%unload_ext schedula_nb``: remove what loading registered."""
    from .ipython import unload_ipython_extension as unload

    unload(ip)
