"""Every model-building and dispatch argument is checked at the call: the
error is the library's (``sh.ModelError``) and names the argument and the
value; a refused call leaves the model exactly as it was (nodes, edges,
defaults, the node counter)."""

import math
import threading

import pytest

import schedula_nb as sh


def _model():
    dsp = sh.Dispatcher(name="m")
    dsp.add_data("k", default_value=1)
    dsp.add_function("f", lambda a, k: a + k, ["a", "k"], ["b"])
    return dsp


def _state(dsp):
    g = dsp.dmap
    return (
        [(k, dict(a)) for k, a in g.nodes.items()],
        [(u, v, dict(a)) for u, nbrs in g.succ.items() for v, a in nbrs.items()],
        {k: dict(v) for k, v in dsp.default_values.items()},
        dsp._counter,
    )


def _abs(x):
    return abs(x)


BAD = [
    (lambda d: d.add_function("g", _abs, [None], ["c"]), r"inputs\[0\] must be a node id .*not None"),
    (lambda d: d.add_function("g", _abs, ["b"], [None]), r"outputs\[0\] must be a node id"),
    (lambda d: d.add_function("g", _abs, [["x"]], ["c"]), r"inputs\[0\] must be a node id .*\['x'\]"),
    (lambda d: d.add_function("g", _abs, ["b"], ["c"], inp_weight=[1]), r"inp_weight must be a dict .*not \[1\]"),
    (lambda d: d.add_function("g", _abs, ["b"], ["c"], inp_weight={"b": "x"}), r"inp_weight\['b'\] must be a number >= 0, not 'x'"),
    (lambda d: d.add_function("g", _abs, ["b"], ["c"], out_weight={"c": -1}), r"out_weight\['c'\] must be a number >= 0, not -1"),
    (lambda d: d.add_function("g", _abs, ["b"], ["c"], weight="heavy"), "weight must be a number >= 0, not 'heavy'"),
    (lambda d: d.add_function("g", _abs, ["b"], ["c"], weight=math.nan), "weight must be a number >= 0, not nan"),
    (lambda d: d.add_function("g", _abs, ["b"], ["c"], weight=-2), "weight must be a number >= 0, not -2"),
    (lambda d: d.add_function("g", _abs, ["b"], ["c"], weight=True), "weight must be a number >= 0, not True"),
    (lambda d: d.add_function("g", _abs, ["b"], ["c"], filters=[5]), r"filters\[0\] must be callable, not 5"),
    (lambda d: d.add_function("g", _abs, ["b"], ["c"], filters=_abs), "filters must be a list of callables"),
    (lambda d: d.add_function("g", _abs, ["b"], ["c"], description=3), "description must be a string, not 3"),
    (lambda d: d.add_function("g", _abs, ["g"], ["c"]), "the function's id is also one of its inputs"),
    (lambda d: d.add_function([1], _abs, ["b"], ["c"]), r"function_id must be a node id .*\[1\]"),
    (lambda d: d.add_data([1]), r"data_id must be a node id .*\[1\]"),
    (lambda d: d.add_data("x", initial_dist=math.nan), "initial_dist must be a number >= 0, not nan"),
    (lambda d: d.add_data("x", wait_inputs="yes"), "wait_inputs must be True or False, not 'yes'"),
    (lambda d: d.add_data("x", filters=[None]), r"filters\[0\] must be callable, not None"),
    (lambda d: d.set_default_value("k", 2, initial_dist="far"), "initial_dist must be a number >= 0, not 'far'"),
    (lambda d: d.set_default_value({"k"}, 2), r"data_id must be a node id .*\{'k'\}"),
    (lambda d: d.add_func(_abs, ["c"], inputs_defaults="yes"), "inputs_defaults must be True or False"),
    (lambda d: d.add_from_lists([{"data_id": "x"}, 5]), r"data_list\[1\] must be a dict of arguments, not 5"),
    (lambda d: d.add_from_lists([{"data_id": "x"}], [{"function": 5}]), r"fun_list\[0\]: add_function: function must be callable, not 5"),
    (lambda d: d.add_dispatcher(_model(), {"b": "a"}, {"b": "z"}, weight=-1), "weight must be a number >= 0, not -1"),
    (lambda d: d.add_dispatcher(_model(), {"b": "a"}, {"b": None}), r"outputs\['b'\] must be a node id"),
    (lambda d: d.add_dispatcher(_model(), {"b": "a"}, {"b": "z"}, dsp_id="z"), "also one of its parent inputs or outputs"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "message"), BAD, ids=[m[:30] for _, m in BAD])
def test_a_bad_argument_is_refused_and_changes_nothing(call, message):
    dsp = _model()
    before = _state(dsp)
    with pytest.raises(sh.ModelError, match=message):
        call(dsp)
    assert _state(dsp) == before
    assert dsp({"a": 2}) == {"a": 2, "k": 1, "b": 3}  # and it still works


DISPATCH = [
    ({"stopper": 5}, "stopper must be None or an event .*not 5"),
    ({"inputs_dist": {"a": -1}}, r"inputs_dist\['a'\] must be a number >= 0, not -1"),
    ({"inputs_dist": {"a": "near"}}, r"inputs_dist\['a'\] must be a number >= 0"),
    ({"wildcard": "yes"}, "wildcard must be True or False, not 'yes'"),
    ({"outputs": [["b"]]}, r"outputs\[0\] must be a node id .*\['b'\]"),
    ({"select_output_kw": 3}, "select_output_kw must be None or a dict, not 3"),
    ({"inputs": {"a": 1, "f": 2}}, r"inputs \['f'\] are not data nodes"),
]


@pytest.mark.parametrize(("kwargs", "message"), DISPATCH)
def test_a_bad_dispatch_argument_is_refused(kwargs, message):
    dsp = _model()
    kwargs = {"inputs": {"a": 1}, **kwargs}
    with pytest.raises(sh.ModelError, match=message):
        dsp.dispatch(**kwargs)
    assert dsp({"a": 2}, stopper=threading.Event())["b"] == 3


def test_generators_are_taken_once_and_wired():
    dsp = sh.Dispatcher()
    dsp.add_function("f", _abs, (x for x in ["a"]), (x for x in ["b"]))
    dsp.add_func(lambda x, y=2: x * y, outputs=iter(["c"]), inputs=iter(["b", "y"]),
                 inputs_kwargs=True, inputs_defaults=True)  # fmt: skip
    assert dsp.nodes["f"]["inputs"] == ["a"] and dsp.nodes["f"]["outputs"] == ["b"]
    assert dsp.default_values["y"]["value"] == 2
    assert dsp({"a": -3}, outputs=(x for x in ["c"]))["c"] == 6


def test_a_failed_list_of_additions_adds_nothing():
    dsp = _model()
    before = _state(dsp)
    with pytest.raises(sh.ModelError, match=r"fun_list\[1\]"):
        dsp.add_from_lists(
            [
                {"data_id": "x", "default_value": 3},
                {"data_id": "k", "default_value": 9},
            ],
            [{"function": _abs, "inputs": ["x"], "outputs": ["y"]}, {"function": 1}],
        )
    assert _state(dsp) == before


def test_a_blueprint_checks_each_call_when_it_is_recorded():
    blue = sh.BlueDispatcher(name="b")
    with pytest.raises(sh.ModelError, match="weight must be a number >= 0, not 'x'"):
        blue.add_function("f", _abs, ["a"], ["b"], weight="x")
    with pytest.raises(sh.ModelError, match=r"inputs\[0\] must be a node id"):
        blue.add_function("f", _abs, [None], ["b"])
    with pytest.raises(sh.ModelError, match="initial_dist must be a number"):
        blue.set_default_value("a", 1, math.nan)
    assert blue.deferred == []
    blue.add_function("f", _abs, iter(["a"]), iter(["b"]))  # read once, kept
    assert blue.register()({"a": -1}) == blue.register()({"a": -1}) == {"a": -1, "b": 1}


def test_none_inside_ids_never_reaches_the_graph():
    """The issue's case: add_function(..., [None], ...) used to be accepted and
    break every later dispatch with KeyError: 'type'."""
    dsp = _model()
    for bad in ([None], ["a", None]):
        with pytest.raises(sh.ModelError):
            dsp.add_function("g", _abs, bad, ["c"])
    assert None not in dsp.nodes and dsp({"a": 1})["b"] == 2
