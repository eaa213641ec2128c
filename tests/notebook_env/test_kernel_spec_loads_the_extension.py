"""The ``schedula_nb`` kernel, installed into a prefix, runs a notebook whose
magics work without ``%load_ext``."""

import pytest

from schedula_nb._kernel import install_kernel

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


@pytest.mark.slow
def test_notebook_runs_magics_on_the_kernel(tmp_path, monkeypatch):
    spec_dir = install_kernel(prefix=str(tmp_path))
    assert spec_dir == tmp_path / "share" / "jupyter" / "kernels" / "schedula_nb"
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "share" / "jupyter"))
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("%%dsp m\ndef double(x) -> 'y':\n    return 2 * x"),
        nbformat.v4.new_code_cell("%dispatch m x=21"),
    ]
    client = nbclient.NotebookClient(nb, kernel_name="schedula_nb", timeout=120)
    client.execute()
    [drawing] = nb.cells[0].outputs
    assert "image/svg+xml" in drawing["data"]
    [result] = nb.cells[1].outputs
    assert result["output_type"] == "execute_result"
    assert "'y': 42" in result["data"]["text/plain"]
