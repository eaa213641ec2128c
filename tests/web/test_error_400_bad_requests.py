"""400, as JSON, for requests the client can fix: malformed or non-standard
JSON, bodies that are not UTF-8 or too deep, wrong types, unknown ids."""

import pytest


def _error(r, status=400):
    assert r.status_code == status and r.mimetype == "application/json"
    return r.json["error"]


@pytest.mark.parametrize(
    "body, kind",
    [
        (b'{"inputs": ', "malformed_json"),
        (b"{'inputs': {}}", "malformed_json"),
        (b'{"inputs": {"a": NaN}}', "malformed_json"),
        (b'{"inputs": {"a": 1}} trailing', "malformed_json"),
        (b"\xff\xfe{}", "not_utf8"),
        (b"[" * 100 + b"]" * 100, "too_deep"),
        (b'{"inputs": {"a": {"$bytes": "not base64!"}}}', "bad_tag"),
    ],
)
def test_unreadable_bodies(client, body, kind):
    error = _error(client.post("/small", data=body, content_type="application/json"))
    assert error["type"] == kind and error["status"] == 400


def test_malformed_json_message_says_where(client):
    error = _error(client.post("/small", data=b'{"inputs": }'))
    assert "line 1 column 12" in error["message"]


def test_unknown_input_and_output_ids(client):
    error = _error(client.post("/small", json={"inputs": {"a": 1, "zz": 2}}))
    assert error["type"] == "unknown_inputs" and error["unknown"] == ["zz"]
    error = _error(client.post("/small", json={"inputs": {}, "outputs": ["c", 7]}))
    assert error["type"] == "unknown_outputs" and error["unknown"] == [7]
    error = _error(client.post("/small", json={"inputs": {"double": 1}}))
    assert error["unknown"] == ["double"]  # a function is not an input


@pytest.mark.parametrize(
    "body",
    [
        [1, 2],
        "inputs",
        {"inputs": [1]},
        {"inputs": {"a": 1}, "outputs": "c"},
        {"args": {"a": 1}},
        {"kwargs": [1]},
        {"args": [{}, [], {}, False, False, "extra"]},
        {"kwargs": {"inputs": {}, "shrink": "yes"}},
        {"kwargs": {"inputs_dist": {"a": "far"}}},
    ],
)
def test_wrong_types(client, body):
    assert _error(client.post("/small", json=body))["type"] == "wrong_type"


@pytest.mark.parametrize(
    "body",
    [
        {"inputs": {}, "args": []},
        {"input": {"a": 1}},
        {"kwargs": {"executor": "parallel"}},
        {"kwargs": {"select_output_kw": {"keys": ["a"]}}},
    ],
)
def test_unknown_fields_and_arguments_not_accepted_from_the_network(client, body):
    assert _error(client.post("/small", json=body))["type"] == "unknown_fields"


def test_function_routes_check_types_too(client):
    assert _error(client.post("/small/double", json={"args": 3}))["type"] == (
        "wrong_type"
    )
    assert _error(client.post("/small/double", json={"inputs": [3]}))["type"] == (
        "wrong_type"
    )
