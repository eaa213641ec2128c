"""Property test: random models with random sub-models dispatch as the
reference does: the parent's values, ``dist``, workflow, failed and
out-of-domain nodes, and every sub-solution's values, ``dist`` and workflow.

The parent and the child are random models of ``test_properties``; the child
(with functions of no inputs and default values of its own) is added with
``add_dispatcher`` under random input and output mappings (some one-to-many,
outputs may go to the sub-model's own inputs: fed back), a random weight, and
sometimes twice. The curated cases of ``corpus_submodels`` pin each rule
found this way with a small model.
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
    """A parent, a child and 1-2 sub-model nodes of it."""
    parent, child = draw(model_specs(rich=False)), draw(model_specs(rich=False))
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
        outputs = {}
        for c in outs:
            ps = draw(
                st.lists(
                    st.sampled_from(parent["data"]), min_size=1, max_size=2, unique=True
                )
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
        res[side] = corpus.snapshot_solution(sol, sh)
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
