"""The search: cheapest paths, alternatives on failure, stopping, waiting."""

import threading

import pytest

import schedula_nb as sh


def two_ways():
    """c from a through 'cheap' (weight 1) or 'dear' (weight 5)."""
    dsp = sh.Dispatcher()
    dsp.add_function("dear", lambda a: ("dear", a), ["a"], ["c"], weight=5)
    dsp.add_function("cheap", lambda a: ("cheap", a), ["a"], ["c"], weight=1)
    return dsp


def test_cheapest_path_is_taken():
    sol = two_ways()({"a": 1})
    assert sol["c"] == ("cheap", 1)
    assert sol.dist["cheap"] == 2 and sol.dist["c"] == 3
    assert "dear" not in sol.workflow.pred["c"]


def test_edge_weights_change_the_choice():
    dsp = sh.Dispatcher()
    dsp.add_function("x", lambda a: "x", ["a"], ["c"], inp_weight={"a": 10})
    dsp.add_function("y", lambda a: "y", ["a"], ["c"], weight=3)
    assert dsp({"a": 0})["c"] == "y"


def test_out_of_domain_takes_the_alternative():
    dsp = two_ways()
    dsp.nodes["cheap"]["input_domain"] = lambda a: a > 0
    sol = dsp({"a": -1})
    assert sol["c"] == ("dear", -1)
    assert sol.out_of_domain == ["cheap"]
    assert sol.failures["cheap"].kind == "domain"
    assert sol.workflow.nodes["cheap"] == {"solution_domain": False}


def test_failing_function_takes_the_alternative_and_is_recorded():
    dsp = two_ways()
    dsp.nodes["cheap"]["function"] = lambda a: 1 / 0
    sol = dsp({"a": 1})
    assert sol["c"] == ("dear", 1)
    failure = sol.failures["cheap"]
    assert isinstance(failure.exception, ZeroDivisionError)
    assert "ZeroDivisionError" in failure.traceback
    assert isinstance(sol.errors["cheap"], ZeroDivisionError)
    assert "Failed DISPATCHING 'cheap'" in sol._errors["cheap"]


def test_raises_true_stops_with_the_solution_and_the_cause():
    dsp = two_ways()
    dsp.raises = True
    dsp.nodes["cheap"]["function"] = lambda a: 1 / 0
    with pytest.raises(sh.DispatcherError) as info:
        dsp({"a": 1})
    err = info.value
    assert isinstance(err.ex, ZeroDivisionError) and err.__cause__ is err.ex
    assert err.node_id == "cheap" and "c" not in err.sol and err.sol["a"] == 1


def test_raises_as_exception_names():
    dsp = two_ways()
    dsp.nodes["cheap"]["function"] = lambda a: 1 / 0
    dsp.raises = "KeyError"
    assert dsp({"a": 1})["c"] == ("dear", 1)
    dsp.raises = "KeyError, ArithmeticError"  # a base class name matches too
    with pytest.raises(sh.DispatcherError):
        dsp({"a": 1})


def test_skip_node_skips_without_error():
    dsp = two_ways()

    def skip(a):
        raise sh.SkipNode

    dsp.nodes["cheap"]["function"] = skip
    sol = dsp({"a": 1})
    assert sol["c"] == ("dear", 1) and not sol.failures


def test_outputs_stop_the_search_early():
    calls = []
    dsp = sh.Dispatcher()
    for i in range(5):
        dsp.add_function(
            f"f{i}", lambda x, i=i: calls.append(i) or x + 1, [f"d{i}"], [f"d{i + 1}"]
        )
    sol = dsp({"d0": 0}, outputs=["d2"])
    assert sol == {"d0": 0, "d1": 1, "d2": 2} and calls == [0, 1]


def test_outputs_search_only_what_can_reach_them():
    calls = []
    dsp = sh.Dispatcher()
    dsp.add_function("side", lambda a: calls.append("side"), ["a"], ["s"])
    dsp.add_function("main", lambda a: a, ["a"], ["m"], weight=10)
    assert dsp({"a": 1}, outputs=["m"])["m"] == 1 and calls == []


def test_inputs_override_defaults_and_inputs_dist_counts():
    dsp = sh.Dispatcher()
    dsp.add_data("a", default_value=1)
    dsp.add_function("f", lambda a: a * 10, ["a"], ["b"])
    assert dsp()["b"] == 10 and dsp({"a": 2})["b"] == 20
    assert dsp({"a": 2}, inputs_dist={"a": 7}).dist["b"] == 9


def test_wait_inputs_data_node_combines_all_estimates():
    dsp = sh.Dispatcher()
    dsp.add_data("total", wait_inputs=True, function=lambda est: sorted(est.values()))
    dsp.add_function("x", lambda a: a, ["a"], ["total"])
    dsp.add_function("y", lambda a: a * 2, ["a"], ["total"])
    assert dsp({"a": 2})["total"] == [2, 4]


def test_function_waits_for_all_inputs():
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda a, b: a + b, ["a", "b"], ["c"])
    assert "c" not in dsp({"a": 1})
    assert dsp({"a": 1, "b": 2})["c"] == 3


def test_start_and_sink():
    seen = []
    dsp = sh.Dispatcher()
    dsp.add_function("gen", lambda: 7, outputs=["x"])
    dsp.add_function("out", seen.append, ["x"])
    sol = dsp()
    assert sol["x"] == 7 and seen == [7] and sh.START not in sol


def test_multiple_outputs_and_a_wrong_count():
    dsp = sh.Dispatcher()
    dsp.add_function("split", lambda a: (a, -a), ["a"], ["p", "n"])
    assert dsp({"a": 3}) == {"a": 3, "p": 3, "n": -3}
    dsp.add_function("bad", lambda a: (a,), ["a"], ["q", "r"])
    failure = dsp({"a": 3}).failures["bad"]
    assert "returned 1 values for 2 outputs" in str(failure.exception)


def test_none_output_is_not_set():
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda a: (sh.NONE, a), ["a"], ["b", "c"])
    assert dsp({"a": 1}) == {"a": 1, "c": 1}


def test_data_node_function_filters_and_callback():
    got = []
    dsp = sh.Dispatcher()
    dsp.add_data("b", filters=[lambda v: v + 1], callback=got.append)
    dsp.add_function("f", lambda a: a * 2, ["a"], ["b"], filters=[lambda v: v * 10])
    assert dsp({"a": 1})["b"] == 21 and got == [21]


def test_wildcard_input_feeds_functions_and_is_recomputed():
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda a: a + 1, ["a"], ["b"])
    dsp.add_function("g", lambda b: b * 10, ["b"], ["a"])
    sol = dsp({"a": 1}, outputs=["a"], wildcard=True)
    assert sol["a"] == 20 and sol["b"] == 2


def test_no_call_walks_without_calling():
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda a: 1 / 0, ["a"], ["b"])
    sol = dsp({"a": 1}, no_call=True)
    assert set(sol) == {"a", "b"} and sol["b"] is sh.NONE and not sol.failures


def test_select_output_kw():
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda a: a + 1, ["a"], ["b"])
    out = dsp({"a": 1}, select_output_kw={"keys": ["b"], "output_type": "values"})
    assert out == 2


def test_stopper_aborts():
    stop = threading.Event()
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda a: stop.set() or a, ["a"], ["b"])
    dsp.add_function("g", lambda b: b, ["b"], ["c"])
    with pytest.raises(sh.DispatcherAbort) as info:
        dsp({"a": 1}, stopper=stop)
    sol = info.value.sol
    assert "f" in sol.dist and "g" not in sol.dist and "c" not in sol


def test_negative_weights_are_refused():
    """A deliberate difference from the reference, which takes them (and then
    never revisits a node a cheaper path reaches later): a negative weight or
    distance breaks the shortest-path search, so it is refused at the call."""
    dsp = sh.Dispatcher()
    with pytest.raises(sh.ModelError, match="weight must be a number >= 0, not -5"):
        dsp.add_function("f", lambda a: "f", ["a"], ["b"], weight=-5)
    with pytest.raises(sh.ModelError, match=r"inp_weight\['a'\] must be a number"):
        dsp.add_function("f", lambda a: "f", ["a"], ["b"], inp_weight={"a": -1})
    assert dsp.nodes == {}


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"inputs": [1, 2]}, "inputs must be a dict"),
        ({"outputs": "b"}, "outputs must be a list"),
        ({"outputs": ["nope"]}, "not in the model"),
        ({"inputs_dist": 3}, "inputs_dist must be a dict"),
    ],
)
def test_bad_dispatch_arguments_are_refused(kwargs, message):
    dsp = sh.Dispatcher()
    dsp.add_function("f", abs, ["a"], ["b"])
    with pytest.raises(sh.ModelError, match=message):
        dsp.dispatch(**kwargs)


def test_inputs_outside_the_model_are_kept():
    dsp = sh.Dispatcher()
    dsp.add_function("f", abs, ["a"], ["b"])
    assert dsp({"a": -1, "zz": 5}) == {"zz": 5, "a": -1, "b": 1}


def test_model_changes_are_seen_by_the_next_dispatch():
    dsp = sh.Dispatcher()
    dsp.add_function("f", abs, ["a"], ["b"])
    assert dsp({"a": -1}, outputs=["b"])["b"] == 1
    dsp.add_function("g", lambda a: "g", ["a"], ["b"], inp_weight={"a": 0.5})
    assert dsp({"a": -1}, outputs=["b"])["b"] == "g"
