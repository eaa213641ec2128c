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


def _run(code, **env):
    import os

    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    ).stdout.strip()


def test_public_names_load_with_their_first_use():
    code = (
        "import sys, schedula_nb as sh\n"
        "print('schedula_nb.core' in sys.modules, 'Dispatcher' in vars(sh))\n"
        "sh.Dispatcher\n"
        "print('schedula_nb.core' in sys.modules, 'Dispatcher' in vars(sh))"
    )
    assert _run(code).split() == ["False", "False", "True", "True"]


def test_import_all_loads_every_name_at_once():
    code = "import schedula_nb as sh\nprint(set(sh.__all__) <= set(vars(sh)))"
    assert _run(code, IMPORT_ALL="True") == "True"


def test_every_public_name_resolves_and_the_core_is_covered():
    import schedula_nb as sh
    from schedula_nb import core

    assert set(core.__all__) <= set(sh.__all__)
    for name in sh.__all__:
        assert getattr(sh, name) is not None, name
