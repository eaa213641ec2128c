"""``Dispatcher``: a model you build node by node and dispatch from any inputs.

``dispatch`` checks its arguments, picks (and caches) the part of the model
the requested outputs need, then hands the search to ``_search.run_search``.
"""

from __future__ import annotations

import copy as _copy
from collections.abc import Iterable, Mapping
from typing import Any

from ._checks import check_dispatch_flags, id_list
from ._compat import STATE as _compat_state
from ._doors import Doors
from ._exceptions import ModelError
from ._functions import selector
from ._graph import DiGraph
from ._lookup import get_node
from ._model import ModelBuilder
from ._plan import Plan, plan_for, wildcard_inputs
from ._prefetch import Prefetch, resolve_executor
from ._prune import shrunk_model, sub_model, sub_model_from_graph
from ._prune_subs import prune_sub_models
from ._reuse import clone, never_taken, same_start, usable
from ._runs import asynchronous, elapsed, run, run_at_once
from ._solution import Solution
from ._tokens import NONE

__all__ = ["Dispatcher"]


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
        *,
        reuse: Solution | None = None,
    ) -> Any:
        """Compute the ``outputs`` reachable from ``inputs`` (all, if none given).

        Defaults fill the inputs not given. With ``outputs`` the search stops
        as soon as they are all known and only the part of the model that can
        reach them is searched. Returns a :class:`Solution` (or, with
        ``select_output_kw``, ``sh.selector(dictionary=sol, **select_output_kw)``).
        ``executor`` (a name such as ``'thread'``, a
        ``concurrent.futures.Executor``, a Dask ``Client``; ``True``: the
        model's own) runs independent calls at once, with the same solution
        (see ``schedula_nb.execution``). ``reuse``, an earlier solution of
        this model, recomputes only what changed: a function given the same
        arguments as there is not called again (see ``docs/reuse.md``), and
        the solution is the one a fresh dispatch gives; ``sol.reused`` lists
        the functions taken over.

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
        if (
            inputs_dist is not None
            or stopper is not None
            or select_output_kw is not None
            or _wait_in is not None
            or wildcard is not False
            or no_call is not False
            or shrink is not False
            or rm_unused_nds is not False
            or verbose is not False
        ):  # all defaults (the common call) need no check
            check_dispatch_flags(
                inputs_dist,
                wildcard=wildcard,
                no_call=no_call,
                shrink=shrink,
                rm_unused_nds=rm_unused_nds,
                verbose=verbose,
                select_output_kw=select_output_kw,
                stopper=stopper,
                _wait_in=_wait_in,
            )
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
            reuse=reuse,
            verbose=verbose,
        )
        if select_output_kw:  # of the final values (see Solution.result)
            return selector(dictionary=sol.result(), **select_output_kw)
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
        reuse: Solution | None = None,
        verbose: Any = False,
    ) -> Solution:
        """``dispatch`` without its output selection; ``store`` keeps the
        solution as ``self.solution``; ``at_once``: on an asynchronous
        executor, return a pending solution at once (``_pending``);
        ``verbose``: each call is announced as it starts and ends (see
        ``_nodes.call_verbosely``)."""
        inputs, outputs, inputs_dist = self._checked(
            inputs, outputs, inputs_dist, no_call
        )
        exe = None
        if executor is not False:
            exe = resolve_executor(executor, self.executor)
        plan = plan_for(
            self, inputs, outputs, wildcard, shrink, no_call, inputs_dist, wait_in
        )
        nodes = plan.tables.succ  # the searched nodes
        values, dists = self._start_values(nodes, inputs, inputs_dist, no_call)
        wild = (
            wildcard_inputs(self, nodes, inputs, outputs, wildcard)
            if wildcard
            else frozenset()
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
        sol.origin = (self, self.dmap.rev)
        if reuse is not None and not no_call:
            stale = usable(_check_reuse(reuse), self)
            if stale is not None:
                if not stale and same_start(reuse, sol, plan):
                    if store:
                        self.solution = sol
                    sol.elapsed = elapsed(clone(reuse, sol))
                    return sol
                sol.reuse, sol.stale = reuse, never_taken(sol, stale)
        sol.verbose = verbose
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
            if at_once and asynchronous(exe, self if by_model else None):
                return run_at_once(self, sol, plan, initial, stopper, store)
        return run(self, sol, plan, initial, stopper, store)

    def _checked(
        self, inputs: Any, outputs: Any, inputs_dist: Any, no_call: bool
    ) -> tuple[Mapping, list | None, Mapping]:
        """``dispatch``'s inputs (a list of ids with ``no_call``, as the
        reference takes them), outputs and distances, checked."""
        if no_call and _is_id_list(inputs):
            inputs = dict.fromkeys(inputs, NONE)
        inputs = _check_mapping(inputs, "inputs")
        nodes = self.dmap.nodes
        not_data = [k for k in inputs if k in nodes and nodes[k]["type"] != "data"]
        if not_data:
            raise ModelError(f"dispatch: inputs {not_data!r} are not data nodes")
        inputs_dist = _check_mapping(inputs_dist, "inputs_dist")
        return inputs, self._check_outputs(outputs), inputs_dist

    def _start_values(
        self, nodes: Mapping, inputs: Mapping, inputs_dist: Mapping, no_call: bool
    ) -> tuple[dict, dict]:
        """The values the dispatch starts from (the inputs, and the defaults
        of the searched ``nodes`` not given) and their distances."""
        defaults = {
            k: v
            for k, v in self.default_values.items()
            if k in nodes and k not in inputs
        }
        values = {k: d["value"] for k, d in defaults.items()}
        values.update(dict.fromkeys(inputs, NONE) if no_call else inputs)
        dists = {k: d["initial_dist"] for k, d in defaults.items()}
        dists.update(inputs_dist)
        return values, dists

    def _run(
        self, sol: Solution, plan: Plan, initial: list, stopper: Any, store: bool
    ) -> Solution:
        """Run the dispatch ``sol`` (see ``_runs.run``)."""
        return run(self, sol, plan, initial, stopper, store)

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
        outputs = list(id_list(outputs, "outputs", "dispatch"))
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


def _check_mapping(value: Any, name: str) -> Mapping:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ModelError(
            f"dispatch: {name} must be a dict {{node id: value}}, "
            f"not {type(value).__name__}"
        )
    return value


def _check_reuse(value: Any) -> Solution:
    if not isinstance(value, Solution):
        raise ModelError(
            "dispatch: reuse must be the Solution of an earlier dispatch, "
            f"not {type(value).__name__}"
        )
    return value
