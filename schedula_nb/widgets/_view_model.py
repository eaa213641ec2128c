"""Pure view-model functions of the explorer: what to draw and how to colour it.

Everything here reads a model (``dsp``) and, when there is one, a solution of
it, and returns plain data: element dicts for the graph, CSS classes, the
status line, the neighbourhood of a node. Nothing imports ipywidgets, so these
functions are tested without a kernel, and the graph adapter (``_cyto``) only
turns their output into widgets.

Node ids of a model may be any hashable; the graph uses ``n0``, ``n1`` ...
(:class:`View` keeps the two-way mapping).

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_function('f', lambda a: 1 / a, ['a'], ['b'])
'f'
>>> view = View(dsp, dsp({'a': 0}))
>>> [(e['label'], e['classes']) for e in view.nodes]
[('f', 'sh-function sh-failed'), ('a', 'sh-data sh-input'), ('b', 'sh-data sh-unreached'), ('start', 'sh-start sh-input')]
>>> view.status_line()
'1 input · 0 computed · 1 failed · 0 out of domain · ...'
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

from ..core._tokens import SINK, START
from ..render import graph as _graph
from ..render import style, summary

__all__ = [
    "View",
    "TIME_BUCKETS",
    "sub_model",
    "sub_models",
    "sub_solution",
    "time_bucket",
    "neighbourhood",
    "provenance",
    "ancestors",
    "matches",
]

#: colours of elapsed time, fastest to slowest (used when colouring by time)
TIME_BUCKETS = ("#fff5eb", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704")

#: labels longer than this are shortened in the graph (the details show all)
LABEL_LIMIT = 40


def sub_model(dsp: Any, node: Hashable) -> Any:
    """The model inside sub-model node ``node``, or ``None``.

    Sub-models are nodes of kind ``dispatcher`` and function nodes whose
    function carries a model (``sh.SubDispatch``, ``sh.SubDispatchFunction``
    ...: an object with a ``dsp`` that has a ``dmap``).

    >>> import schedula_nb as sh
    >>> inner = sh.Dispatcher(name='inner')
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('sub', sh.SubDispatch(inner), ['a'], ['b'])
    'sub'
    >>> sub_model(dsp, 'sub') is inner, sub_model(dsp, 'a')
    (True, None)
    """
    attr = dsp.dmap.nodes.get(node)
    if attr is None or attr.get("type") not in ("function", "dispatcher"):
        return None
    inner = attr.get("function")
    inner = inner if hasattr(inner, "dmap") else getattr(inner, "dsp", None)
    return inner if hasattr(inner, "dmap") else None


def sub_models(dsp: Any) -> dict[Hashable, Any]:
    """Sub-model node -> the model inside it, both kinds (see :func:`sub_model`)."""
    found = dict(_graph.sub_models(dsp))
    for node in dsp.dmap.nodes:
        if node not in found:
            inner = sub_model(dsp, node)
            if inner is not None:
                found[node] = inner
    return found


#: the solution of sub-model ``node`` in a solution: the recorded
#: sub-solution, or the result of a ``SubDispatch`` that returns its solution
sub_solution = style.sub_solution


def run_time(sol: Any) -> float | None:
    """Seconds a dispatch took (``None`` without a solution): a top solution's
    ``elapsed``; a sub-model's solution records none of its own, so from its
    start to the end of its last function (sub-models inside it included).

    >>> import schedula_nb as sh
    >>> inner = sh.Dispatcher(name='inner')
    >>> inner.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> top = sh.Dispatcher(name='top')
    >>> top.add_dispatcher(inner, inputs={'x': 'a'}, outputs={'b': 'y'}, dsp_id='sub')
    'sub'
    >>> sol = top({'x': -1})
    >>> run_time(sub_solution(sol, 'sub')) > 0, run_time(None)
    (True, None)
    """
    if sol is None:
        return None
    if getattr(sol, "elapsed", 0.0):
        return sol.elapsed
    ends, todo = [], [sol]
    while todo:
        s = todo.pop()
        ends.extend(s.t_end.values())
        todo.extend((getattr(s, "children", None) or {}).values())
    return max(ends) - sol.perf0 if ends else 0.0


def time_bucket(seconds: float | None, slowest: float) -> int | None:
    """Index in :data:`TIME_BUCKETS` of a duration relative to the slowest.

    >>> time_bucket(1.0, 1.0), time_bucket(0.0, 1.0), time_bucket(None, 1.0)
    (4, 0, None)
    """
    if seconds is None:
        return None
    if slowest <= 0:
        return 0
    top = len(TIME_BUCKETS) - 1
    return min(top, int(seconds / slowest * top + 0.5))


class View:
    """One level of the explorer: a model, maybe a solution, and their elements.

    ``nodes`` and ``edges`` are element dicts (``id``, ``label``, ``kind``,
    ``status``, ``classes``, ``tooltip``; edges ``source``, ``target``), in the
    order the graph receives them. ``ids`` maps a model node to its element id
    and ``node_of`` back.
    """

    def __init__(
        self, dsp: Any, solution: Any = None, expanded: Iterable[Hashable] = ()
    ) -> None:
        if not hasattr(dsp, "dmap"):
            raise TypeError(f"a View needs a model with a dmap, not {dsp!r}")
        self.dsp = dsp
        self.solution = solution
        drawn = _graph.drawn_nodes(dsp, solution, False)
        self.ids: dict[Hashable, str] = {n: f"n{i}" for i, n in enumerate(drawn)}
        #: element id -> model node; ``(sub-model node, inner node)`` inside
        #: an expanded sub-model
        self.node_of: dict[str, Hashable] = {v: k for k, v in self.ids.items()}
        self.attrs: dict[Hashable, Mapping] = drawn
        self.subs = sub_models(dsp)
        self.nodes = [self._node_element(n, a) for n, a in drawn.items()]
        self.edges = [
            _edge_element(self.ids[u], self.ids[v], style.edge_status(u, v, solution))
            for u, v, _ in _graph.drawn_edges(dsp, solution, self.ids)
        ]
        self._by_id: dict[str, dict] | None = None
        #: the sub-model nodes drawn open (their nodes inside them)
        self.expanded = [n for n in expanded if n in self.subs]
        for node in self.expanded:
            self._expand(node)

    def node_element(self, eid: str) -> dict[str, Any] | None:
        """The node element with id ``eid`` (``None`` if there is none)."""
        if self._by_id is None:
            self._by_id = {el["id"]: el for el in self.nodes}
        return self._by_id.get(eid)

    def _expand(self, node: Hashable) -> None:
        """Add the nodes and edges of sub-model ``node`` inside its node (a
        cytoscape compound node), coloured by its sub-solution."""
        inner = View(self.subs[node], sub_solution(self.solution, node))
        parent = self.ids[node]
        prefix = parent + "/"
        for el in inner.nodes:
            self.nodes.append({**el, "id": prefix + el["id"], "parent": parent})
            self.node_of[prefix + el["id"]] = (node, inner.node_of[el["id"]])
        for el in inner.edges:
            self.edges.append(
                _edge_element(
                    prefix + el["source"], prefix + el["target"], el["status"]
                )
            )

    def _node_element(self, node: Hashable, attr: Mapping) -> dict[str, Any]:
        kind = "dispatcher" if node in self.subs else style.node_kind(node, attr)
        status = style.node_status(node, self.solution)
        return {
            "id": self.ids[node],
            "label": summary.name(node, LABEL_LIMIT),
            "kind": kind,
            "status": status,
            "classes": style.css_classes(kind, status),
            "tooltip": _graph.node_tooltip(node, attr, self.solution, status),
        }

    # -- colours ---------------------------------------------------------------
    def time_classes(self) -> dict[str, str]:
        """Element id -> classes when colouring by elapsed time: functions that
        ran get ``sh-time0`` (fast) to ``sh-time4`` (slow), the rest ``sh-notime``."""
        sol = self.solution
        took = {}
        if sol is not None:
            took = {n: sol.duration(n) for n in self.ids if n in sol.t_start}
        slowest = max(took.values(), default=0.0)
        out = {}
        for el in self.nodes:
            bucket = time_bucket(took.get(self.node_of[el["id"]]), slowest)
            tag = "sh-notime" if bucket is None else f"sh-time{bucket}"
            out[el["id"]] = f"sh-{el['kind']} {tag}"
        return out

    def classes(
        self,
        *,
        by_time: bool = False,
        selected: Hashable = None,
        highlight: Iterable[Hashable] = (),
        matched: Iterable[Hashable] = (),
        hidden: Iterable[Hashable] = (),
        reused: bool = True,
    ) -> dict[str, str]:
        """Element id -> CSS classes of every node and edge for a view state.

        Base classes are kind and status (or time, ``by_time``); overlays:
        ``sh-selected``, ``sh-provenance`` (nodes in ``highlight`` and edges
        between them), ``sh-match`` (search hits), ``sh-hidden`` and, with
        ``reused``, ``sh-reused`` (functions whose outcome a dispatch with
        ``reuse=`` took over from the earlier solution).
        """
        base = self.time_classes() if by_time else {}
        ids = {node: eid for eid, node in self.node_of.items()}  # inner ones too
        high = {ids[n] for n in highlight if n in ids}
        marks = {
            "sh-selected": {ids[selected]} if selected in ids else set(),
            "sh-provenance": high,
            "sh-match": {ids[n] for n in matched if n in ids},
            "sh-hidden": {ids[n] for n in hidden if n in ids},
            "sh-reused": set(),
        }
        if reused and self.solution is not None:
            taken = getattr(self.solution, "reused", ())
            marks["sh-reused"] = {self.ids[n] for n in taken if n in self.ids}
        out = {}
        for el in self.nodes:
            eid = el["id"]
            words = [base.get(eid, el["classes"])]
            words += [mark for mark, members in marks.items() if eid in members]
            out[eid] = " ".join(words)
        gone = marks["sh-hidden"]
        for el in self.edges:
            words = [el["classes"]]
            if el["source"] in high and el["target"] in high:
                words.append("sh-provenance")
            if el["source"] in gone or el["target"] in gone:
                words.append("sh-hidden")
            out[el["id"]] = " ".join(words)
        return out

    # -- summaries ---------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Status -> number of nodes with it (start and sink not counted)."""
        out = dict.fromkeys(style.STATUSES, 0)
        for el in self.nodes:
            if el["kind"] not in ("start", "sink"):
                out[el["status"]] += 1
        return out

    def status_line(self) -> str:
        """One line: inputs, computed, failed, out of domain and elapsed time
        (for a model: the number of nodes of each kind)."""
        sol = self.solution
        if sol is None:
            kinds: dict[str, int] = {}
            for el in self.nodes:
                kinds[el["kind"]] = kinds.get(el["kind"], 0) + 1
            parts = [
                f"{kinds.get(k, 0)} {k} nodes"
                for k in ("data", "function", "dispatcher")
            ]
            return "model: " + " · ".join(parts)
        n = self.counts()
        elapsed = run_time(sol) or 0.0
        reused = len(getattr(sol, "reused", ()))
        took = f" · {reused} reused" if reused else ""
        return (
            f"{n['input']} input · {n['computed']} computed · {n['failed']} failed"
            f" · {n['domain']} out of domain{took} · {elapsed * 1e3:.3g} ms"
        )


def _edge_element(source: str, target: str, status: str) -> dict[str, Any]:
    # the id depends on the ends only, so a new solution keeps the same ids
    return {
        "id": f"{source}-{target}",
        "source": source,
        "target": target,
        "status": status,
        "classes": f"sh-edge sh-{status}",
    }


def neighbourhood(dsp: Any, node: Hashable, hops: int) -> set[Hashable]:
    """The nodes within ``hops`` edges of ``node`` (either direction).

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> dsp.add_function('g', abs, ['b'], ['c'])
    'g'
    >>> sorted(neighbourhood(dsp, 'f', 1)), sorted(neighbourhood(dsp, 'a', 4))
    (['a', 'b', 'f'], ['a', 'b', 'c', 'f', 'g'])
    """
    g = dsp.dmap
    if node not in g.nodes:
        raise KeyError(f"{node!r} is not a node of the model")
    seen = {node: 0}
    todo = deque([node])
    while todo:
        u = todo.popleft()
        if seen[u] == hops:
            continue
        for w in (*g.succ.get(u, ()), *g.pred.get(u, ())):
            if w not in seen:
                seen[w] = seen[u] + 1
                todo.append(w)
    return set(seen)


def provenance(sol: Any, node: Hashable) -> set[Hashable]:
    """The nodes of the path that produced ``node``: walk the solution's
    workflow backwards (``START`` excluded).

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> dsp.add_function('g', abs, ['x'], ['y'])
    'g'
    >>> sorted(provenance(dsp({'a': -1, 'x': 1}), 'b'))
    ['a', 'b', 'f']
    """
    if sol is None:
        return set()
    return set(ancestors(sol.workflow.pred, node))


def ancestors(pred: Mapping, node: Hashable) -> list[Hashable]:
    """``node`` and every node before it in graph ``pred`` (node ->
    predecessors), ``START`` excluded: the workflow's path to a value
    (:func:`provenance`), or in a model what a value depends on.

    >>> ancestors({'b': ['f'], 'f': ['a', START]}, 'b')
    ['b', 'f', 'a']
    """
    seen, todo = [node], [node]
    while todo:
        for u in pred.get(todo.pop(), ()):
            if u not in seen and u is not START:
                seen.append(u)
                todo.append(u)
    return seen


def matches(dsp: Any, text: str) -> list[Hashable]:
    """Nodes whose shown id contains ``text`` (case-insensitive), in model order.

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('read_key', abs, ['key_fpath'], ['key'])
    'read_key'
    >>> matches(dsp, 'KEY_'), matches(dsp, 'Key')
    (['key_fpath'], ['read_key', 'key_fpath', 'key'])
    """
    text = text.strip().lower()
    if not text:
        return []
    return [
        n
        for n in dsp.dmap.nodes
        if n is not START and n is not SINK and text in summary.name(n, 200).lower()
    ]
