"""``benchmarks/app_browser.py`` runs (the household app, few runs) and
measures what it says: a first paint and keystrokes that changed the cards
(times are printed, not checked)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.browser
@pytest.mark.slow
def test_app_benchmark_runs(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "app_browser.py"),
            "--models",
            "household",
            "--paints",
            "1",
            "--trips",
            "2",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    row = json.loads(out.read_text())["household"]
    assert row["first_paint"]["n"] == 1 and row["first_paint"]["median"] > 0
    assert row["keystroke"]["n"] == 2 and row["keystroke"]["median"] > 0
    assert "household: keystroke, 2 runs" in done.stdout
