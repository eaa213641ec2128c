"""Time ``dispatch(..., reuse=old)`` against a full dispatch, in one run.

Usage::

    python benchmarks/reuse.py [--quick] [--out benchmarks/results/reuse.md]

Scenarios:

- ``slow``: 100 chains of 10 functions that each take about 1 ms (a sleep:
  a stand-in for a file read, a fit, a simulation step), 1,000 functions in
  all; one input changes, which feeds one chain (1% of the model). Full: the
  warm dispatch of the new inputs; reuse: the same with ``reuse=`` the
  solution of the old inputs. The issue asks for reuse >= 50x faster.
- ``chain, nothing changed``: the 1,000-function chain of the core benchmarks
  (``x + 1``), dispatched again with the same input: the warm dispatch
  (a replay) against ``reuse=`` the previous solution. Asked: no slower.
- ``chain, input changed``: the same chain, the input changes, so every
  function runs again: what checking the arguments costs when nothing can
  be taken over (reported, no target).
- ``explorer live edit``: one field of the ``slow`` model edited in a live
  ``sh.explore`` (``reuse=False`` against the default ``reuse=True``): the
  dispatch, the recolouring and the panes, without a browser (the issue
  asks a keystroke to answer in under 300 ms in the browser).

Repeats are interleaved between the two sides with ``gc.collect()`` before
each timed call; every solution is checked (values against plain
arithmetic, and the reused solution against the full one: values, dist,
workflow edges); a wrong answer gets no number and the run exits 1.
"""

from __future__ import annotations

import argparse
import gc
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import schedula_nb as sh  # noqa: E402

FULL = {"chains": 100, "length": 10, "sleep": 0.001, "repeats": 5, "chain": 1000}
QUICK = {"chains": 20, "length": 10, "sleep": 0.0002, "repeats": 2, "chain": 200}


class WrongAnswer(Exception):
    pass


def slow_step(x: int, seconds: float) -> int:
    time.sleep(seconds)
    return x + 1


def inc(x: int) -> int:
    return x + 1


def slow_model(chains: int, length: int, seconds: float) -> sh.Dispatcher:
    """``chains`` chains ``x{c}_0 -> ... -> x{c}_{length}`` of slow steps."""
    dsp = sh.Dispatcher(name="slow")
    for c in range(chains):
        for k in range(1, length + 1):
            dsp.add_function(
                f"s{c}_{k}",
                sh.partial(slow_step, seconds=seconds),
                [f"x{c}_{k - 1}"],
                [f"x{c}_{k}"],
            )
    return dsp


def chain_model(n: int) -> sh.Dispatcher:
    dsp = sh.Dispatcher(name="chain")
    for i in range(1, n + 1):
        dsp.add_function(f"f{i}", inc, [f"d{i - 1}"], [f"d{i}"])
    return dsp


def _check(sol, expected: dict, reference=None) -> None:
    wrong = {k: sol.get(k) for k, v in expected.items() if sol.get(k) != v}
    if wrong:
        raise WrongAnswer(f"wrong values: {wrong}")
    if reference is not None:
        same = (
            list(sol.items()) == list(reference.items())
            and sol.dist == reference.dist
            and list(sol.workflow.edges) == list(reference.workflow.edges)
        )
        if not same:
            raise WrongAnswer("the reused solution differs from the full one")


def _timed(call):
    gc.collect()
    t0 = time.perf_counter()
    out = call()
    return time.perf_counter() - t0, out


def compare(full, reuse, check, repeats: int) -> tuple[float, float]:
    """Median seconds of ``full()`` and ``reuse()``, repeats interleaved, the
    order alternating; ``check(name, solution)`` runs on every solution,
    outside the timed call."""
    times: dict[str, list] = {"full": [], "reuse": []}
    for r in range(repeats):
        sides = [("full", full), ("reuse", reuse)]
        for name, call in sides if r % 2 == 0 else sides[::-1]:
            t, sol = _timed(call)
            check(name, sol)
            times[name].append(t)
    return statistics.median(times["full"]), statistics.median(times["reuse"])


def scenario_slow(cfg: dict) -> tuple:
    chains, length = cfg["chains"], cfg["length"]
    dsp = slow_model(chains, length, cfg["sleep"])
    outputs = [f"x{c}_{length}" for c in range(chains)]
    old_in = {f"x{c}_0": c for c in range(chains)}
    new_in = {**old_in, "x0_0": -100}  # feeds chain 0: 1/chains of the model
    expected = {f"x{c}_{length}": new_in[f"x{c}_0"] + length for c in range(chains)}
    old = dsp(old_in, outputs)
    dsp(new_in, outputs)  # both shapes warm: the full side replays

    reference = dsp(new_in, outputs)

    def check(name, sol):
        _check(sol, expected, None if name == "full" else reference)
        if name == "reuse" and len(sol.reused) != (chains - 1) * length:
            raise WrongAnswer(f"{len(sol.reused)} functions taken over")

    t_full, t_reuse = compare(
        lambda: dsp(new_in, outputs),
        lambda: dsp(new_in, outputs, reuse=old),
        check,
        cfg["repeats"],
    )
    label = f"slow: {chains * length} functions of ~{cfg['sleep'] * 1e3:g} ms"
    return label, f"1 input, {length} functions", t_full, t_reuse


def scenario_chain(cfg: dict, change: bool) -> tuple:
    n = cfg["chain"]
    dsp = chain_model(n)
    out = [f"d{n}"]
    old_in, new_in = {"d0": 0}, {"d0": 1 if change else 0}
    expected = {f"d{n}": new_in["d0"] + n}
    for _ in range(3):  # searched, compiled, replayed: warm
        dsp(new_in, out)
    old = dsp(old_in, out)
    reference = dsp(new_in, out)

    def check(name, sol):
        _check(sol, expected, None if name == "full" else reference)

    t_full, t_reuse = compare(
        lambda: dsp(new_in, out),
        lambda: dsp(new_in, out, reuse=old),
        check,
        cfg["repeats"] * 4,
    )
    what = "the input, all functions" if change else "nothing"
    return f"chain: {n} functions of x + 1", what, t_full, t_reuse


def scenario_explorer(cfg: dict) -> tuple | None:
    """The explorer's live edit of one field of the ``slow`` model: the
    dispatch, the recolouring and the panes (no browser), with and without
    reuse. None when ipywidgets is not installed."""
    try:
        import ipywidgets  # noqa: F401
    except ImportError:
        return None
    chains, length = cfg["chains"], cfg["length"]
    dsp = slow_model(chains, length, cfg["sleep"])
    sol = dsp({f"x{c}_0": c for c in range(chains)})
    sides = {
        reuse: sh.explore(sol, live=True, delay=0, layout="dagre", reuse=reuse)
        for reuse in (False, True)
    }
    edits = iter(range(-1, -10_000, -1))

    def edit(reuse: bool):
        value = next(edits)
        ex = sides[reuse]
        ex.set_inputs(x0_0=value)
        return value, ex.solution

    def check(name, answer):
        value, sol = answer
        if sol.get(f"x0_{length}") != value + length:
            raise WrongAnswer(
                f"explorer ({name}): x0_{length} = {sol.get(f'x0_{length}')}"
            )
        if name == "reuse" and len(sol.reused) != (chains - 1) * length:
            raise WrongAnswer(f"explorer: {len(sol.reused)} functions taken over")

    t_full, t_reuse = compare(
        lambda: edit(False), lambda: edit(True), check, cfg["repeats"]
    )
    label = f"explorer live edit: slow, {chains * length} functions"
    return label, f"1 field, {length} functions", t_full, t_reuse


def render(rows: list, quick: bool) -> str:
    lines = [
        "# Reuse: re-dispatch of what changed (benchmarks/reuse.py)",
        "",
        f"Python {platform.python_version()} on {platform.machine()}"
        + (" (quick run: smaller sizes)" if quick else ""),
        "",
        "| scenario | changed | full dispatch (ms) | reuse= (ms) | full / reuse |",
        "|---|---|---:|---:|---:|",
    ]
    for label, what, t_full, t_reuse in rows:
        lines.append(
            f"| {label} | {what} | {t_full * 1e3:.2f} | {t_reuse * 1e3:.2f} | "
            f"{t_full / t_reuse:.1f}x |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes")
    parser.add_argument("--out", type=Path, help="write the table to this file")
    args = parser.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    try:
        rows = [
            scenario_slow(cfg),
            scenario_chain(cfg, change=False),
            scenario_chain(cfg, change=True),
            scenario_explorer(cfg),
        ]
    except WrongAnswer as err:
        print(f"FAILURES: {err}")
        return 1
    text = render([row for row in rows if row is not None], args.quick)
    print(text)
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
