"""Clicking a sub-model node opens that sub-model (with its sub-solution when it
ran) in the same explorer; the breadcrumb walks back up."""

import pytest

import schedula_nb as sh

from .models import nested_inputs


def _click(ex, node):
    eid = ex.view.ids[node]
    ex.graph.widget._handle_interaction(
        None, {"widget": "node", "event": "click", "data": {"data": {"id": eid}}}, []
    )


def test_three_levels_down_and_up(nested):
    sol = nested(nested_inputs(8))
    ex = sol.explore()
    assert ex.sub_models() == ["middle"]
    assert ex.classes()["middle"] == "sh-dispatcher sh-ran"  # a double box
    ex.enter("middle")
    assert ex.path == ["middle"] and ex.dsp.name == "middle"
    assert ex.solution["i"]["h"] == 4  # the sub-solution that ran
    assert ex.classes()["inner"] == "sh-dispatcher sh-ran"
    ex.enter("inner")
    assert ex.path == ["middle", "inner"] and ex.dsp.name == "inner"
    assert ex.solution["h"] == 4
    assert ex.classes()["half"] == "sh-function sh-ran"
    assert [b.description for b in ex.ui.crumbs.children] == ["top", "middle", "inner"]
    ex.back()
    assert ex.path == ["middle"] and ex.selected == "inner"
    ex.go(0)
    assert ex.path == [] and ex.dsp is nested and ex.selected == "middle"


def test_click_opens_and_breadcrumb_returns(nested):
    ex = nested(nested_inputs(2)).explore()
    _click(ex, "middle")
    assert ex.path == ["middle"]
    _click(ex, "inner")
    assert ex.path == ["middle", "inner"]
    ex.ui.crumbs.children[0].click()  # the breadcrumb's first button
    assert ex.path == [] and ex.dsp.name == "top"


def test_model_without_solution_navigates(nested):
    ex = sh.explore(nested).enter("middle")
    assert ex.solution is None
    assert set(c.split()[1] for c in ex.classes().values()) == {"sh-model"}


def test_misuse_says_what_to_do(nested):
    ex = sh.explore(nested)
    with pytest.raises(ValueError, match="not a sub-model"):
        ex.enter("params")
    with pytest.raises(ValueError, match="top model"):
        ex.back()
    with pytest.raises(IndexError):
        ex.go(3)


def test_sub_model_of_a_failed_node_shows_its_failure():
    inner = sh.Dispatcher(name="inner")
    inner.add_function("boom", lambda a: 1 / a, ["a"], ["b"])
    top = sh.Dispatcher(name="top")
    top.add_function("sub", sh.SubDispatch(inner), ["params"], ["s"])
    ex = top({"params": {"a": 0}}).explore()
    ex.enter("sub")
    assert ex.classes()["boom"] == "sh-function sh-failed"


def test_three_levels_of_add_dispatcher():
    from .models import dispatcher_nested_model

    top = dispatcher_nested_model(sh)
    ex = top({"x": 8}).explore()
    assert ex.sub_models() == ["middle"]
    assert ex.classes()["middle"].startswith("sh-dispatcher ")
    _click(ex, "middle")
    assert ex.path == ["middle"] and ex.solution["j"] == 1.25
    assert ex.classes()["plus"] == "sh-function sh-ran"
    _click(ex, "inner")
    assert ex.path == ["middle", "inner"] and ex.solution == {"a": 8, "h": 4.0}
    assert "half" in ex.select("half").ui.details.value
    ex.back().back()
    assert ex.path == [] and ex.dsp is top


def test_live_redispatch_keeps_the_level():
    from .models import dispatcher_nested_model

    ex = dispatcher_nested_model(sh)({"x": 8}).explore(live=True)
    ex.enter("middle")
    ex.set_inputs(x=0)  # the top model's input: plus now divides by zero
    assert ex.path == ["middle"] and ex.solution["i"] == 0
    assert ex.classes()["plus"] == "sh-function sh-failed"


def test_expand_and_collapse_in_place():
    from .models import dispatcher_nested_model

    ex = dispatcher_nested_model(sh)({"x": 0}).explore()
    assert len(ex.graph.elements) == 7  # 4 nodes, 3 edges: middle is one node
    ex.expand("middle")
    drawn = ex.graph.elements
    inside = {eid: el for eid, el in drawn.items() if el.data.get("parent")}
    labels = {el.data["label"]: el for el in inside.values()}
    assert {"inner", "p", "i", "plus", "j"} <= set(labels)
    assert {el.data["parent"] for el in inside.values()} == {ex.view.ids["middle"]}
    plus = labels["plus"]
    assert plus.classes == "sh-function sh-failed"  # from the sub-solution
    ex.set_view(hide_unreached=True)  # overlays reach the inner nodes too
    assert "sh-hidden" in labels["j"].classes
    # a click on an inner node opens its sub-model and selects it
    eid = next(k for k, v in inside.items() if v is plus)
    ex.graph.widget._handle_interaction(
        None, {"widget": "node", "event": "click", "data": {"data": {"id": eid}}}, []
    )
    assert ex.path == ["middle"] and ex.selected == "plus"
    ex.back()
    assert ex.view.expanded == ["middle"]  # still open at the top level
    ex.set_inputs(x=4)
    ex.dispatch()  # a new solution keeps it open and recolours the inside
    assert ex.view.expanded == ["middle"]
    plus_now = next(
        el for el in ex.graph.elements.values() if el.data.get("label") == "plus"
    )
    assert plus_now.classes.startswith("sh-function sh-ran")
    ex.collapse()
    assert len(ex.graph.elements) == 7
    with pytest.raises(ValueError, match="not a sub-model"):
        ex.expand("x")


def test_redraw_closes_the_old_elements(nested):
    ex = nested(nested_inputs(2)).explore()
    before = list(ex.graph.elements.values())
    ex.enter("middle")
    assert all(el.comm is None for el in before)  # closed, not leaked
    assert all(el.comm is not None for el in ex.graph.elements.values())
