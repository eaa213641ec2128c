"""``%%dsp NAME`` builds a model from the functions the cell defines, binds it
to NAME and displays its drawing."""

import schedula_nb as sh

from .shells import HOUSE, run


def test_builds_binds_and_displays(shell):
    result, out = run(shell, "%%dsp house --description 'a flat'\n" + HOUSE)
    assert result.success, out.stderr
    dsp = shell.user_ns["house"]
    assert isinstance(dsp, sh.Dispatcher)
    assert dsp.name == "house" and dsp.description == "a flat"
    # the cell's functions, in order; the helper is left out
    assert list(dsp.function_nodes) == ["area<0>", "price"]
    assert list(dsp.function_nodes["price"]["inputs"]) == ["area", "price_per_m2"]
    assert list(dsp.function_nodes["price"]["outputs"]) == ["cost"]
    assert callable(shell.user_ns["area"])  # the cell ran in the notebook
    [shown] = out.outputs
    assert "image/svg+xml" in shown.data and "image/png" in shown.data
    assert 'src="data:image/png;base64,' in shown.data["text/html"]
    sol = dsp(inputs={"width": 2, "height": 3, "price_per_m2": 10})
    assert sol["cost"] == 60


def test_annotations_name_outputs(shell):
    cell = (
        "from __future__ import annotations\n"
        "def split(a) -> ('x', 'y'):\n    return a, -a\n"
        "def typed(x) -> float:\n    return 2.0 * x\n"
        "def act(y) -> None:\n    pass\n"
    )
    result, out = run(shell, "%%dsp m\n" + cell)
    assert result.success, out.stderr
    nodes = shell.user_ns["m"].function_nodes
    assert list(nodes["split"]["outputs"]) == ["x", "y"]
    assert list(nodes["typed<0>"]["outputs"]) == ["typed"]
    assert list(nodes["act"]["outputs"]) == [sh.SINK]


def test_rerun_replaces_the_model(shell):
    run(shell, "%%dsp m\ndef a(x):\n    return x\n")
    run(shell, "%%dsp m\ndef b(x):\n    return x\n")
    assert list(shell.user_ns["m"].function_nodes) == ["b<0>"]


def test_error_in_the_cell_propagates(shell):
    result, out = run(shell, "%%dsp m\ndef a(x):\n    return x\n1 / 0\n")
    assert isinstance(result.error_in_exec, ZeroDivisionError)
    assert "m" not in shell.user_ns
