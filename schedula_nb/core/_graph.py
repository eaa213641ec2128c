"""A small directed graph of plain dicts, with the reference's public face.

``nodes`` maps a node to its attribute dict, ``succ[u][v]`` and ``pred[v][u]``
are the *same* edge attribute dict, ``adj`` is ``succ``. Every mutation bumps
``rev`` by the number of nodes it touched and logs them, so a cached search
plan can tell whether a change since its revision concerns it
(:meth:`DiGraph.touched_since`). That includes edits made in place to an
attribute dict (``g.nodes['b']['wait_inputs'] = True``, ``g.edges['a', 'b']
['weight'] = 3``): attribute dicts are :class:`Attrs`, which tell their graph.

>>> g = DiGraph()
>>> g.add_edge('a', 'b', weight=2)
>>> g.nodes, g.edges, g.pred['b']
({'a': {}, 'b': {}}, {('a', 'b'): {'weight': 2}}, {'a': {'weight': 2}})
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

__all__ = ["DiGraph", "Attrs"]


class Attrs(dict):
    """A node's or an edge's attribute dict: a ``dict`` that logs its edits
    on the graph that made it (as the node, or the edge's head), so cached
    plans see them. A model cut out of another shares these dicts: the
    edits are logged on the graph they were made for.

    >>> g = DiGraph()
    >>> g.add_edge('a', 'b', weight=2)
    >>> rev = g.rev
    >>> g.edges['a', 'b']['weight'] = 3
    >>> g.nodes['a'].pop('missing', None)
    >>> g.touched_since(rev)
    ['b', 'a']
    """

    __slots__ = ("_graph", "_node")

    def __reduce__(self):  # pickled and copied as a plain dict
        return dict, (dict(self),)

    def copy(self) -> Attrs:
        """A copy that logs its edits on the same graph (code that replaces a
        node's attributes by a copy of them, as formulas does, keeps them
        watched)."""
        return _attrs(self._graph, self._node, self)

    def _edited(self) -> None:
        graph = self._graph
        if graph is not None:
            graph._touch((self._node,))

    def __setitem__(self, key, value) -> None:
        dict.__setitem__(self, key, value)
        self._edited()

    def __delitem__(self, key) -> None:
        dict.__delitem__(self, key)
        self._edited()

    def __ior__(self, other):
        dict.update(self, other)
        self._edited()
        return self

    def pop(self, *args):
        value = dict.pop(self, *args)
        self._edited()
        return value

    def popitem(self):
        item = dict.popitem(self)
        self._edited()
        return item

    def setdefault(self, key, default=None):
        if key in self:
            return dict.__getitem__(self, key)
        self[key] = default
        return default

    def update(self, *args, **kwargs) -> None:
        dict.update(self, *args, **kwargs)
        self._edited()

    def clear(self) -> None:
        dict.clear(self)
        self._edited()


def _attrs(graph: DiGraph | None, node: Hashable, values: dict) -> Attrs:
    attrs = Attrs(values)
    attrs._graph, attrs._node = graph, node
    return attrs


class DiGraph:
    """Directed graph: ``nodes``, ``succ``, ``pred`` dicts; ``adj``, ``edges``."""

    __slots__ = ("nodes", "succ", "pred", "rev", "_log", "_log_rev")

    #: mutations logged before the log restarts (older revisions then count
    #: as unknown: every plan built before them is rebuilt)
    LOG_SIZE = 4096

    def __init__(self, nodes: dict | None = None, adj: dict | None = None) -> None:
        self.nodes: dict[Hashable, dict] = {}
        self.succ: dict[Hashable, dict] = {}
        self.pred: dict[Hashable, dict] = {}
        self.rev = 0  # bumped by every mutation
        self._log: list = []  # the nodes touched since revision _log_rev
        self._log_rev = 0
        for n, attr in (nodes or {}).items():
            self.add_node(n, **attr)
        for u, nbrs in (adj or {}).items():
            for v, attr in nbrs.items():
                self.add_edge(u, v, **attr)

    def __reduce__(self):
        return type(self), (self.nodes, self.succ)

    def __getitem__(self, node: Hashable) -> dict:
        return self.succ[node]

    def __contains__(self, node: object) -> bool:
        return node in self.nodes

    def __iter__(self):
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    @property
    def adj(self) -> dict[Hashable, dict]:
        """Successor adjacency (the same dict as ``succ``)."""
        return self.succ

    @property
    def edges(self) -> dict[tuple, dict]:
        """A new dict ``{(u, v): attributes}`` of all edges."""
        return {(u, v): a for u, nbrs in self.succ.items() for v, a in nbrs.items()}

    def add_node(self, n: Hashable, **attr: Any) -> None:
        """Add ``n`` (or update its attributes)."""
        nodes = self.nodes
        if n in nodes:
            dict.update(nodes[n], attr)
        else:
            nodes[n] = _attrs(self, n, attr)
            self.succ[n] = {}
            self.pred[n] = {}
        log = self._log  # inlined _touch: model building is a hot path
        log.append(n)
        self.rev += 1
        if len(log) > self.LOG_SIZE:
            self._restart_log()

    def add_nodes_from(self, nodes_for_adding: Iterable) -> None:
        """Add nodes given as ids or ``(id, attributes)`` pairs."""
        for n in nodes_for_adding:
            if isinstance(n, tuple) and len(n) == 2 and isinstance(n[1], dict):
                self.add_node(n[0], **n[1])
            else:
                self.add_node(n)

    def remove_node(self, n: Hashable) -> None:
        """Remove ``n`` and its edges."""
        del self.nodes[n]
        succ = self.succ[n]
        for v in self.succ.pop(n):
            del self.pred[v][n]
        for u in self.pred.pop(n):
            del self.succ[u][n]
        self._touch((n, *succ))

    def remove_nodes_from(self, nodes: Iterable) -> None:
        """Remove the nodes that exist among ``nodes``."""
        for n in list(nodes):
            if n in self.nodes:
                self.remove_node(n)

    def add_edge(self, u: Hashable, v: Hashable, **attr: Any) -> None:
        """Add the edge ``u -> v`` (creating missing nodes) or update it."""
        nodes = self.nodes
        if u not in nodes:
            self.add_node(u)
        if v not in nodes:
            self.add_node(v)
        edge = self.succ[u].get(v)
        if edge is None:
            self.succ[u][v] = self.pred[v][u] = _attrs(self, v, attr)
        else:
            dict.update(edge, attr)
        log = self._log  # inlined _touch; the head is the node whose inputs changed
        log.append(v)
        self.rev += 1
        if len(log) > self.LOG_SIZE:
            self._restart_log()

    def add_edges_from(self, ebunch_to_add: Iterable) -> None:
        """Add edges given as ``(u, v)`` or ``(u, v, attributes)``."""
        for e in ebunch_to_add:
            self.add_edge(e[0], e[1], **(e[2] if len(e) > 2 else {}))

    def add_edge_fw(self, u: Hashable, v: Hashable, **attr: Any) -> None:
        """``add_edge`` under the reference's name for its forward-only form."""
        self.add_edge(u, v, **attr)

    def remove_edge(self, u: Hashable, v: Hashable) -> None:
        """Remove the edge ``u -> v``."""
        del self.succ[u][v]
        del self.pred[v][u]
        self._touch((v,))

    def attrs_of(self, node: Hashable, values: dict) -> Attrs:
        """A new attribute dict of ``node`` (or of an edge into it) for this
        graph, holding ``values``; edits of it are logged here."""
        return _attrs(self, node, values)

    def own_attrs(self, node: Hashable) -> Attrs:
        """Give ``node`` attribute dict of its own (a copy), as this graph's."""
        attrs = self.nodes[node] = _attrs(self, node, self.nodes[node])
        self._touch((node,))
        return attrs

    def _touch(self, nodes: tuple) -> None:
        self._log += nodes
        self.rev += len(nodes)
        if len(self._log) > self.LOG_SIZE:
            self._restart_log()

    def _restart_log(self) -> None:
        """Forget the log: plans older than now count as changed."""
        self._log = []
        self._log_rev = self.rev

    def touched_since(self, rev: int) -> list | None:
        """The nodes that mutations since revision ``rev`` touched: added,
        removed or changed, and the heads of the edges added or removed (a
        node whose inputs changed); ``None`` when the log no longer reaches
        back to ``rev``.

        >>> g = DiGraph()
        >>> g.add_edge('a', 'b')
        >>> rev = g.rev
        >>> g.add_node('c', weight=1)
        >>> g.touched_since(rev), g.touched_since(g.rev)
        (['c'], [])
        """
        if rev < self._log_rev or rev > self.rev:
            return None
        return self._log[rev - self._log_rev :]

    def remove_edges_from(self, ebunch: Iterable) -> None:
        """Remove the edges that exist among ``ebunch``."""
        for u, v, *_ in ebunch:
            if self.has_edge(u, v):
                self.remove_edge(u, v)

    def has_edge(self, u: Hashable, v: Hashable) -> bool:
        """Whether the edge ``u -> v`` exists."""
        return u in self.succ and v in self.succ[u]

    def subgraph(self, nodes: Iterable) -> DiGraph:
        """A new graph of ``nodes`` and the edges among them (attributes shared)."""
        wanted = set(nodes)
        keep = {n: a for n, a in self.nodes.items() if n in wanted}
        g = DiGraph()
        g.nodes = keep
        g.succ = {u: {v: a for v, a in self.succ[u].items() if v in keep} for u in keep}
        g.pred = {v: {u: g.succ[u][v] for u in self.pred[v] if u in keep} for v in keep}
        return g

    def copy(self) -> DiGraph:
        """A copy with new node and edge attribute dicts (values are shared)."""
        g = DiGraph()
        g.nodes = {n: _attrs(g, n, a) for n, a in self.nodes.items()}
        g.succ = {
            u: {v: _attrs(g, v, a) for v, a in nbrs.items()}
            for u, nbrs in self.succ.items()
        }
        g.pred = {v: {} for v in self.nodes}
        for u, nbrs in g.succ.items():
            for v, a in nbrs.items():
                g.pred[v][u] = a
        return g
