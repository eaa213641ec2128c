"""A pipe's usual call run as straight code, its solution built when read.

A pipe (``DispatchPipe`` ...) is often called many times with new values
and nobody reads the solution of each call: formulas calls one per cell of a
workbook. When the compiled trace of the pipe's usual call holds only fused
steps (plain inputs, plain functions with one output, the data nodes they
feed), that call runs here: the same steps as ``_replay.replay``, written
into plain dicts instead of a ``Solution``, which is built from them only
when someone reads ``pipe.solution`` (see :class:`Run`).

At the first outcome that differs from the trace (a failure, a skip, a
``NONE``, an attribute dict replaced) the solution is built from what ran,
the outcome recorded as the replay records it, and the search takes over
with those calls as its memo, as after any replay: nothing runs twice.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher()
>>> dsp.add_function('double', lambda x: 2 * x, ['x'], ['y'])
'double'
>>> f = sh.DispatchPipe(dsp, 'f', ['x'], ['y'])
>>> f(1), f(2), f(3)
(2, 4, 6)
>>> f.solution, f.solution.visit
(Solution({'x': 3, 'y': 6}), {'x': 0.0, 'double': 1.0, 'y': 2.0})
"""

from __future__ import annotations

from time import perf_counter, time
from typing import Any

from ._exceptions import SkipNode
from ._nodes import fail
from ._replay import _INPUT, _PLAIN_DATA, _PLAIN_FUNC, Trace, _unfuse
from ._runs import search_after_replay
from ._solution import Solution
from ._tokens import NONE, START

__all__ = ["Run", "Straight", "straight"]


class Straight:
    """The fused steps of a pipe's usual call and what its calls check.

    ``steps`` holds one flat tuple per step, ``(node, dist, kind, src,
    function, filters, attributes)``: ``src`` is the input ids of a function,
    the producer of a data node, and where an input's value comes from (the
    argument at ``src``, or the default value at ``-src - 1`` of
    ``default_ids``). A call is the usual one while the pipe's input ids
    (``names``), the model's default ids (``default_keys``, in order) and the
    plan hold; then no dict of values is built for it.
    """

    __slots__ = (
        "steps", "trace", "shape", "nodes", "pipe", "plan", "names",
        "default_keys", "default_ids",
    )  # fmt: skip

    def __init__(self, trace: Trace, shape: tuple, pipe: Any, usual: dict) -> None:
        #: the input ids given, in order, of the usual call ...
        self.names = names = tuple(usual["names"])
        #: ... and the model's default ids then, and those it used (in order)
        self.default_keys = usual["default_keys"]
        self.default_ids = ids = usual["default_ids"]
        position = {k: i for i, k in enumerate(names)}  # the last, as dict(zip)
        steps = []
        for node, d, _, _, kind, key in trace.steps:
            if kind == _PLAIN_FUNC:
                inputs, function, filters, attr = key
                steps.append((node, d, kind, inputs, function, filters, attr))
            elif kind == _PLAIN_DATA:
                producer, filters, attr = key
                steps.append((node, d, kind, producer, None, filters, attr))
            else:
                src = position[node] if node in position else -ids.index(node) - 1
                steps.append((node, d, kind, src, None, (), key))
        self.steps = tuple(steps)
        self.trace, self.shape, self.pipe = trace, shape, pipe
        self.plan = pipe.plan
        self.nodes = pipe.plan.tables.nodes

    def call(self, dsp: Any, names: Any, args: tuple) -> Run | Solution | None:
        """Run the steps on ``args`` (for the input ids ``names``; the caller
        checked the plan holds and the number of arguments): a :class:`Run`,
        the solution of the search that took over where an outcome differed,
        or None when this is not the usual call."""
        if tuple(names) != self.names:
            return None
        defaults = dsp.default_values
        if (tuple(defaults) if defaults else ()) != self.default_keys:
            return None
        dvals = [defaults[k]["value"] for k in self.default_ids]
        return self._run(Run(self, args, dvals, (dsp, dsp.dmap.rev)))

    def _run(self, run: Run) -> Run | Solution:
        nodes, args, dvals = self.nodes, run.args, run.dvals
        out, visit, results = run.out, run.visit, run.results
        t_start, t_end = run.t_start, run.t_end
        getitem = out.__getitem__
        for node, d, kind, src, function, filters, attr in self.steps:
            if nodes[node] is not attr:
                return self._search(run.solution)
            if kind == _PLAIN_FUNC:
                visit[node] = d
                args = [getitem(src[0])] if len(src) == 1 else list(map(getitem, src))
                try:
                    t0 = perf_counter()
                    res = function(*args)
                    t_end[node] = perf_counter()
                    t_start[node] = t0
                    for flt in filters:
                        res = flt(res)
                except Exception as ex:  # recorded as the replay records it
                    sol = run.solution
                    if not isinstance(ex, SkipNode):
                        fail(sol, node, ex)
                    return self._search(sol)
                results[node] = res
                if res is NONE:
                    return self._search(run.solution)
            elif kind == _PLAIN_DATA:
                visit[node] = d
                value = results[src]
                if filters:
                    try:
                        for flt in filters:
                            value = flt(value)
                    except Exception as ex:
                        sol = run.solution
                        sol.blocked.add(node)
                        if not isinstance(ex, SkipNode):
                            fail(sol, node, ex)
                        return self._search(sol)
                    if value is NONE:
                        sol = run.solution
                        sol.has_none = True
                        return self._search(sol)
                out[node] = value
            else:  # _INPUT
                visit[node] = d
                value = run.args[src] if src >= 0 else dvals[-src - 1]
                if value is NONE:  # the solution's seed marks it (has_none)
                    return self._search(run.solution)
                out[node] = value
        run.elapsed = perf_counter() - run.perf0
        return run

    def _search(self, sol: Solution) -> Solution:
        """An outcome differs: the search takes over (``sol`` its memo)."""
        _unfuse(sol, self.trace)
        self.pipe.forget_usual()  # the search keeps a new trace for this shape
        values = sol.inputs
        initial = [(d, k, values[k]) for d, k in self.shape]
        return search_after_replay(sol, self.plan, initial, self.shape)


class Run:
    """What a straight run made: its values (``out``) and records, and the
    ``Solution`` the replay would have made of them, built when read."""

    __slots__ = (
        "straight", "args", "dvals", "origin", "out", "visit", "results",
        "t_start", "t_end", "perf0", "elapsed", "_sol",
    )  # fmt: skip

    def __init__(
        self, straight: Straight, args: tuple, dvals: list, origin: tuple
    ) -> None:
        self.straight, self.args, self.dvals = straight, args, dvals
        self.origin = origin
        self.out: dict = {}
        self.visit: dict = {}
        self.results: dict = {}
        self.t_start: dict = {}
        self.t_end: dict = {}
        self.perf0 = perf_counter()
        self.elapsed: float | None = None  # set when the run ends
        self._sol: Solution | None = None

    @property
    def values(self) -> dict:
        """The dispatch's inputs, as ``_Pipe.run`` gives them: the default
        values it used, then the arguments."""
        straight = self.straight
        values = dict(zip(straight.default_ids, self.dvals))
        values.update(zip(straight.names, self.args))
        return values

    @property
    def solution(self) -> Solution:
        """The solution of the steps run so far (built once)."""
        sol = self._sol
        if sol is not None:
            return sol
        straight, values = self.straight, self.values
        sol = self._sol = straight.pipe.new_solution(values, self.origin)
        sol.perf0 = self.perf0
        sol.started = time() - (perf_counter() - self.perf0)
        sol.fused = straight.trace.fused
        est = sol.est
        for _, k in straight.shape:  # as _search.seed_initial
            value = est[k] = {START: values[k]}
            if value[START] is NONE:
                sol.has_none = True
        dict.update(sol, self.out)
        sol.visit, sol.results = self.visit, self.results
        sol.t_start, sol.t_end = self.t_start, self.t_end
        if self.elapsed is not None:
            sol.complete, sol.elapsed = True, self.elapsed
        return sol


def straight(trace: Any, shape: tuple, pipe: Any, usual: dict) -> Straight | None:
    """The straight code of ``trace`` (the pipe's usual call, of ``shape``),
    when all its steps are fused ones; ``usual``: ``names``, ``default_keys``,
    ``default_ids`` of that call (see :class:`Straight`)."""
    if type(trace) is not Trace:
        return None
    for step in trace.steps:
        if step[4] not in (_INPUT, _PLAIN_FUNC, _PLAIN_DATA):
            return None
    return Straight(trace, shape, pipe, usual)
