"""Edits made in place to a model's attribute dicts (``dmap.nodes[n][k] = v``,
``dmap.edges[u, v]['weight'] = w``, ``.pop``) reach the next dispatch, as
they do on the reference: the cached search plans and replays see them."""

import pytest

import schedula_nb as sh


def _model():
    dsp = sh.Dispatcher()
    dsp.add_function("cheap", lambda a: a + 1, ["a"], ["b"])
    dsp.add_function("dear", lambda a: a * 10, ["a"], ["b"], weight=5)
    dsp.add_function("double", lambda b: 2 * b, ["b"], ["c"])
    return dsp


def test_a_weight_edited_in_place_changes_the_chosen_path():
    dsp = _model()
    for _ in range(2):  # the second dispatch replays the first's plan
        assert dsp.dispatch({"a": 1})["c"] == 4
    dsp.dmap.nodes["dear"].pop("weight")
    dsp.dmap.edges["a", "cheap"]["weight"] = 9
    assert dsp.dispatch({"a": 1})["c"] == 20
    assert dsp.dispatch({"a": 1}, ["c"])["c"] == 20  # a plan cut to outputs too


def test_a_function_or_domain_set_in_place_is_used():
    dsp = _model()
    for _ in range(2):
        assert dsp.dispatch({"a": 1})["c"] == 4
    dsp.nodes["double"]["function"] = lambda b: 3 * b
    assert dsp.dispatch({"a": 1})["c"] == 6
    dsp.nodes["cheap"]["input_domain"] = lambda a: a > 5
    sol = dsp.dispatch({"a": 1})
    assert sol["c"] == 30 and "cheap" in sol.out_of_domain


def test_a_data_node_made_to_wait_in_place():
    dsp = _model()
    dsp.dispatch({"a": 1})
    dsp.nodes["b"]["wait_inputs"] = True
    dsp.nodes["b"]["function"] = lambda kw: sum(kw.values())
    assert dsp.dispatch({"a": 1})["b"] == 12


@pytest.mark.parametrize("edit", ["update", "setdefault", "del", "ior", "clear"])
def test_every_mutator_is_seen(edit):
    dsp = _model()
    dsp.dispatch({"a": 1})
    rev = dsp.dmap.rev
    attrs = dsp.nodes["dear"]
    if edit == "update":
        attrs.update(weight=0.5)
    elif edit == "setdefault":
        attrs.setdefault("description", "ten times")
    elif edit == "del":
        del attrs["weight"]
    elif edit == "ior":
        attrs |= {"weight": 0.5}
    else:
        dsp.nodes["double"].clear()  # broken on purpose: the model must notice
    assert dsp.dmap.rev > rev
    assert dsp.dmap.touched_since(rev) in (["dear"], ["double"])


def test_a_copy_of_the_model_has_its_own_attributes():
    dsp = _model()
    twin = dsp.copy()
    twin.nodes["cheap"]["weight"] = 9
    assert dsp.dispatch({"a": 1})["c"] == 4
    assert twin.dispatch({"a": 1})["c"] == 20


def test_a_negative_weight_set_in_place_behind_a_wildcard_is_refused():
    # 'b' is an input and an output (wildcard): its functions took its input
    # value, then a path of negative length computes it again, shorter than
    # the one its functions were reached by: contradictory, as on any edge.
    dsp = sh.Dispatcher()
    dsp.add_function("up", lambda a, b: a + b, ["a", "b"], ["c"])
    dsp.add_function("back", lambda c: c - 1, ["c"], ["b"])
    assert dsp.dispatch({"a": 1, "b": 2}, ["a", "b"], wildcard=True)["b"] == 2
    dsp.dmap.edges["c", "back"]["weight"] = -10
    with pytest.raises(sh.DispatcherError, match="Contradictory paths"):
        dsp.dispatch({"a": 1, "b": 2}, ["a", "b"], wildcard=True)


def test_attributes_replaced_by_plain_copies_are_still_read_right():
    # formulas replaces node attributes by copies (dsp.nodes.update({k:
    # v.copy()})); a plain dict does not tell the model of its edits, the
    # replay reads it as it goes.
    dsp = _model()
    for _ in range(2):
        assert dsp.dispatch({"a": 1})["c"] == 4
    dsp.nodes.update({k: dict(v) for k, v in dsp.nodes.items()})
    dsp.nodes["double"]["function"] = lambda b: 5 * b
    dsp.nodes["b"]["filters"] = [lambda v: v + 100]
    assert dsp.dispatch({"a": 1})["c"] == 510
    dsp = _model()
    copied = dsp.nodes["cheap"].copy()  # an Attrs copy still tells the model
    dsp.nodes["cheap"] = copied
    rev = dsp.dmap.rev
    copied["weight"] = 0.5
    assert dsp.dmap.rev > rev


def test_filters_and_inputs_replay_as_they_search():
    calls = []
    dsp = sh.Dispatcher()
    dsp.add_data("a", filters=[lambda v: v * 10])  # an input with a filter
    dsp.add_function("inc", lambda a: a + 1, ["a"], ["b"], filters=[calls.append])
    dsp.add_function("inc2", lambda a: a + 2, ["a"], ["d"], filters=[lambda v: -v])
    dsp.add_data("d", filters=[lambda v: v * 3])
    first = dsp.dispatch({"a": 1})
    again = dsp.dispatch({"a": 1})  # a replay of the first
    assert dict(first) == dict(again) == {"a": 10, "b": None, "d": -36}
    assert calls == [11, 11]
    assert again.workflow.succ["inc2"] == {"d": {"value": -12}}
