"""Search tables: the model's graph flattened into the plain dicts and tuples
the dispatch loop reads, built once per model revision.

``succ[u]`` is a tuple of ``(v, length)`` with ``length = edge weight (default
1) + weight of v (default 0)``, the reference's edge length. ``rank`` orders
nodes of equal distance as the reference does: not-waiting before waiting,
then by ``str(id)``, then by insertion index.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable
from typing import Any

from ._tokens import START

__all__ = ["SearchTables"]


class SearchTables:
    """Flat, read-only views of one revision of a model for the search."""

    __slots__ = (
        "nodes",
        "succ",
        "npred",
        "rank",
        "funcs",
        "waits",
        "subs",
        "wrapped",
        "rev",
        "frame_keys",
    )

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
        self.rank, self.funcs, self.waits, self.subs, self.wrapped = _kinds(
            nodes, nodes
        )
        self.rev = dmap.rev
        #: solution index -> the nested search's heap keys (see _nested_search)
        self.frame_keys: dict = {}

    @classmethod
    def cut(
        cls,
        dmap,
        sources: Iterable,
        blockers: Iterable,
        wildcard: bool = False,
        also: Iterable = (),
    ) -> SearchTables:
        """The tables of the part of the model a backward search from
        ``sources`` reaches, built as the search goes (one pass).

        ``blockers`` (a source only when not ``wildcard``) are kept but not
        searched through; START feeds only functions. Successors are listed in
        the order the search crosses their edges: the sub-model's successor
        order, which decides which function a data node sees first. ``also``
        are nodes kept even when not reached (with no edges).
        """
        nodes, pred = dmap.nodes, dmap.pred
        blockers = set(blockers)
        succ: dict = {}
        npred: dict = {}
        queue: deque = deque()
        for s in sorted(sources, key=str):
            if s in nodes and s not in succ:
                succ[s], npred[s] = [], 0
                if not (s in blockers and not wildcard):
                    queue.append(s)
        pop, push = queue.popleft, queue.append
        while queue:
            parent = pop()
            attr = nodes[parent]
            into_data, weight = attr["type"] == "data", attr.get("weight", 0)
            edges = pred[parent]
            n = 0
            for child in sorted(edges, key=str) if len(edges) > 1 else edges:
                if child is START and into_data:
                    continue
                out = succ.get(child)
                if out is None:
                    out = succ[child] = []
                    npred[child] = 0
                    if child not in blockers:
                        push(child)
                out.append((parent, edges[child].get("weight", 1) + weight))
                n += 1
            npred[parent] = n
        for extra in also:
            if extra in nodes and extra not in succ:
                succ[extra], npred[extra] = [], 0
        new = object.__new__(cls)
        new.nodes, new.rev = nodes, dmap.rev
        new.succ = {u: tuple(out) for u, out in succ.items()}
        new.npred = npred
        new.rank, new.funcs, new.waits, new.subs, new.wrapped = _kinds(nodes, succ)
        new.frame_keys = {}
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
    (sub-models included), waiting nodes, sub-model nodes, and the function
    nodes whose function is a wrapper that keeps its solution (its
    ``records_solution``: ``SubDispatch`` and the like) among ``ids``.

    When every id is a ``str`` the rank is only 0 (not waiting) or 1: the
    search's heap entries ``(dist, rank, id)`` then order ties by the id
    itself, which is its ``str`` and unique, so no sort is needed.
    """
    funcs, waits, subs, wrapped = [], [], [], []
    text = True
    for n in ids:
        attr = nodes[n]
        kind = attr["type"]
        if kind != "data":
            funcs.append(n)
            if kind == "dispatcher":
                subs.append(n)
            elif getattr(type(attr.get("function")), "records_solution", False):
                wrapped.append(n)
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
    return rank, frozenset(funcs), frozenset(waits), frozenset(subs), frozenset(wrapped)
