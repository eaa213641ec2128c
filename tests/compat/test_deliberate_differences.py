"""Where schedula_nb chooses not to copy the reference: each difference is pinned
on both sides, so a change on either shows up here.

- Unknown ``outputs`` are refused (``ModelError``) where the reference silently
  ignores them and may run the whole model for nothing.
- A function whose result does not match its outputs (a non-iterable, or a
  different count) is that node's failure, and the alternatives are tried;
  the reference crashes the dispatch (``TypeError``) or silently drops values.
- ``add_dispatcher`` refuses mapping ids its sub-model does not have, where the
  reference accepts them and the values are silently lost at dispatch.
"""

import pytest

from . import corpus

pytestmark = pytest.mark.compat


@pytest.fixture(scope="module")
def ref():
    return pytest.importorskip("schedula")


def test_unknown_outputs_are_refused(ref):
    import schedula_nb as nb

    dsp_ref, steps = corpus.build_unknown_outputs_and_inputs(ref)
    assert dict(dsp_ref.dispatch(**steps[0])) == {"a": 1, "b": 2, "c": 3}
    dsp_nb, steps = corpus.build_unknown_outputs_and_inputs(nb)
    with pytest.raises(nb.ModelError, match="unreachable_missing"):
        dsp_nb.dispatch(**steps[0])
    assert dict(dsp_nb.dispatch(**steps[1])) == dict(dsp_ref.dispatch(**steps[1]))


def test_outputs_that_do_not_match_are_a_failure(ref):
    import schedula_nb as nb

    dsp_ref, steps = corpus.build_wrong_number_of_outputs(ref)
    with pytest.raises(TypeError):
        dsp_ref.dispatch(**steps[0])
    assert dict(dsp_ref.dispatch(**steps[1])) == {"a": (1, 2, 3), "b": 1, "c": 2}

    dsp_nb, steps = corpus.build_wrong_number_of_outputs(nb)
    sol = dsp_nb.dispatch(**steps[0])
    assert dict(sol) == {"a": 1, "b": 1, "c": 2}  # from 'good', the alternative
    assert "not one value for each" in str(sol.failures["bad"].exception)
    sol = dsp_nb.dispatch(**steps[1])
    assert "returned 3 values for 2 outputs" in str(sol.failures["bad"].exception)
    assert "b" not in sol  # 'good' fails too: (1, 2, 3) + 1 raises TypeError


def _child(sh):
    sub = sh.Dispatcher(name="sub")
    sub.add_function("f", lambda x: x + 1, ["x"], ["y"])
    return sub


def test_sub_model_mapping_to_unknown_ids_is_refused_when_built(ref):
    # The reference accepts a mapping to an id its child does not have (and
    # the input is then silently lost); schedula_nb refuses it at add_dispatcher.
    import schedula_nb as nb

    dsp_ref = ref.Dispatcher()
    dsp_ref.add_dispatcher(_child(ref), inputs={"a": "nope"}, outputs=["y"])
    assert dict(dsp_ref.dispatch({"a": 1})) == {"a": 1}

    dsp_nb = nb.Dispatcher()
    with pytest.raises(nb.ModelError, match="'nope'"):
        dsp_nb.add_dispatcher(_child(nb), inputs={"a": "nope"}, outputs=["y"])
    with pytest.raises(nb.ModelError, match="'w'"):
        dsp_nb.add_dispatcher(_child(nb), inputs=["x"], outputs={"w": "y"})
    assert list(dsp_nb.dmap.nodes) == []  # nothing half-added
