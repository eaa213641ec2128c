"""A function that fails inside a sub-model is a failure of the level above:
the sub-model's node is coloured failed (or out of domain), the explorer's
status line and the solution's summary count it, and the app's graph marks
it orange. Before, the node read "ran" and the counts said "0 failed"."""

import pytest

import schedula_nb as sh
from schedula_nb.render import style
from schedula_nb.render.summary import solution_html
from schedula_nb.widgets._view_model import View


def two_levels(inner_fn=lambda a: 1 / a, domain=None):
    """``top: x -> sub(inner: a -> boom -> b) -> y -> double -> z``."""
    inner = sh.Dispatcher(name="inner")
    inner.add_function("boom", inner_fn, ["a"], ["b"], input_domain=domain)
    top = sh.Dispatcher(name="top")
    top.add_dispatcher(inner, inputs={"x": "a"}, outputs={"b": "y"}, dsp_id="sub")
    top.add_function("double", lambda y: 2 * y, ["y"], ["z"])
    return top


def test_an_inner_failure_marks_the_sub_model_failed():
    sol = two_levels()({"x": 0})
    assert not sol.failures  # the top level records none of its own
    assert style.node_status("sub", sol) == style.FAILED
    assert style.node_status("sub", two_levels()({"x": 2})) == style.RAN


def test_an_inner_domain_refusal_marks_it_out_of_domain():
    sol = two_levels(abs, domain=lambda a: a > 0)({"x": -1})
    assert style.node_status("sub", sol) == style.DOMAIN


def test_the_status_line_counts_the_inner_failure():
    line = View(two_levels(), two_levels()({"x": 0})).status_line()
    assert "1 failed" in line, line
    assert "1 failed" not in View(two_levels(), two_levels()({"x": 2})).status_line()


def test_the_explorer_top_level_says_failed():
    ex = two_levels()({"x": 0}).explore()
    assert "1 failed" in ex.ui.status.value
    assert "sh-failed" in ex.view.node_element(ex.view.ids["sub"])["classes"]


def test_the_solution_summary_counts_and_names_the_inner_failure():
    page = solution_html(two_levels()({"x": 0}))
    assert "1 failed" in page and "0 failed" not in page
    assert "sub/boom" in page and "division by zero" in page


@pytest.mark.parametrize("x, orange", [(0, True), (2, False)])
def test_the_app_graph_marks_the_sub_model(x, orange):
    app = sh.app(two_levels(), values={"x": x})
    view = app.graph.view
    assert ("sh-failed" in view.node_element(view.ids["sub"])["classes"]) is orange
