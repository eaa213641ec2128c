"""``benchmarks/executors.py --quick`` runs every executor on its three
models and checks every result against the sequential dispatch (no timing
is asserted here)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_quick_executor_benchmark_runs_and_reports(tmp_path):
    out = tmp_path / "executors.md"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "benchmarks/executors.py", "--quick", "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for row in ("| io |", "| cpu |", "| overhead |"):
        assert row in text
    for name in ("thread", "parallel-pool", "dask"):
        assert name in text
    assert "FAILURES" not in text
