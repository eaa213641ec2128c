"""Node ids of any hashable kind work in the model wrappers: no id is ever
turned into a Python parameter name, and ``inputs`` is kept as given."""

import collections
import inspect

import pytest

import schedula_nb as sh

ODD_IDS = ["'[book]SHEET'!A2", "B1:B2", ("tuple", 1), 3, "class", "a b"]


def _model():
    dsp = sh.Dispatcher(name="odd")
    dsp.add_function("sum", lambda *xs: sum(xs), ODD_IDS, ["total"])
    return dsp


@pytest.mark.parametrize(
    "wrapper", [sh.SubDispatchFunction, sh.SubDispatchPipe, sh.DispatchPipe]
)
def test_wrappers_take_ids_that_are_not_python_names(wrapper):
    fun = wrapper(_model(), "f", ODD_IDS, ["total"])
    assert fun(*range(len(ODD_IDS))) == sum(range(len(ODD_IDS)))
    assert str(inspect.signature(fun)) == "(*args, **kw)"


def test_identifier_ids_keep_a_named_signature():
    dsp = sh.Dispatcher()
    dsp.add_function("max", max, ["a", "b"], ["c"])
    assert (
        str(inspect.signature(sh.SubDispatchFunction(dsp, "f", ["a", "b"], ["c"])))
        == "(a, b, **kw)"
    )


def test_inputs_object_is_kept_and_followed():
    dsp = sh.Dispatcher()
    dsp.add_function("minus", lambda a, b: a - b, ["a", "b"], ["c"])
    inputs = collections.OrderedDict.fromkeys(["a", "b"])
    fun = sh.DispatchPipe(dsp, "f", inputs, ["c"])
    assert fun.inputs is inputs
    assert fun(5, 2) == 3
    inputs.pop("a")  # code written for the reference re-orders in place
    inputs["a"] = None
    assert fun(5, 2) == -3  # now b=5, a=2


def test_one_shot_iterables_become_lists():
    dsp = sh.Dispatcher()
    dsp.add_function("max", max, ["a", "b"], ["c"])
    fun = sh.SubDispatchFunction(dsp, "f", iter(["a", "b"]), ["c"])
    assert fun.inputs == ["a", "b"] and fun(1, 2) == 2


def test_dict_inputs_of_a_function_node_are_indexable():
    dsp = sh.Dispatcher()
    dsp.add_function("minus", lambda a, b: a - b, {"a": None, "b": None}, ["c"])
    assert dsp.nodes["minus"]["inputs"] == ["a", "b"]
    assert dsp({"a": 5, "b": 2})["c"] == 3


def test_add_dispatcher_without_mappings_maps_every_data_node():
    sub = sh.Dispatcher(name="sub")
    sub.add_function("f", abs, ["x"], ["y"])
    dsp = sh.Dispatcher()
    dsp.add_dispatcher(sub, inputs_prefix="in/", outputs_prefix="out/")
    assert set(dsp.data_nodes) == {"in/x", "in/y", "out/x", "out/y"}


def test_mapping_sink_gives_the_child_a_sink():
    sub = sh.Dispatcher(name="sub")
    sub.add_function("f", abs, ["x"], ["y"])
    dsp = sh.Dispatcher()
    dsp.add_dispatcher(sub, inputs=["x"], outputs=["y", sh.SINK])
    assert sh.SINK in sub.nodes


def test_no_call_takes_a_list_of_input_ids():
    dsp = sh.Dispatcher()
    dsp.add_function("f", abs, ["a"], ["b"])
    assert dict(dsp.dispatch(["a"], no_call=True)) == {"a": sh.NONE, "b": sh.NONE}
