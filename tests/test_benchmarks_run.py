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
RUN = ROOT / "benchmarks" / "run.py"

SCENARIOS = ["chain-100", "chain-1000", "layered-1000", "vehicle-"]


@pytest.mark.slow
def test_quick_benchmark_runs_and_writes_table(tmp_path):
    out = tmp_path / "bench.md"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    )
    proc = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    text = out.read_text(encoding="utf-8")
    assert "## Dispatch (ms)" in text
    assert "| scenario |" in text
    for name in SCENARIOS:
        assert f"| {name}" in text, name
    assert "## Sub-models (50 sub-models of 20 functions" in text
    assert "schedula_nb dispatch |" in text
    assert "FAILURES" not in text
    assert "schedula_nb: n/a" not in text  # the library itself must import
