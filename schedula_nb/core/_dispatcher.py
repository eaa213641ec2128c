"""``Dispatcher``: a model you build node by node and dispatch from any inputs.

``dispatch`` checks its arguments, picks (and caches) the part of the model
the requested outputs need, then hands the search to ``_search.run_search``.
"""

from __future__ import annotations

import copy as _copy
from collections.abc import Iterable, Mapping
from typing import Any

from ._compat import STATE as _compat_state
from ._doors import Doors
from ._exceptions import ModelError
from ._functions import selector
from ._graph import DiGraph
from ._lookup import get_node
from ._model import ModelBuilder
from ._nested_search import run_nested_search
from ._plan import Plan, plan_for, wildcard_inputs
from ._prefetch import Prefetch, resolve_executor
from ._prune import shrunk_model, sub_model, sub_model_from_graph
from ._prune_subs import prune_sub_models
from ._replay import compile_trace, replay
from ._search import run_search
from ._solution import Solution
from ._tokens import NONE

__all__ = ["Dispatcher"]

_TRACES_PER_PLAN = 8  # distinct input distances kept per shape


class Dispatcher(Doors, ModelBuilder):
    """A dataflow model of data and function nodes.

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher(name='demo')
    >>> dsp.add_function('double', lambda x: 2 * x, ['a'], ['b'])
    'double'
    >>> dsp.add_function('half', lambda x: x / 2, ['b'], ['a'])
    'half'
    >>> dsp({'a': 1})['b'], dsp({'b': 6}, outputs=['a'])['a']
    (2, 3.0)
    """

    def __init__(
        self,
        dmap: DiGraph | None = None,
        name: str = "",
        default_values: dict | None = None,
        raises: Any = False,
        description: str = "",
        executor: Any = False,
    ) -> None:
        self.dmap = dmap if dmap is not None else DiGraph()
        self.name = name
        self.default_values = default_values if default_values is not None else {}
        self.raises = raises
        self.__doc__ = description
        self.description = description
        self.executor = executor
        self._counter = max(
            (a["index"][0] + 1 for a in self.dmap.nodes.values() if "index" in a),
            default=0,
        )
        #: the last solution (the reference's ``dsp.solution``)
        self.solution: Solution = Solution(self)
        self._plans: dict = {}  # dispatch shape -> Plan (see _plan.plan_for)

    def __repr__(self) -> str:
        return (
            f"<Dispatcher {self.name!r}: {len(self.data_nodes)} data, "
            f"{len(self.function_nodes)} functions>"
        )

    # -- copies --------------------------------------------------------------
    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_plans"] = {}
        state["solution"] = None
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.solution = Solution(self)

    def copy(self) -> Dispatcher:
        """A deep copy: nodes, edges and default values share nothing."""
        return _copy.deepcopy(self)

    def copy_structure(self, **kwargs: Any) -> Dispatcher:
        """An empty model with this one's name, raises and executor."""
        kw = {
            "description": self.description,
            "name": self.name,
            "raises": self.raises,
            "executor": self.executor,
        }
        kw.update(kwargs)
        return type(self)(**kw)

    # -- sub-models ----------------------------------------------------------
    def get_sub_dsp(
        self, nodes_bunch: Iterable, edges_bunch: Iterable | None = None
    ) -> Dispatcher:
        """The sub-model of the given nodes (functions need all their inputs).

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> dsp.add_function('f', max, ['a', 'b'], ['c'])
        'f'
        >>> sorted(dsp.get_sub_dsp(['a', 'b', 'c', 'f']).nodes)
        ['a', 'b', 'c', 'f']
        >>> sorted(dsp.get_sub_dsp(['a', 'c', 'f']).nodes)
        []
        """
        return sub_model(self, list(nodes_bunch), edges_bunch)

    def get_sub_dsp_from_workflow(
        self,
        sources: Iterable,
        graph: Any = None,
        reverse: bool = False,
        add_missing: bool = False,
        check_inputs: bool = True,
        blockers: Iterable | None = None,
        wildcard: bool = False,
        _update_links: bool = True,
        avoid_cycles: bool = False,
    ) -> Dispatcher:
        """The sub-model reached by a breadth-first search from ``sources``.

        ``graph`` defaults to the last solution's workflow; ``reverse`` searches
        towards the predecessors.

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> dsp.add_function('f', abs, ['a'], ['b'])
        'f'
        >>> dsp.add_function('g', abs, ['b'], ['c'])
        'g'
        >>> sorted(dsp.get_sub_dsp_from_workflow(['c'], dsp.dmap, reverse=True).nodes)
        ['a', 'b', 'c', 'f', 'g']
        """
        if graph is None:
            graph = self.solution.workflow
        sub = sub_model_from_graph(
            self,
            sources,
            graph,
            reverse,
            add_missing,
            check_inputs,
            blockers,
            wildcard,
            avoid_cycles,
        )
        return prune_sub_models(sub, links=True) if _update_links else sub

    def shrink_dsp(
        self,
        inputs: Iterable | None = None,
        outputs: Iterable | None = None,
        inputs_dist: Mapping | None = None,
        wildcard: bool = True,
    ) -> Dispatcher:
        """The sub-model of the nodes on some path from ``inputs`` to ``outputs``.

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> dsp.add_function('f', abs, ['a'], ['b'])
        'f'
        >>> dsp.add_function('g', abs, ['x'], ['y'])
        'g'
        >>> sorted(dsp.shrink_dsp(['a'], ['b']).nodes)
        ['a', 'b', 'f']
        """
        return shrunk_model(self, inputs, outputs, inputs_dist, wildcard)

    def get_node(self, *node_ids: Any, node_attr: Any = NONE) -> tuple:
        """A node of this model, or of a sub-model at any depth, and its path:
        ``(value or attributes, path)`` (``node_attr``: see
        ``schedula_nb.core._lookup``; the default gives a data node's value in
        the last solution, a function node's function).

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> dsp.add_function('f', abs, ['a'], ['b'])
        'f'
        >>> sol = dsp({'a': -2})
        >>> dsp.get_node('b'), dsp.get_node('f')
        ((2, ('b',)), (<built-in function abs>, ('f',)))
        """
        return get_node(self, node_ids, node_attr)

    # -- dispatch ------------------------------------------------------------
    def dispatch(
        self,
        inputs: Mapping | None = None,
        outputs: Iterable | None = None,
        inputs_dist: Mapping | None = None,
        wildcard: bool = False,
        no_call: bool = False,
        shrink: bool = False,
        rm_unused_nds: bool = False,
        select_output_kw: Mapping | None = None,
        _wait_in: Any = None,
        stopper: Any = None,
        executor: Any = False,
        sol_name: tuple = (),
        verbose: bool = False,
    ) -> Any:
        """Compute the ``outputs`` reachable from ``inputs`` (all, if none given).

        Defaults fill the inputs not given. With ``outputs`` the search stops
        as soon as they are all known and only the part of the model that can
        reach them is searched. Returns a :class:`Solution` (or, with
        ``select_output_kw``, ``sh.selector(dictionary=sol, **select_output_kw)``).
        ``executor`` (a name such as ``'thread'``, a
        ``concurrent.futures.Executor``, a Dask ``Client``; ``True``: the
        model's own) runs independent calls at once, with the same solution
        (see ``schedula_nb.execution``).

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> dsp.add_data('b', default_value=5)
        'b'
        >>> dsp.add_function('min', min, ['a', 'b'], ['c'])
        'min'
        >>> dsp.dispatch(inputs={'a': 3})
        Solution({'a': 3, 'b': 5, 'c': 3})
        >>> dsp.dispatch(inputs={'a': 3}, outputs=['x'])
        Traceback (most recent call last):
        ...
        schedula_nb.ModelError: dispatch: outputs not in the model: ['x']
        """
        sol = self._dispatch(
            inputs,
            outputs,
            inputs_dist,
            wildcard,
            no_call,
            shrink,
            rm_unused_nds,
            stopper,
            executor,
            sol_name,
            store=True,
            wait_in=_wait_in,
            at_once=True,
        )
        if sol.pending is not None:  # an asynchronous executor: see _pending
            if select_output_kw:
                return selector(dictionary=sol.result(), **select_output_kw)
            return sol
        if verbose:
            _log_times(sol)
        if select_output_kw:
            return selector(dictionary=sol, **select_output_kw)
        return sol

    __call__ = dispatch

    def _dispatch(
        self,
        inputs: Mapping | None,
        outputs: Iterable | None,
        inputs_dist: Mapping | None,
        wildcard: bool = False,
        no_call: bool = False,
        shrink: bool = False,
        rm_unused_nds: bool = False,
        stopper: Any = None,
        executor: Any = False,
        sol_name: tuple = (),
        store: bool = False,
        wait_in: Mapping | None = None,
        at_once: bool = False,
    ) -> Solution:
        """``dispatch`` without its output selection; ``store`` keeps the
        solution as ``self.solution``; ``at_once``: on an asynchronous
        executor, return a pending solution at once (``_pending``)."""
        if no_call and _is_id_list(inputs):  # the reference's form: ids only
            inputs = dict.fromkeys(inputs, NONE)
        inputs = _check_mapping(inputs, "inputs")
        inputs_dist = _check_mapping(inputs_dist, "inputs_dist")
        outputs = self._check_outputs(outputs)
        exe = None
        if executor is not False:
            exe = resolve_executor(executor, self.executor)
        plan = plan_for(
            self, inputs, outputs, wildcard, shrink, no_call, inputs_dist, wait_in
        )
        nodes = plan.tables.succ  # the searched nodes
        defaults = {
            k: v
            for k, v in self.default_values.items()
            if k in nodes and k not in inputs
        }
        values = {k: d["value"] for k, d in defaults.items()}
        values.update(dict.fromkeys(inputs, NONE) if no_call else inputs)
        dists = {k: d["initial_dist"] for k, d in defaults.items()}
        dists.update(inputs_dist)
        wild = (
            wildcard_inputs(self, nodes, inputs, outputs) if wildcard else frozenset()
        )
        sol = Solution(
            None,
            values,
            outputs,
            dists,
            no_call=no_call,
            rm_unused_nds=rm_unused_nds,
            wildcards=wild,
            raises=self.raises,
            full_name=tuple(sol_name),
            plan=plan,
            name=self.name,
        )
        for k in sorted((k for k in values if k not in nodes), key=str):
            sol[k] = values[k]  # inputs the searched part does not use are kept
        initial = sorted(
            ((dists.get(k, 0.0) + 0.0, str(k), k) for k in values if k in nodes),
            key=lambda t: t[:2],
        )
        initial = [(d, k, NONE if no_call else values[k]) for d, _, k in initial]
        by_model = executor is True and bool(plan.tables.subs)
        if (exe is not None or by_model) and not no_call:
            sol.prefetch = Prefetch(sol, plan.tables, exe, stopper, by_model)
            if at_once and _asynchronous(exe, self if by_model else None):
                return self._run_at_once(sol, plan, initial, stopper, store)
        return self._run(sol, plan, initial, stopper, store)

    def _run_at_once(
        self, sol: Solution, plan: Plan, initial: list, stopper: Any, store: bool
    ) -> Solution:
        """Start the search in a thread; return a pending copy of ``sol``."""
        from ._pending import StopEither, start_pending

        front = sol.fresh()
        dict.update(front, {k: v for _, k, v in initial})
        if store:
            self.solution = front
        # result() interrupted (Ctrl-C) stops the dispatch: its own stopper
        front.stop = sol.prefetch.stopper = stop = StopEither(stopper)

        def run() -> Solution:
            return self._run_prefetched(sol, plan, initial, stop, False)

        start_pending(front, run, sol.prefetch.executor)
        return front

    def _run(
        self, sol: Solution, plan: Plan, initial: list, stopper: Any, store: bool
    ) -> Solution:
        """Replay the trace of an earlier dispatch of the same shape, or search."""
        if sol.prefetch is not None:  # calls start as the search reaches them
            return self._run_prefetched(sol, plan, initial, stopper, store)
        shape = tuple((d, k) for d, k, _ in initial)
        trace = plan.traces.get(shape)
        try:
            if store:
                self.solution = sol
            if plan.tables.subs:  # sub-models run inside the search: no replay
                run_nested_search(sol, plan.tables, initial, stopper)
                return sol
            if trace is not None:
                if type(trace) is list:  # searched once: worth compiling now
                    trace = plan.traces[shape] = compile_trace(
                        trace, plan.tables, {k for _, k in shape}
                    )
                if replay(sol, plan.tables, initial, trace, stopper):
                    return sol
                memo, sol = sol, sol.fresh()
                sol.memo = memo  # reuse what the replay executed
            trace = []
            if store:
                self.solution = sol
            run_search(sol, plan.tables, initial, stopper, trace)
            if len(plan.traces) >= _TRACES_PER_PLAN:
                plan.traces.clear()
            plan.traces[shape] = trace
            return sol
        finally:
            sol.memo = None
            sol.elapsed = _elapsed(sol)

    def _run_prefetched(
        self, sol: Solution, plan: Plan, initial: list, stopper: Any, store: bool
    ) -> Solution:
        """Search with an executor (no replay: the search starts the calls)."""
        if store:
            self.solution = sol
        try:
            if plan.tables.subs:  # sub-models run inside the same search
                run_nested_search(sol, plan.tables, initial, stopper)
            else:
                run_search(sol, plan.tables, initial, stopper)
            return sol
        finally:
            sol.prefetch.close()
            sol.memo = None
            sol.elapsed = _elapsed(sol)

    async def dispatch_async(self, *args: Any, **kwargs: Any) -> Any:
        """``dispatch`` awaited from a running event loop (a notebook cell).

        The dispatch runs in a worker thread, so the loop stays free; give
        ``executor=`` to run independent branches at once. Cancelling the
        awaiting task stops the dispatch (through its ``stopper``).

        >>> import asyncio, schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> dsp.add_function('f', abs, ['a'], ['b'])
        'f'
        >>> asyncio.run(dsp.dispatch_async({'a': -1}, executor='async'))
        Solution({'a': -1, 'b': 1})
        """
        from ._aio import dispatch_in_thread

        return await dispatch_in_thread(self.dispatch, args, kwargs)

    def _check_outputs(self, outputs: Any) -> list | None:
        if outputs is None:
            return None
        if isinstance(outputs, (str, bytes)) or not isinstance(outputs, Iterable):
            raise ModelError(
                f"dispatch: outputs must be a list of node ids, not {outputs!r}"
            )
        outputs = list(outputs)
        missing = [k for k in outputs if k not in self.dmap.nodes]
        if missing and _compat_state["reference"]:  # see schedula_nb.compat
            return [k for k in outputs if k in self.dmap.nodes]
        if missing:
            raise ModelError(f"dispatch: outputs not in the model: {missing!r}")
        return outputs

    # -- blueprints (logic in _blue.py) ----------------------------------------
    def blue(self, memo: dict | None = None, depth: int = -1) -> Any:
        """A ``BlueDispatcher`` that rebuilds this model (``depth`` levels of
        the wrappers and sub-models inside become blueprints too).

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher(name='demo')
        >>> dsp.add_function('f', abs, ['a'], ['b'])
        'f'
        >>> dsp.blue().register()({'a': -2})
        Solution({'a': -2, 'b': 2})
        """
        from ._blue import blue_of_dispatcher

        return blue_of_dispatcher(self, memo, depth)

    def extend(self, *blues: Any, memo: dict | None = None) -> Dispatcher:
        """Add the nodes of blueprints (or other models) to this model.

        >>> import schedula_nb as sh
        >>> blue = sh.BlueDispatcher().add_func(len, ['length'])
        >>> sorted(sh.Dispatcher().extend(blue).nodes)
        ['len', 'length', 'obj']
        """
        from ._blue import extend_dispatcher

        return extend_dispatcher(self, blues, memo)


def _is_id_list(value: Any) -> bool:
    return isinstance(value, (list, tuple, set, frozenset))


def _asynchronous(exe: Any, model: Any) -> bool:
    """Whether a dispatch returns at once: its executor is asynchronous, or
    (``executor=True``, ``model`` given) the own executor of one of the
    sub-models inside is."""
    if getattr(exe, "asynchronous", False):
        return True
    if model is None:
        return False
    stack, seen = [model], set()
    while stack:
        dsp = stack.pop()
        if id(dsp) in seen:
            continue
        seen.add(id(dsp))
        for attr in dsp.sub_dsp_nodes.values():
            child = attr["function"]
            own = resolve_executor(True, getattr(child, "executor", False))
            if getattr(own, "asynchronous", False):
                return True
            if hasattr(child, "sub_dsp_nodes"):
                stack.append(child)
    return False


def _check_mapping(value: Any, name: str) -> Mapping:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ModelError(
            f"dispatch: {name} must be a dict {{node id: value}}, "
            f"not {type(value).__name__}"
        )
    return value


def _elapsed(sol: Solution) -> float:
    import time

    return time.perf_counter() - sol.perf0


def _log_times(sol: Solution) -> None:
    import logging

    log = logging.getLogger("schedula_nb")
    for node, (t0, t1) in sol.times.items():
        log.info("%s: %.6f s", node, t1 - t0)
