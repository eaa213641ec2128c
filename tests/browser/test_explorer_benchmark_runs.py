"""``benchmarks/explorer_browser.py`` runs (small sizes) and measures what it
says: a drawn graph and live round trips, on the tutorial and on a slow
model with and without reuse (times are printed, not checked)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.browser
@pytest.mark.slow
def test_benchmark_runs(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "explorer_browser.py"),
            "--sizes",
            "60",
            "--trips",
            "2",
            "--slow-trips",
            "2",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(out.read_text())
    [row] = results["draw"]
    assert row["nodes"] == 61 and row["seconds"] > 0
    assert results["round_trip"]["n"] == 2 and results["round_trip"]["median"] > 0
    for reuse in (True, False):  # the slow model, with and without reuse
        assert results[f"slow_round_trip_reuse_{reuse}"]["n"] == 2
    assert "explore() -> drawn" in done.stdout and "round trip" in done.stdout
