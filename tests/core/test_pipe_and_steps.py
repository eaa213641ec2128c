"""``sol.pipe`` (the visits of every level in the order of the search, the
reference's nested layout), the solution a wrapper's call keeps in the
workflow, and ``Solution._set_node_output`` (one step by hand)."""

import schedula_nb as sh


def _nested():
    inner = sh.Dispatcher()
    inner.add_function("max", max, ["a", "b"], ["c"])
    inner.add_function("dict", dict, ["c"], ["d"])  # fails on a number
    wrapper = sh.SubDispatchFunction(inner, "W", ["a", "b"], ["d"])
    sub = sh.Dispatcher()
    sub.add_function("W", wrapper, ["A", "B"], ["D"])
    sub.add_function("min", min, ["C", "E"], ["F"])
    dsp = sh.Dispatcher()
    dsp.add_dispatcher(
        sub,
        inputs={"a": "A", "b": "B", "c": "C", "e": "E"},
        outputs={"F": "f", "D": "d"},
        dsp_id="sub",
    )
    dsp.add_function("max", max, ["f", "a"], ["b"])
    return dsp


def test_the_pipe_interleaves_the_levels_in_the_order_of_the_search():
    sol = _nested().dispatch({"a": 1, "c": 2, "e": 3})
    assert list(sol.pipe) == [
        "a", ("sub", "A"), "c", ("sub", "C"), "e", ("sub", "E"), ("sub", "min"),
        ("sub", "F"), "f", "max", "b", ("sub", "B"), ("sub", "W"),
    ]  # fmt: skip
    step = sol.pipe[("sub", "W")]
    assert step["error"].startswith("Failed DISPATCHING 'W' due to:")
    assert "W: unreachable outputs" in step["error"]
    assert list(step["sub_pipe"]) == ["a", "b", "max", "c", "dict"]
    assert "TypeError" in step["sub_pipe"]["dict"]["error"]
    distance, node, level = step["task"]
    assert (distance, node, level) == (level.visit["W"], "W", sol.sub_sol[(-1, 0)])


def test_a_wrapper_node_keeps_the_solution_of_its_call_also_when_replayed():
    inner = sh.Dispatcher()
    inner.add_function("double", lambda a: 2 * a, ["a"], ["b"])
    wrapper = sh.SubDispatchFunction(inner, "W", ["a"], ["b"])
    dsp = sh.Dispatcher()
    dsp.add_function("W", wrapper, ["x"], ["y"])
    for x in (1, 5):  # the second dispatch replays the first's plan
        sol = dsp.dispatch({"x": x})
        kept = sol.workflow.nodes["W"]["solution"]
        assert kept == {"a": x, "b": 2 * x}
        assert list(sol.pipe["W"]["sub_pipe"]) == ["a", "double", "b"]
    pipe = sh.DispatchPipe(inner, "P", ["a"], ["b"])
    dsp.add_function("P", pipe, ["x"], ["z"])
    assert "solution" not in dsp.dispatch({"x": 1}).workflow.nodes["P"]


def test_set_node_output_steps_a_workflow_by_hand():
    dsp = sh.Dispatcher()
    dsp.add_function("inc", lambda a: a + 1, ["a"], ["b"])
    dsp.add_function("placeholder", inputs=["a"], outputs=["b"])
    seen = []
    dsp.add_data("b", wait_inputs=True, function=lambda kw: sum(kw.values()))
    dsp.add_data("c", callback=seen.append)
    dsp.add_function("half", lambda a: a / 2, ["a"], ["c"])
    sol = sh.Solution(dsp)
    sol.workflow.add_edge(sh.START, "a", value=4)
    assert sol._set_node_output("a", False)
    assert sol["a"] == 4 and sol.workflow.succ["a"]["inc"] == {"value": 4}
    assert not sol._set_node_output("placeholder", False)  # no function
    assert sol._set_node_output("inc", False)
    assert sol.workflow.succ["inc"] == {"b": {"value": 5}}
    assert not sol._set_node_output("b", False)  # waits for the placeholder too
    assert sol._set_node_output("half", False) and sol._set_node_output("c", False)
    assert sol["c"] == 2 and seen == [2]


def test_under_the_switch_an_unreachable_output_is_worded_as_the_reference():
    from schedula_nb import compat

    dsp = sh.Dispatcher()
    dsp.add_function("max", max, ["a", "b"], ["c"])
    dsp.add_function("dict", dict, ["c"], ["d"])  # fails on a number
    wrapper = sh.SubDispatchFunction(dsp, "W", ["a", "b"], ["d"])
    compat.follow_reference(True)
    try:
        try:
            wrapper(1, 2)
        except sh.DispatcherError as ex:
            words = ex.args[0]
    finally:
        compat.follow_reference(False)
    assert words == (
        "\n  Unreachable output-targets: {'d'}\n  Available outputs: ['a', 'b', 'c']"
    )
