"""The solution of a dispatch: the computed values plus the record of the run.

A ``Solution`` is a dict of values in the order they were reached. Beside the
values it keeps what the views need, so no view re-runs anything:

- ``visit``: node -> distance at which it was visited (the visit order),
  and ``dist``, the same shaped as the reference's;
- ``failures``: node -> :class:`Failure` (an exception, or ``out of domain``);
- ``times``: function -> ``(start, end)`` from ``time.perf_counter``
  (``duration(node)`` gives seconds);
- ``results``: function -> its raw return value;
- ``inputs`` / ``inputs_dist`` / ``outputs``: what the dispatch started from;
- ``workflow``: the executed graph (built on first access from the records).
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Hashable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ._doors import Doors
from ._graph import DiGraph
from ._tokens import NONE, START

__all__ = ["Failure", "Solution", "edge_value"]


@dataclass(frozen=True)
class Failure:
    """Why a node produced nothing: ``kind`` is ``'error'`` or ``'domain'``.

    >>> try:
    ...     1 / 0
    ... except ZeroDivisionError as ex:
    ...     failure = Failure.from_exception('f', ex)
    >>> failure.traceback.splitlines()[-1]
    'ZeroDivisionError: division by zero'
    """

    node: Hashable
    kind: str
    exception: BaseException | None = None
    #: what was running when it failed: ``'DISPATCHING'`` (the node's own
    #: work) or ``'SUB-DSP DOMAIN'`` (a sub-model's input_domain), as the
    #: reference names them in its messages
    stage: str = "DISPATCHING"

    @classmethod
    def from_exception(
        cls, node: Hashable, ex: BaseException, stage: str = "DISPATCHING"
    ) -> Failure:
        return cls(node, "error", ex, stage)

    @cached_property
    def traceback(self) -> str:
        """The exception with its traceback, as Python prints it ('' for a
        domain rejection). Formatted when first read: a dispatch whose
        failures nobody inspects does not pay for it."""
        ex = self.exception
        if ex is None:
            return ""
        return "".join(traceback.format_exception(type(ex), ex, ex.__traceback__))

    def __reduce__(self) -> tuple:
        # The text goes along: a pickled exception loses its traceback.
        return _failure, (
            self.node,
            self.kind,
            self.exception,
            self.traceback,
            self.stage,
        )

    @property
    def message(self) -> str:
        """One line for tooltips and logs."""
        if self.kind == "domain":
            return f"{self.node!r}: inputs out of the function's input_domain"
        return f"{self.node!r} failed: {self.exception!r}"


def _failure(
    node: Hashable, kind: str, ex: Any, text: str, stage: str = "DISPATCHING"
) -> Failure:
    failure = Failure(node, kind, ex, stage)
    failure.__dict__["traceback"] = text
    return failure


class Solution(Doors, dict):
    """Values computed by a dispatch, and the record of how they were reached.

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function(function=lambda x: x + 1, inputs=['a'], outputs=['b'])
    '<lambda>'
    >>> sol = dsp.dispatch(inputs={'a': 1})
    >>> sol, sol.visit
    (Solution({'a': 1, 'b': 2}), {'a': 0.0, '<lambda>': 1.0, 'b': 2.0})
    >>> sorted(sol.workflow.edges, key=str)
    [('<lambda>', 'b'), ('a', '<lambda>'), (start, 'a')]
    """

    _draw_with = "plot_solution"  # see Doors.plot
    #: wrapper function node -> the solution of its call (``SubDispatch`` and
    #: the like); a dict once one is kept
    call_solutions: dict | None = None
    #: of a model with sub-models: ``(solution, node)`` of every visit of every
    #: level, in the order of the search (one list shared by all levels)
    trail: list | None = None

    # Immutable defaults read seldom live on the class (a solution is made per
    # call of a pipe: fewer assignments); an instance sets its own when they
    # change. Those read at every node are set in __init__: on Python 3.11 an
    # instance's read of a class attribute is not specialised (slower).
    #: index path of this level (the root ``(-1,)``), see ``sub_sol``
    index: tuple = (-1,)
    #: seconds the dispatch took (set when it ends)
    elapsed = 0.0
    #: (producer, data node) whose NONE estimate the data node keeps as its
    #: value (the reference's, on executors: see ``_nodes.keeps_none``); a
    #: set of the instance's once one is kept (``_nodes.note_kept_none``)
    kept_none: frozenset | set = frozenset()
    #: the running dispatch of a solution returned at once (``_pending``)
    pending: Any = None
    #: (model, its revision) this solution was dispatched from
    origin: tuple | None = None
    #: the nodes changed since ``reuse`` (see ``reuse``)
    stale: frozenset = frozenset()
    #: whether the dispatch ran to its end (not stopped, nothing raised)
    complete = False
    _workflow: DiGraph | None = None
    _dist: dict | None = None
    _order: dict | None = None  # node -> visit position, for views
    #: the attributes above that an instance may not have of its own
    CLASS_DEFAULTS = (
        "call_solutions", "trail", "index", "elapsed", "kept_none", "pending",
        "origin", "stale", "complete", "_workflow", "_dist", "_order",
    )  # fmt: skip

    def __init__(
        self,
        dsp: Any = None,
        inputs: dict | None = None,
        outputs: Any = None,
        inputs_dist: dict | None = None,
        no_call: bool = False,
        no_domain: bool = False,
        rm_unused_nds: bool = False,
        wildcards: frozenset = frozenset(),
        raises: Any = False,
        full_name: tuple = (),
        plan: Any = None,
        name: str = "",
    ) -> None:
        super().__init__()
        self._dsp = dsp
        #: the dispatch's plan: its search tables and the searched sub-model
        self.plan = plan
        self.tables = plan.tables if plan is not None else None
        self.name = name or getattr(dsp, "name", "")
        self.inputs: dict = inputs if inputs is not None else {}
        self.inputs_dist: dict = inputs_dist if inputs_dist is not None else {}
        self.outputs: set = set(outputs or ())
        self.no_call, self.no_domain = no_call, no_domain
        self.rm_unused_nds = rm_unused_nds
        self.wildcards = wildcards
        self.raises = raises
        self.full_name = full_name
        #: node -> distance at which the search visited it, in visit order
        self.visit: dict = {}
        #: data node -> {producer: value} estimations that reached it
        self.est: dict = {}
        #: data node -> the producer chosen among several estimations
        self.chosen: dict = {}
        self.failures: dict[Hashable, Failure] = {}
        self.results: dict = {}
        #: function -> start and end of its call (``time.perf_counter``)
        self.t_start: dict = {}
        self.t_end: dict = {}
        #: data node -> its only producer, for estimates a replay did not store
        self.fused: dict = {}
        #: functions visited whose outputs were all known already (not run)
        self.not_needed: set = set()
        #: data nodes visited that pass nothing on (wildcard rule, failures)
        self.blocked: set = set()
        #: index path -> solution of every running level (shared by all of
        #: them; the root is ``(-1,)``, a sub-model ``parent index + node index``)
        self.sub_sol: dict = {}
        #: sub-model node -> its solution (this level only)
        self.children: dict = {}
        #: (data node, sub-model node): the data node, given its value by
        #: that sub-model, passes it back to it (to child nodes not known yet)
        self.handed_back: set = set()
        self.started = time.time()
        self.perf0 = time.perf_counter()
        #: ``dispatch(verbose=...)``: True (log each call as it starts and
        #: ends) or a callable ``(sol, node, attr, end)``; False: silent
        self.verbose: Any = False
        #: whether a visited data node passed on NONE (arguments need filtering)
        self.has_none = False
        #: an interrupted replay whose calls are reused, not repeated
        self.memo: Solution | None = None
        #: the calls started on an executor ahead of the search (``_prefetch``)
        self.prefetch: Any = None
        #: while dispatching with ``reuse=``: the earlier solution of this
        #: level whose outcomes are taken over (the nodes changed: ``stale``)
        self.reuse: Solution | None = None
        #: functions whose outcome was taken over from ``reuse`` (not called)
        self.reused: set = set()

    def __repr__(self) -> str:
        return f"Solution({dict.__repr__(self)})"

    @property
    def dsp(self) -> Any:
        """The model that was searched (the part of it the outputs need)."""
        if self._dsp is None and self.plan is not None:
            self._dsp = self.plan.dsp
        return self._dsp

    def get_sub_dsp_from_workflow(
        self,
        sources: Any,
        reverse: bool = False,
        add_missing: bool = False,
        check_inputs: bool = True,
    ) -> Any:
        """The sub-model this dispatch reached by a breadth-first search from
        ``sources`` over its workflow (``reverse``: towards the predecessors);
        see ``Dispatcher.get_sub_dsp_from_workflow``.

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> dsp.add_function('f', abs, ['a'], ['b'])
        'f'
        >>> dsp.add_function('g', abs, ['x'], ['y'])
        'g'
        >>> sorted(dsp({'a': -1}).get_sub_dsp_from_workflow(['a']).nodes)
        ['a', 'b', 'f']
        """
        return self.dsp.get_sub_dsp_from_workflow(
            sources, self.workflow, reverse, add_missing, check_inputs
        )

    def result(self, timeout: float | None = None) -> Solution:
        """The solution with its final values.

        A dispatch on an asynchronous executor (``'async'``, ``'parallel'``,
        ``'parallel-pool'``, ``'parallel-dispatch'``) returns at once, its
        values ``concurrent.futures.Future`` objects: ``result`` waits for it
        (``TimeoutError`` past ``timeout`` seconds), fills the solution and
        raises what made it fail (see ``core/_pending.py``). Other solutions
        are final already: ``result`` returns them as they are.

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> dsp.add_function('f', abs, ['a'], ['b'])
        'f'
        >>> sol = dsp.dispatch({'a': -1}, executor='async')
        >>> sol.result(10)
        Solution({'a': -1, 'b': 1})
        """
        if self.pending is None:
            return self
        from ._pending import settle

        return settle(self, timeout)

    def fresh(self) -> Solution:
        """A new, empty solution for the same dispatch (same inputs and options)."""
        new = Solution(
            self._dsp,
            self.inputs,
            self.outputs,
            self.inputs_dist,
            self.no_call,
            self.no_domain,
            self.rm_unused_nds,
            self.wildcards,
            self.raises,
            self.full_name,
            self.plan,
            self.name,
        )
        new.origin, new.reuse, new.stale = self.origin, self.reuse, self.stale
        searched = _searched(self)
        for k, v in self.items():
            if k not in self.visit and k not in searched:
                new[k] = v  # inputs outside the searched model
        return new

    def __reduce__(self):
        return dict, (dict(self),)

    # -- reference-compatible views -----------------------------------------
    def _set_node_output(
        self, node_id: Hashable, no_call: bool, next_nds: Any = None, **kw: Any
    ) -> bool:
        """One step of a dispatch by hand, on ``self.workflow`` (the
        reference's private method; see ``core/_stepwise.py``)."""
        from ._stepwise import set_node_output

        return set_node_output(self, node_id, no_call, next_nds, **kw)

    @property
    def pipe(self) -> dict:
        """The nodes visited, in the order of the search, across sub-models
        (their nodes keyed by their path, as tuples), each mapped to
        ``{'task': (distance, node, solution)}`` plus the ``'error'`` of a node
        that failed and the ``'sub_pipe'`` of a wrapper's call (the
        reference's layout).

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> dsp.add_function('max', max, ['a', 'b'], ['c'])
        'max'
        >>> list(dsp.dispatch({'a': 1, 'b': 2}).pipe)
        ['a', 'b', 'max', 'c']
        """
        from ._pipe_view import full_pipe

        return full_pipe(self)

    @property
    def _errors(self) -> dict:
        """node -> message, as the reference keeps them."""
        return {
            n: f"Failed {f.stage} '{n}' due to:\n  {f.exception!r}"
            for n, f in self.failures.items()
            if f.kind == "error"
        }

    @property
    def errors(self) -> dict:
        """Function or data node -> the exception it raised."""
        return {n: f.exception for n, f in self.failures.items() if f.kind == "error"}

    @property
    def out_of_domain(self) -> list:
        """Functions whose inputs their ``input_domain`` rejected, in visit order."""
        return [n for n, f in self.failures.items() if f.kind == "domain"]

    @property
    def times(self) -> dict:
        """Function -> ``(start, end)`` of its call, from ``time.perf_counter``."""
        end = self.t_end
        return {n: (t, end[n]) for n, t in self.t_start.items()}

    def duration(self, node: Hashable) -> float | None:
        """Seconds the function of ``node`` took, or None if it did not run."""
        t = self.t_start.get(node)
        return None if t is None else self.t_end[node] - t

    def estimates(self, node: Hashable) -> dict:
        """Producer -> value of the estimates that reached data node ``node``."""
        est = self.est.get(node)
        if est is not None:
            return est
        producer = self.fused.get(node)
        if producer is not None and producer in self.results:
            return {producer: self.results[producer]}
        return {}

    @property
    def dist(self) -> dict:
        """Node -> distance, in visit order, shaped as the reference's: ``START``
        comes first, at -1 when the dispatch did not need it."""
        if self._dist is None or len(self._dist) < len(self.visit):
            self._dist = {START: self.visit.get(START, -1.0), **self.visit}
        return self._dist

    @property
    def workflow(self) -> DiGraph:
        """The executed graph (nodes reached, edges carrying ``value``)."""
        if self._workflow is None:
            from ._workflow import build_workflow

            self._workflow = build_workflow(self)
        return self._workflow

    @workflow.setter
    def workflow(self, graph: DiGraph) -> None:
        self._workflow = graph


def edge_value(sol: Solution, node: Hashable) -> Any:
    """The value a data node passes to its functions: a wildcard input passes
    its input value until it is computed (and passes that, if it may)."""
    if node in sol.wildcards and (node not in sol.visit or node in sol.blocked):
        return sol.inputs.get(node, NONE)
    return sol.get(node, NONE)


def _searched(sol: Solution) -> Any:
    """The ids of the nodes the dispatch searched (a container)."""
    if sol.tables is not None:
        return sol.tables.succ
    return sol.dsp.dmap.nodes if sol.dsp is not None else {}


def taken_from(sol: Solution, node: Hashable, est: dict, waits: bool) -> list:
    """The nodes data node ``node`` took its value from, out of its
    estimates ``est``: all of them when it ``waits`` for them or has one,
    else the one chosen (START, a value given, is not among them)."""
    if waits or len(est) <= 1:
        return [p for p in est if p is not START]
    return [sol.chosen[node]] if node in sol.chosen else []
