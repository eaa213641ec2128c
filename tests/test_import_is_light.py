"""``import schedula_nb`` loads no heavy dependency (they load with their feature)."""

import subprocess
import sys

HEAVY = ("ipywidgets", "ipycytoscape", "pandas", "graphviz", "flask", "dask", "IPython")


def test_import_loads_no_heavy_module():
    code = f"import sys, schedula_nb\nprint([m for m in {HEAVY!r} if m in sys.modules])"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
