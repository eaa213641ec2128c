"""Errors of the service itself answer 500 with a short message; the
traceback is in the answer only with debug=True (and always in the log)."""

import schedula_nb as sh


def _model_answering(value):
    dsp = sh.Dispatcher(name="m")
    dsp.add_function("f", lambda x: value, ["a"], ["b"])
    return dsp


def _broken(small, monkeypatch):
    def dispatch(*args, **kwargs):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(small, "dispatch", dispatch)
    return small


def test_internal_error_is_short(small, monkeypatch, caplog):
    client = _broken(small, monkeypatch).web().app().test_client()
    r = client.post("/small", json={"inputs": {"a": 1}})
    assert r.status_code == 500 and r.mimetype == "application/json"
    assert r.json == {
        "error": {
            "status": 500,
            "type": "internal_error",
            "message": "internal error (RuntimeError)",
        }
    }
    assert "secret detail" in caplog.text  # the operator still sees it


def test_debug_answers_the_traceback(small, monkeypatch):
    client = _broken(small, monkeypatch).web(debug=True).app().test_client()
    error = client.post("/small", json={"inputs": {"a": 1}}).json["error"]
    assert error["message"] == "RuntimeError: secret detail"
    assert error["traceback"].startswith("Traceback (most recent call last)")


def test_a_value_json_cannot_carry_is_refused(small):
    client = _model_answering(object()).web().app().test_client()
    r = client.post("/m", json={"inputs": {"a": 1}, "outputs": ["b"]})
    assert r.status_code == 500
    error = r.json["error"]
    assert error["type"] == "unencodable_value" and error["node"] == "b"
    assert "object is not JSON" in error["message"] and "traceback" not in error


def test_the_refused_value_says_where_it_sits():
    client = _model_answering({"x": [1, {2, 3}, sh]}).web().app().test_client()
    r = client.post("/m", json={"inputs": {"a": 1}, "outputs": ["b"]})
    assert "'b'['x'][2] cannot be answered" in r.json["error"]["message"]


def test_an_encoder_carries_it():
    dsp = _model_answering(complex(1, 2))
    web = dsp.web(encoder=lambda v: [v.real, v.imag])
    r = web.app().test_client().post("/m", json={"inputs": {"a": 1}})
    assert r.status_code == 200 and r.json["outputs"]["b"] == [1.0, 2.0]
