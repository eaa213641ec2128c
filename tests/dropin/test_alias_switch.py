"""The switch: code written for ``schedula`` runs on schedula_nb unchanged.

Each case runs in a fresh interpreter: the test process has the reference
imported (it is the compatibility oracle), and the switch refuses to alias
over it.
"""

import subprocess
import sys
import textwrap

import pytest

PROGRAM = textwrap.dedent(
    """
    import schedula as sh
    import schedula.utils.dsp, schedula.utils.sol, schedula.utils.blue
    import schedula.utils.cst, schedula.utils.exc, schedula.utils.gen
    from schedula.utils.utl import get_unused_node_id
    from schedula.utils.alg import get_full_pipe, get_sub_node
    from schedula.utils.web import WebMap, WebResponse
    from schedula._version import __version__, version
    import schedula.ext  # its submodules need Sphinx: tests/docs builds with them
    from schedula.utils.asy import EXECUTORS
    from schedula.utils.asy.executors import PoolExecutor, ThreadExecutor
    from schedula.utils.asy.factory import ExecutorFactory
    import sys
    assert "sphinx" not in sys.modules
    import schedula_nb
    assert sh is schedula_nb, sh
    assert sh.__version__ == "1.6.15" != schedula_nb.VERSION  # the one it follows
    assert __version__ == version == "1.6.15"
    assert schedula.utils.dsp.SubDispatchFunction is schedula_nb.SubDispatchFunction
    assert schedula.utils.sol.Solution is schedula_nb.Solution
    assert schedula.utils.cst.START is schedula_nb.START
    assert sh.WebResponse is schedula.utils.exc.WebResponse is WebResponse
    assert PoolExecutor is sh.PoolExecutor and ThreadExecutor is sh.ThreadExecutor
    assert isinstance(EXECUTORS, ExecutorFactory) and "parallel" in EXECUTORS
    dsp = sh.Dispatcher()
    dsp.add_function('f', abs, ['a'], ['b'])
    sol = dsp({'a': -2}, outputs=['b', 'not in the model'])
    assert list(get_full_pipe(sol)) == ['a', 'f', 'b']
    assert get_sub_node(dsp, 'f', node_attr='inputs') == (['a'], ('f',))
    print(sol)
    """
)


def _run(*args, env=None, cwd=None):
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
    )


def test_run_a_script_written_for_schedula(tmp_path):
    script = tmp_path / "model.py"
    script.write_text(PROGRAM)
    done = _run("-m", "schedula_nb", "run", str(script))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Solution({'a': -2, 'b': 2})"


def test_run_a_module_with_its_arguments(tmp_path):
    (tmp_path / "modelmod.py").write_text(
        "import sys, schedula\nprint(schedula.__name__, sys.argv[1:])\n"
    )
    env = {"PYTHONPATH": str(tmp_path), "PATH": ""}
    done = _run("-m", "schedula_nb", "run", "-m", "modelmod", "x", "--y", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "schedula_nb ['x', '--y']"


def test_exit_status_of_the_program_is_kept(tmp_path):
    script = tmp_path / "fails.py"
    script.write_text("import sys\nsys.exit(3)\n")
    assert _run("-m", "schedula_nb", "run", str(script)).returncode == 3


def test_alias_in_a_program():
    done = _run("-c", "import schedula_nb; schedula_nb.alias()\n" + PROGRAM)
    assert done.returncode == 0, done.stderr


def test_environment_variable_aliases_on_import(tmp_path):
    import os

    env = {**os.environ, "SCHEDULA_NB_ALIAS": "1"}
    done = _run("-c", "import schedula_nb\n" + PROGRAM, env=env)
    assert done.returncode == 0, done.stderr


def test_alias_refuses_when_the_reference_is_imported():
    pytest.importorskip("schedula")
    done = _run("-c", "import schedula; import schedula_nb; schedula_nb.alias()")
    assert done.returncode == 1
    assert "already imported" in done.stderr


def test_unalias_gives_the_reference_back():
    pytest.importorskip("schedula")
    program = (
        "import schedula_nb; schedula_nb.alias(); import schedula\n"
        "assert schedula is schedula_nb\n"
        "schedula_nb.unalias(); import schedula\n"
        "assert schedula is not schedula_nb\n"
        "from schedula_nb import compat; assert not compat.follows_reference()\n"
        "assert schedula_nb.__version__ == schedula_nb.VERSION\n"
        "from schedula_nb import _version\n"
        "assert _version.__version__ == _version.version == schedula_nb.VERSION\n"
    )
    done = _run("-c", program)
    assert done.returncode == 0, done.stderr


def test_a_missing_module_is_still_an_import_error():
    done = _run("-c", "import schedula_nb; schedula_nb.alias(); import schedula.nope")
    assert "ModuleNotFoundError" in done.stderr


def test_the_version_is_the_one_in_the_project_metadata():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    from pathlib import Path

    import schedula_nb

    pyproject = Path(schedula_nb.__file__).parents[1] / "pyproject.toml"
    with pyproject.open("rb") as f:
        assert tomllib.load(f)["project"]["version"] == schedula_nb.VERSION


def test_the_reference_paths_left_out_are_import_errors():
    # docs/differences.md names these as not given, with the reason; when one
    # of them is added, this fails so that the page is updated too.
    left_out = ["schedula.utils.des", "schedula.cli", "schedula.ext.autosummary"]
    program = (
        "import importlib, schedula_nb; schedula_nb.alias()\n"
        f"for name in {left_out!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ModuleNotFoundError as e:\n"
        "        print(e.name)\n"
    )
    done = _run("-c", program)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == left_out
