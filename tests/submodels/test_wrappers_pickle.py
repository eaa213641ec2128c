"""Wrappers pickle when their model does, and work the same after loading."""

import pickle

import pytest

import schedula_nb as sh

from .models import build, build_map_model


@pytest.mark.parametrize(
    "make, call",
    [
        (lambda: sh.SubDispatch(build(sh), ["e"], output_type="list"), ({"a": 1},)),
        (lambda: sh.SubDispatchFunction(build(sh), "F", ["a", "z"], ["e"]), (1, 2)),
        (lambda: sh.SubDispatchPipe(build(sh), "F", ["a", "z"], ["e"]), (1, 2)),
        (lambda: sh.DispatchPipe(build(sh), "F", ["a", "z"], ["e"]), (1, 2)),
        (
            lambda: sh.MapDispatch(build_map_model(sh), recursive_inputs=["b"]),
            ([{"a": 1, "b": 2}, {"a": 3}],),
        ),
    ],
)
def test_round_trip(make, call):
    wrapper = make()
    before = wrapper(*call)  # warm: a solution and (for pipes) a pipe are kept
    loaded = pickle.loads(pickle.dumps(wrapper))
    assert loaded(*call) == before
    assert loaded.__name__ == wrapper.__name__


def test_signature_survives_pickle():
    import inspect

    f = sh.SubDispatchFunction(build(sh), "F", ["a", "z"], ["e"])
    g = pickle.loads(pickle.dumps(f))
    assert str(inspect.signature(g)) == str(inspect.signature(f)) == "(a, z=10, **kw)"
