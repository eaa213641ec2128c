"""``binder/`` alone is enough to run every notebook, as Binder would build it.

What repo2docker does, minus Docker: copy the repository (the files git would
commit), make a fresh virtual environment with the Python of ``runtime.txt``,
``pip install -r binder/requirements.txt`` from the repository's root, run
``binder/postBuild`` (it must be executable) with that environment first on
``PATH``. Then every notebook of ``notebooks/`` runs there, on the
``schedula_nb`` kernel that postBuild installed, with its ``%load_ext
schedula_nb`` cells removed (that kernel loads the extension by itself).
``apt.txt`` is not installed here (no Docker): the test checks it names
graphviz, whose ``dot`` this machine has.

pip uses its normal cache (and this machine's wheelhouse); the environment
takes about 2 minutes to build here, the notebooks about 1 minute.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
LOAD_EXT = "%load_ext schedula_nb"

#: A last cell added to each notebook: where the kernel runs, and whether it
#: loaded the extension by itself.
PROBE = (
    "import json, sys\n"
    "print(json.dumps({'prefix': sys.prefix, 'loaded': "
    "'schedula_nb' in get_ipython().extension_manager.loaded}))"
)

# Building the environment alone takes ~2 minutes here: more than the
# suite's per-test timeout allows on a slower machine or network.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def _repo_files() -> list[str]:
    """The files Binder would get: tracked, or new and not ignored."""
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("Binder builds from the git repository: not a git checkout")
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    return [f for f in out.decode().split("\0") if f and (ROOT / f).exists()]


def _copy_repo(target: Path) -> None:
    for name in _repo_files():
        src, dst = ROOT / name, target / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():
            dst.symlink_to(os.readlink(src))
        else:
            shutil.copy2(src, dst)  # keeps postBuild's executable bit


def _runtime_python(repo: Path) -> str:
    runtime = (repo / "binder" / "runtime.txt").read_text().split()[0]
    assert runtime.startswith("python-"), runtime
    version = runtime.removeprefix("python-")
    found = shutil.which(f"python{version}")
    if found is None:
        pytest.skip(f"binder/runtime.txt asks for Python {version}: not on PATH here")
    return found


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if proc.returncode != 0:
        pytest.fail(
            f"{' '.join(map(str, cmd))} exited with {proc.returncode}:\n"
            f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}",
            pytrace=False,
        )
    return proc


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory):
    """(repository copy, environment variables) of a Binder-like build."""
    home = tmp_path_factory.mktemp("binder")
    repo, venv = home / "repo", home / "venv"
    _copy_repo(repo)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("VIRTUAL_ENV", "PYTHONPATH", "JUPYTER_PATH")
    }
    env.update(
        PATH=f"{venv / 'bin'}{os.pathsep}{env['PATH']}",
        VIRTUAL_ENV=str(venv),
        # Only the new environment's kernels: none of the user's.
        JUPYTER_DATA_DIR=str(home / "jupyter-data"),
        JUPYTER_CONFIG_DIR=str(home / "jupyter-config"),
        IPYTHONDIR=str(home / "ipython"),
        JUPYTER_PLATFORM_DIRS="1",
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    started = time.perf_counter()
    _run([_runtime_python(repo), "-m", "venv", str(venv)])
    _run(
        [
            venv / "bin" / "python",
            "-m",
            "pip",
            "install",
            "-q",
            "-r",
            "binder/requirements.txt",
        ],
        cwd=repo,
        env=env,
    )
    _run([repo / "binder" / "postBuild"], cwd=repo, env=env)
    print(f"\nBinder environment built in {time.perf_counter() - started:.0f} s")
    try:
        yield repo, env
    finally:
        shutil.rmtree(home, ignore_errors=True)  # about 1 GB


def test_binder_files_install_kernel_and_extensions(binder_env):
    repo, env = binder_env
    specs = json.loads(
        _run(["jupyter", "kernelspec", "list", "--json"], env=env).stdout
    )
    venv = Path(env["VIRTUAL_ENV"])
    spec = specs["kernelspecs"]["schedula_nb"]
    assert Path(spec["resource_dir"]).is_relative_to(venv)
    assert spec["spec"]["argv"][0] == str(venv / "bin" / "python")
    # Widgets draw in JupyterLab and Voila serves the app only if their
    # front-end extensions are in the environment the server runs from.
    labext = venv / "share" / "jupyter" / "labextensions"
    for name in ("@jupyter-widgets/jupyterlab-manager", "jupyter-cytoscape"):
        assert (labext / name / "package.json").is_file(), name
    _run(["voila", "--version"], env=env)
    # ... and Binder's Jupyter server serves /voila/render/... (the Voila view).
    voila_conf = venv / "etc" / "jupyter" / "jupyter_server_config.d" / "voila.json"
    enabled = json.loads(voila_conf.read_text())["ServerApp"]["jpserver_extensions"]
    assert enabled["voila.server_extension"] is True
    # postBuild trusted the project's notebooks: saved outputs show in full
    check = (
        "import sys, nbformat\n"
        "from nbformat.sign import NotebookNotary\n"
        "notary = NotebookNotary()\n"
        "print([p for p in sys.argv[1:]"
        " if not notary.check_signature(nbformat.read(p, as_version=4))])"
    )
    untrusted = _run(
        [venv / "bin" / "python", "-c", check, *(f"notebooks/{n}" for n in NOTEBOOKS)],
        cwd=repo,
        env=env,
    ).stdout.strip()
    assert untrusted == "[]"
    assert "graphviz" in (repo / "binder" / "apt.txt").read_text().split()
    assert shutil.which("dot"), "graphviz's dot (binder/apt.txt) is not installed"


def _without_load_ext(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if c.source.strip() != LOAD_EXT]
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    return nb


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_in_the_binder_env(binder_env, name, tmp_path):
    repo, env = binder_env
    folder = repo / "notebooks"
    prepared = folder / f"_binder_{name}"  # beside it: relative paths still work
    nbformat.write(_without_load_ext(folder / name), prepared)
    _run(
        [
            "jupyter",
            "nbconvert",
            "--to=notebook",
            "--execute",
            "--ExecutePreprocessor.kernel_name=schedula_nb",
            "--ExecutePreprocessor.timeout=300",
            f"--output-dir={tmp_path}",
            f"--output={name}",
            prepared.name,
        ],
        cwd=folder,
        env=env,
    )
    executed = nbformat.read(tmp_path / name, as_version=4)
    errors = [
        o
        for c in executed.cells
        for o in c.get("outputs", [])
        if o.output_type == "error"
    ]
    assert errors == []
    probe = json.loads(executed.cells[-1].outputs[0].text)
    assert probe == {"prefix": env["VIRTUAL_ENV"], "loaded": True}
    assert sys.prefix != env["VIRTUAL_ENV"]  # not this test's own environment
