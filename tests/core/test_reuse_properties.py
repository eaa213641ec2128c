"""Property: on random models (alternatives, domains, failures, waiting data
nodes, sub-models, dispatch options), ``dispatch(new, reuse=old)`` gives
exactly what a fresh ``dispatch(new)`` gives -- values, ``dist``, workflow,
failures, out-of-domain nodes, chosen producers, functions not needed,
sub-solutions -- and calls no function with the arguments it had in ``old``
(only what a change reaches runs). Some examples edit a function of the
model between the two dispatches; then that function runs again.
"""

from compat import corpus
from compat.test_properties import SETTINGS, build, model_specs
from compat.test_submodel_properties import build_nested, nested_specs
from hypothesis import given, settings
from hypothesis import strategies as st

import schedula_nb as sh
from schedula_nb.core._reuse import same


def snapshot(sol):
    snap = corpus.snapshot_solution(sol, sh)
    snap["chosen"] = sorted(map(repr, sol.chosen.items()))
    snap["not needed"] = sorted(map(repr, sol.not_needed))
    snap["types"] = [(repr(k), type(v).__name__) for k, v in sol.items()]
    return snap


@st.composite
def changes(draw, spec):
    """New inputs: some values kept, some changed, maybe one added or dropped."""
    inputs = dict(spec["inputs"])
    for k in list(inputs):
        how = draw(
            st.sampled_from(["keep", "keep", "equal", "float", "change", "drop"])
        )
        if how == "equal":
            inputs[k] = int(str(inputs[k]))  # an equal value, maybe another object
        elif how == "float":
            inputs[k] = float(inputs[k])  # equal, but not the same value
        elif how == "change":
            inputs[k] = draw(st.integers(0, 50))
        elif how == "drop" and draw(st.booleans()):
            del inputs[k]
    if draw(st.integers(0, 4)) == 0:
        inputs[draw(st.sampled_from(spec["data"]))] = draw(st.integers(0, 50))
    return inputs


def edit(spec, draw):
    """Maybe give one function another formula (a new node with the same id)."""
    if not draw(st.booleans()):
        return spec, None
    i = draw(st.integers(0, len(spec["funs"]) - 1))
    funs = [dict(f) for f in spec["funs"]]
    funs[i]["idx"] += 1000
    return {**spec, "funs": funs}, funs[i]["id"]


def replace_function(dsp, other, fid):
    """Edit ``dsp``: function ``fid`` becomes ``other``'s (same id and edges)."""
    g, o = dsp.dmap, other.dmap
    g.remove_node(fid)
    g.add_node(fid, **o.nodes[fid])
    for u, attr in o.pred[fid].items():
        g.add_edge(u, fid, **attr)
    for v, attr in o.succ[fid].items():
        g.add_edge(fid, v, **attr)


def _dispatch(dsp, spec, inputs, **kw):
    return dsp.dispatch(
        inputs=dict(inputs),
        outputs=spec["outputs"],
        inputs_dist={k: v for k, v in spec["inputs_dist"].items() if k in inputs}
        or None,
        **spec["options"],
        **kw,
    )


def _args(sol, fid, dsp):
    """The arguments ``fid`` had in ``sol`` (None: it was not called there)."""
    if fid not in sol.results and fid not in sol.failures:
        return None
    ins = dsp.dmap.nodes[fid]["inputs"]
    return [sol[k] for k in ins if k in sol]


def check_calls(calls, old, new, dsp, changed):
    """A function that ran again had new arguments, a wildcard input, or was
    edited."""
    for fid in calls:
        if fid == changed or new.wildcards.intersection(dsp.dmap.nodes[fid]["inputs"]):
            continue
        before, now = _args(old, fid, dsp), _args(new, fid, dsp)
        assert before is None or not (
            len(before) == len(now) and all(map(same, before, now))
        ), f"{fid} called again with the same arguments {now!r}"


@settings(max_examples=250, **SETTINGS)
@given(st.data())
def test_reuse_equals_a_fresh_dispatch(data):
    spec = data.draw(model_specs())
    calls = {}
    dsp = build(sh, spec, calls)
    old = _dispatch(dsp, spec, spec["inputs"])
    inputs = data.draw(changes(spec))
    spec2, changed = edit(spec, data.draw)
    if changed is not None:
        replace_function(dsp, build(sh, spec2, calls), changed)
    calls.clear()
    # An executor starts only the calls not taken over (see _prefetch).
    executor = data.draw(st.sampled_from([False, False, "thread"]))
    new = _dispatch(dsp, spec2, inputs, reuse=old, executor=executor)
    reused_calls = dict(calls)
    fresh = _dispatch(build(sh, spec2), spec2, inputs)
    assert snapshot(new) == snapshot(fresh)
    if not spec["options"].get("no_call"):
        check_calls(reused_calls, old, new, dsp, changed)
    # A reused solution is a source of reuse too.
    calls.clear()
    again = _dispatch(dsp, spec2, inputs, reuse=new)
    assert snapshot(again) == snapshot(fresh)
    if not spec["options"].get("no_call") and not new.wildcards:
        assert not calls, f"nothing changed, yet {calls} ran"


@settings(max_examples=150, **SETTINGS)
@given(nested_specs(), st.data())
def test_reuse_equals_a_fresh_dispatch_with_sub_models(spec, data):
    p = spec["parent"]
    calls, child_calls = {}, {}
    dsp = build(sh, p, calls)
    child = build(sh, spec["child"], child_calls)
    for i, s in enumerate(spec["subs"]):
        kw = {} if s["weight"] is None else {"weight": s["weight"]}
        dsp.add_dispatcher(child, s["inputs"], s["outputs"], f"S{i}", **kw)
    old = dsp.dispatch(dict(p["inputs"]), p["outputs"])
    inputs = data.draw(changes(p))
    calls.clear()
    child_calls.clear()
    new = dsp.dispatch(inputs, p["outputs"], reuse=old)
    fresh = build_nested(sh, spec).dispatch(inputs, p["outputs"])
    assert snapshot(new) == snapshot(fresh)
    check_calls(calls, old, new, dsp, None)
    calls.clear()
    child_calls.clear()
    again = dsp.dispatch(inputs, p["outputs"], reuse=new)
    assert snapshot(again) == snapshot(fresh)
    assert not calls and not child_calls, "nothing changed, yet functions ran"
