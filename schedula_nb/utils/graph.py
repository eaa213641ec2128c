"""``schedula.utils.graph``: the directed graph under every model.

>>> from schedula_nb.utils.graph import DiGraph
>>> g = DiGraph()
>>> g.add_edge('a', 'b')
>>> list(g.succ['a'])
['b']
"""

from ..core._graph import DiGraph

__all__ = ["DiGraph"]
