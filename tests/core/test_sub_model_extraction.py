"""Cutting sub-models out of a model: get_sub_dsp, get_sub_dsp_from_workflow,
shrink_dsp and dispatch(shrink=True)."""

import pytest

import schedula_nb as sh


@pytest.fixture
def dsp():
    d = sh.Dispatcher(name="m")
    d.add_data("a", default_value=1)
    d.add_function("f", lambda a, b: a + b, ["a", "b"], ["c"])
    d.add_function("g", lambda c: c * 2, ["c"], ["d"])
    d.add_function("h", lambda x: x, ["x"], ["y"])
    return d


def test_get_sub_dsp_keeps_whole_functions_only(dsp):
    sub = dsp.get_sub_dsp(["a", "b", "c", "d", "f", "g"])
    assert set(sub.nodes) == {"a", "b", "c", "d", "f", "g"}
    assert sub.default_values == {"a": {"value": 1, "initial_dist": 0.0}}
    # Attributes are copied (values shared), as the reference's get_sub_dsp:
    # editing the sub-model's leaves the model's as they were.
    assert sub.nodes["f"] == dsp.nodes["f"] and sub.nodes["f"] is not dsp.nodes["f"]
    assert sub.nodes["f"]["function"] is dsp.nodes["f"]["function"]
    sub.nodes["f"]["weight"] = 3
    assert "weight" not in dsp.nodes["f"]
    assert set(dsp.get_sub_dsp(["a", "c", "d", "f", "g"]).nodes) == {"c", "d", "g"}
    with pytest.raises(sh.ModelError, match="not in the model"):
        dsp.get_sub_dsp(["nope"])


def test_get_sub_dsp_from_workflow_both_ways(dsp):
    up = dsp.get_sub_dsp_from_workflow(["d"], dsp.dmap, reverse=True)
    assert set(up.nodes) == {"a", "b", "c", "d", "f", "g"}
    down = dsp.get_sub_dsp_from_workflow(["a", "b"], dsp.dmap)
    assert set(down.nodes) == {"a", "b", "c", "d", "f", "g"}
    only_a = dsp.get_sub_dsp_from_workflow(["a"], dsp.dmap)
    assert set(only_a.nodes) == {"a"}  # f needs b too
    blocked = dsp.get_sub_dsp_from_workflow(
        ["d"], dsp.dmap, reverse=True, blockers=["c"]
    )
    assert set(blocked.nodes) == {"c", "d", "g"}


def test_default_graph_is_the_last_workflow(dsp):
    dsp({"b": 2})
    assert set(dsp.get_sub_dsp_from_workflow(["b"]).nodes) == {"b"}  # f needs a
    sub = dsp.get_sub_dsp_from_workflow(["a", "b"])
    assert set(sub.nodes) == {"a", "b", "c", "d", "f", "g"}


def test_shrink_keeps_the_paths_from_inputs_to_outputs(dsp):
    assert set(dsp.shrink_dsp(["b"], ["d"]).nodes) == {"a", "b", "c", "d", "f", "g"}
    assert set(dsp.shrink_dsp(["x"], ["y"]).nodes) == {"x", "y", "h"}
    assert set(dsp.shrink_dsp(["x"]).nodes) == {"a", "x", "y", "h"}  # a has a default
    assert not dsp.shrink_dsp().nodes
    sol = dsp({"b": 2, "x": 0}, outputs=["d"], shrink=True)
    assert sol["d"] == 6 and "h" not in sol.dist
