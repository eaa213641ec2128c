"""formulas on real work: a workbook loaded, compiled and calculated, on the
reference and on schedula_nb, in one run.

formulas (an Excel workbook compiler built on schedula) is run unchanged:
plainly for the reference, through ``python -m schedula_nb run`` for
schedula_nb. Each side runs in its own fresh interpreter (the switch is
process-wide); the sides alternate, ``--repeat`` times, and the medians are
compared. Every run's answers are checked against the other side's.

Phases, as a formulas user meets them:

- ``load``: ``ExcelModel().loads(path)`` (openpyxl reads the file, formulas
  parses every cell and builds its model);
- ``finish``: ``.finish()`` (the model is wired);
- ``calculate``: ``.calculate()``, the whole workbook (a dispatch);
- ``compiled``: ``xl_model.compile(inputs, outputs)`` (every input cell to
  the summary) built once, then called ``--calls`` times with new inputs
  (a ``DispatchPipe`` whose nodes call each cell formula's pipe);
- the dispatch part, two ways: the dispatchers' own functions' self time
  under cProfile (which charges each call its profiling, so the side that
  makes more calls pays more), and the compiled calls' CPU time with every
  function of formulas stubbed to its first answer.

    python benchmarks/formulas_workbook.py [--rows 300] [--repeat 3] [--calls 200]

The workbook is generated here with openpyxl (nothing of formulas' own test
files is used): a column of inputs, per row arithmetic, a running SUM, an IF,
a lookup, and a second sheet that reads the first.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIDE = r"""
import json, sys, time
import formulas

path, rows, calls = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
book = "[%s]" % path.rsplit("/", 1)[-1]
t = {}
t0 = time.perf_counter()
model = formulas.ExcelModel().loads(path)
t["load"] = time.perf_counter() - t0
t0 = time.perf_counter()
model.finish()
t["finish"] = time.perf_counter() - t0
t0 = time.perf_counter()
sol = model.calculate()
t["calculate"] = time.perf_counter() - t0
out = "'%sSUMMARY'!B1" % book
inputs = ["'%sDATA'!A%d" % (book, i) for i in range(1, rows + 1)]
func = model.compile(inputs, [out])
t0 = time.perf_counter()
answers = [
    func(*[(i + r) % 11 for r in range(rows)]).value[0, 0] for i in range(calls)
]
t["compiled"] = time.perf_counter() - t0
import cProfile, pstats
profile = cProfile.Profile()
profile.enable()
model.calculate()
for i in range(max(calls // 10, 1)):
    func(*[(i + r) % 11 for r in range(rows)])
profile.disable()
own = ("/schedula/", "/schedula_nb/")
stats = pstats.Stats(profile).stats
t["dispatcher"] = sum(v[2] for k, v in stats.items() if any(o in k[0] for o in own))
t["profiled"] = sum(v[2] for v in stats.values())
whole = sol[out].value[0, 0]
# The dispatch part alone: every function of formulas in the compiled model
# (cell formulas' operators, range assemblers, filters) is replaced by a stub
# that computes its first answer once and then returns it; each cell's
# argument parsing (formulas' CellWrapper) is left out, its formula's pipe
# called directly. What is left to time is the dispatchers' own work.
import schedula as sh
def stub(f):
    box = []
    def once(*a, **k):
        if not box:
            box.append(f(*a, **k))
        return box[0]
    return once
def stub_filters(attr):
    if attr.get("filters"):
        attr["filters"] = [stub(f) for f in attr["filters"]]
for attr in list(func.dsp.nodes.values()):
    stub_filters(attr)
    if attr["type"] != "function":
        continue
    inner = getattr(attr["function"], "func", None)
    if isinstance(inner, sh.DispatchPipe):
        for inner_attr in inner.dsp.nodes.values():
            stub_filters(inner_attr)
            if inner_attr["type"] == "function":
                inner_attr["function"] = stub(inner_attr["function"])
        attr["function"] = inner
    else:
        attr["function"] = stub(attr["function"])
stubbed = [[(i + r) % 11 for r in range(rows)] for i in range(calls)]
for x in stubbed[:3]:
    func(*x)
t0 = time.process_time()
for x in stubbed:
    func(*x)
t["dispatch only"] = time.process_time() - t0
print(json.dumps({"times": t, "answers": [float(whole)] + [float(a) for a in answers],
                  "schedula": sys.modules["schedula"].__name__}))
"""


def make_workbook(path: Path, rows: int) -> None:
    """A workbook of ``rows`` rows of formulas on DATA and a SUMMARY sheet."""
    from openpyxl import Workbook

    book = Workbook()
    data = book.active
    data.title = "DATA"
    for i in range(1, rows + 1):
        data[f"A{i}"] = i % 7 + 1
        data[f"B{i}"] = f"=A{i}*2+1"
        data[f"C{i}"] = f"=SUM(B$1:B{i})" if i < 30 else f"=C{i - 1}+B{i}"
        data[f"D{i}"] = f"=IF(C{i}>100,C{i}/10,-C{i})"
        data[f"E{i}"] = f"=MAX(A{i},D{i})+MIN(B{i},3)"
    summary = book.create_sheet("SUMMARY")
    summary["B1"] = f"=SUM(DATA!E1:E{rows})+DATA!D{rows}"
    summary["B2"] = f"=AVERAGE(DATA!C1:C{rows})"
    book.save(path)


def run_side(on_schedula_nb: bool, path: Path, rows: int, calls: int) -> dict:
    door = ["-m", "schedula_nb", "run"] if on_schedula_nb else []
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write(SIDE)
    try:
        env = {k: v for k, v in os.environ.items() if k != "SCHEDULA_NB_ALIAS"}
        done = subprocess.run(
            [sys.executable, *door, script.name, str(path), str(rows), str(calls)],
            capture_output=True,
            text=True,
            timeout=1800,
            env=env,
            check=False,
        )
    finally:
        os.unlink(script.name)
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    result = json.loads(done.stdout.strip().splitlines()[-1])
    expected = "schedula_nb" if on_schedula_nb else "schedula"
    if result["schedula"] != expected:
        raise RuntimeError(f"the side ran on {result['schedula']}, not {expected}")
    return result


def _median(runs: dict, phase: str) -> dict:
    return {
        s: statistics.median(r["times"][phase] for r in rs) for s, rs in runs.items()
    }


def _row(phase: str, med: dict) -> None:
    print(
        f"{phase:<10} {med['ref']:>12.4f} {med['nb']:>14.4f} "
        f"{med['ref'] / med['nb']:>7.2f}x"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.xlsx"
        make_workbook(path, args.rows)
        runs: dict = {"ref": [], "nb": []}
        for _ in range(args.repeat):
            for side in ("ref", "nb"):
                runs[side].append(run_side(side == "nb", path, args.rows, args.calls))
    answers = {side: [r["answers"] for r in rs] for side, rs in runs.items()}
    if any(a != answers["ref"][0] for rs in answers.values() for a in rs):
        raise SystemExit("the two sides gave different answers")
    cells = 5 * args.rows + 2
    print(
        f"formulas workbook: {cells} cells, {args.calls} compiled calls, "
        f"median of {args.repeat} runs per side, answers equal on both sides"
    )
    print(f"{'phase':<10} {'reference s':>12} {'schedula_nb s':>14} {'ref/nb':>8}")
    total = {"ref": 0.0, "nb": 0.0}
    for phase in ("load", "finish", "calculate", "compiled"):
        med = _median(runs, phase)
        total = {s: total[s] + med[s] for s in med}
        _row(phase, med)
    _row("total", total)
    own, whole = _median(runs, "dispatcher"), _median(runs, "profiled")
    print("\nUnder cProfile (calculate + a tenth of the calls): the time spent in")
    print("the dispatcher's own code (self time of schedula's or schedula_nb's")
    print("functions), the rest being formulas' and numpy's:")
    _row("dispatcher", own)
    print(
        f"  its share of the profiled run: reference {own['ref'] / whole['ref']:.0%}, "
        f"schedula_nb {own['nb'] / whole['nb']:.0%}"
    )
    print("\nThe dispatch part alone (CPU time of the compiled calls, every function")
    print("and filter of formulas stubbed to its first answer, argument parsing")
    print("left out: what remains is the dispatchers' own work):")
    _row("dispatch", _median(runs, "dispatch only"))
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    status = main()
    print(f"(ran in {time.perf_counter() - started:.0f} s)")
    sys.exit(status)
