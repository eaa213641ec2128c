"""Big levels are drawn by the bundled cytoscape.js widget (anywidget): the
elements travel as one list, not a widget each; it behaves as the ipycytoscape
graph does (same classes, clicks, live updates, layouts)."""

import json

import pytest

import schedula_nb as sh
from schedula_nb.widgets import _cyto, _cytojs

from .models import chain_model

pytest.importorskip("anywidget")


def _click(ex, node):
    eid = ex.view.ids[node]
    ex.graph._message(ex.graph.widget, {"event": "click", "id": eid}, None)


def test_auto_picks_by_size(fragile):
    assert isinstance(sh.explore(fragile).graph, _cyto.GraphView)
    big = sh.explore(chain_model(sh, _cyto.BUNDLED_ABOVE + 10))
    assert isinstance(big.graph, _cytojs.BundledGraphView)
    with pytest.raises(ValueError, match="unknown backend"):
        sh.explore(fragile, backend="svg")


def test_one_widget_for_the_whole_graph():
    ex = sh.explore(chain_model(sh, 1000))
    widget = ex.graph.widget
    sent = widget.elements
    assert len(sent) == len(ex.view.nodes) + len(ex.view.edges)
    assert all(isinstance(el, dict) for el in sent)  # data, not widgets
    assert len(json.dumps(sent)) < 400_000
    assert widget.cytoscape_layout["name"] == "preset"
    assert _cytojs.BUNDLE.read_text().rstrip().endswith("*/")  # licences kept
    assert "export{" in _cytojs.BUNDLE.read_text()  # an ES module


def test_same_classes_as_ipycytoscape(fragile):
    sol = fragile({"x": 0})
    shown = {}
    for backend in ("ipycytoscape", "anywidget"):
        ex = sh.explore(sol, backend=backend).select("x")
        ex.search("inv")
        shown[backend] = ex.classes()
        if backend == "anywidget":  # what the browser is told
            sent = {k: el["classes"] for k, el in ex.graph.shown().items()}
            assert sent == ex.graph.classes()
    assert shown["ipycytoscape"] == shown["anywidget"]
    assert shown["anywidget"]["invert"] == "sh-function sh-failed sh-match"


def test_click_selects_and_enters(nested):
    from .models import nested_inputs

    ex = nested(nested_inputs(4)).explore(backend="anywidget")
    _click(ex, "params")
    assert ex.selected == "params"
    _click(ex, "middle")
    assert ex.path == ["middle"]
    labels = {el["data"].get("label") for el in ex.graph.shown().values()}
    assert labels >= {"plus", "inner"}


def test_live_redispatch_recolours_in_place(fragile):
    ex = sh.explore(fragile({"x": 0}), backend="anywidget", live=True)
    revision = ex.graph.widget.revision
    ex.set_inputs(x=4)
    assert ex.classes()["invert"] == "sh-function sh-ran"
    assert ex.graph.widget.revision == revision  # recoloured, not redrawn
    sent = ex.graph.shown()
    assert sent[ex.view.ids["invert"]]["data"]["status"] == "ran"


def test_layouts_zoom_and_relayout(fragile):
    ex = sh.explore(fragile, backend="anywidget")
    ex.set_view(layout="dagre")
    assert ex.graph.widget.cytoscape_layout["rankDir"] == "LR"
    ex.graph.wheel_zoom(True)
    assert ex.graph.widget.user_zooming_enabled is True
    ex.graph.relayout()  # a message to the browser; no error without one
