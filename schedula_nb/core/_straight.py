"""A pipe's usual call run as straight code, its solution built when read.

A pipe (``DispatchPipe`` ...) is often called many times with new values
and nobody reads the solution of each call: formulas calls one per cell of a
workbook. When the compiled trace of the pipe's usual call holds only fused
steps (plain inputs, plain functions with one output, the data nodes they
feed), that call runs here: the same steps as ``_replay.replay``, each
writing its value (or its function's result) into its slot of one list,
instead of a ``Solution``, which is built from the slots only when someone
reads ``pipe.solution`` (see :class:`Run`).

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
    function, filters, attributes)``; step ``i`` writes slot ``i`` of the
    run's ``slots``. ``src`` is the slots of a function's inputs, the slot
    of a data node's producer, and where an input's value comes from (the
    argument at ``src``, or the default value at ``-src - 1`` of
    ``default_ids``). A call is the usual one while the pipe's input ids
    (``names``) and the model's default ids (``default_keys``, in order)
    are those of the call the steps were made from; the caller checks the
    plan holds.
    """

    __slots__ = (
        "steps", "trace", "shape", "nodes", "pipe", "plan", "names",
        "default_keys", "default_ids", "output_slot",
    )  # fmt: skip

    def __init__(self, trace: Trace, shape: tuple, pipe: Any, usual: dict) -> None:
        #: the input ids given, in order, of the usual call ...
        self.names = names = tuple(usual["names"])
        #: ... and the model's default ids then, and those it used (in order)
        self.default_keys = usual["default_keys"]
        self.default_ids = ids = usual["default_ids"]
        given = {k: i for i, k in enumerate(names)}  # the last, as dict(zip)
        slot = {s[0]: i for i, s in enumerate(trace.steps)}  # node -> its step
        steps = []
        for node, d, _, _, kind, key in trace.steps:
            if kind == _PLAIN_FUNC:
                inputs, function, filters, attr = key
                src = tuple(slot[k] for k in inputs)
                steps.append((node, d, kind, src, function, filters, attr))
            elif kind == _PLAIN_DATA:
                producer, filters, attr = key
                steps.append((node, d, kind, slot[producer], None, filters, attr))
            else:
                filters, attr = key
                src = given[node] if node in given else -ids.index(node) - 1
                steps.append((node, d, kind, src, None, filters, attr))
        self.steps = tuple(steps)
        self.trace, self.shape, self.pipe = trace, shape, pipe
        self.plan = pipe.plan
        self.nodes = pipe.plan.tables.nodes
        outputs = list(pipe.outputs)
        #: the slot of the one output, if the steps give it (else None)
        self.output_slot = (
            slot[outputs[0]]
            if len(outputs) == 1
            and outputs[0] in slot
            and steps[slot[outputs[0]]][2] != _PLAIN_FUNC
            else None
        )

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
        slots = run.slots = [None] * len(self.steps)
        times = run.times
        i = -1
        for node, _, kind, src, function, filters, attr in self.steps:
            i += 1
            if nodes[node] is not attr:
                return self._search(run.solution_at(i, False))
            if kind == _PLAIN_FUNC:
                xs = [slots[src[0]]] if len(src) == 1 else [slots[j] for j in src]
                try:
                    t0 = perf_counter()
                    res = function(*xs)
                    times.append(t0)
                    times.append(perf_counter())
                    for flt in filters:
                        res = flt(res)
                except Exception as ex:  # recorded as the replay records it
                    sol = run.solution_at(i, True)
                    if not isinstance(ex, SkipNode):
                        fail(sol, node, ex)
                    return self._search(sol)
                slots[i] = res
                if res is NONE:
                    sol = run.solution_at(i, True)
                    sol.results[node] = res
                    return self._search(sol)
                continue
            if kind == _PLAIN_DATA:
                value = slots[src]
            else:  # _INPUT
                value = args[src] if src >= 0 else dvals[-src - 1]
                if value is NONE:  # its filters (if any) are run_data's
                    return self._search(run.solution_at(i, not filters))
            if filters:
                try:
                    for flt in filters:
                        value = flt(value)
                except Exception as ex:
                    sol = run.solution_at(i, True)
                    sol.blocked.add(node)
                    if not isinstance(ex, SkipNode):
                        fail(sol, node, ex)
                    return self._search(sol)
                if value is NONE:
                    sol = run.solution_at(i, True)
                    sol.has_none = True
                    return self._search(sol)
            slots[i] = value
        run.done = len(self.steps)
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
    """What a straight run made: a slot per step (``done`` steps done), the
    functions' start and end times in turn, and the ``Solution`` the replay
    would have made of them, built when read."""

    __slots__ = (
        "straight", "args", "dvals", "origin", "slots", "times", "done",
        "perf0", "elapsed", "_sol",
    )  # fmt: skip

    def __init__(
        self, straight: Straight, args: tuple, dvals: list, origin: tuple
    ) -> None:
        self.straight, self.args, self.dvals = straight, args, dvals
        self.origin = origin
        self.slots: list = []
        self.times: list = []
        self.done = 0  # the steps done (all of them once the run ends)
        self.perf0 = perf_counter()
        self.elapsed: float | None = None  # set when the run ends
        self._sol: Solution | None = None

    def value(self) -> Any:
        """The pipe's one output, as ``pipe(...)`` returns it, or NONE when
        the run does not give it that way (the solution tells then)."""
        slot = self.straight.output_slot
        return NONE if slot is None else self.slots[slot]

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
        """The solution of the run (built once)."""
        if self._sol is None:
            self._sol = self._build(self.done, False)
            if self.elapsed is not None:
                self._sol.complete, self._sol.elapsed = True, self.elapsed
        return self._sol

    def solution_at(self, i: int, visited: bool) -> Solution:
        """The solution of a run stopped at step ``i`` (``visited``: its
        visit counts, with its function's times if it returned)."""
        self._sol = sol = self._build(i, visited)
        return sol

    def _build(self, n: int, visited: bool) -> Solution:
        """The solution of the first ``n`` steps, and the visit of step
        ``n`` (``visited``) with its timing if its function returned."""
        straight, values = self.straight, self.values
        sol = straight.pipe.new_solution(values, self.origin)
        sol.perf0 = self.perf0
        sol.started = time() - (perf_counter() - self.perf0)
        sol.fused = straight.trace.fused
        est, visit, results = sol.est, sol.visit, sol.results
        t_start, t_end, times = sol.t_start, sol.t_end, self.times
        for _, k in straight.shape:  # as _search.seed_initial
            value = est[k] = {START: values[k]}
            if value[START] is NONE:
                sol.has_none = True
        slots, t = self.slots, 0
        steps = straight.steps
        for j, (node, d, kind, *_) in enumerate(steps[: n + visited]):
            visit[node] = d
            if kind == _PLAIN_FUNC:
                if t < len(times):
                    t_start[node], t_end[node] = times[t], times[t + 1]
                    t += 2
                if j < n:
                    results[node] = slots[j]
            elif j < n:
                sol[node] = slots[j]
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
    try:
        return Straight(trace, shape, pipe, usual)
    except (KeyError, ValueError):  # a value from outside the steps: replay
        return None
