"""Benchmark scenarios, built the same way on ``schedula`` and ``schedula_nb``.

Every scenario is described once, as plain Python data (a *spec*), independent of any
library. From a spec the module builds:

- a dispatcher, with :func:`build_dispatcher`, on whichever module is passed in (the
  reference ``schedula`` or ``schedula_nb``: both expose ``Dispatcher``, ``add_data``,
  ``add_function`` and ``dispatch``);
- the *floor*, with :func:`build_floor`: the same Python functions called in a precomputed
  order on a dict of values, no search at all;
- a ``pipefunc.Pipeline`` of the same functions, with :func:`build_pipefunc` (chains only).

The expected outputs of every scenario are computed independently of both libraries (for
the vehicle-like model by :func:`plan`, a small transcription of the reference's
search rules: Dijkstra over ``edge weight (1) + node weight``, a function is reached when
its last input is, a data node takes the value of its cheapest producer that passes its
``input_domain`` and does not raise, the search stops once all requested outputs are
reached, and only ancestors of the requested outputs are considered).

This module never imports ``schedula`` or ``schedula_nb`` itself: the caller passes the module.
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Step",
    "Spec",
    "chain_spec",
    "layered_spec",
    "vehicle_spec",
    "build_dispatcher",
    "build_floor",
    "run_floor",
    "build_pipefunc",
    "run_pipefunc",
    "plan",
    "SCENARIO_DOCS",
    "WRAPPER_SIZE",
    "build_wrapper_model",
    "wrapper_expected",
]


@dataclass(frozen=True)
class Step:
    """One function node of a model: ``outputs = function(*inputs)``."""

    function_id: str
    function: Callable
    inputs: tuple
    outputs: tuple
    input_domain: Callable | None = None
    weight: float | None = None


@dataclass
class Spec:
    """A library-independent model plus the dispatch to run on it.

    ``order`` is the precomputed evaluation order for the floor (indices into
    ``steps``); ``expected`` maps every requested output to its correct value.
    """

    name: str
    size: int  # number of function nodes
    data: list  # data node ids (inputs included)
    steps: list  # list[Step]
    inputs: dict
    outputs: list
    expected: dict
    order: list = field(default_factory=list)  # [(step index, outputs to write)]
    stats: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)  # filled in by run.py
    unrelated: str = "bench_unrelated"  # a data node with no edge


# --------------------------------------------------------------------------- functions
def inc(x):
    """The chain's function: ``x + 1``."""
    return x + 1


_MOD = 1_000_003


def add_mod(a, b):
    """The layered graph's function: ``(a + b) mod 1_000_003`` (bounded ints)."""
    return (a + b) % _MOD


# --------------------------------------------------------------------------- chain
def chain_spec(n: int) -> Spec:
    """``d0 -> f1 -> d1 -> ... -> fn -> dn`` with ``f_i(x) = x + 1``; ask for ``dn``.

    ``dn`` must equal ``n`` for ``d0 = 0``.
    """
    steps = [Step(f"f{i}", inc, (f"d{i - 1}",), (f"d{i}",)) for i in range(1, n + 1)]
    return Spec(
        name=f"chain-{n}",
        size=n,
        data=[f"d{i}" for i in range(n + 1)],
        steps=steps,
        inputs={"d0": 0},
        outputs=[f"d{n}"],
        expected={f"d{n}": n},
        order=[(i, s.outputs) for i, s in enumerate(steps)],
    )


# --------------------------------------------------------------------------- layered
LAYER_WIDTH = 25


def layered_spec(n: int, width: int = LAYER_WIDTH) -> Spec:
    """Layers of ``width`` functions; node ``x{k}_{j}`` = ``add_mod(x{k-1}_{j}, x{k-1}_{j+1 mod w})``.

    Layer 0 holds the ``width`` inputs (``x0_j = j + 1``); ``n // width`` function layers
    follow. Every node of the last layer is requested (each one depends on the whole
    graph below it after ``width`` layers, so pruning keeps everything).
    """
    if n % width:
        raise ValueError(f"n={n} must be a multiple of width={width}")
    layers = n // width
    steps, data = [], [f"x0_{j}" for j in range(width)]
    for k in range(1, layers + 1):
        for j in range(width):
            out = f"x{k}_{j}"
            data.append(out)
            steps.append(
                Step(
                    f"g{k}_{j}",
                    add_mod,
                    (f"x{k - 1}_{j}", f"x{k - 1}_{(j + 1) % width}"),
                    (out,),
                )
            )
    inputs = {f"x0_{j}": j + 1 for j in range(width)}
    # expected, computed with plain arithmetic (not with the step list)
    row = [j + 1 for j in range(width)]
    for _ in range(layers):
        row = [(row[j] + row[(j + 1) % width]) % _MOD for j in range(width)]
    outputs = [f"x{layers}_{j}" for j in range(width)]
    return Spec(
        name=f"layered-{n}",
        size=n,
        data=data,
        steps=steps,
        inputs=inputs,
        outputs=outputs,
        expected=dict(zip(outputs, row)),
        order=[(i, s.outputs) for i, s in enumerate(steps)],
    )


# --------------------------------------------------------------------------- vehicle-like
class BenchFailure(ValueError):
    """Raised, deterministically, by the vehicle model's failing formulas."""


def _make_formula(kind: int, coefs: tuple, fails_above: float | None, n_out: int):
    """A physics-looking formula over 1..3 floats; may raise when its result is too large."""
    a0, a1, a2 = coefs

    def _check(r):
        if fails_above is not None and r > fails_above:
            raise BenchFailure(f"result {r!r} above {fails_above!r}")
        return r

    if kind == 0:

        def formula(*x):
            r = a0 * x[0] + a1
            for v in x[1:]:
                r += a2 * v
            return _check(r)
    elif kind == 1:

        def formula(*x):
            r = a0
            for v in x:
                r = r * 0.5 + a1 * math.sqrt(abs(v) + 1.0)
            return _check(r + a2)
    else:

        def formula(*x):
            s = sum(x)
            return _check(a0 * s / (len(x) + a1) + a2 * math.log1p(abs(s)))

    if n_out == 2:
        base = formula

        def formula(*x):  # noqa: F811 - a two-output variant
            r = base(*x)
            return r, r * 0.25 + a1

    return formula


def _make_domain(limit: float, always_false: bool):
    if always_false:

        def input_domain(*x):
            return False
    else:

        def input_domain(*x):
            return x[0] < limit

    return input_domain


def vehicle_spec(n_formulas: int = 700, seed: int = 2024) -> Spec:
    """A ~700-formula model in the spirit of a vehicle simulator (CO2MPAS-like).

    - 40 input data nodes (``in_00`` ..), floats in [1, 10);
    - derived data nodes ``v_000`` .. created in topological order, each with 2 or 3
      alternative producers taking 1 to 3 earlier nodes (biased to recent ones, for depth);
    - about 1 producer in 6 has an ``input_domain`` (half reject always, half reject
      when the first argument is above a limit), about 1 in 8 raises ``BenchFailure``
      when its result is above a limit, about 1 in 12 has two outputs (the second one an
      extra data node ``w_*`` that nothing else produces);
    - weights are random floats, so the cheapest path is decided by weights and depth,
      not by insertion order; the last producer of every node is safe (no domain, never
      raises), so every node is reachable;
    - 20 outputs are requested among the deepest nodes.
    """
    rng = random.Random(seed)
    n_inputs = 40
    data = [f"in_{i:02d}" for i in range(n_inputs)]
    inputs = {k: round(rng.uniform(1.0, 10.0), 3) for k in data}
    steps: list[Step] = []
    derived: list[str] = []
    extra_outputs: list[str] = []
    i = 0
    while len(steps) < n_formulas:
        node = f"v_{i:03d}"
        k_prod = 2 if rng.random() < 0.5 else 3
        pool = data + derived  # every earlier node (inputs and derived, not extras)
        for p in range(k_prod):
            last = p == k_prod - 1
            n_in = rng.choice((1, 2, 2, 3))
            ins = []
            while len(ins) < n_in:
                if derived and rng.random() < 0.7:  # recent derived node -> depth
                    cand = derived[
                        -1 - min(int(rng.expovariate(1 / 8)), len(derived) - 1)
                    ]
                else:
                    cand = rng.choice(pool)
                if cand not in ins:
                    ins.append(cand)
            domain = None
            fails_above = None
            n_out = 1
            if not last:
                r = rng.random()
                if r < 1 / 12:
                    domain = _make_domain(0.0, always_false=True)
                elif r < 1 / 6:
                    domain = _make_domain(rng.uniform(2.0, 12.0), always_false=False)
                elif r < 1 / 6 + 1 / 8:
                    fails_above = rng.uniform(1.0, 20.0)
            outs = [node]
            if rng.random() < 1 / 12:
                extra = f"w_{i:03d}_{p}"
                outs.append(extra)
                extra_outputs.append(extra)
                n_out = 2
            kind = rng.randrange(3)
            coefs = (
                rng.uniform(0.2, 1.5),
                rng.uniform(0.0, 2.0),
                rng.uniform(-0.5, 0.5),
            )
            steps.append(
                Step(
                    function_id=f"h_{i:03d}_{p}",
                    function=_make_formula(kind, coefs, fails_above, n_out),
                    inputs=tuple(ins),
                    outputs=tuple(outs),
                    input_domain=domain,
                    weight=round(rng.uniform(0.0, 4.0), 3),
                )
            )
        derived.append(node)
        i += 1
    data = data + derived + extra_outputs
    outputs = sorted(rng.sample(derived[-60:], 20))
    spec = Spec(
        name=f"vehicle-{len(steps)}",
        size=len(steps),
        data=data,
        steps=steps,
        inputs=inputs,
        outputs=outputs,
        expected={},
    )
    order, values, stats = plan(spec)
    spec.order = order
    spec.stats = stats
    spec.expected = {k: values[k] for k in outputs}
    return spec


# --------------------------------------------------------------------------- the plan
def plan(spec: Spec):
    """Return ``(order, values, stats)``.

    ``order`` lists the calls whose results were used, in call order, as
    ``(step index, outputs kept)``; ``values`` holds every data value reached; ``stats``
    counts the calls made, rejected by their domain, raised, and used.

    A transcription of the reference's search rules (see the module docstring), used
    to give the floor its order and the vehicle scenario its expected outputs without
    trusting either library.
    """
    producers: dict[str, list[int]] = {}
    for idx, st in enumerate(spec.steps):
        for o in st.outputs:
            producers.setdefault(o, []).append(idx)
    # ancestors of the requested outputs
    needed_data, needed_steps = set(), set()
    stack = list(spec.outputs)
    while stack:
        d = stack.pop()
        if d in needed_data:
            continue
        needed_data.add(d)
        for idx in producers.get(d, ()):
            if idx not in needed_steps:
                needed_steps.add(idx)
                stack.extend(spec.steps[idx].inputs)
    consumers: dict[str, list[int]] = {}
    for idx in sorted(needed_steps):
        for d in spec.steps[idx].inputs:
            consumers.setdefault(d, []).append(idx)

    dist: dict[Any, float] = {}  # visited nodes ('d', id) / ('f', idx)
    seen: dict[Any, float] = {}
    values: dict[str, Any] = {}
    # data id -> [(value, call number)] offered by producers, in call order
    pending: dict[str, list] = {}
    targets = set(spec.outputs)
    fringe: list = []
    for k, v in spec.inputs.items():
        if k in needed_data:
            pending.setdefault(k, []).append((v, None))
            seen[("d", k)] = 0.0
            heapq.heappush(fringe, (0.0, 0, str(k), ("d", k)))
    calls: list[int] = []  # successful calls, in call order (step indices)
    taken: dict[int, list] = {}  # call number -> outputs whose value was kept
    stats = {"rejected": 0, "raised": 0, "calls": 0}
    while fringe:
        d, _, _, node = heapq.heappop(fringe)
        if node in dist:
            continue
        dist[node] = d
        kind, ident = node
        if kind == "d":
            value, call = pending[ident][0]  # the first (cheapest) estimate wins
            values[ident] = value
            if call is not None:
                taken.setdefault(call, []).append(ident)
            targets.discard(ident)
            if not targets:
                break
            for idx in consumers.get(ident, ()):
                st = spec.steps[idx]
                fn = ("f", idx)
                if not all(("d", i) in dist for i in st.inputs):
                    continue
                vd = d + (1 + (st.weight or 0))
                if fn not in seen or vd < seen[fn]:
                    seen[fn] = vd
                    heapq.heappush(fringe, (vd, 1, st.function_id, fn))
        else:
            st = spec.steps[ident]
            outs = [o for o in st.outputs if o in needed_data and ("d", o) not in dist]
            if not outs:
                continue
            args = [values[i] for i in st.inputs]
            if st.input_domain is not None and not st.input_domain(*args):
                stats["rejected"] += 1
                continue
            try:
                res = st.function(*args)
            except BenchFailure:
                stats["raised"] += 1
                continue
            stats["calls"] += 1
            call = len(calls)
            calls.append(ident)
            res = res if len(st.outputs) > 1 else (res,)
            for o, r in zip(st.outputs, res):
                if o not in outs:
                    continue
                pending.setdefault(o, []).append((r, call))
                vd = d + 1
                if ("d", o) not in seen or vd < seen[("d", o)]:
                    seen[("d", o)] = vd
                    heapq.heappush(fringe, (vd, 0, str(o), ("d", o)))
    missing = [o for o in spec.outputs if o not in values]
    if missing:
        raise RuntimeError(f"{spec.name}: outputs not reachable by the plan: {missing}")
    # the floor keeps only the calls whose results were used, writing only those outputs
    order = [(calls[c], tuple(outs)) for c, outs in sorted(taken.items())]
    stats["used"] = len(order)
    return order, values, stats


# --------------------------------------------------------------------------- builders
def build_dispatcher(sh, spec: Spec):
    """Build ``spec`` as a ``sh.Dispatcher`` (``sh`` is ``schedula`` or ``schedula_nb``)."""
    dsp = sh.Dispatcher(name=spec.name)
    add_data, add_function = dsp.add_data, dsp.add_function
    for d in spec.data:
        add_data(d)
    add_data(spec.unrelated)
    for st in spec.steps:
        kw = {}
        if st.input_domain is not None:
            kw["input_domain"] = st.input_domain
        if st.weight is not None:
            kw["weight"] = st.weight
        add_function(
            st.function_id, st.function, list(st.inputs), list(st.outputs), **kw
        )
    return dsp


def dispatch(dsp, spec: Spec):
    """The timed dispatch: the spec's inputs, its outputs."""
    return dsp.dispatch(inputs=spec.inputs, outputs=spec.outputs)


def build_floor(spec: Spec):
    """The floor's 'model': ``(function, input ids, output ids, domain)`` in evaluation order."""
    steps = spec.steps
    floor = []
    for i, outs in spec.order:
        st = steps[i]
        if len(st.outputs) == 1:
            write = st.outputs[0]  # a single output: assign the result
        else:  # several: (position, id) of the outputs kept
            write = tuple((st.outputs.index(o), o) for o in outs)
        floor.append((st.function, st.inputs, write, st.input_domain))
    return floor


def run_floor(floor, inputs: dict) -> dict:
    """Call the floor's functions in order on a dict of values. No search."""
    values = dict(inputs)
    for fn, ins, outs, dom in floor:
        args = [values[k] for k in ins]
        if dom is not None and not dom(*args):
            raise AssertionError(f"floor: domain of {fn} rejected its inputs")
        if type(outs) is str:
            values[outs] = fn(*args)
        else:
            res = fn(*args)
            for pos, o in outs:
                values[o] = res[pos]
    return values


def build_pipefunc(pipefunc, spec: Spec):
    """A ``pipefunc.Pipeline`` of the same functions (single input, single output steps)."""
    PipeFunc = pipefunc.PipeFunc
    funcs = []
    for st in spec.steps:
        if len(st.inputs) != 1 or len(st.outputs) != 1 or st.input_domain is not None:
            raise ValueError("build_pipefunc handles chains only")
        funcs.append(
            PipeFunc(
                st.function, output_name=st.outputs[0], renames={"x": st.inputs[0]}
            )
        )
    return pipefunc.Pipeline(funcs)


def run_pipefunc(pipeline, spec: Spec):
    """Run the pipeline for the first requested output; returns ``{output: value}``."""
    (out,) = spec.outputs
    return {out: pipeline.run(out, kwargs=spec.inputs)}


# --------------------------------------------------------------------------- wrappers
WRAPPER_SIZE = 20  # functions in the model the wrappers scenario calls


def mix(x, a):
    return (3 * x + a) % 1_000_003


def build_wrapper_model(sh, n: int = WRAPPER_SIZE):
    """A model of ``n`` functions, ``d1 = mix(a, b)``, ``d<i> = mix(d<i-1>, a)``,
    called through a wrapper as a function ``(a, b) -> d<n>``."""
    dsp = sh.Dispatcher(name=f"wrapped-{n}")
    dsp.add_function("f1", mix, ["a", "b"], ["d1"])
    for i in range(2, n + 1):
        dsp.add_function(f"f{i}", mix, [f"d{i - 1}", "a"], [f"d{i}"])
    return dsp, ["a", "b"], [f"d{n}"]


def wrapper_expected(a, b, n: int = WRAPPER_SIZE):
    """What ``build_wrapper_model``'s function returns, computed directly."""
    x = mix(a, b)
    for _ in range(n - 1):
        x = mix(x, a)
    return x


SUBMODEL_GROUPS, SUBMODEL_LEAVES = 5, 10  # 50 leaf sub-models in 5 groups


def build_submodel_model(sh, size: int = WRAPPER_SIZE):
    """50 sub-models of ``size`` functions nested two levels: ``top`` chains 5
    group models, each chaining 10 leaf models of ``mix`` functions."""

    def leaf(name):
        dsp = sh.Dispatcher(name=name)
        dsp.add_function("f1", mix, ["s", "k"], ["d1"])
        for i in range(2, size + 1):
            dsp.add_function(f"f{i}", mix, [f"d{i - 1}", "k"], [f"d{i}"])
        return dsp

    def group(name):
        dsp = sh.Dispatcher(name=name)
        for j in range(SUBMODEL_LEAVES):
            dsp.add_dispatcher(
                leaf(f"{name}-leaf{j}"),
                inputs={f"x{j}": "s", "k": "k"},
                outputs={f"d{size}": f"x{j + 1}"},
                dsp_id=f"leaf{j}",
            )
        return dsp

    top = sh.Dispatcher(name="nested")
    for g in range(SUBMODEL_GROUPS):
        top.add_dispatcher(
            group(f"group{g}"),
            inputs={f"y{g}": "x0", "k": "k"},
            outputs={f"x{SUBMODEL_LEAVES}": f"y{g + 1}"},
            dsp_id=f"group{g}",
        )
    return top, ["y0", "k"], [f"y{SUBMODEL_GROUPS}"]


def submodel_expected(y0, k, size: int = WRAPPER_SIZE):
    """What ``build_submodel_model`` computes, directly."""
    x = y0
    for _ in range(SUBMODEL_GROUPS * SUBMODEL_LEAVES * size):
        x = mix(x, k)
    return x


SCENARIO_DOCS = {
    "chain": chain_spec.__doc__.strip().splitlines()[0],
    "layered": layered_spec.__doc__.strip().splitlines()[0],
    "vehicle": vehicle_spec.__doc__.strip().splitlines()[0],
    "wrappers": build_wrapper_model.__doc__.strip().splitlines()[0],
    "sub-models": build_submodel_model.__doc__.strip().splitlines()[0],
}
