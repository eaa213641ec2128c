"""What the explorer and the summaries say is true: a sub-model opens with one
click, a sub-model that ran has a run time, the status line follows the level
after ``back()``, counts agree with their noun, and ``start`` fits its node."""

import schedula_nb as sh
from schedula_nb.render.summary import solution_html
from schedula_nb.widgets._cyto import stylesheet
from schedula_nb.widgets._decisions import details

from .models import dispatcher_nested_model


def test_sub_model_details_say_one_click_opens_it():
    ex = dispatcher_nested_model(sh)({"x": 8}).explore()
    ex.select("middle")
    text = ex.ui.details.value
    assert "click again" not in text
    assert "a click on it opens it" in text
    ex._clicked(ex.view.ids["middle"])  # ... and so it does
    assert ex.path == ["middle"]


def test_a_sub_model_that_ran_has_a_run_time():
    top = dispatcher_nested_model(sh)
    sol = top({"x": 8})
    took = details(top, sol, "middle")["decisions"][0]["duration"]
    assert took is not None and took > 0
    ex = sol.explore()
    ex.select("middle")
    assert "did not run" not in ex.ui.details.value
    ex.enter("middle")  # the sub-level's status: its own run time, not 0 ms
    assert not ex.ui.status.value.endswith(" 0 ms"), ex.ui.status.value


def test_a_sub_model_that_did_not_run_says_so():
    top = dispatcher_nested_model(sh)
    sol = top({})
    assert details(top, sol, "middle")["decisions"][0]["duration"] is None


def test_status_and_hover_follow_the_level_after_back():
    ex = dispatcher_nested_model(sh)({"x": 8}).explore(live=True)
    before = ex.ui.status.value
    ex.enter("middle")
    ex._hovered(ex.view.ids["plus"])
    assert "plus" in ex.ui.hover.value
    ex.back()
    assert ex.ui.status.value == before and ex.ui.hover.value == ""
    ex.enter("middle")
    ex.set_inputs(x=0)  # plus fails: the top's status changes too
    ex.back()
    assert ex.ui.status.value == ex.view.status_line() != before


def test_counts_agree_with_their_noun():
    dsp = sh.Dispatcher(name="one")
    dsp.add_function("f", abs, ["a"], ["b"])
    assert "1 function run," in solution_html(dsp({"a": 1}))
    dsp.add_function("g", abs, ["b"], ["c"])
    assert "2 functions run," in solution_html(dsp({"a": 1}))


def test_start_and_sink_nodes_size_to_their_label():
    rules = {r["selector"]: r["style"] for r in stylesheet()}
    for kind in ("start", "sink"):
        assert rules[f"node.sh-{kind}"]["width"] == "label"


def test_no_sticky_click_popup_and_the_hover_line_follows_the_pointer(fragile):
    ex = sh.explore(fragile({"x": 0}))
    graph = ex.graph.widget
    assert graph.tooltip_source not in ex.view.nodes[0]  # no popup on click
    eid = ex.view.ids["invert"]
    handlers = graph._interaction_handlers["node"]
    handlers["mouseover"]({"data": {"id": eid}})
    assert "invert" in ex.ui.hover.value
    handlers["mouseout"]({"data": {"id": eid}})
    assert ex.ui.hover.value == ""
