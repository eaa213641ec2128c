"""Time the executors against the sequential dispatch, in one run.

Usage::

    python benchmarks/executors.py [--quick] [--no-dask] [--out FILE.md]
        [--executors thread,parallel-pool] [--scenarios io,cpu,overhead]

Three models, each dispatched sequentially and on every executor:

- ``io``: 8 independent branches that each wait ``SLEEP`` seconds (a stand-in
  for I/O: a request, a file, a database), joined by a sum;
- ``cpu``: 8 independent branches of numpy work (ufuncs and reductions over a
  few million floats; numpy releases the GIL in them), joined by a sum;
- ``overhead``: ``N`` independent trivial functions (``x + 1``): the time an
  executor adds per node, ``(t_executor - t_sequential) / N``.

Repeats are interleaved between the sides, with ``gc.collect()`` before each
timed call, and every result is checked against the sequential dispatch's (a
wrong answer gets no number and the run exits with status 1). The Dask side
uses a ``distributed.LocalCluster`` of 2 worker processes (4 threads each) on
127.0.0.1, started and closed here. BLAS threads are pinned to 1 so the
sequential numpy baseline uses one core, as the branches do.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import gc  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import schedula_nb as sh  # noqa: E402

NAMES = ["sync", "thread", "async", "parallel", "parallel-pool", "parallel-dispatch"]
FULL = {"sleep": 0.25, "cpu_size": 3_000_000, "cpu_rounds": 6, "n": 100, "repeats": 5}
QUICK = {"sleep": 0.05, "cpu_size": 300_000, "cpu_rounds": 2, "n": 20, "repeats": 2}


# -- the models (module-level functions: they travel to processes by name) --
def wait_io(x: float, seconds: float) -> float:
    time.sleep(seconds)
    return x + seconds


def numpy_work(x: float, size: int, rounds: int) -> float:
    import numpy as np

    a = np.linspace(0.0, x + 1.0, size)
    total = 0.0
    for _ in range(rounds):
        a = np.sqrt(np.abs(np.sin(a) * np.cos(a) + 1.0))
        total += float(a.sum())
    return total


def plus_one(x: int) -> int:
    return x + 1


def total(*values: float) -> float:
    return sum(values)


def branches(name: str, fn, n: int, **params) -> sh.Dispatcher:
    """``n`` independent calls ``fn(x_i, **params)`` joined by a sum."""
    dsp = sh.Dispatcher(name=name)
    outs = []
    for i in range(n):
        call = sh.partial(fn, **params) if params else fn
        dsp.add_function(f"{name}{i}", call, [f"x{i}"], [f"y{i}"])
        outs.append(f"y{i}")
    dsp.add_function("join", total, outs, ["total"])
    return dsp


def models(cfg: dict) -> dict:
    n8 = 8
    return {
        "io": (
            branches("io", wait_io, n8, seconds=cfg["sleep"]),
            {f"x{i}": float(i) for i in range(n8)},
        ),
        "cpu": (
            branches(
                "cpu",
                numpy_work,
                n8,
                size=cfg["cpu_size"],
                rounds=cfg["cpu_rounds"],
            ),
            {f"x{i}": float(i) for i in range(n8)},
        ),
        "overhead": (
            branches("overhead", plus_one, cfg["n"]),
            {f"x{i}": i for i in range(cfg["n"])},
        ),
    }


def spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def free_cores(n: int = 3_000_000) -> float:
    """How many cores this run really had: two pure-Python loops in two
    processes against one (2.0 on an idle 2-core machine, ~1 when other
    programs keep one core busy)."""
    import concurrent.futures as cf
    import multiprocessing

    with cf.ProcessPoolExecutor(
        2, mp_context=multiprocessing.get_context("spawn")
    ) as p:
        list(p.map(spin, [1000, 1000]))  # start both workers
        one, two = [], []
        for _ in range(3):
            t0 = time.perf_counter()
            p.submit(spin, n).result()
            one.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            list(p.map(spin, [n, n]))
            two.append(time.perf_counter() - t0)
    return 2 * min(one) / min(two)


# -- timing -------------------------------------------------------------------
def time_one(dsp, inputs, executor) -> tuple[float, dict]:
    gc.collect()
    t0 = time.perf_counter()
    sol = dsp.dispatch(inputs, executor=executor).result()  # to the end
    return time.perf_counter() - t0, dict(sol)


def run(
    cfg: dict, use_dask: bool, names: list = NAMES, only: tuple = ()
) -> tuple[list, list]:
    sides: dict = {"sequential": False, **{n: n for n in names}}
    cluster = client = None
    if use_dask:
        try:
            import distributed

            cluster = distributed.LocalCluster(
                processes=True,
                n_workers=2,
                threads_per_worker=4,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
            )
            client = distributed.Client(cluster)
            sides["dask"] = client
        except ImportError:
            print("dask: n/a (distributed is not installed)")
    rows, failures = [], []
    try:
        for scenario, (dsp, inputs) in models(cfg).items():
            if only and scenario not in only:
                continue
            expected = dict(dsp.dispatch(inputs))
            for exe in sides.values():  # warm up: pools, workers, imports
                dsp.dispatch(inputs, executor=exe).result()
            times: dict = {name: [] for name in sides}
            order = list(sides)
            for r in range(cfg["repeats"]):
                for name in order[r % len(order) :] + order[: r % len(order)]:
                    dt, got = time_one(dsp, inputs, sides[name])
                    if got != expected:
                        failures.append((scenario, name))
                    times[name].append(dt)
            rows.append((scenario, {k: statistics.median(v) for k, v in times.items()}))
    finally:
        sh.shutdown_executors()
        if client is not None:
            client.close()
            cluster.close()
    return rows, failures


def report(rows: list, failures: list, cfg: dict, cores: tuple) -> str:
    names = list(rows[0][1])
    lines = [
        "# Executors: speed-up over the sequential dispatch",
        "",
        f"Python {platform.python_version()}, {os.cpu_count()} cores "
        f"(free for this run, measured before and after it: {cores[0]:.2f} and "
        f"{cores[1]:.2f}), "
        f"sleep {cfg['sleep']} s, numpy size {cfg['cpu_size']:,} x "
        f"{cfg['cpu_rounds']}, overhead model of {cfg['n']} nodes, "
        f"median of {cfg['repeats']} interleaved repeats.",
        "",
        "## Time (s) and speed-up (sequential / executor)",
        "",
        "| scenario | " + " | ".join(names) + " |",
        "|---" * (len(names) + 1) + "|",
    ]
    for scenario, t in rows:
        base = t["sequential"]
        cells = [
            f"{t[n]:.3f}" if n == "sequential" else f"{t[n]:.3f} ({base / t[n]:.2f}x)"
            for n in names
        ]
        lines.append(f"| {scenario} | " + " | ".join(cells) + " |")
    over = dict(rows).get("overhead")
    if over is None:
        return "\n".join(lines) + "\n"
    lines += [
        "",
        f"## Overhead per node (µs, over the sequential, {cfg['n']} trivial nodes)",
        "",
        "| " + " | ".join(n for n in names if n != "sequential") + " |",
        "|---" * (len(names) - 1) + "|",
        "| "
        + " | ".join(
            f"{(over[n] - over['sequential']) / cfg['n'] * 1e6:.0f}"
            for n in names
            if n != "sequential"
        )
        + " |",
    ]
    if failures:
        lines += ["", f"FAILURES (result differs from the sequential): {failures}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, 2 repeats")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask side")
    ap.add_argument("--out", type=Path, help="also write the report (markdown)")
    ap.add_argument(
        "--executors", default=",".join(NAMES), help="comma-separated names to time"
    )
    ap.add_argument(
        "--scenarios", default="io,cpu,overhead", help="comma-separated scenarios"
    )
    args = ap.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    names = [n for n in args.executors.split(",") if n]
    only = tuple(n for n in args.scenarios.split(",") if n)
    before = free_cores()
    rows, failures = run(cfg, not args.no_dask, names, only)
    text = report(rows, failures, cfg, (before, free_cores()))
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
