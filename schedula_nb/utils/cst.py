"""``schedula.utils.cst``: the special node ids and values.

>>> from schedula_nb.utils.cst import START, SINK
>>> START, SINK
(start, sink)
"""

from ..core._tokens import EMPTY, END, NONE, PLOT, SELF, SINK, START

__all__ = ["EMPTY", "END", "NONE", "PLOT", "SELF", "SINK", "START"]
