"""A sub-model node (``add_dispatcher``) whose sub-dispatch ran is drawn as
"ran", like a function that ran; one the dispatch did not reach stays
"unreached"."""

import schedula_nb as sh
from schedula_nb.render import style


def dispatcher_nested_model(sh):
    """``top: x -> middle -> m``; ``middle: p -> inner -> i, i -> plus -> j``;
    ``inner: a -> half -> h`` (sub-models made with ``add_dispatcher``)."""
    inner = sh.Dispatcher(name="inner")
    inner.add_function("half", lambda a: a / 2, ["a"], ["h"])
    middle = sh.Dispatcher(name="middle")
    middle.add_dispatcher(inner, inputs={"p": "a"}, outputs={"h": "i"}, dsp_id="inner")
    middle.add_function("plus", lambda i: 1 / i + 1, ["i"], ["j"])
    top = sh.Dispatcher(name="top")
    top.add_dispatcher(middle, inputs={"x": "p"}, outputs={"j": "m"}, dsp_id="middle")
    return top


def test_sub_model_that_ran_is_ran():
    top = dispatcher_nested_model(sh)
    sol = top({"x": 8})
    assert "middle" in sol.children
    assert style.node_status("middle", sol) == style.RAN
    inner = sol.children["middle"]
    assert style.node_status("inner", inner) == style.RAN


def test_sub_model_not_reached_is_unreached():
    top = dispatcher_nested_model(sh)
    top.add_data("y")
    sol = top({"y": 1})
    assert "middle" not in sol.children
    assert style.node_status("middle", sol) == style.UNREACHED
