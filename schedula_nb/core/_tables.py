"""Search tables: the model's graph flattened into the plain dicts and tuples
the dispatch loop reads, built once per model revision.

``succ[u]`` is a tuple of ``(v, length)`` with ``length = edge weight (default
1) + weight of v (default 0)``, the reference's edge length. ``rank`` orders
nodes of equal distance as the reference does: not-waiting before waiting,
then by ``str(id)``, then by insertion index.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

__all__ = ["SearchTables"]


class SearchTables:
    """Flat, read-only views of one revision of a model for the search."""

    __slots__ = ("nodes", "succ", "npred", "rank", "funcs", "waits", "subs", "rev")

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
        #: node -> tie-break position among nodes at the same distance; the
        #: nodes that run a function; the nodes that wait for all predecessors
        self.rank, self.funcs, self.waits, self.subs = _kinds(nodes, nodes)
        self.rev = dmap.rev

    @classmethod
    def reached(cls, dmap, keep: set, edges: list) -> SearchTables:
        """The tables of the part of the model a backward search from the
        outputs kept: its nodes ``keep`` and its ``edges`` (in successor order),
        built without the tables of the whole model."""
        new = object.__new__(cls)
        nodes, msucc = dmap.nodes, dmap.succ
        new.nodes, new.rev = nodes, dmap.rev
        succ: dict = {u: [] for u in keep}
        npred = dict.fromkeys(keep, 0)
        for u, v in edges:
            succ[u].append(
                (v, msucc[u][v].get("weight", 1) + nodes[v].get("weight", 0))
            )
            npred[v] += 1
        new.succ = {u: tuple(out) for u, out in succ.items()}
        new.npred = npred
        new.rank, new.funcs, new.waits, new.subs = _kinds(nodes, keep)
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


def _kinds(nodes: dict, ids: Any) -> tuple:
    """Rank (the reference's tie-break among nodes at the same distance: not
    waiting first, then ``str(id)``, then insertion index), function nodes
    (sub-models included), waiting nodes and sub-model nodes among ``ids``.

    When every id is a ``str`` the rank is only 0 (not waiting) or 1: the
    search's heap entries ``(dist, rank, id)`` then order ties by the id
    itself, which is its ``str`` and unique, so no sort is needed.
    """
    funcs, waits, subs = [], [], []
    text = True
    for n in ids:
        attr = nodes[n]
        kind = attr["type"]
        if kind != "data":
            funcs.append(n)
            if kind == "dispatcher":
                subs.append(n)
        if attr["wait_inputs"]:
            waits.append(n)
        if type(n) is not str:
            text = False
    if text:
        rank = dict.fromkeys(ids, 0)
        rank.update(dict.fromkeys(waits, 1))
    else:
        order = sorted(
            [
                (bool(nodes[n]["wait_inputs"]), str(n), nodes[n].get("index", ()), n)
                for n in ids
            ]
        )
        rank = {t[3]: i for i, t in enumerate(order)}
    return rank, frozenset(funcs), frozenset(waits), frozenset(subs)
