"""Doors from the core to the features that live above it: drawings
(``schedula_nb.render``), the web service (``schedula_nb.web``) and the
explorer (``schedula_nb.widgets``).

Each method imports its feature when called, so the core imports nothing of
them (``import schedula_nb`` stays light) and ``Dispatcher`` and ``Solution``
share one definition.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Doors"]


class Doors:
    """``plot``, notebook display, ``web`` and ``explore`` for models and solutions."""

    #: the ``schedula_nb.render`` function that draws this kind of object
    _draw_with = "plot_model"

    def plot(
        self,
        workflow: bool = False,
        index: bool = False,
        view: bool = False,
        depth: int = -1,
        **options: Any,
    ) -> Any:
        """A drawing: of a model (with ``workflow=True``, coloured by its last
        solution), or of the searched model coloured by a solution (with
        ``workflow=True``, the nodes reached only).

        It displays itself in a notebook; ``.render(directory, format)`` writes
        SVG, PNG or PDF pages. ``index`` numbers the nodes in execution order,
        ``depth`` limits the sub-model pages, ``view`` opens the drawing in a
        browser; other options: see ``schedula_nb.render.Plot``.

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher(name='demo')
        >>> dsp.add_function('f', abs, ['a'], ['b'])
        'f'
        >>> dsp.plot(), dsp({'a': -1}).plot(index=True)
        (<Plot of 'demo': 3 nodes>, <Plot of 'demo': 3 nodes>)
        """
        from .. import render

        draw = getattr(render, self._draw_with)
        return draw(self, workflow, index, view, depth, **options)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict:
        """Notebook display: SVG drawing, HTML summary, text (never raises)."""
        from ..render import mimebundle

        return mimebundle(self, include, exclude)

    def web(self, depth: int = -1, *, run: bool = False, **options: Any) -> Any:
        """The model (of a solution: its model) as a JSON web API: ``.app()``
        (Flask), ``.run(host, port)``. ``depth`` levels of sub-models get
        routes (``-1``: all); other options: see ``schedula_nb.web.WebModel``.
        ``run=False`` is taken for code written for schedula (whose ``web()``
        starts a server unless told not to); this one never starts one.

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher(name='demo')
        >>> dsp.add_function('f', abs, ['a'], ['b'])
        'f'
        >>> dsp.web().app().test_client().post('/demo', json={'args': [{'a': -2}]}).json
        {'return': {'a': -2, 'b': 2}}
        >>> dsp({'a': -1}).web(functions=['f'])  # function routes: if listed
        <WebModel 'demo': 2 routes>
        """
        if run is not False:
            raise ValueError(
                f"web(run={run!r}): web() starts no server here; serve "
                "web().app() with a WSGI server, or call web().run(host, port)"
            )
        from ..web import WebModel

        return WebModel(self, depth=depth, **options)

    def explore(self, **options: Any) -> Any:
        """The interactive explorer (ipywidgets) of the model or the solution;
        options: see ``schedula_nb.widgets.Explorer``.

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher(name='demo')
        >>> dsp.add_function('f', abs, ['a'], ['b'])
        'f'
        >>> dsp.explore(), dsp({'a': -1}).explore().select('b').selected
        (<Explorer of 'demo': 3 nodes>, 'b')
        """
        from ..widgets import explore

        return explore(self, **options)
