"""The reference's ``schedula.ext`` path: Sphinx extensions.

Under the switch (:func:`schedula_nb.alias`) a ``conf.py`` written for
schedula, ``extensions = ['schedula.ext.dispatcher']``, loads
:mod:`schedula_nb.ext.dispatcher`, a thin door to this project's extension
(:mod:`schedula_nb.sphinx`, whose name ``conf.py`` may give directly).

The reference's ``schedula.ext.autosummary`` (its own patch of
``sphinx.ext.autosummary``, with an ``autosummary_skip_members`` setting)
has no counterpart here: see the docs page "Differences from schedula".

Importing this package loads nothing (Sphinx included): its submodules load
Sphinx when they are imported.
"""
