"""Time schedula_nb against the reference ``schedula``, a plain-loop floor and pipefunc.

Usage::

    python benchmarks/run.py [--quick] [--out benchmarks/results/latest.md]

Every side of a scenario is timed in the same process, repeats interleaved between the
sides (the order rotates each repeat) and ``gc.collect()`` before each timed call, so
one side's garbage is not charged to another. Every result of every timed call is
checked against the expected outputs (computed without either library); a side that
gives a wrong answer gets no number, its answer is written in the report, and the run
exits with status 1. Sides that cannot be imported are reported as ``n/a``.

See ``benchmarks/README.md`` for what the scenarios are and how to read the ratios.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import math
import os
import platform
import statistics
import sys
import time
import traceback
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for p in (str(HERE), str(ROOT)):  # scenarios.py, and schedula_nb without PYTHONPATH
    if p not in sys.path:
        sys.path.insert(0, p)

import scenarios as S  # noqa: E402
from nested import render_submodels, run_submodels  # noqa: E402

NB, REF, FLOOR, PF = "schedula_nb", "reference", "floor", "pipefunc"
perf_counter = time.perf_counter

# Sizes and repeats. A full run stays within a few minutes on a 2-core machine; the
# pipefunc build is quadratic (~30 s at 1,000 functions), so it is timed once there
# and not attempted at 10,000 (extrapolated instead).
FULL = {
    "chain": [100, 1_000, 10_000],
    "layered": [1_000, 10_000],
    "vehicle": [700],
    "pipefunc": {100: None, 1_000: 1},  # size -> build repeats (None: as the others)
    "memory": ["chain-10000", "layered-10000"],
    "repeats": {100: 31, 1_000: 15, 10_000: 7},
    "wrapper_repeats": 9,
    "submodel_repeats": 5,
}
QUICK = {
    "chain": [100, 1_000],
    "layered": [1_000],
    "vehicle": [700],
    "pipefunc": {100: None},
    "memory": ["chain-1000"],
    "repeats": {100: 3, 1_000: 3, 10_000: 1},
    "wrapper_repeats": 3,
    "submodel_repeats": 1,
}


# --------------------------------------------------------------------------- sides
def _import(name):
    """Import a side's module; return ``(module, None)`` or ``(None, reason)``."""
    try:
        return importlib.import_module(name), None
    except Exception as err:  # an unfinished library may fail in any way
        return None, f"{type(err).__name__}: {err}".splitlines()[0]


class Failure(Exception):
    """A side gave a wrong answer (or crashed); carries a description for the report."""


def _check(spec, side, values, what):
    """Assert a side's outputs equal the expected ones; raise ``Failure`` otherwise."""
    bad = {}
    for k in spec.outputs:
        try:
            got = values[k]
        except Exception as err:  # missing output
            got = f"<missing: {type(err).__name__}>"
        if got != spec.expected[k] or type(got) is not type(spec.expected[k]):
            bad[k] = (got, spec.expected[k])
    if bad:
        lines = [f"{side} on {spec.name} ({what}): {len(bad)} wrong output(s)"]
        for k, (got, exp) in list(bad.items())[:10]:
            lines.append(f"  {k}: got {got!r}, expected {exp!r}")
        raise Failure("\n".join(lines))


#: warm dispatches are timed in batches of this many consecutive calls
WARM_BATCH = 3


class Side:
    """One side of a scenario: how to build, dispatch, and change the model
    before a *first* or an *edit* dispatch (``mutate``: kind -> function)."""

    def __init__(self, name, spec, build, dispatch, mutate=None, build_repeats=None):
        self.name, self.spec = name, spec
        self._build, self._dispatch = build, dispatch
        self._mutate = mutate or {}
        self.build_repeats = build_repeats
        self.model = None
        self.times = {"build": [], "first": [], "edit": [], "warm": []}
        self.failure = None
        self.n_mutations = 0

    def setup(self):
        if self.build_repeats is None:
            self.model = self._build()
        else:  # an expensive build (pipefunc): the set-up build is one of its samples
            gc.collect()
            t = perf_counter()
            self.model = self._build()
            self.times["build"].append(perf_counter() - t)
        _check(self.spec, self.name, self._dispatch(self.model), "first dispatch")

    def time_build(self):
        gc.collect()
        t = perf_counter()
        model = self._build()
        self.times["build"].append(perf_counter() - t)
        del model

    def time_dispatch(self, kind):
        if kind != "warm":
            mutate = self._mutate.get(kind)
            if mutate is None:
                return
            self.n_mutations += 1
            mutate(self.model, self.n_mutations)
        if kind == "warm":
            return self._time_warm()
        gc.collect()
        t = perf_counter()
        result = self._dispatch(self.model)
        self.times[kind].append(perf_counter() - t)
        _check(self.spec, self.name, result, f"{kind} dispatch")
        del result
        if kind == "first":  # schedula_nb compiles a trace on the second dispatch
            _check(self.spec, self.name, self._dispatch(self.model), "second dispatch")

    def _time_warm(self):
        """The same dispatch repeated: ``WARM_BATCH`` consecutive calls after
        one ``gc.collect()``, whose mean is the sample (right after a
        collection the CPU caches are cold, which would otherwise add a cost
        growing with the working set to every single call)."""
        dispatch, model = self._dispatch, self.model
        gc.collect()
        t = perf_counter()
        results = [dispatch(model) for _ in range(WARM_BATCH)]
        self.times["warm"].append((perf_counter() - t) / WARM_BATCH)
        for result in results:
            _check(self.spec, self.name, result, "warm dispatch")

    def median(self, kind):
        t = self.times[kind]
        return statistics.median(t) if t and self.failure is None else None


def _add_dummy(dsp, k):
    """A model change unrelated to the dispatch (a new data node)."""
    dsp.add_data(f"bench_dummy_{k}")


def _forget(dsp, k):
    """As if the model had just been built: a new node, and schedula_nb's
    cached plans and traces dropped (the reference caches nothing)."""
    dsp.add_data(f"bench_dummy_{k}")
    if hasattr(dsp, "_plans"):
        dsp._plans = {}


def _pf_clear(pipeline, k):
    pipeline._clear_internal_cache()  # what Pipeline.add() does to its caches


def make_sides(spec, mods, with_pipefunc, pf_build_repeats):
    sides = []
    for name in (NB, REF):
        sh = mods[name]
        if sh is None:
            continue
        sides.append(
            Side(
                name,
                spec,
                build=lambda sh=sh: S.build_dispatcher(sh, spec),
                dispatch=lambda dsp: S.dispatch(dsp, spec),
                mutate={"first": _forget, "edit": _add_dummy},
            )
        )
    sides.append(
        Side(
            FLOOR,
            spec,
            build=lambda: S.build_floor(spec),
            dispatch=lambda floor: S.run_floor(floor, spec.inputs),
        )
    )
    if with_pipefunc and mods[PF] is not None:
        pf = mods[PF]
        sides.append(
            Side(
                PF,
                spec,
                build=lambda: S.build_pipefunc(pf, spec),
                dispatch=lambda p: S.run_pipefunc(p, spec),
                mutate={"first": _pf_clear, "edit": _pf_clear}
                if hasattr(pf.Pipeline, "_clear_internal_cache")
                else None,
                build_repeats=pf_build_repeats,
            )
        )
    return sides


def _guard(side, fn, *args):
    if side.failure is not None:
        return
    try:
        fn(*args)
    except Failure as err:
        side.failure = str(err)
    except Exception as err:
        tb = traceback.format_exc(limit=-3)
        side.failure = (
            f"{side.name} on {side.spec.name} raised {type(err).__name__}: {err}\n{tb}"
        )


def run_scenario(
    spec, mods, repeats, with_pipefunc=False, pf_build_repeats=None, log=print
):
    sides = make_sides(spec, mods, with_pipefunc, pf_build_repeats)
    for side in sides:
        _guard(side, side.setup)
    for r in range(repeats):
        order = sides[r % len(sides) :] + sides[: r % len(sides)]  # rotate
        for side in order:
            if side.build_repeats is None or r < side.build_repeats - 1:
                _guard(side, side.time_build)
        for kind in ("first", "edit", "warm"):
            for side in order:
                _guard(side, side.time_dispatch, kind)
    if mods[NB] is not None and mods[REF] is not None:
        spec.notes.extend(compare_solutions(spec, sides))
    log(f"  {spec.name}: " + ", ".join(_brief(s) for s in sides))
    return {s.name: s for s in sides}


def _brief(side):
    if side.failure:
        return f"{side.name} FAILED"
    w = side.median("warm")
    return f"{side.name} {w * 1e3:.2f} ms" if w is not None else f"{side.name} -"


def compare_solutions(spec, sides):
    """Compare schedula_nb's whole solution with the reference's (not only the outputs)."""
    by = {s.name: s for s in sides}
    nb, ref = by.get(NB), by.get(REF)
    if nb is None or ref is None or nb.failure or ref.failure:
        return []
    try:
        a = dict(S.dispatch(nb.model, spec))
        b = dict(S.dispatch(ref.model, spec))
    except Exception as err:
        return [f"{spec.name}: could not compare whole solutions: {err!r}"]
    only_a, only_b = sorted(set(a) - set(b), key=str), sorted(set(b) - set(a), key=str)
    diff = sorted((k for k in set(a) & set(b) if a[k] != b[k]), key=str)
    if not (only_a or only_b or diff):
        return [f"{spec.name}: whole solutions equal ({len(a)} data nodes)"]
    msg = f"{spec.name}: whole solutions differ (requested outputs agree):"
    if only_a:
        msg += f" only in schedula_nb: {only_a[:8]}{'...' if len(only_a) > 8 else ''};"
    if only_b:
        msg += f" only in reference: {only_b[:8]}{'...' if len(only_b) > 8 else ''};"
    for k in diff[:5]:
        msg += f" {k}: nb={a[k]!r} ref={b[k]!r};"
    return [msg]


# --------------------------------------------------------------------------- memory
def measure_memory(spec, mods):
    """Memory of the first dispatch of a freshly built model, traced with tracemalloc.

    Returns ``{side: (peak, kept, freed_by_del)}`` in bytes: the peak above the
    starting point during the dispatch; what is still allocated after it (the result,
    plus whatever the model keeps: a plan cache, the reference's ``dsp.solution``);
    and how much of that a ``del`` of the returned result frees.
    """
    out = {}
    for side in make_sides(spec, mods, False, None):
        try:
            model = side._build()
            gc.collect()
            tracemalloc.start()
            try:
                base = tracemalloc.get_traced_memory()[0]
                tracemalloc.reset_peak()
                result = side._dispatch(model)
                peak = tracemalloc.get_traced_memory()[1]
                _check(spec, side.name, result, "memory dispatch")
                gc.collect()
                kept = tracemalloc.get_traced_memory()[0]
                del result
                gc.collect()
                after = tracemalloc.get_traced_memory()[0]
            finally:
                tracemalloc.stop()
            out[side.name] = (peak - base, kept - base, kept - after)
        except Failure as err:
            out[side.name] = str(err)
        except Exception as err:
            out[side.name] = (
                f"{side.name} on {spec.name} (memory): {type(err).__name__}: {err}"
            )
        model = None
        gc.collect()
    return out


# --------------------------------------------------------------------------- report
def _ms(t):
    return "n/a" if t is None else (f"{t * 1e3:.3g}" if t < 1e-2 else f"{t * 1e3:,.1f}")


def _us(t, n):
    return "n/a" if t is None else f"{t / n * 1e6:.3g}"


def _ratio(a, b):
    return "n/a" if a is None or b is None or b == 0 else f"{a / b:.3g}×"


def _exp(t1, t2, n1, n2):
    if t1 is None or t2 is None or t1 <= 0 or t2 <= 0:
        return "n/a"
    return f"{math.log(t2 / t1) / math.log(n2 / n1):.2f}"


def _table(header, rows):
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def render(results, specs, memory, mods, reasons, cfg, elapsed, quick):
    def med(spec, side, kind):
        s = results[spec.name].get(side)
        return None if s is None else s.median(kind)

    def cell(spec, side, kind, fmt=_ms):
        s = results[spec.name].get(side)
        if s is None:
            return "n/a"
        if s.failure:
            return "**WRONG**" if "wrong output" in s.failure else "**ERROR**"
        v = s.median(kind)
        if v is None:
            return "n/a"
        txt = fmt(v)
        n = len(s.times[kind])
        return (
            f"{txt} (1 run)"
            if n == 1 and len(results[spec.name][FLOOR].times[kind]) > 1
            else txt
        )

    out = []
    out.append(f"# schedula_nb benchmarks{' (--quick)' if quick else ''}\n")
    out.append(
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPU(s); "
        + "; ".join(
            f"{label} {getattr(mods[key], '__version__', '?')}"
            if mods[key]
            else f"{label}: n/a ({reasons[key]})"
            for key, label in (
                (NB, NB),
                (REF, "schedula (reference)"),
                (PF, PF),
            )
        )
        + f". Wall time of this run: {elapsed:.0f} s.\n"
    )
    out.append(
        "Times are medians over repeats (repeats: "
        + ", ".join(f"{n:,} fns: {r}" for n, r in cfg["repeats"].items())
        + "), interleaved between sides, `gc.collect()` before each timed call. "
        "*first* = the first dispatch of a model (a new data node added and "
        "schedula_nb's cached plans dropped; pipefunc: its internal caches cleared), "
        "followed by one untimed dispatch (schedula_nb compiles the trace of its search "
        "when the same dispatch comes a second time); "
        "*edit* = right after an unrelated model change (a new data node: schedula_nb "
        "keeps the plans it does not touch); *warm* = the same dispatch repeated (timed "
        "as 3 consecutive calls after one `gc.collect()`, their mean is the "
        "sample; the others are single calls). "
        "The reference caches nothing: its three are the same up to noise. Every timed "
        "result was checked against the expected outputs.\n"
    )
    # dispatch
    out.append("## Dispatch (ms)\n")
    rows = []
    for spec in specs:
        rows.append(
            [
                spec.name,
                f"{spec.size:,}",
                cell(spec, FLOOR, "warm"),
                cell(spec, NB, "warm"),
                cell(spec, NB, "edit"),
                cell(spec, NB, "first"),
                cell(spec, REF, "warm"),
                cell(spec, REF, "first"),
                cell(spec, PF, "warm"),
                cell(spec, PF, "first"),
            ]
        )
    out.append(
        _table(
            [
                "scenario",
                "functions",
                "floor",
                "nb warm",
                "nb edit",
                "nb first",
                "ref warm",
                "ref first",
                "pipefunc warm",
                "pipefunc first",
            ],
            rows,
        )
    )
    out.append("\n## Per function (µs) and ratios\n")
    rows = []
    for spec in specs:
        n = spec.size

        def us(side, kind, n=n, spec=spec):
            return cell(spec, side, kind, lambda t: _us(t, n))

        f, nw, ne, nf = (
            med(spec, FLOOR, "warm"),
            med(spec, NB, "warm"),
            med(spec, NB, "edit"),
            med(spec, NB, "first"),
        )
        rw, re_, rf, pw = (
            med(spec, REF, "warm"),
            med(spec, REF, "edit"),
            med(spec, REF, "first"),
            med(spec, PF, "warm"),
        )
        rows.append(
            [
                spec.name,
                us(FLOOR, "warm"),
                us(NB, "warm"),
                us(NB, "first"),
                us(REF, "warm"),
                _ratio(rw, nw),
                _ratio(re_, ne),
                _ratio(rf, nf),
                _ratio(nw, f),
                _ratio(nf, f),
                _ratio(pw, nw),
                _ratio(med(spec, PF, "first"), nf),
            ]
        )
    out.append(
        _table(
            [
                "scenario",
                "floor µs/fn",
                "nb warm µs/fn",
                "nb first µs/fn",
                "ref µs/fn",
                "ref/nb warm",
                "ref/nb edit",
                "ref/nb first",
                "nb warm/floor",
                "nb first/floor",
                "pipefunc/nb warm",
                "pipefunc/nb first",
            ],
            rows,
        )
    )
    out.append("\n## Model build (ms)\n")
    rows = []
    for spec in specs:
        nb_b, ref_b, pf_b = (
            med(spec, NB, "build"),
            med(spec, REF, "build"),
            med(spec, PF, "build"),
        )
        rows.append(
            [
                spec.name,
                cell(spec, FLOOR, "build"),
                cell(spec, NB, "build"),
                cell(spec, REF, "build"),
                cell(spec, PF, "build"),
                cell(spec, NB, "build", lambda t, n=spec.size: _us(t, n)),
                _ratio(ref_b, nb_b),
                _ratio(pf_b, nb_b),
            ]
        )
    out.append(
        _table(
            [
                "scenario",
                "floor",
                "nb",
                "ref",
                "pipefunc",
                "nb µs/fn",
                "ref/nb",
                "pipefunc/nb",
            ],
            rows,
        )
    )
    # growth
    out.append("\n## Growth exponent log(t2/t1)/log(n2/n1) (1 = linear)\n")
    rows = []
    fams = {}
    for spec in specs:
        fams.setdefault(spec.name.split("-")[0], []).append(spec)
    for fam, ss in fams.items():
        for a, b in zip(ss, ss[1:]):
            row = [f"{fam} {a.size:,}→{b.size:,}"]
            for side, kind in (
                (FLOOR, "warm"),
                (NB, "warm"),
                (NB, "first"),
                (REF, "warm"),
                (PF, "warm"),
                (NB, "build"),
                (REF, "build"),
                (PF, "build"),
            ):
                row.append(_exp(med(a, side, kind), med(b, side, kind), a.size, b.size))
            rows.append(row)
    out.append(
        _table(
            [
                "family",
                "floor",
                "nb warm",
                "nb first",
                "ref",
                "pipefunc warm",
                "nb build",
                "ref build",
                "pipefunc build",
            ],
            rows,
        )
    )
    pf_note = pipefunc_extrapolation(results, specs, cfg)
    if pf_note:
        out.append("\n" + pf_note)
    # memory
    out.append("\n## Memory of the first dispatch of a fresh model (tracemalloc)\n")
    rows = []
    for name, mem in memory.items():
        n = next(s.size for s in specs if s.name == name)
        for side in (NB, REF, FLOOR):
            m = mem.get(side)
            if m is None:
                rows.append([name, side, "n/a", "n/a", "n/a", "n/a"])
            elif isinstance(m, str):
                rows.append([name, side, "**ERROR**", "see below", "", ""])
            else:
                peak, kept, freed = m
                rows.append(
                    [
                        name,
                        side,
                        f"{peak / 2**20:.2f}",
                        f"{kept / 2**20:.2f}",
                        f"{kept / n:,.0f}",
                        f"{max(freed, 0) / 2**20:.2f}",
                    ]
                )
    out.append(
        _table(
            [
                "scenario",
                "side",
                "peak during dispatch (MiB)",
                "kept after it (MiB)",
                "kept B/fn",
                "freed by `del result` (MiB)",
            ],
            rows,
        )
    )
    # checks and failures
    out.append("\n## Checks\n")
    for spec in specs:
        extra = f" (plan: {spec.stats})" if spec.stats else ""
        out.append(
            f"- {spec.name}: outputs {', '.join(spec.outputs[:3])}{'...' if len(spec.outputs) > 3 else ''}"
            f" checked after every timed call{extra}."
        )
        out.extend(f"- {note}" for note in spec.notes)
    failures = [
        s.failure for spec in specs for s in results[spec.name].values() if s.failure
    ] + [m for mem in memory.values() for m in mem.values() if isinstance(m, str)]
    if failures:
        out.append("\n## FAILURES\n")
        out.extend("```\n" + f.rstrip() + "\n```" for f in failures)
    return "\n".join(out) + "\n", bool(failures)


def pipefunc_extrapolation(results, specs, cfg):
    chains = [s for s in specs if s.name.startswith("chain-")]
    timed = [(s.size, med) for s in chains if (med := _med(results, s, PF, "build"))]
    missing = [s.size for s in chains if s.size not in cfg["pipefunc"]]
    if len(timed) < 2 or not missing:
        return ""
    (n1, t1), (n2, t2) = timed[-2], timed[-1]
    k = math.log(t2 / t1) / math.log(n2 / n1)
    est = ", ".join(f"{n:,}: ~{t2 * (n / n2) ** k:,.0f} s" for n in missing)
    return (
        f"pipefunc is not run at {', '.join(f'{n:,}' for n in missing)} functions: its "
        f"`Pipeline` build grows with exponent {k:.2f}; extrapolated build time {est}."
    )


def _med(results, spec, side, kind):
    s = results[spec.name].get(side)
    return None if s is None else s.median(kind)


# --------------------------------------------------------------------------- wrappers
WRAPPER_CALLS = 1_000


def run_wrappers(mods, repeats):
    """Time ``WRAPPER_CALLS`` calls of the wrappers scenario's model through
    ``SubDispatchFunction`` and ``SubDispatchPipe`` on each library (and the
    plain-Python floor); repeats interleaved, ``gc.collect()`` before each.
    Returns ``{side: [seconds per batch, ...]}`` and wrong answers."""
    calls = [(i, i + 7) for i in range(WRAPPER_CALLS)]
    expected = [S.wrapper_expected(a, b) for a, b in calls]
    sides = {"floor": S.wrapper_expected}
    for key, label in ((NB, "schedula_nb"), (REF, "reference")):
        sh = mods.get(key)
        if sh is None:
            continue
        for cls in ("SubDispatchFunction", "SubDispatchPipe"):
            dsp, inputs, outputs = S.build_wrapper_model(sh)
            sides[f"{label} {cls}"] = getattr(sh, cls)(dsp, "f", inputs, outputs)
    times, wrong = {k: [] for k in sides}, []
    for _ in range(repeats):
        for name, fn in sides.items():
            gc.collect()
            t0 = perf_counter()
            got = [fn(a, b) for a, b in calls]
            times[name].append(perf_counter() - t0)
            if got != expected:
                wrong.append(name)
    return times, sorted(set(wrong))


def render_wrappers(times, wrong):
    """The wrappers section of the results (markdown) and whether it failed."""
    med = {k: statistics.median(v) for k, v in times.items()}
    rows = [
        [k, f"{v / WRAPPER_CALLS * 1e6:.1f}", _ratio(v, med["floor"])]
        for k, v in med.items()
    ]
    lines = [
        "## Wrappers (%d calls, %d functions)" % (WRAPPER_CALLS, S.WRAPPER_SIZE),
        "",
        _table(["side", "µs / call", "× floor"], rows),
        "",
    ]
    pairs = [
        ("schedula_nb SubDispatchFunction", "schedula_nb SubDispatchPipe"),
        ("reference SubDispatchFunction", "schedula_nb SubDispatchFunction"),
        ("reference SubDispatchPipe", "schedula_nb SubDispatchPipe"),
    ]
    for a, b in pairs:
        if a in med and b in med:
            lines.append(f"- {b} is {med[a] / med[b]:.2f}× as fast as {a}")
    if wrong:
        lines.append(f"- FAILURES: wrong answers from {', '.join(wrong)}")
    return "\n".join(lines) + "\n", bool(wrong)


# --------------------------------------------------------------------------- main
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--quick", action="store_true", help="small sizes, few repeats (< 60 s)"
    )
    ap.add_argument(
        "--out",
        default=str(HERE / "results" / "latest.md"),
        help="markdown file to write",
    )
    args = ap.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    t_start = perf_counter()
    # The reference logs every failing function (with its traceback) at ERROR level;
    # silence logging for every side so message formatting is not what is timed.
    logging.disable(logging.CRITICAL)
    # pipefunc recurses once per chained function while resolving a pipeline.
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20_000))

    mods, reasons = {}, {}
    for key, modname in ((NB, "schedula_nb"), (REF, "schedula"), (PF, "pipefunc")):
        mods[key], reasons[key] = _import(modname)
        print(
            f"{modname}: " + ("ok" if mods[key] else f"n/a ({reasons[key]})"),
            flush=True,
        )

    specs = (
        [S.chain_spec(n) for n in cfg["chain"]]
        + [S.layered_spec(n) for n in cfg["layered"]]
        + [S.vehicle_spec(n) for n in cfg["vehicle"]]
    )
    results = {}
    for spec in specs:
        repeats = cfg["repeats"][
            min(cfg["repeats"], key=lambda n: abs(math.log(n / spec.size)))
        ]
        is_chain = spec.name.startswith("chain-")
        with_pf = is_chain and spec.size in cfg["pipefunc"]
        pf_rep = cfg["pipefunc"].get(spec.size) if with_pf else None
        print(
            f"{spec.name}: {repeats} repeats" + (" (+ pipefunc)" if with_pf else ""),
            flush=True,
        )
        results[spec.name] = run_scenario(spec, mods, repeats, with_pf, pf_rep)
        gc.collect()

    memory = {}
    for name in cfg["memory"]:
        spec = next(s for s in specs if s.name == name)
        print(f"memory: {name}", flush=True)
        memory[name] = measure_memory(spec, mods)

    print("wrappers", flush=True)
    wrap_text, wrap_failed = render_wrappers(
        *run_wrappers(mods, cfg["wrapper_repeats"])
    )

    print("sub-models", flush=True)
    libs = {
        label: mods[key] for key, label in ((NB, "schedula_nb"), (REF, "reference"))
    }
    sub_text, sub_failed = render_submodels(
        *run_submodels({k: v for k, v in libs.items() if v}, cfg["submodel_repeats"])
    )

    text, failed = render(
        results, specs, memory, mods, reasons, cfg, perf_counter() - t_start, args.quick
    )
    text = text.rstrip("\n") + "\n\n" + wrap_text + "\n" + sub_text
    failed = failed or wrap_failed or sub_failed
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print()
    print(text)
    print(f"written to {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
