"""IPython integration: ``%load_ext schedula_nb``.

Loading the extension registers the magics ``%%dsp`` (a model from a cell's
functions), ``%dispatch`` (dispatch a model) and ``%explore`` (the explorer,
for now the drawing), and a display hook for models and solutions set with
``%config SchedulaNb.display = 'drawing' | 'explorer' | 'text'``. ``%unload_ext
schedula_nb`` removes all of it and puts back what our names meant before.

This package imports IPython; ``schedula_nb`` imports it only when IPython
loads the extension.

>>> from IPython.testing.globalipapp import get_ipython, start_ipython
>>> ip = start_ipython() or get_ipython()  # the tests' shell (None once started)
>>> load_ipython_extension(ip)
>>> 'dispatch' in ip.magics_manager.magics['line']
True
>>> unload_ipython_extension(ip)
>>> 'dispatch' in ip.magics_manager.magics['line']
False
"""

from __future__ import annotations

from typing import Any

from ._display import SchedulaNb
from ._magics import SchedulaNbMagics

__all__ = [
    "SchedulaNb",
    "SchedulaNbMagics",
    "load_ipython_extension",
    "unload_ipython_extension",
]

_KEY = SchedulaNbMagics.__name__  # our entry in the magics manager's registry


def load_ipython_extension(ip: Any) -> None:
    """Register the magics and the display hook in the shell ``ip``."""
    manager = ip.magics_manager
    if dict.get(manager.registry, _KEY) is not None:
        return  # already loaded in this shell
    settings = SchedulaNb(ip)
    magics = SchedulaNbMagics(ip, settings)
    for kind, names in magics.magics.items():
        table = manager.magics[kind]
        magics.previous[kind] = {name: table.get(name) for name in names}
    settings.install()
    ip.register_magics(magics)


def unload_ipython_extension(ip: Any) -> None:
    """Remove what :func:`load_ipython_extension` registered."""
    manager = ip.magics_manager
    magics = dict.pop(manager.registry, _KEY, None)
    if magics is None:
        return
    for kind, names in magics.magics.items():
        table = manager.magics[kind]
        for name, func in names.items():
            if table.get(name) is not func:
                continue  # somebody registered another magic since: keep it
            previous = magics.previous.get(kind, {}).get(name)
            if previous is None:
                del table[name]
            else:
                table[name] = previous
    magics.settings.uninstall()
