"""Building a model: ids, node attributes, defaults, and refusals of bad input."""

import pytest

import schedula_nb as sh


def test_ids_follow_the_reference_rules():
    dsp = sh.Dispatcher()
    assert dsp.add_data() == "unknown"
    assert dsp.add_data() == "unknown<0>"
    assert dsp.add_function(function=max, inputs=["a"], outputs=["b"]) == "max"
    assert dsp.add_function(function=max, inputs=["a"], outputs=["c"]) == "max<0>"
    assert dsp.add_function("max", max, ["a"], ["d"]) == "max<1>"


def test_node_and_edge_attributes_have_the_reference_keys():
    dsp = sh.Dispatcher()
    fid = dsp.add_function(
        "f", max, ["a", "b"], ["c"], weight=3, inp_weight={"a": 2}, out_weight={"c": 4}
    )
    node = dsp.dmap.nodes[fid]
    assert node["type"] == "function"
    assert node["inputs"] == ["a", "b"] and node["outputs"] == ["c"]
    assert node["function"] is max and node["wait_inputs"] is True
    assert node["weight"] == 3 and isinstance(node["index"], tuple)
    assert dsp.dmap.edges[("a", "f")] == {"weight": 2}
    assert dsp.dmap.edges[("b", "f")] == {}
    assert dsp.dmap.succ["f"]["c"] == {"weight": 4} and dsp.dmap.pred["c"]["f"]
    assert dsp.dmap.adj is dsp.dmap.succ
    assert set(dsp.data_nodes) == {"a", "b", "c"} and set(dsp.function_nodes) == {"f"}
    assert dsp.nodes is dsp.dmap.nodes


def test_functions_without_inputs_or_outputs_use_start_and_sink():
    dsp = sh.Dispatcher()
    dsp.add_function("gen", lambda: 1, outputs=["x"])
    dsp.add_function("show", print, ["x"])
    assert dsp.nodes["gen"]["inputs"] == [sh.START]
    assert dsp.nodes["show"]["outputs"] == [sh.SINK]
    assert dsp.default_values[sh.START]["value"] is sh.NONE
    assert dsp.nodes[sh.SINK]["wait_inputs"] is True


def test_defaults_set_replace_and_remove():
    dsp = sh.Dispatcher()
    dsp.add_data("a", default_value=1, initial_dist=2)
    assert dsp.default_values["a"] == {"value": 1, "initial_dist": 2}
    dsp.set_default_value("a", 5)
    assert dsp.default_values["a"] == {"value": 5, "initial_dist": 0.0}
    dsp.set_default_value("a")
    assert "a" not in dsp.default_values


def test_add_func_reads_the_signature_and_defaults():
    dsp = sh.Dispatcher()

    def f(a, b=2, *args, c=3, **kw):
        return a + b + c

    assert dsp.add_func(f, outputs=["d"]) == "f"
    assert dsp.nodes["f"]["inputs"] == ("a",)  # stops at the first default
    fid = dsp.add_func(f, outputs=["e"], inputs_kwargs=True, inputs_defaults=True)
    assert dsp.nodes[fid]["inputs"] == ("a", "b")  # never *args nor keyword-only
    assert dsp.default_values["b"]["value"] == 2
    sol = dsp({"a": 1})
    assert sol["d"] == 6 and sol["e"] == 6


def test_add_function_decorator_returns_the_function():
    dsp = sh.Dispatcher()

    @sh.add_function(dsp, outputs=["y"], weight=2)
    def double(x):
        return 2 * x

    assert double(2) == 4 and dsp.nodes["double"]["weight"] == 2


def test_add_from_lists():
    dsp = sh.Dispatcher()
    ids = dsp.add_from_lists(
        data_list=[{"data_id": "a", "default_value": 1}],
        fun_list=[{"function": abs, "inputs": ["a"], "outputs": ["b"]}],
    )
    assert ids == (["a"], ["abs"], [])
    assert dsp()["b"] == 1


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda d: d.add_function("f", 42, ["a"], ["b"]), "must be callable"),
        (lambda d: d.add_function("f", abs, "a", ["b"]), "list of node ids"),
        (lambda d: d.add_function("f", abs, ["a"], "b"), "list of node ids"),
        (lambda d: d.add_function("f", abs, ["a"], ["b"], input_domain=1), "callable"),
        (lambda d: d.add_data("g"), "already a function"),
        (lambda d: d.add_function("h", abs, ["g"], ["b"]), "not a data node"),
        (lambda d: d.add_function("h", abs, ["a"], ["g"]), "not a data node"),
        (lambda d: d.set_default_value("g", 1), "not a data node"),
        (lambda d: d.add_data("x", function=3), "must be callable"),
        (lambda d: d.add_function("h", abs, None, ["g"]), "not a data node"),
    ],
)
def test_bad_building_calls_are_refused(call, message):
    dsp = sh.Dispatcher()
    dsp.add_function("g", abs, ["z"], ["w"])
    before = (dict(dsp.nodes), dsp.dmap.edges, dict(dsp.default_values))
    with pytest.raises(sh.ModelError, match=message):
        call(dsp)
    after = (dict(dsp.nodes), dsp.dmap.edges, dict(dsp.default_values))
    assert after == before  # nothing half-added, not even START


def test_copy_shares_no_mutable_state():
    dsp = sh.Dispatcher(name="m")
    dsp.add_data("a", default_value=[1])
    dsp.add_function("f", len, ["a"], ["b"])
    cp = dsp.copy()
    cp.default_values["a"]["value"].append(2)
    cp.nodes["f"]["weight"] = 10
    cp.add_data("c")
    assert dsp.default_values["a"]["value"] == [1]
    assert "weight" not in dsp.nodes["f"] and "c" not in dsp.nodes
    assert cp.name == "m" and cp()["b"] == 2 and dsp()["b"] == 1


def test_tokens_are_not_equal_to_their_names():
    assert sh.START != "start" and str(sh.START) == "start"
    dsp = sh.Dispatcher()
    dsp.add_data("start", default_value=1)
    assert "start" in dsp.nodes and sh.START not in dsp.nodes
