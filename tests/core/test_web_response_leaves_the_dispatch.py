"""A ``WebResponse`` raised by a node's function leaves the dispatch as it is:
not recorded as a failure, no alternative tried, nothing logged, not wrapped
by ``raises``; from a sub-model, a wrapper, a pipe, a callback or an executor
too. (The web service then answers its response: tests/web.)"""

import logging
import os

import pytest

import schedula_nb as sh
from schedula_nb.core import WebResponse


def _answer(*args):
    raise WebResponse(("answer", args))


def _model(calls, **options):
    dsp = sh.Dispatcher(name="m", **options)
    dsp.add_function("answers", _answer, ["a"], ["b"])
    dsp.add_function(
        "alternative", lambda a: calls.append(a) or a, ["a"], ["b"], weight=10
    )
    return dsp


def test_it_is_an_exception_under_its_names():
    import schedula_nb.utils.exc as exc

    assert sh.WebResponse is exc.WebResponse is WebResponse
    assert issubclass(WebResponse, Exception)
    assert WebResponse(42).response == 42


@pytest.mark.parametrize("raises", [False, True, ""])
def test_it_stops_the_dispatch_whatever_raises_says(raises, caplog):
    calls = []
    dsp = _model(calls, raises=raises)
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(WebResponse) as info:
            dsp.dispatch({"a": 1})
    assert info.value.response == ("answer", (1,))
    assert calls == []  # the alternative was not tried
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_later_dispatch_is_not_disturbed():
    dsp = sh.Dispatcher(name="m")
    dsp.add_function("f", lambda a: _answer(a) if a < 0 else a + 1, ["a"], ["b"])
    for _ in range(3):  # the second and third runs take the cached plans
        with pytest.raises(WebResponse):
            dsp.dispatch({"a": -1})
        assert dsp.dispatch({"a": 1})["b"] == 2


def test_it_leaves_a_sub_model_and_a_wrapper():
    calls = []
    child = _model(calls)
    parent = sh.Dispatcher(name="parent")
    parent.add_dispatcher(child, {"x": "a"}, {"b": "y"}, dsp_id="child")
    with pytest.raises(WebResponse):
        parent.dispatch({"x": 1})
    outer = sh.Dispatcher(name="outer")
    wrapper = sh.SubDispatchFunction(child, "w", ["a"], ["b"])
    outer.add_function("wrapped", wrapper, ["a"], ["b"])
    with pytest.raises(WebResponse):
        outer.dispatch({"a": 1})
    assert calls == []


def test_it_leaves_a_pipe_called_again():
    pipe = sh.DispatchPipe(_model([]), "p", ["a"], ["b"])
    for _ in range(3):  # the repeated calls take the fused, straight path
        with pytest.raises(WebResponse):
            pipe(1)


def test_it_leaves_a_callback_and_a_filter():
    dsp = sh.Dispatcher(name="m")
    dsp.add_data("b", callback=_answer)
    dsp.add_function("f", abs, ["a"], ["b"])
    with pytest.raises(WebResponse):
        dsp.dispatch({"a": -1})
    dsp = sh.Dispatcher(name="m")
    dsp.add_function("f", abs, ["a"], ["b"], filters=[_answer])
    with pytest.raises(WebResponse):
        dsp.dispatch({"a": -1})


def test_it_leaves_a_dispatch_on_threads():
    calls = []
    with pytest.raises(WebResponse):  # the call ran on a worker thread
        _model(calls).dispatch({"a": 1}, executor="thread")
    sol = _model(calls).dispatch({"a": 1}, executor="async")  # returns at once
    with pytest.raises(WebResponse):
        sol.result()
    assert calls == []


def _answer_with_pid(a):
    raise WebResponse(os.getpid())


def test_it_comes_back_from_a_process_worker():
    dsp = sh.Dispatcher(name="m")
    dsp.add_function("answers", _answer_with_pid, ["a"], ["b"])
    try:
        with pytest.raises(WebResponse) as info:
            dsp.dispatch({"a": 1}, executor="parallel").result()
    finally:
        sh.shutdown_executors()
    assert info.value.response != os.getpid()  # raised in a worker, pickled back
