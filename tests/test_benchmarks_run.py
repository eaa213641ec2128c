"""The benchmarks run and check their results (no timing is asserted here).

``benchmarks/run.py --quick`` times every side on small sizes and checks every result
of every timed call against the expected outputs; it exits 1 if a side gave a wrong
answer. Sides that are not installed (the reference ``schedula``, ``pipefunc``) are
reported as ``n/a``.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SCENARIOS = ["chain-100", "chain-1000", "layered-1000", "vehicle-"]


def _run_quick(script: str, out: Path) -> str:
    """Run ``benchmarks/<script> --quick --out <out>``; return the report's text."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    )
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / script),
            "--quick",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return out.read_text(encoding="utf-8")


@pytest.mark.slow
def test_quick_benchmark_runs_and_writes_table(tmp_path):
    text = _run_quick("run.py", tmp_path / "bench.md")
    assert "## Dispatch (ms)" in text
    assert "| scenario |" in text
    for name in SCENARIOS:
        assert f"| {name}" in text, name
    assert "## Sub-models (50 sub-models of 20 functions" in text
    assert "schedula_nb dispatch |" in text
    assert "FAILURES" not in text
    assert "schedula_nb: n/a" not in text  # the library itself must import


@pytest.mark.slow
def test_search_floor_runs_and_its_minimal_search_answers_right(tmp_path):
    """``search_floor.py --quick``: the bare search and both libraries answer
    every scenario correctly (``_check`` raises otherwise) and the table is written."""
    text = _run_quick("search_floor.py", tmp_path / "floor.md")
    assert "| chain-100 |" in text and "| vehicle-701 |" in text
    assert "n/a" not in text.split("| scenario |")[1]  # all three sides ran


@pytest.mark.slow
@pytest.mark.compat
def test_formulas_workbook_benchmark_runs_and_both_sides_agree():
    """``formulas_workbook.py``: formulas on the reference and on schedula_nb
    (through the switch) compute the same answers; the script exits non-zero
    otherwise, and the table names every phase."""
    pytest.importorskip("formulas")
    pytest.importorskip("schedula")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "formulas_workbook.py")]
        + ["--rows", "20", "--repeat", "1", "--calls", "5"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    assert "answers equal on both sides" in proc.stdout
    for phase in ("load", "finish", "calculate", "compiled", "total", "dispatcher"):
        assert f"\n{phase} " in proc.stdout, phase
