"""Random garbage thrown at the model-building API (and dispatch): every
refusal is one of the library's errors, naming the argument or the value;
a refused call leaves the model exactly as it was; and the model still
dispatches as a fresh model built by the accepted calls alone."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import schedula_nb as sh
from schedula_nb.core._checks import short

IDS = ["a", "b", "c", "d"]
LIBRARY_ERRORS = (sh.ModelError, sh.DispatcherError, sh.LoadError)


def _add(x, y=0):
    return x + y


def _first(*args):
    return args[0]


CHILD = sh.Dispatcher(name="child")
CHILD.add_function("twice", _add, ["x", "x"], ["y"])


class _Weird:
    """An object no argument expects (repr that names it)."""

    def __repr__(self):
        return "<weird>"


GARBAGE = [
    None, [None], "a", b"x", 5, -1, 1.5, math.nan, math.inf, -math.inf, True,
    [1, [2]], {1: 2}, {"a": "x"}, {"a": -1}, {"a": math.nan}, _Weird(), set(),
    {"a"}, [[]], ["a", ["b"]], [abs, 5], (abs,), "gen", sh.START, sh.SINK,
    ["a", None], {"data_id": "a"}, [{"data_id": None}], abs, [abs], -0.0,
]  # fmt: skip


def _valid(draw, method):
    """Valid positional-by-name arguments for ``method``."""
    pick = st.sampled_from(IDS)
    if method == "add_data":
        return {
            "data_id": draw(pick),
            "default_value": draw(st.none() | st.integers(-3, 3)),
            "initial_dist": draw(st.integers(0, 3)),
            "wait_inputs": False,
            "function": None,
            "filters": None,
            "description": None,
        }
    if method == "add_function":
        return {
            "function_id": draw(st.sampled_from([None, "f", "g"])),
            "function": draw(st.sampled_from([_first, _add])),
            "inputs": draw(st.lists(pick, min_size=1, max_size=2, unique=True)),
            "outputs": [draw(pick)],
            "input_domain": None,
            "weight": draw(st.none() | st.integers(0, 3)),
            "inp_weight": None,
            "out_weight": None,
            "filters": None,
            "description": None,
        }
    if method == "set_default_value":
        return {"data_id": draw(pick), "value": 1, "initial_dist": 0}
    if method == "add_dispatcher":
        return {
            "dsp": CHILD,
            "inputs": {draw(pick): "x"},
            "outputs": {"y": draw(pick)},
            "dsp_id": draw(st.sampled_from([None, "s", "t"])),
            "weight": draw(st.none() | st.integers(0, 3)),
            "inp_weight": None,
            "description": None,
            "include_defaults": False,
        }
    if method == "add_from_lists":
        return {"data_list": [{"data_id": draw(pick)}], "fun_list": None}
    return {
        "inputs": {"a": 1},
        "outputs": None,
        "inputs_dist": None,
        "wildcard": False,
        "no_call": False,
        "shrink": False,
        "stopper": None,
    }


@st.composite
def calls(draw):
    """``(method, kwargs for the call, kwargs to replay it)``: valid
    arguments, one of them (or none) replaced by garbage."""
    method = draw(
        st.sampled_from(
            [
                "add_data",
                "add_function",
                "set_default_value",
                "add_from_lists",
                "add_dispatcher",
                "dispatch",
            ]  # fmt: skip
        )
    )
    kwargs = _valid(draw, method)
    replay = dict(kwargs)
    if draw(st.booleans()):
        arg = draw(st.sampled_from(sorted(kwargs)))
        value = draw(st.sampled_from(GARBAGE))
        if value == "gen":  # a generator: ids taken once (an id itself elsewhere)
            value = (x for x in ["a", "b"])
            replay[arg] = ["a", "b"] if arg in ("inputs", "outputs") else value
        else:
            replay[arg] = value
        kwargs[arg] = value
        return method, kwargs, replay, arg
    return method, kwargs, replay, None


def _state(dsp):
    g = dsp.dmap
    return (
        [(k, dict(a)) for k, a in g.nodes.items()],
        [(u, v, dict(a)) for u, nbrs in g.succ.items() for v, a in nbrs.items()],
        [(v, list(nbrs)) for v, nbrs in g.pred.items()],
        {k: dict(v) for k, v in dsp.default_values.items()},
        dsp._counter,
    )


def _same(a, b):
    """Equal, with NaN equal to itself (a NaN default is a valid value)."""
    return repr(a) == repr(b) if a != a or b != b else a == b


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(calls(), min_size=1, max_size=12))
def test_garbage_is_refused_cleanly_and_the_model_still_works(sequence):
    dsp = sh.Dispatcher(name="garbage")
    accepted = []
    for method, kwargs, replay, arg in sequence:
        before = _state(dsp)
        try:
            getattr(dsp, method)(**kwargs)
        except LIBRARY_ERRORS as err:
            message = str(err)
            assert "\n" not in message.strip(), message
            if arg is not None:
                named = arg in message or short(kwargs[arg]) in message
                assert named or "Invalid" in message or "not a data node" in message, (
                    method,
                    arg,
                    message,
                )
            assert _state(dsp) == before, (method, arg, message)
        except Exception as err:  # not the library's error: a bug
            pytest.fail(f"{method}({arg}={kwargs.get(arg)!r}) raised {err!r}")
        else:
            if method != "dispatch":
                accepted.append((method, replay))
    fresh = sh.Dispatcher(name="garbage")
    for method, replay in accepted:
        getattr(fresh, method)(**replay)
    assert _state(fresh)[:4] == _state(dsp)[:4]
    inputs = {k: v for k, v in {"a": 1, "b": 2}.items() if k in dsp.data_nodes}
    got, want = dsp(inputs), fresh(inputs)
    assert list(got) == list(want)
    assert all(_same(got[k], want[k]) for k in got)
    assert set(got.failures) == set(want.failures)
