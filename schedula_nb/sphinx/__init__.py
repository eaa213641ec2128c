"""A Sphinx extension: models document themselves.

Add ``'schedula_nb.sphinx'`` to ``extensions`` in ``conf.py`` (the ``sphinx``
extra: ``pip install 'schedula_nb[sphinx]'``), then in a page::

    .. dispatcher:: mypackage.models.dsp
       :opt: graph_attr={'rankdir': 'TB'}, depth=1

It draws the model (inline SVG, the drawing of ``dsp.plot()``) and lists its
data nodes (id, description, default value), function nodes (id, description,
inputs, outputs, domain) and sub-models, each in its own section that the
drawing and the table link to. Options:

``:opt:``
    keyword arguments of ``plot()``, as Python literals (``depth`` also limits
    the sub-model sections);
``:description:``, ``:code:``, ``:data:``, ``:func:``, ``:dsp:``
    flags that choose the parts shown: the model's description, the code
    that builds it, the data, function and sub-model tables (with none of
    them: all but the code);
``:height:``, ``:width:``
    the drawing's size (a CSS length; the other dimension keeps the ratio).

With content, the directive runs it (plain code or doctest) and documents the
object it names, as the reference's does::

    .. dispatcher:: dsp
       :code:

       >>> import schedula_nb as sh
       >>> dsp = sh.Dispatcher(name='demo')

``.. autodispatcher:: name`` wraps the same in a ``py:data`` description (an
index entry and a target for ``:py:data:`name```; ``:no-index:`` skips them).
Problems are Sphinx warnings and never stop the build: a name that does not
import, an object that is not a model, a bad ``:opt:``, and a missing ``dot``
program (then the page has the tables without the drawing).

>>> from schedula_nb.sphinx import setup
>>> class App:  # what setup() uses of a Sphinx application
...     def __init__(self):
...         self.directives, self.css = {}, []
...     def add_directive(self, name, cls):
...         self.directives[name] = cls
...     def add_css_file(self, name):
...         self.css.append(name)
...     def connect(self, event, callback):
...         pass
>>> app = App()
>>> setup(app)['parallel_read_safe'], sorted(app.directives)
(True, ['autodispatcher', 'dispatcher'])
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ._directive import PARTS, AutodispatcherDirective, DispatcherDirective

__all__ = ["setup", "DispatcherDirective", "AutodispatcherDirective", "PARTS"]


#: the stylesheet of the drawings and tables (in ``static/``)
CSS = "schedula_nb_sphinx.css"
STATIC = Path(__file__).parent / "static"


def _add_static_path(app: Any) -> None:
    """Serve ``static/`` with the HTML pages (where ``CSS`` is)."""
    if str(STATIC) not in app.config.html_static_path:
        app.config.html_static_path.append(str(STATIC))


def setup(app: Any) -> dict[str, Any]:
    """Register the ``dispatcher`` and ``autodispatcher`` directives."""
    app.add_directive("dispatcher", DispatcherDirective)
    app.add_directive("autodispatcher", AutodispatcherDirective)
    app.connect("builder-inited", _add_static_path)
    app.add_css_file(CSS)
    from .. import VERSION as __version__

    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
