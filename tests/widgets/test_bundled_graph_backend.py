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
        sent = {
            el["data"]["id"]: el["classes"]
            for el in getattr(ex.graph.widget, "elements", [])
        }
        if backend == "anywidget":  # what the browser is told
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
    labels = {el["data"].get("label") for el in ex.graph.widget.elements}
    assert labels >= {"plus", "inner"}


def test_live_redispatch_recolours_in_place(fragile):
    ex = sh.explore(fragile({"x": 0}), backend="anywidget", live=True)
    revision = ex.graph.widget.revision
    ex.set_inputs(x=4)
    assert ex.classes()["invert"] == "sh-function sh-ran"
    assert ex.graph.widget.revision == revision  # recoloured, not redrawn
    sent = {el["data"]["id"]: el for el in ex.graph.widget.elements}
    assert sent[ex.view.ids["invert"]]["data"]["status"] == "ran"


def test_layouts_zoom_and_relayout(fragile):
    ex = sh.explore(fragile, backend="anywidget")
    ex.set_view(layout="dagre")
    assert ex.graph.widget.cytoscape_layout["rankDir"] == "LR"
    ex.graph.wheel_zoom(True)
    assert ex.graph.widget.user_zooming_enabled is True
    ex.graph.relayout()  # a message to the browser; no error without one


def _wide_explorer():
    from .models import wide_inputs, wide_model

    ex = sh.explore(wide_model(sh)(wide_inputs()), live=True, delay=0)
    assert isinstance(ex.graph, _cytojs.BundledGraphView)  # > 300 nodes
    return ex


def test_live_edit_sends_only_the_changed_elements():
    ex = _wide_explorer()
    widget, graph = ex.graph.widget, ex.graph
    ex.set_inputs(x0_0=5)  # the first reuse: every function taken over is marked
    assert len(widget.patch) > 100 and graph.full_sends == 1
    before = {k: (dict(e.data), e.classes) for k, e in graph.elements.items()}
    sent, revision = widget.elements, widget.revision
    ex.set_inputs(x0_0=-1)  # gate out of its domain; chain 0 runs again
    assert ex.classes()["gate"] == "sh-function sh-domain"
    changed = {k for k, e in graph.elements.items() if before[k] != (e.data, e.classes)}
    # chain 0's witness is its first value (6 -> 0): a function that ran both
    # times may show the same "took ... ms" and then rightly not travel
    gate, chain0 = ex.view.ids["gate"], ex.view.ids["x0_1"]
    assert {gate, chain0} <= changed and len(changed) < 30  # of 722 elements
    # only those travel; the list is not sent again, nor redrawn
    assert set(widget.patch) == changed
    assert widget.patch[gate] == {
        "data": graph.elements[gate].data,
        "classes": "sh-function sh-domain",
    }
    assert widget.elements is sent and widget.revision == revision
    assert graph.full_sends == 1
    # folded into the list (in place): what a new view or the saved state shows
    shown = {el["data"]["id"]: el for el in widget.get_state()["elements"]}
    assert {k: el["classes"] for k, el in shown.items()} == graph.classes()
    assert shown[gate]["data"]["status"] == "domain"
    ex.set_inputs(x0_0=5)  # and back: again only chain 0 and gate change
    assert {gate, chain0} <= set(widget.patch) and len(widget.patch) < 30
    assert widget.patch[gate]["classes"] == "sh-function sh-ran"  # ran: x0_0 changed
    assert graph.full_sends == 1


def test_a_new_element_set_sends_everything(nested):
    from .models import nested_inputs

    ex = sh.explore(nested(nested_inputs(4)), backend="anywidget", live=True)
    graph = ex.graph
    ex.select("params")  # a recolouring: a patch
    assert graph.widget.patch and graph.full_sends == 1
    revision = graph.widget.revision
    ex.enter("middle")  # another level: every element, no patch
    assert graph.widget.revision == revision + 1 and graph.widget.patch == {}
    assert graph.full_sends == 2
    labels = {el["data"].get("label") for el in graph.widget.elements}
    assert {"inner", "plus"} <= labels


def test_most_elements_changed_sends_everything():
    from schedula_nb.widgets._cytojs import Element, patch

    base = {str(i): ({"id": str(i)}, "sh-ran") for i in range(10)}
    graph = _cytojs.BundledGraphView()
    graph.draw([{"id": k, "classes": c} for k, (_, c) in base.items()], [])
    assert graph.full_sends == 1
    graph.restyle({"1": "sh-ran sh-reused", "2": "sh-ran sh-reused"})
    assert set(graph.widget.patch) == {"1", "2"} and graph.full_sends == 1
    graph.restyle({"1": "sh-ran sh-reused", "2": "sh-ran"})
    assert graph.widget.patch == {"2": {"data": {"id": "2"}, "classes": "sh-ran"}}
    graph.restyle({k: "sh-domain" for k in base})  # all of them
    assert graph.full_sends == 2 and graph.widget.patch == {}
    assert {el["classes"] for el in graph.widget.elements} == {"sh-domain"}
    now = {k: Element("nodes", d, "sh-ran") for k, (d, _) in base.items()}
    assert patch(base, now) == {}
    del now["3"]
    assert patch(base, now) is None  # another set of elements
