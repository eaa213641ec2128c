"""A served function that raises ``WebResponse(resp)`` is answered ``resp``
as it is (status, body, headers, mimetype), from a function route, a model's
dispatch and a sub-model; a function route whose function returns a Flask
``Response`` is answered with it. Nothing is logged as a failure, and the
other answers keep their JSON shape."""

import logging

import pytest
from flask import Response

import schedula_nb as sh


def _teapot(a):
    """Answers 418 for a negative ``a``, ``a + 1`` otherwise."""
    if a < 0:
        headers = {"X-Why": "negative"}
        raise sh.WebResponse(Response("no", 418, headers, mimetype="text/plain"))
    return a + 1


def _model():
    dsp = sh.Dispatcher(name="m")
    dsp.add_function("teapot", _teapot, ["a"], ["b"])
    dsp.add_function("fallback", lambda a: 0, ["a"], ["b"], weight=10)
    dsp.add_function(
        "page",
        lambda b: Response(f"<p>{b}</p>", 201, mimetype="text/html"),
        ["b"],
        ["c"],
    )
    return dsp


@pytest.fixture
def client():
    return _model().web(functions=["teapot", "page"]).app().test_client()


def _is_teapot(r):
    assert (r.status_code, r.data, r.mimetype) == (418, b"no", "text/plain")
    assert r.headers["X-Why"] == "negative"


@pytest.mark.parametrize(
    "path, body",
    [
        ("/m/teapot", {"args": [-1]}),
        ("/m/teapot", {"inputs": {"a": -1}}),
        ("/m", {"inputs": {"a": -1}, "outputs": ["b"]}),
        ("/m", {"args": [{"a": -1}]}),
        ("/", {"kwargs": {"inputs": {"a": -1}}}),
    ],
)
def test_raised_response_is_answered_as_is(client, path, body, caplog):
    with caplog.at_level(logging.DEBUG):
        _is_teapot(client.post(path, json=body))
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_other_requests_keep_their_json_answers(client):
    assert client.post("/m/teapot", json={"args": [1]}).json == {"return": 2}
    r = client.post("/m", json={"inputs": {"a": 1}, "outputs": ["b"]})
    assert r.json == {"outputs": {"b": 2}}


def test_returned_response_is_answered_as_is(client):
    for body in ({"args": [7]}, {"inputs": {"b": 7}}):
        r = client.post("/m/page", json=body)
        assert (r.status_code, r.data, r.mimetype) == (201, b"<p>7</p>", "text/html")


def test_a_returned_response_in_a_model_answer_is_no_json():
    # a dispatch answers values, and a Response is no value JSON carries
    r = _model().web().app().test_client().post("/m", json={"inputs": {"a": 6}})
    assert r.status_code == 500 and r.json["error"]["type"] == "unencodable_value"


def test_raised_from_a_sub_model():
    parent = sh.Dispatcher(name="parent")
    parent.add_dispatcher(_model(), {"x": "a"}, {"b": "y"}, dsp_id="child")
    client = parent.web().app().test_client()
    _is_teapot(client.post("/parent", json={"inputs": {"x": -1}}))
    _is_teapot(client.post("/parent/child", json={"inputs": {"a": -1}}))
    r = client.post("/parent", json={"inputs": {"x": 1}, "outputs": ["y"]})
    assert r.json == {"outputs": {"y": 2}}


def test_anything_a_flask_view_returns():
    dsp = sh.Dispatcher(name="m")

    def answer(a):
        raise sh.WebResponse(({"why": a}, 409, {"X-Kind": "tuple"}))

    dsp.add_function("f", answer, ["a"], ["b"])
    r = dsp.web().app().test_client().post("/m", json={"inputs": {"a": "x"}})
    assert (r.status_code, r.json, r.headers["X-Kind"]) == (409, {"why": "x"}, "tuple")


def test_a_response_flask_cannot_answer_is_a_short_500(caplog):
    dsp = sh.Dispatcher(name="m")

    def answer(a):
        raise sh.WebResponse(42)

    dsp.add_function("f", answer, ["a"], ["b"])
    r = dsp.web().app().test_client().post("/m", json={"inputs": {"a": 1}})
    assert r.status_code == 500
    assert r.json["error"] == {
        "status": 500,
        "type": "bad_web_response",
        "message": "a function raised a WebResponse carrying int, "
        "not a response Flask can answer",
    }
    assert "WebResponse(42)" in caplog.text  # the operator sees which
