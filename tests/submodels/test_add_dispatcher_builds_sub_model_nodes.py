"""``add_dispatcher`` builds a sub-model node with the reference's face, and
refuses what cannot work when the model is built."""

import pytest

import schedula_nb as sh


def child():
    sub = sh.Dispatcher(name="sub")
    sub.add_data("x", default_value=5)
    sub.add_function("f", lambda x: x + 1, ["x"], ["y"])
    return sub


def test_mapping_forms_become_the_reference_dicts():
    dsp = sh.Dispatcher()
    a = dsp.add_dispatcher(child(), inputs=["x"], outputs={"y": ["Y", "Y2"]})
    b = dsp.add_dispatcher(child(), inputs={"a": ("x",)}, outputs=("y",), dsp_id="B")
    assert (a, b) == ("sub", "B")
    assert dsp.dmap.nodes[a]["inputs"] == {"x": "x"}
    assert dsp.dmap.nodes[a]["outputs"] == {"y": ("Y", "Y2")}
    assert dsp.dmap.nodes[b]["inputs"] == {"a": ("x",)}
    assert dsp.dmap.nodes[a]["type"] == "dispatcher"
    assert dsp.dmap.nodes[a]["wait_inputs"] is False
    assert sorted(dsp.sub_dsp_nodes) == ["B", "sub"]
    assert dsp.dmap.pred[a] == {"x": {"weight": 0.0}}  # input edges weigh 0
    assert set(dsp.dmap.succ[a]) == {"Y", "Y2"}


def test_a_repeated_id_gets_a_counter():
    dsp = sh.Dispatcher()
    ids = [dsp.add_dispatcher(child(), inputs=["x"], outputs=["y"]) for _ in range(3)]
    assert ids == ["sub", "sub<0>", "sub<1>"]


def test_include_defaults_copies_the_child_defaults_of_its_inputs():
    dsp = sh.Dispatcher()
    dsp.add_dispatcher(
        child(), inputs={"a": "x"}, outputs={"y": "b"}, include_defaults=True
    )
    assert dsp.default_values == {"a": {"value": 5, "initial_dist": 0.0}}
    assert dsp.dispatch()["b"] == 6


def test_the_child_is_kept_not_copied():
    sub = child()
    dsp = sh.Dispatcher()
    node = dsp.add_dispatcher(sub, inputs=["x"], outputs=["y"])
    assert dsp.dmap.nodes[node]["function"] is sub


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"inputs": {"a": "nope"}, "outputs": ["y"]}, "'nope'"),
        ({"inputs": ["x"], "outputs": {"missing": "y"}}, "'missing'"),
        ({"inputs": ["x"], "outputs": ["f"]}, "'f'"),  # a function, not data
        ({"inputs": "x", "outputs": ["y"]}, "list of ids"),
        ({"inputs": ["x"], "outputs": ["y"], "input_domain": 3}, "callable"),
    ],
)
def test_bad_mappings_are_refused_when_built(kwargs, message):
    dsp = sh.Dispatcher()
    with pytest.raises(sh.ModelError, match=message):
        dsp.add_dispatcher(child(), **kwargs)
    assert dsp.dmap.nodes == {}


def test_a_parent_function_id_cannot_be_a_mapped_data_node():
    dsp = sh.Dispatcher()
    dsp.add_function("g", abs, ["a"], ["b"])
    with pytest.raises(sh.ModelError, match="'g' is a function node"):
        dsp.add_dispatcher(child(), inputs={"g": "x"}, outputs=["y"])


def test_only_models_can_be_sub_models():
    with pytest.raises(sh.ModelError, match="not a model"):
        sh.Dispatcher().add_dispatcher(abs, inputs=["x"], outputs=["y"])


def test_add_from_lists_adds_sub_models():
    dsp = sh.Dispatcher()
    got = dsp.add_from_lists(
        dsp_list=[{"dsp": child(), "inputs": ["x"], "outputs": ["y"], "dsp_id": "S"}]
    )
    assert got == ([], [], ["S"])
    assert dsp({"x": 1})["y"] == 2
