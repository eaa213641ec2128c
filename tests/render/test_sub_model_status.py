"""A sub-model node (``add_dispatcher``) whose sub-dispatch ran is drawn as
"ran", like a function that ran; one the dispatch did not reach stays
"unreached"."""

import schedula_nb as sh
from schedula_nb.render import style


def two_levels():
    """``top: x -> middle -> y``, ``middle: x -> inner -> y``, ``inner: x -> +1 -> y``."""
    model = sh.Dispatcher(name="inner")
    model.add_function("plus", lambda x: x + 1, ["x"], ["y"])
    for name, sub in (("middle", "inner"), ("top", "middle")):
        parent = sh.Dispatcher(name=name)
        parent.add_dispatcher(model, inputs=["x"], outputs=["y"], dsp_id=sub)
        model = parent
    return model


def test_sub_model_that_ran_is_ran():
    sol = two_levels()({"x": 8})
    assert sol["y"] == 9
    assert "middle" in sol.children
    assert style.node_status("middle", sol) == style.RAN
    inner = sol.children["middle"]
    assert style.node_status("inner", inner) == style.RAN


def test_sub_model_not_reached_is_unreached():
    top = two_levels()
    top.add_data("z")
    sol = top({"z": 1})
    assert "middle" not in sol.children
    assert style.node_status("middle", sol) == style.UNREACHED
