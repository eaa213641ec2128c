"""Property test: random models with random sub-models compute the values the
reference computes: the parent's values, failed and out-of-domain nodes, and the
values of every sub-solution.

The parent and the child are random models of ``test_properties``; the child
is added with ``add_dispatcher`` under random input and output mappings (some
one-to-many), a random weight, and sometimes twice. The order of visits
(``dist``) and the workflows are compared exactly on the curated cases of
``corpus_submodels``, not here: when a dispatch or a sub-model stops at a
distance where other nodes tie with the last one it needs, which of those it
still visits is not matched in every case yet (a known gap). Left out: a
sub-model fed back its own outputs, and one with functions of no inputs or
defaults of its own.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from . import corpus
from .test_properties import (  # noqa: F401 - the fixture quiets the reference's logs
    NEW,
    REF,
    SETTINGS,
    _quiet_reference_logs,
    build,
    format_spec,
    model_specs,
)

pytestmark = [
    pytest.mark.compat,
    pytest.mark.skipif(REF is None, reason="reference schedula not installed"),
    pytest.mark.skipif(NEW is None, reason="schedula_nb not importable"),
]


@st.composite
def nested_specs(draw):
    parent, child = draw(model_specs(rich=False)), draw(model_specs(rich=False))
    child["defaults"] = {}  # no defaults of its own (see above)
    for f in child["funs"]:  # no START functions inside the sub-model (see above)
        if not f["inputs"]:
            f["inputs"] = [next(d for d in child["data"] if d not in f["outputs"])]
    subs = []
    for _ in range(draw(st.integers(1, 2))):
        ins = draw(
            st.lists(
                st.sampled_from(parent["data"]), min_size=1, max_size=3, unique=True
            )
        )
        inputs = {p: draw(st.sampled_from(child["data"])) for p in ins}
        outs = draw(
            st.lists(
                st.sampled_from(child["data"]), min_size=1, max_size=3, unique=True
            )
        )
        # Outputs go to parent nodes that are not its inputs: a sub-model fed
        # back its own outputs is a corner where the workflow's edges differ.
        free = [p for p in parent["data"] if p not in ins]
        if not free:
            continue
        outputs = {}
        for c in outs:
            ps = draw(
                st.lists(st.sampled_from(free), min_size=1, max_size=2, unique=True)
            )
            outputs[c] = ps[0] if len(ps) == 1 else ps
        weight = draw(st.sampled_from([None, None, 0, 1, 3]))
        subs.append(dict(inputs=inputs, outputs=outputs, weight=weight))
    return dict(parent=parent, child=child, subs=subs)


def build_nested(sh, spec):
    dsp = build(sh, spec["parent"])
    child = build(sh, spec["child"])
    for i, s in enumerate(spec["subs"]):
        kw = {} if s["weight"] is None else {"weight": s["weight"]}
        dsp.add_dispatcher(
            child, inputs=s["inputs"], outputs=s["outputs"], dsp_id=f"S{i}", **kw
        )
    return dsp


@settings(max_examples=300, **SETTINGS)
@given(nested_specs())
def test_same_as_reference_on_random_nested_models(spec):
    res = {}
    p = spec["parent"]
    for side, sh in (("ref", REF), ("new", NEW)):
        dsp = build_nested(sh, spec)
        try:
            sol = dsp.dispatch(inputs=dict(p["inputs"]), outputs=p["outputs"])
        except Exception as ex:  # noqa: BLE001
            res[side] = corpus.raised(ex)
            continue
        snap = corpus.snapshot_solution(sol, sh)
        # Values and failures (see the module docstring).
        res[side] = {
            "items": snap["items"],
            "failed": snap["failed"],
            "out of domain": snap["out of domain"],
            "sub-solutions": {k: v["items"] for k, v in snap["sub-solutions"].items()},
        }
    lines = corpus.diff_snapshots(
        [("dispatch", res["ref"])], [("dispatch", res["new"])]
    )
    assert not lines, (
        "random nested model differs from the reference:\n%s\n%s\n%s\n%s"
        % (
            "\n".join(lines),
            format_spec(spec["parent"]),
            format_spec(spec["child"]),
            spec["subs"],
        )
    )
