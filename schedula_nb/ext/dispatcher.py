"""The reference's ``schedula.ext.dispatcher`` path: the ``dispatcher`` directive.

A thin door to this project's extension, :mod:`schedula_nb.sphinx` (one
implementation: ``setup`` loads it as an extension of its own), so that a
``conf.py`` written for schedula builds unchanged under the switch
(``python -m schedula_nb run -m sphinx -b html docs build``)::

    extensions = ['schedula.ext.dispatcher']

It gives the ``dispatcher`` and ``autodispatcher`` directives. As the
reference's extension does, it also loads ``sphinx.ext.autodoc`` and
``sphinx.ext.graphviz`` (a ``conf.py`` may rely on them without listing them)
and accepts the reference's ``dispatchers_out_dir`` setting, which changes
nothing here (the drawings are inline SVG, no files are written for them).
What differs from the reference's directives (its ``dsp`` directive, the
autodoc options of its ``dispatcher``) is on the docs page "Differences from
schedula".

>>> from schedula_nb.ext import dispatcher
>>> from schedula_nb import sphinx
>>> dispatcher.DispatcherDirective is sphinx.DispatcherDirective
True
"""

from __future__ import annotations

from typing import Any

from .._version import VERSION
from ..core import PLOT
from ..sphinx import AutodispatcherDirective, DispatcherDirective

__all__ = ["setup", "DispatcherDirective", "AutodispatcherDirective", "PLOT"]

#: the extension this module is a door to
EXTENSION = "schedula_nb.sphinx"


def setup(app: Any) -> dict[str, Any]:
    """Load :mod:`schedula_nb.sphinx` and what the reference's extension
    loads with it (``sphinx.ext.autodoc``, ``sphinx.ext.graphviz``, the
    ``dispatchers_out_dir`` setting)."""
    app.setup_extension("sphinx.ext.autodoc")
    app.setup_extension("sphinx.ext.graphviz")
    app.add_config_value("dispatchers_out_dir", "_build/_dispatchers", "html")
    app.setup_extension(EXTENSION)
    return {
        "version": VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
