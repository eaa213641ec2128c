"""A missing output or a failure inside raises a DispatcherError that names the
model and the node, chained to the original exception; bad arguments raise TypeError."""

import logging

import pytest

import schedula_nb as sh

from .models import build


def boom(e):
    raise ValueError("boom")


@pytest.mark.parametrize("cls", [sh.SubDispatchFunction, sh.SubDispatchPipe])
def test_failure_inside_is_named_and_chained(cls, caplog):
    dsp = build(sh)
    dsp.add_function("bad", boom, ["e"], ["h"])
    f = cls(dsp, "myF", ["a"], ["h"])
    with caplog.at_level(logging.CRITICAL), pytest.raises(sh.DispatcherError) as info:
        f(1)
    err = info.value
    assert "myF" in str(err) and "'bad'" in str(err) and "boom" in str(err)
    assert isinstance(err.__cause__, ValueError) and err.node_id == "bad"
    assert err.sol is not None and err.sol["e"] == 20


def test_unreachable_output_is_named():
    dsp = build(sh)
    dsp.add_data("lonely")
    f = sh.SubDispatchFunction(dsp, "F", ["a"], ["lonely"], shrink=False)
    with pytest.raises(sh.DispatcherError, match="F: unreachable outputs"):
        f(1)


@pytest.mark.parametrize(
    "cls", [sh.SubDispatchFunction, sh.SubDispatchPipe, sh.DispatchPipe]
)
def test_output_the_shrink_cut_away_is_unreachable_not_unknown(cls):
    """An output of the model that no path from the inputs reaches is gone
    from the shrunk model: a call says it is unreachable (it is in the
    model), as the reference does, and does so at every call."""
    dsp = sh.Dispatcher()
    dsp.add_function("f0", abs, ["d0"], ["d1"])
    dsp.add_function("f1", abs, ["d2"], ["d10"])
    f = cls(dsp, "F", ["d0", "d1"], ["d10"])
    for _ in range(3):
        with pytest.raises(
            sh.DispatcherError, match=r"F: unreachable outputs \['d10'\]"
        ):
            f(0, 1)
    with pytest.raises(sh.ModelError, match="not in the model"):
        cls(dsp, "F", ["d0", "d1"], ["typo"], shrink=False)(0, 1)


def test_sub_dispatch_checks_selected_outputs_unless_allow_miss():
    dsp = build(sh)
    with pytest.raises(sh.DispatcherError):
        sh.SubDispatch(dsp, ["b"], output_type="dict")({})
    f = sh.SubDispatch(
        dsp, ["b"], output_type="dict", output_type_kw={"allow_miss": True}
    )
    assert f({}) == {}


def test_bad_arguments_raise_type_error():
    f = sh.SubDispatchFunction(build(sh), "F", ["a", "z"], ["e"])
    with pytest.raises(TypeError, match="positional"):
        f(1, 2, 3)
    with pytest.raises(TypeError, match="missing"):
        f()
    with pytest.raises(TypeError, match="multiple"):
        f(1, a=2)
    with pytest.raises(TypeError, match="unexpected"):
        f(1, nowhere=2)
