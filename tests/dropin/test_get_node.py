"""``get_node`` finds a node at any depth, as the reference's does."""

import pytest

import schedula_nb as sh


@pytest.fixture
def model():
    sub = sh.Dispatcher(name="sub")
    sub.add_function("g", abs, ["x"], ["y"], description="absolute")
    dsp = sh.Dispatcher(name="main")
    dsp.add_function("f", abs, ["a"], ["b"])
    dsp.add_dispatcher(sub, {"b": "x"}, {"y": "c"}, dsp_id="S")
    dsp.add_data("k", 3, description="kk")
    dsp({"a": -1})
    return dsp


@pytest.mark.parametrize(
    "path, kw, expected",
    [
        (("S", "y"), {}, 1),
        (("S", "x"), {"node_attr": "output"}, 1),
        (("k",), {"node_attr": "default_value"}, {"value": 3, "initial_dist": 0.0}),
        (("k",), {"node_attr": "description"}, "kk"),
        (("S", "g"), {"node_attr": "description"}, "absolute"),
        (("S",), {"node_attr": "inputs"}, {"b": "x"}),
        (("b",), {}, 1),
    ],
)
def test_values_and_attributes(model, path, kw, expected):
    assert model.get_node(*path, **kw) == (expected, path)


def test_matches_the_reference(model):
    ref = pytest.importorskip("schedula")
    sub = ref.Dispatcher(name="sub")
    sub.add_function("g", abs, ["x"], ["y"], description="absolute")
    dsp = ref.Dispatcher(name="main")
    dsp.add_function("f", abs, ["a"], ["b"])
    dsp.add_dispatcher(sub, {"b": "x"}, {"y": "c"}, dsp_id="S")
    dsp({"a": -1})
    for path in (("S", "y"), ("S", "g"), ("b",), ("f",)):
        assert model.get_node(*path) == dsp.get_node(*path)


def test_a_missing_path_is_a_value_error(model):
    with pytest.raises(ValueError, match="does not exist"):
        model.get_node("S", "nope")
    with pytest.raises(ValueError, match="not a sub-model"):
        model.get_node("f", "x")
