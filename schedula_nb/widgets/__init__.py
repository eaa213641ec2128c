"""The explorer: an interactive cytoscape view of models and workflows
(ipycytoscape, or for big models a bundled cytoscape.js anywidget).

``explore(obj)`` (also ``sh.explore``, ``dsp.explore()``, ``sol.explore()``)
returns an :class:`Explorer`. ipywidgets, ipycytoscape and pandas load when
this package is imported, never with ``import schedula_nb``.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_function('f', abs, ['a'], ['b'])
'f'
>>> sh.explore(dsp)
<Explorer of 'demo': 3 nodes>
"""

from __future__ import annotations

from typing import Any

from ._cyto import check_widgets

check_widgets()  # an ImportError with the install hint when extras are missing

from ._app import App  # noqa: E402
from ._explorer import Explorer  # noqa: E402

__all__ = ["App", "Explorer", "app", "explore"]


def explore(obj: Any, **options: Any) -> Explorer:
    """An :class:`Explorer` of a model or a solution; ``options`` go to it
    (``layout``, ``live``, ``delay``, ``fields``, ``height``, ``max_nodes``,
    ``backend``).

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher(name='demo')
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> explore(dsp({'a': -1})).view.status_line()
    '1 input · 1 computed · 0 failed · 0 out of domain · ...'
    """
    return Explorer(obj, **options)


def app(
    obj: Any, inputs: Any = None, outputs: Any = None, title: Any = None, **options: Any
) -> App:
    """An :class:`App` of a model or a solution, for people who do not code;
    ``options``: ``labels``, ``units``, ``widgets``, ``messages``, ``values``,
    ``formats``, ``delay``, ``height``.

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher(name='demo')
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> app(dsp, values={'a': -3}).answers
    {'b': '3'}
    """
    return App(obj, inputs, outputs, title, **options)
