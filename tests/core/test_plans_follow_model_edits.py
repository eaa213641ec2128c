"""A dispatch plan cached on a model survives edits that touch none of its
nodes, and every other edit rebuilds it: after any edit, a dispatch gives what
the same dispatch gives on a fresh copy of the model (no cache at all)."""

from hypothesis import given, settings
from hypothesis import strategies as st

import schedula_nb as sh
from schedula_nb.core._graph import DiGraph

from .records import record as snapshot
from .test_replay_properties import build, models


def _plan(dsp):
    (plan,) = [p for k, p in dsp._plans.items() if k != "full"]
    return plan


def _chain():
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda x: x + 1, ["a"], ["b"])
    dsp.add_function("g", lambda x: x * 10, ["b"], ["c"])
    return dsp


def test_an_unrelated_node_keeps_the_plan_and_its_trace():
    dsp = _chain()
    assert dsp.dispatch({"a": 1}, ["c"])["c"] == 20
    plan = _plan(dsp)
    dsp.add_data("elsewhere")
    dsp.add_function("h", len, ["elsewhere"], ["other"])
    assert dsp.dispatch({"a": 2}, ["c"])["c"] == 30
    assert _plan(dsp) is plan and plan.rev == dsp.dmap.rev


def test_a_cheaper_producer_of_a_kept_node_is_used_at_once():
    dsp = _chain()
    dsp.dispatch({"a": 1}, ["c"])
    dsp.add_function("shortcut", lambda x: -x, ["a"], ["c"], inp_weight={"a": 0.5})
    sol = dsp.dispatch({"a": 1}, ["c"])
    assert sol["c"] == -1 and "g" not in sol.workflow.nodes


def test_a_removed_function_on_the_path_is_not_called():
    dsp = _chain()
    dsp.dispatch({"a": 1}, ["c"])
    dsp.dmap.remove_node("g")
    assert "c" not in dsp.dispatch({"a": 1}, ["c"])


def test_a_changed_weight_of_a_kept_node_changes_the_choice():
    dsp = _chain()
    dsp.add_function("alt", lambda x: 0, ["a"], ["c"], weight=5)
    assert dsp.dispatch({"a": 1}, ["c"])["c"] == 20  # via f, g: length 4
    dsp.dmap.add_node("alt", weight=0)
    assert dsp.dispatch({"a": 1}, ["c"])["c"] == 0  # via alt: length 2


def test_a_plan_older_than_the_edit_log_is_rebuilt():
    dsp = _chain()
    dsp.dispatch({"a": 1}, ["c"])
    plan = _plan(dsp)
    for i in range(DiGraph.LOG_SIZE + 1):
        dsp.add_data(f"unrelated{i}")
    assert dsp.dmap.touched_since(plan.rev) is None
    assert dsp.dispatch({"a": 3}, ["c"])["c"] == 40
    assert _plan(dsp) is not plan


@st.composite
def edits(draw, data):
    kinds = st.sampled_from(["node", "function", "remove", "weight", "default"])
    out = []
    for i in range(draw(st.integers(1, 4))):
        kind = draw(kinds)
        src = draw(st.sampled_from(data))
        dst = draw(st.sampled_from(data + [f"new{i}"]))
        out.append((kind, i, src, dst, draw(st.sampled_from([0, 1, 3]))))
    return out


def _apply(dsp, edit):
    kind, i, src, dst, w = edit
    funcs = sorted(dsp.function_nodes, key=str)
    if kind == "node":
        dsp.add_data(f"lonely{i}")
    elif kind == "function" and src != dst:
        dsp.add_function(f"e{i}", lambda x, i=i: x + 100 * i, [src], [dst], weight=w)
    elif kind == "remove" and funcs:
        dsp.dmap.remove_node(funcs[w % len(funcs)])
    elif kind == "weight" and funcs:
        dsp.dmap.add_node(funcs[-1 - w % len(funcs)], weight=w)
    elif kind == "default" and src in dsp.data_nodes:
        dsp.set_default_value(src, 10 + w)


@settings(max_examples=100, deadline=None)
@given(models(), st.data())
def test_cached_plans_give_what_a_fresh_model_gives(spec, data):
    dsp = build(spec)
    ids = sorted(dsp.data_nodes, key=str)
    inputs = {k: 1 + n for n, k in enumerate(ids[:2])}
    wildcard = data.draw(st.booleans())  # then an input is an output too
    outputs = ids[-2:] + ids[:1] if wildcard else ids[-2:]
    dsp.dispatch(inputs, outputs, wildcard=wildcard)
    dsp.dispatch(inputs, outputs, wildcard=wildcard)  # a compiled trace too
    for edit in data.draw(edits(ids)):
        _apply(dsp, edit)
        fresh = dsp.copy()  # a copy caches nothing
        assert snapshot(dsp.dispatch(inputs, outputs, wildcard=wildcard)) == snapshot(
            fresh.dispatch(inputs, outputs, wildcard=wildcard)
        )


def test_a_function_added_downstream_keeps_the_plan():
    dsp = _chain()
    dsp.dispatch({"a": 1}, ["c"])
    plan = _plan(dsp)
    dsp.add_function("later", lambda c: -c, ["c"], ["d"])  # reads c, changes no input
    assert dsp.dispatch({"a": 2}, ["c"])["c"] == 30
    assert _plan(dsp) is plan
    assert dsp.dispatch({"a": 2}, ["d"])["d"] == -30  # a new shape: its own plan


def _parent_of(child):
    top = sh.Dispatcher()
    top.add_dispatcher(child, inputs={"x": "a"}, outputs={"c": "y"}, dsp_id="sub")
    return top


def _child_tables(child):
    (tables,) = [t for k, t in child._plans.items() if k[0] == "sub-model"]
    return tables


def test_a_sub_model_keeps_its_cut_through_unrelated_edits_of_its_own():
    child = _chain()
    top = _parent_of(child)
    assert top.dispatch({"x": 1}, ["y"])["y"] == 20
    tables = _child_tables(child)
    child.add_function("later", lambda c: -c, ["c"], ["d"])  # downstream of c
    assert top.dispatch({"x": 2}, ["y"])["y"] == 30
    assert _child_tables(child) is tables


def test_a_sub_model_edit_on_the_way_is_used_at_once():
    child = _chain()
    top = _parent_of(child)
    top.dispatch({"x": 1}, ["y"])
    tables = _child_tables(child)
    child.add_function("shortcut", lambda a: -a, ["a"], ["c"], inp_weight={"a": 0.5})
    sol = top.dispatch({"x": 1}, ["y"])
    assert sol["y"] == -1 and _child_tables(child) is not tables
