"""Search tables: the model's graph flattened into the plain dicts and tuples
the dispatch loop reads, built once per model revision.

``succ[u]`` is a tuple of ``(v, length)`` with ``length = edge weight (default
1) + weight of v (default 0)``, the reference's edge length. ``rank`` orders
nodes of equal distance as the reference does: not-waiting before waiting,
then by ``str(id)``, then by insertion index.
"""

from __future__ import annotations

from collections.abc import Hashable

__all__ = ["SearchTables"]


class SearchTables:
    """Flat, read-only views of one revision of a model for the search."""

    __slots__ = ("nodes", "succ", "npred", "rank", "funcs", "waits", "rev")

    def __init__(self, dmap) -> None:
        nodes = dmap.nodes
        self.nodes = nodes
        weight = {n: a.get("weight", 0) for n, a in nodes.items()}
        #: node -> ((successor, edge length), ...)
        self.succ: dict[Hashable, tuple] = {
            u: tuple([(v, e.get("weight", 1) + weight[v]) for v, e in nbrs.items()])
            for u, nbrs in dmap.succ.items()
        }
        #: node -> number of predecessors a waiting node must hear from
        self.npred: dict[Hashable, int] = {v: len(p) for v, p in dmap.pred.items()}
        order = sorted(
            [
                (bool(a.get("wait_inputs")), str(n), a.get("index", ()), n)
                for n, a in nodes.items()
            ]
        )
        #: node -> tie-break position among nodes at the same distance
        self.rank: dict[Hashable, int] = {t[3]: i for i, t in enumerate(order)}
        #: nodes that run a function (function and sub-model nodes)
        self.funcs = frozenset([n for n, a in nodes.items() if a["type"] != "data"])
        #: nodes that wait for all their predecessors
        self.waits = frozenset([n for n, a in nodes.items() if a["wait_inputs"]])
        self.rev = dmap.rev

    def restricted(self, keep: set, edges: list) -> SearchTables:
        """The tables of the sub-model a backward search from the outputs keeps:
        its nodes ``keep`` and its ``edges`` (in successor order). Ranks and
        node sets are shared with ``self``; only edges and counts are redone.
        """
        new = object.__new__(SearchTables)
        new.nodes, new.rank, new.funcs, new.waits, new.rev = (
            self.nodes,
            self.rank,
            self.funcs,
            self.waits,
            self.rev,
        )
        lengths = {u: dict(self.succ[u]) for u in keep}
        succ: dict = {u: [] for u in keep}
        npred = dict.fromkeys(keep, 0)
        for u, v in edges:
            succ[u].append((v, lengths[u][v]))
            npred[v] += 1
        new.succ = {u: tuple(out) for u, out in succ.items()}
        new.npred = npred
        return new

    def with_waits(self, flags: dict) -> SearchTables:
        """A copy where the nodes of ``flags`` wait (True) or not (False) for
        all their predecessors, whatever their ``wait_inputs`` says."""
        new = object.__new__(SearchTables)
        for name in self.__slots__:
            setattr(new, name, getattr(self, name))
        on = {k for k, f in flags.items() if f}
        new.waits = (self.waits - set(flags)) | on
        return new
