"""The sub-models scenario: a dispatch of 50 sub-models of 20 functions nested
two levels (``scenarios.build_submodel_model``), and the same model called as a
function through ``SubDispatchFunction``, timed on each library in one run
(repeats interleaved, ``gc.collect()`` before each timed call).
"""

import gc
import statistics
import time

import scenarios as S

CALLS = 20  # SubDispatchFunction calls per timed batch


def run_submodels(mods: dict, repeats: int) -> tuple:
    """``{side: [seconds, ...]}`` per dispatch / per call, and the wrong answers."""
    inputs = [(i, i + 3) for i in range(CALLS)]
    expected = [S.submodel_expected(a, k) for a, k in inputs]
    sides = {"floor": lambda: [S.submodel_expected(a, k) for a, k in inputs]}
    for label, sh in mods.items():
        dsp, ins, outs = S.build_submodel_model(sh)
        fn = sh.SubDispatchFunction(dsp, "f", ins, outs)
        sides[f"{label} dispatch"] = _dispatcher_side(dsp, ins, outs, inputs)
        sides[f"{label} SubDispatchFunction"] = _function_side(fn, inputs)
    times, wrong = {k: [] for k in sides}, []
    for _ in range(repeats):
        for name, run in sides.items():
            gc.collect()
            t0 = time.perf_counter()
            got = run()
            times[name].append((time.perf_counter() - t0) / CALLS)
            if got != expected:
                wrong.append(name)
    return times, sorted(set(wrong))


def _dispatcher_side(dsp, ins, outs, inputs):
    def run():
        return [dsp.dispatch(dict(zip(ins, v)), outs)[outs[0]] for v in inputs]

    return run


def _function_side(fn, inputs):
    def run():
        return [fn(*v) for v in inputs]

    return run


def render_submodels(times: dict, wrong: list) -> tuple:
    """The sub-models section of the results (markdown) and whether it failed."""
    med = {k: statistics.median(v) for k, v in times.items()}
    n = S.SUBMODEL_GROUPS * S.SUBMODEL_LEAVES * S.WRAPPER_SIZE
    rows = "\n".join(
        f"| {k} | {v * 1e3:.2f} | {v / n * 1e6:.1f} | {v / med['floor']:.0f}× |"
        for k, v in med.items()
    )
    lines = [
        f"## Sub-models ({S.SUBMODEL_GROUPS * S.SUBMODEL_LEAVES} sub-models of "
        f"{S.WRAPPER_SIZE} functions, two levels; {CALLS} calls per repeat)",
        "",
        "| side | ms / call | µs / function | × floor |",
        "|---|---|---|---|",
        rows,
        "",
    ]
    for kind in ("dispatch", "SubDispatchFunction"):
        a, b = f"reference {kind}", f"schedula_nb {kind}"
        if a in med and b in med:
            lines.append(
                f"- schedula_nb {kind} is {med[a] / med[b]:.1f}× as fast as the reference"
            )
    if wrong:
        lines.append(f"- FAILURES: wrong answers from {', '.join(wrong)}")
    return "\n".join(lines) + "\n", bool(wrong)
