"""Pipes: a model as a function that replays the dispatch of its first call.

``SubDispatchPipe`` keeps the plan (search tables and trace) of its first
dispatch and hands later calls straight to the replay; ``DispatchPipe`` is
the same, not nested as a sub-solution in a parent's solution.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='model')
>>> dsp.add_function('add', lambda a, b: a + b, ['a', 'b'], ['c'])
'add'
>>> f = sh.SubDispatchPipe(dsp, 'f', ['a', 'b'], ['c'])
>>> f(1, 2), f(3, 4)
(3, 7)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ._replay import Trace, replay
from ._reuse import REUSING
from ._runs import elapsed, run, search_after_replay
from ._solution import Solution
from ._straight import Run, Straight, straight
from ._tokens import NONE
from ._wrappers import SubDispatchFunction

__all__ = ["DispatchPipe", "NoSub", "SubDispatchPipe"]


class SubDispatchPipe(SubDispatchFunction):
    """A ``SubDispatchFunction`` that reuses the pipe of its first call.

    The first call searches; the later ones replay its trace (the nodes in
    the same order), without re-checking arguments or looking up the plan.
    Where a later call takes another path (a node fails, a domain says no)
    the replay falls back to the search, so the answer is always that of
    ``SubDispatchFunction``. A change to the model's structure rebuilds the
    pipe; default values are read at each call.

    Examples
    --------
    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher(name='model')
    >>> dsp.add_function('max', max, inputs=['a', 'b'], outputs=['c'])
    'max'
    >>> dsp.add_function('x - 1', lambda c: c - 1, inputs=['c'], outputs=['a'])
    'x - 1'
    >>> fun = sh.SubDispatchPipe(dsp, 'myF', ['a', 'b'], ['a'])
    >>> fun(2, 1), fun(1, 0)
    (1, 0)
    """

    var_keyword: str | None = None

    def __init__(
        self,
        dsp: Any,
        function_id: str | None = None,
        inputs: Iterable | None = None,
        outputs: Iterable | None = None,
        inputs_dist: Mapping | None = None,
        no_domain: bool = True,
        wildcard: bool = True,
        shrink: bool = True,
        output_type: str | None = None,
        output_type_kw: Mapping | None = None,
        first_arg_as_kw: bool = False,
    ) -> None:
        super().__init__(
            dsp,
            function_id,
            inputs,
            outputs,
            inputs_dist,
            shrink,
            wildcard,
            output_type,
            output_type_kw,
            first_arg_as_kw,
        )
        self.no_domain = no_domain  # kept for compatibility: domains are checked
        self._pipe: _Pipe | None = None
        #: the last call's straight run, whose solution is built when read
        self._run: Run | None = None

    def __getstate__(self) -> dict:
        state = super().__getstate__()
        state["_pipe"] = state["_run"] = state["_solution"] = None
        return state

    @property
    def solution(self) -> Solution:
        """The solution of the last call (built when first read after a
        straight run: see ``core/_straight.py``)."""
        run = self._run
        if run is not None:
            self._solution, self._run = run.solution, None
        return self._solution

    @solution.setter
    def solution(self, sol: Solution) -> None:
        self._solution, self._run = sol, None

    def _blue_kwargs(self) -> dict:
        return {**super()._blue_kwargs(), "no_domain": self.no_domain}

    def __call__(  # type: ignore[override]
        self,
        *args: Any,
        _stopper: Any = None,
        _executor: Any = False,
        _sol_name: tuple = (),
        _verbose: bool = False,
        **kw: Any,
    ) -> Any:
        pipe = self._pipe
        names = self.inputs
        if (
            pipe is None
            or kw
            or len(args) != len(names)
            or not pipe.plan.current(self.dsp.dmap)
            or _executor
            or REUSING.get()  # the dispatch path reuses the last solution
        ):
            inputs = self._parse_inputs(args, kw)
            sol = self._dispatch(inputs, _stopper, _executor, _sol_name)
            if len(inputs) == len(names) and not _executor:
                self._pipe = _Pipe(self.dsp, sol)
            return self._return(sol)
        straight, sol = pipe.straight, None
        if straight is not None and _stopper is None:
            sol = straight.call(self.dsp, names, args)  # None: not the usual call
        if sol is None:
            sol = pipe.run(self.dsp, dict(zip(names, args)), _stopper)
        if type(sol) is not Run:
            self.solution = sol
            return self._return(sol)
        self._run = sol
        if self.output_type == "list" and len(self.outputs) == 1:
            value = sol.value()
            if value is not NONE:
                return value
        return self._return(self.solution)


class _Pipe:
    """What a pipe keeps of its first dispatch: the plan (search tables and
    traces) and the options of the solution."""

    __slots__ = (
        "plan", "outputs", "dists", "wildcards", "raises", "name", "orders", "usual",
        "straight",
    )  # fmt: skip

    def __init__(self, dsp: Any, sol: Solution) -> None:
        self.plan = sol.plan
        self.outputs, self.dists = sol.outputs, sol.inputs_dist
        self.wildcards, self.raises, self.name = sol.wildcards, sol.raises, sol.name
        #: the ids given (in the order given) -> the searched ones, in the
        #: order the search starts from them (the same at every call)
        self.orders: dict[tuple, tuple] = {}
        #: ``(ids given, shape, compiled trace)`` of the call the pipe keeps
        #: getting, once its trace is compiled: such a call goes straight to
        #: the replay ...
        self.usual: tuple | None = None
        #: ... or, when every step is a fused one, runs as straight code
        #: called by the wrapper with its arguments (``core/_straight.py``)
        self.straight: Straight | None = None

    def run(self, dsp: Any, inputs: dict, stopper: Any) -> Solution:
        """Dispatch ``inputs`` (all the pipe's inputs) along the pipe."""
        nodes = self.plan.tables.succ
        defaults = dsp.default_values
        if defaults:
            values = {
                k: d["value"]
                for k, d in defaults.items()
                if k in nodes and k not in inputs
            }
            values.update(inputs)
        else:
            values = inputs
        given = tuple(values)
        usual = self.usual
        if usual is not None and (usual[0] != given or stopper is not None):
            usual = None
        sol = self.new_solution(values, (dsp, dsp.dmap.rev))
        if usual is not None:
            return self._replay_usual(sol, values, usual)
        shape = self.orders.get(given)
        if shape is None:
            shape = self.orders[given] = self._order(values, nodes)
        if len(shape) < len(values):
            for k in values:
                if k not in nodes:
                    sol[k] = values[k]
        initial = [(d, k, values[k]) for d, k in shape]
        sol = run(dsp, sol, self.plan, initial, stopper, False, shape)
        trace = self.plan.traces.get(shape)
        if (
            type(trace) is Trace
            and len(shape) == len(values)
            and not self.wildcards
            and not self.plan.tables.subs
        ):
            self.usual = (given, shape, trace)
            self.straight = straight(trace, shape, self, {
                "names": tuple(inputs),
                "default_keys": tuple(defaults) if defaults else (),
                "default_ids": tuple(k for k in values if k not in inputs),
            })  # fmt: skip
        return sol

    def new_solution(self, values: dict, origin: tuple) -> Solution:
        """An empty solution of a dispatch of ``values`` (from ``origin``,
        ``(model, revision)``) along the pipe."""
        sol = Solution(
            None,
            values,
            self.outputs,
            self.dists,
            wildcards=self.wildcards,
            raises=self.raises,
            plan=self.plan,
            name=self.name,
        )
        sol.origin = origin
        return sol

    def _replay_usual(self, sol: Solution, values: dict, usual: tuple) -> Solution:
        """The usual call: the compiled trace replayed with no more checks
        (no stopper, no executor, no reuse, no sub-models, every id given
        searched); where an outcome differs, the search takes over."""
        _, shape, trace = usual
        plan = self.plan
        initial = [(d, k, values[k]) for d, k in shape]
        try:
            if replay(sol, plan.tables, initial, trace):
                sol.complete = True
                return sol
        finally:
            sol.elapsed = elapsed(sol)
        self.forget_usual()  # the search keeps a new trace for this shape
        return search_after_replay(sol, plan, initial, shape)

    def forget_usual(self) -> None:
        """The usual call took another path: until the next trace compiles,
        calls go through ``run``."""
        self.usual = self.straight = None

    def _order(self, values: dict, nodes: Any) -> tuple:
        """``((distance, id), ...)`` of the searched ids among ``values``, in
        the order the search starts from them (distance, then str(id)): the
        dispatch's shape, under which its trace is kept."""
        get = self.dists.get
        ranked = sorted(
            [(get(k, 0.0) + 0.0, str(k), k) for k in values if k in nodes],
            key=_first_two,
        )
        return tuple([(d, k) for d, _, k in ranked])


def _first_two(t: tuple) -> tuple:
    return t[:2]


class NoSub:
    """A marker base: the wrapper's sub-solution is not kept in the parent's
    workflow (``DispatchPipe`` is one); the reference's name, for code that
    checks ``isinstance(func, NoSub)``."""

    records_solution = False


class DispatchPipe(NoSub, SubDispatchPipe):
    """A ``SubDispatchPipe`` whose solution is not nested in a parent's as a
    sub-solution: a plain, fast function node.

    Examples
    --------
    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher(name='model')
    >>> dsp.add_function('max', max, inputs=['a', 'b'], outputs=['c'])
    'max'
    >>> fun = sh.DispatchPipe(dsp, 'myF', ['a', 'b'], ['c'])
    >>> fun(2, 1), fun(1, 5), fun.solution
    (2, 5, Solution({'a': 1, 'b': 5, 'c': 5}))
    """

    #: a parent solution does not keep this wrapper's solution (reference: NoSub)
    sub_solution = False
