"""The notebook doors of the package: the explorer, the app for people who
do not code, and the IPython extension hooks (``%load_ext schedula_nb``),
loaded with their first use."""

from __future__ import annotations

from typing import Any

__all__ = [
    "app",
    "explore",
    "load_ipython_extension",
    "plain_message",
    "unload_ipython_extension",
]


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


def app(
    obj: Any, inputs: Any = None, outputs: Any = None, title: Any = None, **options: Any
) -> Any:
    """A model presented to people who do not code (an ipywidgets ``App``:
    answers first, typed fields, plain messages, the graph below, the
    modeller's details behind one switch). Options: see
    ``schedula_nb.widgets.App``; ``python -m schedula_nb app MODULE:OBJECT``
    serves one with Voila.

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher(name='demo')
    >>> dsp.add_function('double', lambda a: 2 * a, ['a'], ['b'])
    'double'
    >>> a = sh.app(dsp, units={'b': 'kg'})
    >>> a.type('a', '1 250'); a.answers
    {'b': '2,500 kg'}
    """
    from .widgets import app as _app

    return _app(obj, inputs, outputs, title, **options)


def plain_message(text: str) -> Any:
    """Decorator: the plain-language message ``sh.app`` shows when the
    function fails or, on an ``input_domain`` function, refuses its inputs.

    >>> import schedula_nb as sh
    >>> @sh.plain_message('A meter only counts up.')
    ... def readings_are_possible(start, end):
    ...     return end >= start
    >>> readings_are_possible.plain_message
    'A meter only counts up.'
    """

    def mark(fn: Any) -> Any:
        fn.plain_message = str(text)
        return fn

    return mark


def load_ipython_extension(ip: Any) -> None:
    """``%load_ext schedula_nb``: the magics ``%%dsp``, ``%dispatch``,
    ``%explore`` and the display hook (see ``schedula_nb.ipython``)."""
    from .ipython import load_ipython_extension as load

    load(ip)


def unload_ipython_extension(ip: Any) -> None:
    """``%unload_ext schedula_nb``: remove what loading registered."""
    from .ipython import unload_ipython_extension as unload

    unload(ip)
