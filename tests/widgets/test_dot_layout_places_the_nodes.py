"""The default layout places the nodes where graphviz's dot puts them, left to
right; the same dot run gives the static drawing of the notebook output; a
level drawn in part or with sub-models open is laid out from its elements;
without dot the graph falls back to dagre in the browser."""

import shutil

import pytest

import schedula_nb as sh

from .models import chain_model, nested_inputs


@pytest.fixture(autouse=True)
def _needs_dot():
    if shutil.which("dot") is None:
        pytest.skip("graphviz's dot is not installed")


def _x(ex, node):
    return ex.graph.widget.cytoscape_layout["positions"][ex.view.ids[node]]["x"]


def test_default_is_dot_left_to_right(fragile):
    ex = sh.explore(fragile)
    layout = ex.graph.widget.cytoscape_layout
    assert ex.graph.layout_name == "dot" and layout["name"] == "preset"
    assert set(layout["positions"]) == {el["id"] for el in ex.view.nodes}
    assert _x(ex, "x") < _x(ex, "invert") < _x(ex, "y") < _x(ex, "double")


def test_one_dot_run_for_layout_and_drawing(fragile, monkeypatch):
    from schedula_nb.render import picture

    png = picture._png_format("dot")  # the renderer probe: once per process
    runs = []
    real = picture.run_dot
    monkeypatch.setattr(
        picture,
        "run_dot",
        lambda *a, **k: runs.append((a[1], *a[4])) or real(*a, **k),
    )
    ex = sh.explore(fragile({"x": 0}))
    bundle = ex._repr_mimebundle_()
    assert runs == [("svg", "-Tplain", f"-T{png}")]
    assert "sh&#45;function sh&#45;failed" in bundle["image/svg+xml"]
    assert "sh-drawing" in bundle["text/html"] and "image/png" in bundle


def test_layout_can_be_switched_back_to_dot(fragile):
    ex = sh.explore(fragile, layout="grid")
    assert "positions" not in ex.graph.widget.cytoscape_layout
    ex.set_view(layout="dot")
    assert ex.graph.widget.cytoscape_layout["name"] == "preset"
    assert _x(ex, "x") < _x(ex, "y")


def test_open_sub_models_are_laid_out_from_the_elements(nested):
    ex = nested(nested_inputs(4)).explore().expand("middle")
    positions = ex.graph.widget.cytoscape_layout["positions"]
    inner = [el["id"] for el in ex.view.nodes if "parent" in el]
    assert inner and set(inner) <= set(positions)


def test_a_window_is_laid_out_from_its_elements():
    ex = sh.explore(chain_model(sh, 400), max_nodes=50)
    positions = ex.graph.widget.cytoscape_layout["positions"]
    drawn = {eid for eid in ex.graph.elements if "-" not in eid}
    assert drawn == set(positions)


def test_without_dot_dagre_lays_it_out(fragile, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    ex = sh.explore(fragile)
    assert ex.graph.layout_name == "dot"
    assert ex.graph.widget.cytoscape_layout["name"] == "dagre"
    assert ex.graph.widget.cytoscape_layout["rankDir"] == "LR"


@pytest.mark.parametrize("backend", ["ipycytoscape", "anywidget"])
def test_nodes_new_to_the_view_are_placed(fragile, backend):
    pytest.importorskip(backend)
    ex = sh.explore(fragile, backend=backend)  # a model: no start node drawn
    assert sh.START not in ex.view.ids
    ex.set_inputs(x=2)
    ex.dispatch()
    start = ex.view.ids[sh.START]
    assert start in ex.graph.elements
    positions = ex.graph.widget.cytoscape_layout["positions"]
    assert positions[start]["x"] < _x(ex, "x")
