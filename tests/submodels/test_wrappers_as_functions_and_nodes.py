"""Each wrapper works called directly and as a function node of another model."""

import inspect

import pytest

import schedula_nb as sh

from .models import build, build_map_model


def test_sub_dispatch_output_types():
    dsp = build(sh)
    sol = sh.SubDispatch(dsp)({"a": 3})
    assert isinstance(sol, sh.Solution) and sol["e"] == 40
    assert sh.SubDispatch(dsp, ["b", "c"], output_type="list")({"a": 3}) == [4, 2]
    assert sh.SubDispatch(dsp, ["b", "c"], output_type="dict")({"a": 3}) == {
        "b": 4,
        "c": 2,
    }
    assert sh.SubDispatch(dsp, ["b", "c"], output_type="values")({"a": 3}) == (4, 2)
    # dicts are merged left to right
    assert sh.SubDispatch(dsp, ["b"], output_type="list")({"a": 3}, {"a": 5}) == [6]


def test_sub_dispatch_as_node():
    top = sh.Dispatcher()
    top.add_function(
        "sub", sh.SubDispatch(build(sh), ["b", "c"], output_type="list"), ["d"], ["e"]
    )
    assert top({"d": {"a": 3}})["e"] == [4, 2]


@pytest.mark.parametrize(
    "cls", [sh.SubDispatchFunction, sh.SubDispatchPipe, sh.DispatchPipe]
)
def test_function_wrappers_direct_and_as_node(cls):
    f = cls(build(sh), "F", ["a", "z"], ["e", "c"])
    assert f.__name__ == "F"
    assert list(inspect.signature(f).parameters)[:2] == ["a", "z"]
    assert f(1, 2) == [4, 0]
    assert f(1) == [20, 0]  # z takes the model's default
    assert f(3, 4) == [16, 2]
    top = sh.Dispatcher()
    top.add_function(function=f, inputs=["x", "y"], outputs=["o1", "o2"])
    assert top({"x": 1, "y": 2}) == {"x": 1, "y": 2, "o1": 4, "o2": 0}
    assert top({"x": 3, "y": 4})["o1"] == 16


def test_one_output_returns_the_value_and_doc_is_the_model_s():
    dsp = build(sh)
    dsp.__doc__ = "My model."
    f = sh.SubDispatchFunction(dsp, None, ["a"], ["e"])
    assert f(1) == 20 and f.__name__ == "model" and f.__doc__ == "My model."


def test_map_dispatch_direct_and_as_node():
    f = sh.MapDispatch(
        build_map_model(sh),
        constructor_kwargs={"outputs": ["c", "d"], "output_type": "list"},
    )
    assert f([{"a": 1, "b": 2}, {"a": 2, "b": 2}]) == [[3, -1], [4, 0]]
    assert f([{"a": 1}], defaults={"b": 5}) == [[6, -4]]
    assert f([]) == []
    top = sh.Dispatcher()
    top.add_function("map", f, ["items"], ["results"])
    assert top({"items": [{"a": 0, "b": 1}]})["results"] == [[1, -1]]


def test_run_model_direct_and_as_node():
    model = build(sh)
    assert sh.run_model(model, {"a": 1})["e"] == 20
    assert sh.run_model(lambda x, y=2: x + y, 1, y=3) == 4
    top = sh.Dispatcher()
    top.add_function("run", sh.run_model, ["model", "inputs"], ["out"])
    f = sh.SubDispatchFunction(model, "f", ["a"], ["e"])
    assert top({"model": model, "inputs": {"a": 2}})["out"]["e"] == 30
    top2 = sh.Dispatcher()
    top2.add_function("run", sh.run_model, ["f", "x"], ["out"])
    assert top2({"f": f, "x": 2})["out"] == 30
