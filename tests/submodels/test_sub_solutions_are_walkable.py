"""A dispatch keeps every sub-model's solution: by index path in ``sub_sol``
(shared by all levels), by node in ``children`` and on the workflow node, with
failures recorded in the level where they happened."""

import schedula_nb as sh
from schedula_nb.render.graph import sub_solution


def three_levels():
    inner = sh.Dispatcher(name="inner", raises="")
    inner.add_function("k", lambda p: p * 100, ["p"], ["q"])
    inner.add_function("boom", lambda p: 1 / 0, ["p"], ["never"])
    mid = sh.Dispatcher(name="mid")
    mid.add_function("m", lambda u: u + 1, ["u"], ["p"])
    mid.add_dispatcher(inner, inputs=["p"], outputs={"q": "v"}, dsp_id="I")
    top = sh.Dispatcher(name="top")
    top.add_dispatcher(mid, inputs={"a": "u"}, outputs={"v": "r"}, dsp_id="M")
    top.add_function("t", lambda r: r + 0.5, ["r"], ["z"])
    return top


def test_values_flow_through_three_levels():
    sol = three_levels()({"a": 1})
    assert dict(sol) == {"a": 1, "r": 200, "z": 200.5}
    assert sol.dist["r"] == 4.0  # the child's distance of q


def test_sub_sol_holds_every_level_by_index_path():
    sol = three_levels()({"a": 1})
    mid, inner = sol.sub_sol[(-1, 0)], sol.sub_sol[(-1, 0, 3)]
    assert sol.sub_sol[(-1,)] is sol
    assert dict(mid) == {"u": 1, "p": 2, "v": 200}
    assert dict(inner) == {"p": 2, "q": 200}
    assert mid.sub_sol is sol.sub_sol is inner.sub_sol
    assert (mid.full_name, inner.full_name) == (("M",), ("M", "I"))
    assert mid.index == (-1, 0) and inner.index == (-1, 0, 3)


def test_views_walk_from_the_parent_node_to_the_child():
    sol = three_levels()({"a": 1})
    mid = sol.children["M"]
    assert sol.workflow.nodes["M"]["solution"] is mid
    assert sub_solution(sol, "M") is mid
    assert sub_solution(mid, "I") is mid.children["I"]
    assert ("M", "r") in sol.workflow.edges and ("a", "M") in sol.workflow.edges


def test_failures_are_recorded_where_they_happened():
    sol = three_levels()({"a": 1})
    inner = sol.sub_sol[(-1, 0, 3)]
    assert isinstance(inner.errors["boom"], ZeroDivisionError)
    assert "boom" not in sol.errors and dict(sol)["z"] == 200.5


def test_a_sub_model_rejected_by_its_domain_is_not_run():
    sub = sh.Dispatcher(name="sub")
    sub.add_function("f", lambda x: x + 1, ["x"], ["y"])
    dsp = sh.Dispatcher()
    dsp.add_dispatcher(sub, inputs=["x"], outputs=["y"], input_domain=lambda kw: False)
    dsp.add_function("alt", lambda x: -x, ["x"], ["y"], weight=5)
    sol = dsp({"x": 1})
    assert dict(sol) == {"x": 1, "y": -1}
    assert sol.sub_sol == {(-1,): sol} and "sub" not in sol.dist


def test_a_sub_model_raising_model_raises_a_dispatcher_error():
    sub = sh.Dispatcher(name="sub", raises=True)
    sub.add_function("bad", lambda x: 1 / 0, ["x"], ["y"])
    dsp = sh.Dispatcher()
    dsp.add_dispatcher(sub, inputs=["x"], outputs=["y"])
    try:
        dsp({"x": 1})
    except sh.DispatcherError as ex:
        assert ex.node_id == "bad"
        assert isinstance(ex.__cause__, ZeroDivisionError)
    else:
        raise AssertionError("no DispatcherError")


def test_wrappers_run_nested_models():
    top = three_levels()
    f = sh.SubDispatchFunction(top, "f", ["a"], ["z"])
    pipe = sh.SubDispatchPipe(top, "p", ["a"], ["z"])
    assert [f(1), f(2)] == [200.5, 300.5]
    assert [pipe(1), pipe(2)] == [200.5, 300.5]
