"""A dispatch that cannot reach the requested outputs answers 422 with the
failed nodes and the reasons; a function that fails on its inputs too."""

import schedula_nb as sh


def test_unreachable_output_lists_failures_and_reasons(client):
    r = client.post("/small", json={"inputs": {"a": 3}, "outputs": ["d"]})
    assert r.status_code == 422
    error = r.json["error"]
    assert error["type"] == "unreachable_outputs" and error["missing"] == ["d"]
    assert error["failures"] == [
        {"node": "boom", "kind": "error", "reason": "ValueError: boom at 7"}
    ]
    assert "traceback" not in error["failures"][0]


def test_out_of_domain_is_a_reason(client):
    r = client.post("/small", json={"args": [{"a": -1}, ["r"]]})
    assert r.status_code == 422
    assert r.json["error"]["failures"][0]["kind"] == "domain"


def test_output_without_any_path_has_no_failures(client):
    r = client.post("/small", json={"inputs": {"k": 1}, "outputs": ["q"]})
    assert r.status_code == 422 and r.json["error"]["failures"] == []


def test_a_model_that_raises_is_422(small):
    small.raises = True
    client = small.web().app().test_client()
    r = client.post("/small", json={"inputs": {"a": 3}})
    assert r.status_code == 422
    assert r.json["error"]["type"] == "dispatch_failed"
    assert "boom at 7" in r.json["error"]["message"]


def test_a_failing_function_call_is_422(client):
    r = client.post("/small/boom", json={"args": [1]})
    assert r.status_code == 422
    assert r.json["error"]["message"] == "'boom': ValueError: boom at 1"
    r = client.post("/small/double", json={"args": [1, 2]})  # wrong arity
    assert r.status_code == 400 and r.json["error"]["message"] == (
        "'double' takes 1 input ('a'), 2 args given"
    )


def test_debug_adds_the_failure_tracebacks(small):
    client = small.web(debug=True).app().test_client()
    r = client.post("/small", json={"inputs": {"a": 3}, "outputs": ["d"]})
    assert "ValueError: boom at 7" in r.json["error"]["failures"][0]["traceback"]


def test_split_failure_is_a_reason():
    dsp = sh.Dispatcher(name="m")
    dsp.add_function("two", lambda x: x, ["a"], ["b", "c"])
    client = dsp.web(functions=["two"]).app().test_client()
    r = client.post("/m/two", json={"inputs": {"a": 5}})
    assert r.status_code == 422 and "2 outputs" in r.json["error"]["message"]
