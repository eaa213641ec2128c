"""The dispatch loop of a model with sub-model nodes: one heap for all levels.

Each running model has a :class:`Frame` (its solution, its search tables and
its search state). Heap entries are ``(distance, key, node, frame)``; ``key``
is unique across frames (``(waits, str(id), solution index, node index)``, the
reference's order), so frames are never compared. A sub-model node is visited
as soon as its first input arrives (not through the heap): it starts a child
frame fed with the inputs that have arrived, then its own defaults; inputs
arriving later join it at their distance (a parent node whose value came from
the child goes back to it only if it feeds a child node not known yet). When a
child visits a data node mapped to parent outputs, the parent's nodes get the
same estimate at the same distance. A child stops when all its needed outputs
are known (its workflow then shows only the nodes it visited). Models without
sub-models use the flat loop of ``_search.py``.
"""

from __future__ import annotations

from collections.abc import Hashable
from heapq import heappop, heappush
from typing import Any

from ._exceptions import DispatcherAbort, DispatcherError
from ._nodes import fail, note_kept_none, run_data, run_function
from ._plan import PLAN_CACHE_SIZE, Plan, plan_for, untouched_since
from ._reuse import never_taken, usable
from ._search import check_fed_paths, seed_initial
from ._solution import Solution, edge_value, taken_from
from ._submodel import as_ids, feeds_back
from ._tables import SearchTables
from ._tokens import NONE, START

__all__ = ["run_nested_search", "VISIT", "STARTED", "FORWARD", "DELIVER", "STOP"]

#: the kinds of events a log keeps (see ``_nested_replay``)
VISIT, STARTED, FORWARD, DELIVER, STOP = range(5)


class Frame:
    """The search state of one running model (the root or a sub-model)."""

    __slots__ = (
        "sol",
        "tb",
        "key",
        "seen",
        "arrived",
        "targets",
        "parent",
        "node",
        "links",
        "children",
        "closed",
        "cut",
        "watch",
        "pending",
        "log",
    )

    def __init__(
        self,
        sol: Solution,
        tb: SearchTables,
        targets: set,
        parent: Frame | None = None,
        node: Hashable = None,
        links: dict | None = None,
    ) -> None:
        self.sol, self.tb = sol, tb
        nodes, index = tb.nodes, sol.index
        #: node -> heap tie-break key, comparable across frames; the same for
        #: the same tables at the same place (solution index) in every dispatch
        key = tb.frame_keys.get(index)
        if key is None:
            key = tb.frame_keys[index] = {
                n: (
                    bool(nodes[n]["wait_inputs"]),
                    str(n),
                    index,
                    nodes[n].get("index", ()),
                )
                for n in tb.succ
            }
        self.key = key
        self.seen: dict = {}  # node -> smallest distance pushed
        self.arrived: dict = {}  # waiting node -> predecessors heard from
        self.targets = targets  # outputs still to reach (empty: search all)
        self.parent, self.node = parent, node  # the sub-model node it runs in
        #: child data node -> the parent data nodes it feeds (in the
        #: parent's tables)
        self.links: dict = links or {}
        self.children: dict[Hashable, Frame] = {}  # sub-model node -> frame
        self.closed = False
        self.cut = bool(sol.outputs)  # the dispatch has outputs: prune children
        #: data node -> the child frames that would give it
        self.watch: dict = {}
        #: of a child: the parent nodes it must still give (none: it stops)
        self.pending: set = set()
        #: the events a replay repeats (``_nested_replay``), or None
        self.log: list | None = None


def run_nested_search(
    sol: Solution,
    tb: SearchTables,
    initial: list,
    stopper: Any = None,
    log: list | None = None,
) -> None:
    """Dispatch from ``initial`` (sorted ``(dist, id, value)``) into ``sol``,
    running sub-model nodes inside the same search. With ``log``, append the
    events ``_nested_replay`` repeats: every visit and its outcome, every
    sub-model started, input handed to a running one, value given back."""
    sol.sub_sol[sol.index] = sol
    sol.trail = []
    step = sol.trail.append  # (solution, node) of each visit, for sol.pipe
    root = Frame(sol, tb, set(sol.outputs))
    root.log = log
    heap: list = []
    ready, fed = seed_initial(sol, tb, initial)
    for d, k in ready:
        root.seen[k] = d
        heappush(heap, (d, root.key[k], k, root))
    pending = [(root, None, d, out, fresh) for d, out, fresh in fed]
    while True:
        for item in pending:
            _feed(heap, *item)
        pending = []
        if not heap:
            break
        d, _, v, f = heappop(heap)
        s = f.sol
        if f.closed or v in s.visit:
            continue
        if stopper is not None and stopper.is_set():
            raise DispatcherAbort("Stop requested.", sol=sol, node_id=v)
        s.visit[v] = d
        step((s, v))
        if v in f.watch:
            _known(f, v)
        tb = f.tb
        if v in tb.funcs:
            left = tb.succ[v]  # the outputs not known yet (usually all of them)
            for w, _ in left:
                if w in s.visit:
                    left = [(w, ln) for w, ln in left if w not in s.visit]
                    break
            out = run_function(s, tb, v, left)
            if log is not None:
                log.append((VISIT, s.index, v, d, left, out))
        else:
            out = run_data(s, tb, v)
            if log is not None:
                log.append((VISIT, s.index, v, d, None, out))
            if out is not None and v in f.links:
                if log is not None:
                    log.append((DELIVER, s.index, v, d))
                _deliver(heap, f, v, d)
        if out is None:
            continue
        if v in f.targets:
            f.targets.discard(v)
            if not f.targets:
                if f.parent is None:
                    if out:
                        if log is not None:
                            log.append((STOP, s.index, v, out))
                        _stopped_at(f, v, out)
                    break
                _close(f)  # a child that gave all it must give stops
                continue
        if not out and v in s.wildcards:
            check_fed_paths(s, tb, v, d)
        pending.append((f, v, d, out, v not in s.wildcards))


def _feed(heap: list, f: Frame, u: Any, base: float, out: Any, fresh: bool) -> None:
    """Push the successors ``out`` of ``u`` (visited at ``base``) in frame ``f``."""
    tb = f.tb
    dist, waits, npred, subs, key = f.sol.visit, tb.waits, tb.npred, tb.subs, f.key
    seen, arrived, prefetch = f.seen, f.arrived, f.sol.prefetch
    for w, ln in out:
        dw = base + ln
        if w in waits:
            if fresh:  # one arrival per predecessor
                n = arrived[w] = arrived.get(w, 0) + 1
            else:
                n = arrived.get(w, 0)
            if n < npred[w]:
                continue
        if w in dist:
            if w in f.children:  # a running sub-model: one more input
                if f.log is not None:
                    f.log.append((FORWARD, f.sol.index, u, w, dw))
                _forward(heap, f, u, w, dw)
            elif dw < dist[w]:
                raise DispatcherError(
                    "Contradictory paths found: negative weights?",
                    sol=f.sol,
                    node_id=w,
                )
            continue
        if w in subs:  # a sub-model starts as soon as its first input arrives
            dist[w] = dw
            _start_child(heap, f, w, dw)
            if f.log is not None:
                f.log.append((STARTED, f.sol.index, w, dw, started(f, w)))
            continue
        if heap is None:  # a replay: it follows its log, not a heap
            continue
        s = seen.get(w)
        if s is None or dw < s:
            seen[w] = dw
            heappush(heap, (dw, key[w], w, f))
            if prefetch is not None and w in tb.funcs:
                prefetch.ready(w)  # an executor starts the call now


def _start_child(heap: list, f: Frame, node: Hashable, d: float) -> None:
    """Start sub-model ``node`` with the inputs that have arrived."""
    s = f.sol
    attr = f.tb.nodes[node]
    child = attr["function"]
    # The inputs that have arrived, in the order they arrived.
    arrived = sorted(
        (u for u in attr["inputs"] if _passes(s, u)),
        key=lambda u: (s.visit.get(u, d), f.key[u]),
    )
    given = {u: edge_value(s, u) for u in arrived}
    domain = attr.get("input_domain")
    if domain is not None and not s.no_domain and not s.no_call:  # no values
        try:
            ok = domain(given)
        except Exception as ex:
            fail(s, node, ex, "SUB-DSP DOMAIN")
            return
        if not ok:  # not visited: the next input that arrives asks again
            del s.visit[node]
            return
    needed = {p for p, _ in f.tb.succ[node]}
    links = {c: as_ids(ps) for c, ps in attr["outputs"].items()}
    # The child's outputs the parent's search needs (the child's sol.outputs,
    # and what a cut child keeps).
    targets = {c for c, ps in links.items() if any(p in needed for p in ps)}
    entries = {c for v in attr["inputs"].values() for c in as_ids(v)}
    # Sub-models are cut to what they must give only when the dispatch has
    # outputs (the reference's rule); otherwise they run until those are known.
    cut = f.cut and bool(targets)
    if cut:
        plan = Plan(_cut_tables(child, entries, targets), child.dmap.rev, dsp=child)
    else:
        plan = plan_for(child, {}, None, False, False, s.no_call, {})
    csol = Solution(
        child,
        {},
        targets,
        {},
        no_call=s.no_call,
        raises=child.raises,
        full_name=(*s.full_name, node),
        plan=plan,
        name=child.name,
    )
    csol.index = s.index + attr["index"]
    csol.trail = s.trail
    if s.memo is not None:  # a search after a replay gave up: reuse its calls
        csol.memo = s.memo.sub_sol.get(csol.index)
    csol.verbose = s.verbose
    csol.origin = (child, child.dmap.rev)
    if s.reuse is not None:  # the child's earlier run, if of this child model
        _reuse_child(csol, s.reuse.children.get(node), child)
    if s.prefetch is not None:  # the same executor, or (executor=True) its own
        csol.prefetch = s.prefetch.child(csol, plan.tables, child)
    csol.sub_sol = s.sub_sol  # one registry for all levels, keyed by index
    s.sub_sol[csol.index] = s.children[node] = csol
    # It stops when it has given all its outputs (a cut child: those the
    # parent needs, not the others its cut passes through), or when the parent
    # knows all the nodes it was needed for (see _known), whichever is first.
    gives = targets if cut else {c for c in links if c in plan.tables.succ}
    # It gives values along the edges of the parent's tables only (a cut
    # parent has no edge into an input it was given: that keeps its value).
    feeds = {c: kept for c, ps in links.items() if (kept := _among(ps, needed))}
    frame = f.children[node] = Frame(csol, plan.tables, gives, f, node, feeds)
    frame.cut, frame.log = f.cut, f.log
    # The parent nodes it must still give; none left: it starts stopped.
    frame.pending = {p for c in targets for p in links[c] if p in needed}
    frame.pending -= s.visit.keys()
    frame.closed = bool(links) and not frame.pending
    for p in frame.pending:
        f.watch.setdefault(p, []).append(frame)
    for u, value in given.items():
        _input(heap, frame, attr["inputs"][u], value, d)
    for c, default in child.default_values.items():  # the child's own defaults
        if c not in entries:  # come after the inputs at the same distance
            _input(heap, frame, c, default["value"], d + default["initial_dist"], True)


def started(f: Frame, node: Hashable) -> str:
    """What became of sub-model ``node`` that ``_start_child`` was asked to
    start: ``'started'``, ``'failed'`` (its domain raised) or ``'waits'``
    (its domain said no: the next input that arrives asks again)."""
    if node in f.children:
        return "started"
    return "failed" if node in f.sol.failures else "waits"


def _reuse_child(csol: Solution, old: Any, child: Any) -> None:
    """Let sub-model solution ``csol`` take over the outcomes of ``old``,
    its run in the earlier solution, if that ran the same model."""
    stale = None if old is None else usable(old, child)
    if stale is not None:
        csol.reuse, csol.stale = old, never_taken(csol, stale)


def _among(ids: tuple, kept: set) -> tuple:
    """The ids among ``ids`` that are in ``kept``, in order."""
    return tuple(i for i in ids if i in kept)


def _forward(heap: list, f: Frame, u: Any, node: Hashable, d: float) -> None:
    """Data node ``u`` of ``f`` arrived at running sub-model ``node``."""
    s = f.sol
    if not _passes(s, u):
        return
    if _came_from(f, u, node):
        if not feeds_back(f.tb.nodes[node], u, f.children[node].sol.visit):
            return  # all the child nodes it feeds are known already
        s.handed_back.add((u, node))  # the workflow shows the edge back
    # A closed child records it as given, but stays stopped.
    _input(heap, f.children[node], f.tb.nodes[node]["inputs"][u], edge_value(s, u), d)


def _passes(s: Solution, u: Hashable) -> bool:
    """Whether data node ``u`` passes a value on: visited with one, or a
    wildcard input, which passes the value it was given from the start,
    before its own visit (see ``edge_value``)."""
    return u in s.wildcards or (u in s.visit and u in s)


def _stopped_at(f: Frame, v: Hashable, out: Any) -> None:
    """The dispatch stops at data node ``v``: the running sub-models it
    would hand its value back to (see _forward) still show that edge."""
    for w, _ in out:
        if (
            w in f.children
            and _came_from(f, v, w)
            and feeds_back(f.tb.nodes[w], v, f.children[w].sol.visit)
        ):
            f.sol.handed_back.add((v, w))


def _came_from(f: Frame, u: Hashable, node: Hashable) -> bool:
    """Whether data node ``u`` of ``f`` took its value from ``node``."""
    s = f.sol
    return node in taken_from(s, u, s.estimates(u), u in f.tb.waits)


def _cut_tables(child: Any, entries: set, targets: set) -> SearchTables:
    """Tables of the part of ``child`` that leads to ``targets`` or back to
    its ``entries`` (the reference's cut: a loop that feeds an input again
    is kept, and runs, even when no target is reachable), cached on the
    child while no change of it touches them (the rule of the dispatch's
    own plans)."""
    plans, dmap = child._plans, child.dmap
    if len(plans) > PLAN_CACHE_SIZE:
        plans.clear()
    key = ("sub-model", frozenset(entries), frozenset(targets))
    tables = plans.get(key)
    if tables is not None and untouched_since(tables.rev, tables.succ, dmap):
        tables.rev = dmap.rev  # the revision they hold for
    else:
        # Unlike a dispatch's own cut, the entries do not stop the backward
        # search: they start it too. START is kept only when a function of
        # no inputs is on the way (its default is given then, not otherwise).
        tables = SearchTables.cut(child.dmap, targets | entries, (), False)
        plans[key] = tables
    return tables


def _input(
    heap: list, f: Frame, ids: Any, value: Any, d: float, late: bool = False
) -> None:
    """Give ``value`` to the child data nodes ``ids`` at distance ``d``
    (``late``, a child's own default: after the nodes of key 0 or 1 at
    ``d``, tied by id with the parent nodes children give, see _deliver)."""
    s, tb = f.sol, f.tb
    for x in as_ids(ids):
        if x not in tb.succ:
            continue
        # Recorded even after its visit (the workflow shows it as given, its
        # value stays); before it, the last value given is the one kept.
        s.inputs[x], s.inputs_dist[x] = value, d
        if x in s.visit:
            continue
        # An estimate next to those of the child's functions: as in a flat
        # dispatch, a function's estimate is chosen over a given value.
        s.est.setdefault(x, {})[START] = value
        if value is NONE:
            s.has_none = True
        if heap is not None and (x not in tb.waits or tb.npred[x] == 0):
            seen = f.seen.get(x)
            if seen is None or d < seen:
                f.seen[x] = d
                key = (2, *f.key[x][1:]) if late else f.key[x]
                heappush(heap, (d, key, x, f))


def _deliver(heap: list, f: Frame, c: Hashable, d: float) -> None:
    """Child data node ``c`` got its value at ``d``: its parent data nodes get
    it as an estimate from the sub-model node, at the same distance, after
    the nodes of key 0 or 1 there, tied by id with the children's own
    defaults (the reference's order: keys start with 2)."""
    if c not in f.sol:  # NONE: nothing to pass on
        return
    parent, node, value = f.parent, f.node, f.sol[c]
    ps, key, seen = parent.sol, parent.key, parent.seen
    for p in f.links[c]:
        if p in ps.wildcards and _given_by_parent(f, c):
            continue  # a wildcard must be computed, not handed its own value
        if p not in ps.visit:
            ps.est.setdefault(p, {})[node] = value
            if value is NONE:  # a NONE the child kept (_nodes.keeps_none)
                note_kept_none(ps, node, p)
            if p in parent.tb.waits:
                _feed(heap, parent, node, d, ((p, 0),), True)
                continue
            if heap is None:  # a replay
                continue
            s = seen.get(p)
            if s is None or d < s:
                seen[p] = d
                heappush(heap, (d, (2, *key[p][1:]), p, parent))


def _given_by_parent(f: Frame, c: Hashable) -> bool:
    """Whether child data node ``c`` took its value from the parent only."""
    s = f.sol
    est = s.estimates(c)
    return START in est and not taken_from(s, c, est, c in f.tb.waits)


def _known(f: Frame, v: Hashable) -> None:
    """Data node ``v`` of ``f`` is known: the children that would give it
    need not (a child whose parent outputs are all known stops)."""
    for frame in f.watch.pop(v):
        _settle(frame, (v,))


def _settle(frame: Frame, known: Any) -> None:
    """Parent nodes ``known`` have a value: ``frame`` stops once all have."""
    pending = frame.pending
    if pending and not frame.closed:
        pending.difference_update(known)
        if not pending:
            _close(frame)


def _close(f: Frame) -> None:
    """Stop a sub-model (and the ones inside it): its outputs are all known."""
    f.closed = True
    for child in f.children.values():
        _close(child)
