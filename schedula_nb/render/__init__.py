"""Drawings of models and solutions (graphviz): ``plot()`` and rich display.

Reached from the core only through ``Dispatcher.plot`` / ``Solution.plot`` and
``_repr_mimebundle_``, which import this package when called. graphviz itself
loads when a drawing is built.

- :mod:`.style`: the palette, shapes and statuses (shared with the explorer);
- :mod:`.summary`: safe short values, the HTML and text summaries;
- :mod:`.graph`: model (+ solution) -> ``graphviz.Digraph``;
- :mod:`.dot`: running graphviz's ``dot`` (time limit, one-line reasons);
- :mod:`.plot`: the ``Plot`` object (display, ``pipe``, ``render``, ``view``);
- :mod:`.display`: the doors the core calls.
"""

from .display import mimebundle, plot_model, plot_solution
from .dot import TIMEOUT, DrawingUnavailable, run_dot
from .plot import MAX_NODES, Plot
from .summary import short

__all__ = [
    "MAX_NODES",
    "TIMEOUT",
    "DrawingUnavailable",
    "Plot",
    "mimebundle",
    "plot_model",
    "plot_solution",
    "run_dot",
    "short",
]
