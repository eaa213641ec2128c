"""Every wrapper gives the reference's values for the same model and inputs."""

import logging

import pytest

import schedula_nb as sh

from .models import build, build_map_model

ref = pytest.importorskip("schedula")
pytestmark = pytest.mark.compat

CALLS = [(1, 2), (3, 4), (0, 10), (5, 5), (1, 2)]


@pytest.fixture(autouse=True)
def _quiet():
    logging.disable(logging.CRITICAL)
    yield
    logging.disable(logging.NOTSET)


@pytest.mark.parametrize(
    "name", ["SubDispatchFunction", "SubDispatchPipe", "DispatchPipe"]
)
@pytest.mark.parametrize("outputs", [["e"], ["e", "c"], ["c", "b", "e"]])
def test_function_wrappers(name, outputs):
    ours = getattr(sh, name)(build(sh), "F", ["a", "z"], outputs)
    theirs = getattr(ref, name)(build(ref), "F", ["a", "z"], outputs)
    for args in CALLS:
        assert ours(*args) == theirs(*args)
    assert ours(2) == theirs(2)


@pytest.mark.parametrize("output_type", ["all", "list", "dict", "values"])
@pytest.mark.parametrize("outputs", [["b", "c"], ["e"]])
def test_sub_dispatch(output_type, outputs):
    ours = sh.SubDispatch(build(sh), outputs, output_type=output_type)
    theirs = ref.SubDispatch(build(ref), outputs, output_type=output_type)
    for a, z in CALLS:
        got, want = ours({"a": a, "z": z}), theirs({"a": a, "z": z})
        assert got == want and type(got) is type(want) or dict(got) == dict(want)


def test_sub_dispatch_without_outputs_returns_the_solution():
    ours = sh.SubDispatch(build(sh))({"a": 1})
    theirs = ref.SubDispatch(build(ref))({"a": 1})
    assert ours == theirs and list(ours) == list(theirs)


def test_function_wrapper_as_node():
    results = []
    for lib in (sh, ref):
        top = lib.Dispatcher()
        f = lib.SubDispatchFunction(build(lib), "F", ["a", "z"], ["e", "c"])
        top.add_function("f", f, ["x", "y"], ["o1", "o2"])
        results.append(dict(top({"x": 3, "y": 4})))
    assert results[0] == results[1]


@pytest.mark.parametrize(
    "kwargs, inputs, call_kw",
    [
        (
            {"constructor_kwargs": {"outputs": ["c", "d"], "output_type": "list"}},
            [{"a": 1, "b": 2}, {"a": 2, "b": 2}],
            {},
        ),
        (
            {"constructor_kwargs": {"outputs": ["c"], "output_type": "list"}},
            [{"a": 1}, {"a": 3, "b": 3}],
            {"defaults": {"b": 2}},
        ),
        ({"recursive_inputs": {"c": "b"}}, [{"a": 1, "b": 1}, {"a": 2}, {"a": 3}], {}),
        ({"recursive_inputs": ["b"]}, [{"a": 1, "b": 1}, {"a": 2}], {}),
    ],
)
def test_map_dispatch(kwargs, inputs, call_kw):
    ours = sh.MapDispatch(build_map_model(sh), **kwargs)(inputs, **call_kw)
    theirs = ref.MapDispatch(build_map_model(ref), **kwargs)(inputs, **call_kw)
    assert ours == theirs


def test_run_model():
    for args in ([{"a": 1}], [{"a": 1, "z": 3}]):
        assert sh.run_model(build(sh), *args) == ref.run_model(build(ref), *args)()
