"""POST on a model's route dispatches it: the reference's args/kwargs form
answers the whole solution, the inputs/outputs form the requested values."""

import os.path as osp


def test_inputs_form_answers_the_requested_outputs(client):
    r = client.post("/small", json={"inputs": {"a": 3}, "outputs": ["c", "q"]})
    assert r.status_code == 200
    assert r.json == {"outputs": {"c": 7, "q": 30}}


def test_inputs_form_without_outputs_answers_every_value_and_the_failures(client):
    r = client.post("/small", json={"inputs": {"a": 3}})
    assert r.status_code == 200
    assert r.json["outputs"] == {
        "a": 3, "k": 10, "b": 6, "p": 3, "q": 30, "r": 3**0.5, "c": 7
    }  # fmt: skip
    assert r.json["failures"] == [
        {"node": "boom", "kind": "error", "reason": "ValueError: boom at 7"}
    ]


def test_args_form_is_the_reference_call(client):
    r = client.post("/small", json={"args": [{"a": 1}, ["b"]]})
    assert r.status_code == 200 and r.json == {"return": {"a": 1, "b": 2}}
    r = client.post("/small", json={"kwargs": {"inputs": {"a": 1}, "outputs": ["b"]}})
    assert r.json == {"return": {"a": 1, "b": 2}}


def test_root_url_dispatches_the_model_too(client):
    r = client.post("/", json={"inputs": {"a": 1}, "outputs": ["b"]})
    assert r.status_code == 200 and r.json == {"outputs": {"b": 2}}


def test_an_empty_body_dispatches_the_defaults(client):
    r = client.post("/small")
    assert r.status_code == 200 and r.json == {"return": {"k": 10}}


def test_dispatch_options_go_through(client):
    r = client.post(
        "/small",
        json={"kwargs": {"inputs": {"a": 1}, "outputs": ["b"], "shrink": True}},
    )
    assert r.json == {"return": {"a": 1, "b": 2}}


def test_the_tutorial_encrypts_then_decrypts_over_the_web(tutorial, tmp_path):
    client = tutorial.web().app().test_client()
    paths = {
        "encrypted_fpath": osp.join(tmp_path, "data.secret"),
        "key_fpath": osp.join(tmp_path, "key.key"),
    }
    r = client.post(
        "/symmetric_cryptography",
        json={"inputs": {"decrypted": "secret message", **paths}},
    )
    assert r.status_code == 200
    assert set(r.json["outputs"]) >= {"key", "encrypted"}
    r = client.post(
        "/symmetric_cryptography",
        json={"args": [paths], "kwargs": {"outputs": ["decrypted"]}},
    )
    assert r.status_code == 200
    assert r.json["return"]["decrypted"] == "secret message"


def test_a_solution_serves_its_model(small):
    sol = small({"a": 1}, outputs=["b"])
    client = sol.web().app().test_client()
    r = client.post("/", json={"inputs": {"a": 2}, "outputs": ["b"]})
    assert r.json == {"outputs": {"b": 4}}
