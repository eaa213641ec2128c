"""How cheap can a *first* dispatch be in pure Python? A bound, measured.

Usage::

    python benchmarks/search_floor.py [--quick] [--out benchmarks/results/search_floor.md]

A first dispatch (no plan cached yet) must find the part of the model that can reach
the requested outputs (the cut) and then search it, cheapest node first, calling the
functions as it goes. ``minimal_first`` below does only that, with adjacency lists
prepared once per model (as a library prepares them when the model is built) and
nothing else: no tie order, no waiting data nodes, no defaults, no record of
distances, failures or the workflow, no trace for the next dispatch. It answers the
benchmark scenarios correctly (every answer is checked) and is what no pure-Python
implementation of schedula's contract can undercut by much.

Timed in one run, interleaved, median of the repeats, ``gc.collect()`` before each
call: the reference's dispatch, ``schedula_nb``'s first dispatch (plans dropped, as
in ``run.py``) and ``minimal_first``. The ratios say how far a first dispatch can be
ahead of the reference in CPython at all.
"""

from __future__ import annotations

import argparse
import gc
import logging
import statistics
import sys
import time
from heapq import heappop, heappush
from pathlib import Path

HERE = Path(__file__).resolve().parent
for p in (str(HERE), str(HERE.parent)):
    if p not in sys.path:
        sys.path.insert(0, p)

import scenarios as S  # noqa: E402
from run import _check, _import  # noqa: E402

FULL = {
    "specs": [
        "chain-100",
        "chain-1000",
        "chain-10000",
        "layered-1000",
        "layered-10000",
        "vehicle-700",
    ],
    "repeats": {100: 31, 1000: 15, 10000: 5},
}
QUICK = {"specs": ["chain-100", "vehicle-700"], "repeats": {100: 3, 1000: 3, 10000: 1}}


def _spec(name: str) -> S.Spec:
    family, size = name.rsplit("-", 1)
    build = {
        "chain": S.chain_spec,
        "layered": S.layered_spec,
        "vehicle": S.vehicle_spec,
    }
    return build[family](int(size))


def prepare(spec: S.Spec) -> tuple:
    """The model, as adjacency lists: the steps, data -> producing steps, data ->
    consuming steps (built once, like a library's graph)."""
    producers: dict = {}
    consumers: dict = {}
    for i, st in enumerate(spec.steps):
        for o in st.outputs:
            producers.setdefault(o, []).append(i)
        for d in st.inputs:
            consumers.setdefault(d, []).append(i)
    return spec.steps, producers, consumers


def minimal_first(model: tuple, inputs: dict, outputs: list) -> dict:
    """Cut, then search cheapest first, calling each function when its last input
    is reached; a domain that rejects or a function that raises feeds nothing.

    >>> spec = S.chain_spec(3)
    >>> minimal_first(prepare(spec), spec.inputs, spec.outputs)['d3']
    3
    """
    steps, producers, consumers = model
    # The cut: the steps that can reach the outputs, not searching past the inputs.
    needed, reach, stack = set(), set(outputs), list(outputs)
    while stack:
        d = stack.pop()
        if d in inputs:
            continue
        for i in producers.get(d, ()):
            if i not in needed:
                needed.add(i)
                for x in steps[i].inputs:
                    if x not in reach:
                        reach.add(x)
                        stack.append(x)
    # The search: heap entries (distance, order, node, value); a data node's value
    # rides with its estimate, so the first one popped is the cheapest.
    values: dict = {}
    arrived: dict = {}
    heap: list = []
    order = 0
    for k, v in inputs.items():
        if k in reach:
            order += 1
            heappush(heap, (0.0, order, k, v))
    targets = set(outputs)
    while heap:
        d, _, node, value = heappop(heap)
        if type(node) is int:  # a function: its inputs are all known
            st = steps[node]
            args = [values[x] for x in st.inputs]
            if st.input_domain is not None and not st.input_domain(*args):
                continue
            try:
                res = st.function(*args)
            except Exception:  # noqa: BLE001 - the search goes on elsewhere
                continue
            outs = st.outputs
            for o, r in zip(outs, res if len(outs) > 1 else (res,)):
                if o in reach and o not in values:
                    order += 1
                    heappush(heap, (d + 1, order, o, r))
        elif node not in values:
            values[node] = value
            targets.discard(node)
            if not targets:
                break
            for i in consumers.get(node, ()):
                if i in needed:
                    n = arrived[i] = arrived.get(i, 0) + 1
                    if n == len(steps[i].inputs):
                        order += 1
                        heappush(heap, (d + 1 + (steps[i].weight or 0), order, i, None))
    return values


def _median_ms(times: list) -> float:
    return statistics.median(times) * 1e3


def measure(spec: S.Spec, nb, ref, repeats: int) -> dict:
    """Median times (ms) of the three sides on ``spec``, every answer checked."""
    model = prepare(spec)
    sides = {"minimal": lambda: minimal_first(model, spec.inputs, spec.outputs)}
    if nb is not None:
        dsp_nb = S.build_dispatcher(nb, spec)

        def nb_first():
            dsp_nb._plans = {}  # as if just built (see run.py's *first*)
            return S.dispatch(dsp_nb, spec)

        sides["schedula_nb first"] = nb_first
    if ref is not None:
        dsp_ref = S.build_dispatcher(ref, spec)
        sides["reference"] = lambda: S.dispatch(dsp_ref, spec)
    times: dict = {name: [] for name in sides}
    names = list(sides)
    for r in range(repeats):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            gc.collect()
            t = time.perf_counter()
            result = sides[name]()
            times[name].append(time.perf_counter() - t)
            _check(spec, name, result, "dispatch")
    return {name: _median_ms(t) for name, t in times.items()}


def render(rows: dict, header: str) -> str:
    out = [header, ""]
    out.append(
        "| scenario | reference | schedula_nb first | minimal | ref/minimal "
        "| ref/nb first | nb first/minimal |"
    )
    out.append("|---|---|---|---|---|---|---|")
    for name, t in rows.items():
        ref, nb, low = t.get("reference"), t.get("schedula_nb first"), t["minimal"]

        def cell(x):
            return "n/a" if x is None else f"{x:.3g}"

        def ratio(a, b):
            return "n/a" if a is None or b is None else f"{a / b:.1f}×"

        out.append(
            f"| {name} | {cell(ref)} | {cell(nb)} | {cell(low)} | {ratio(ref, low)} "
            f"| {ratio(ref, nb)} | {ratio(nb, low)} |"
        )
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="two scenarios, few repeats")
    ap.add_argument("--out", default=str(HERE / "results" / "search_floor.md"))
    args = ap.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    logging.disable(logging.CRITICAL)  # the reference logs every failing function
    nb, _ = _import("schedula_nb")
    ref, why = _import("schedula")
    rows = {}
    for name in cfg["specs"]:
        spec = _spec(name)
        repeats = cfg["repeats"][min(cfg["repeats"], key=lambda n: abs(n - spec.size))]
        print(f"{spec.name}: {repeats} repeats", flush=True)
        rows[spec.name] = measure(spec, nb, ref, repeats)
    header = (
        "# A first dispatch in pure Python: the bound\n\n"
        f"Python {sys.version.split()[0]}; reference: "
        + (getattr(ref, "__version__", "?") if ref else f"n/a ({why})")
        + ". Median ms per dispatch, `gc.collect()` before each call, sides "
        "interleaved; every answer checked. *minimal* = `minimal_first` "
        "(cut + cheapest-first search + calls, nothing recorded): see the "
        "module docstring of `benchmarks/search_floor.py`."
    )
    text = render(rows, header)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
