"""The drawing and the HTML summary of a solution computed on an executor
are those of the sequential solution (statuses, order, failures, values);
only the measured call durations differ."""

import re
import time

import pytest

import schedula_nb as sh

from .conftest import final

pytest.importorskip("graphviz")


def _nap(a):
    time.sleep(0.05)
    return a + 1


def _model():
    dsp = sh.Dispatcher(name="drawn")
    dsp.add_function("nap", _nap, ["a"], ["b"])
    dsp.add_function("boom", lambda a: 1 / 0, ["a"], ["c"])
    dsp.add_function("fallback", lambda b: b * 2, ["b"], ["c"], weight=2)
    dsp.add_function("picky", abs, ["a"], ["d"], input_domain=lambda a: a > 0)
    return dsp


def _without_durations(text):
    return re.sub(r"took [0-9.e+-]+ ms", "took <t> ms", text)


@pytest.mark.parametrize("executor", ["thread", "parallel-pool"])
def test_drawing_source_is_the_sequential_one(executor):
    from schedula_nb.render.graph import model_graph

    dsp = _model()
    seq = dsp.dispatch({"a": -1})
    par = final(dsp.dispatch({"a": -1}, executor=executor))
    assert _without_durations(model_graph(dsp, par, index=True).source) == (
        _without_durations(model_graph(dsp, seq, index=True).source)
    )
    assert "took" in model_graph(dsp, par).source  # durations are recorded


def test_rich_display_is_the_sequential_one():
    dsp = _model()
    seq = dsp.dispatch({"a": -1})._repr_mimebundle_()
    par = dsp.dispatch({"a": -1}, executor="thread")._repr_mimebundle_()
    assert set(par) == set(seq)
    strip = re.compile(r"[0-9.e+-]+ ?(ms|s|µs)\b")
    for mime in ("text/plain", "text/html"):
        assert strip.sub("<t>", par[mime]) == strip.sub("<t>", seq[mime]), mime
