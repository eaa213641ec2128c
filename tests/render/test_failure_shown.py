"""A function that raises: its error is in the solution's HTML, text and tooltip,
and its node is orange."""

import pytest

import schedula_nb as sh
from schedula_nb.render import style
from schedula_nb.render.summary import solution_html


def _failing():
    dsp = sh.Dispatcher(name="fails")

    def boom(a):
        raise ValueError("the boiler exploded")

    dsp.add_function("boom", boom, ["a"], ["b"])
    dsp.add_function("safe", lambda a: a * 2, ["a"], ["b"], weight=5)
    return dsp({"a": 1})


def test_error_in_the_solution_html_and_text():
    sol = _failing()
    assert sol["b"] == 2  # the alternative path ran
    page = solution_html(sol)
    assert "1 failed" in page and "the boiler exploded" in page
    assert '<tr class="sh-failed"><td><code>boom</code>' in page
    assert "the boiler exploded" in sol._repr_mimebundle_()["text/plain"]


@pytest.mark.usefixtures("needs_dot")
def test_error_in_the_tooltip_and_orange(parse_svg):
    nodes = parse_svg(_failing().plot().pipe("svg").decode())
    assert nodes["boom"]["fill"] == style.ORANGE
    assert "sh-failed" in nodes["boom"]["classes"]
    assert "ValueError('the boiler exploded')" in nodes["boom"]["tooltip"]
    assert "sh-ran" in nodes["safe"]["classes"]
