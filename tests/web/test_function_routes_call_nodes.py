"""POST on a function node's route (served when allowed): both forms run the
node alone, in a dispatch (input domain, filters, defaults, several outputs)."""


def test_args_form_runs_the_node(client):
    r = client.post("/small/double", json={"args": [21]})
    assert r.status_code == 200 and r.json == {"return": 42}
    r = client.post("/small/split", json={"args": [2], "kwargs": {"k": 3}})
    assert r.json == {"return": [2, 6]}  # a tuple comes back as an array


def test_inputs_form_answers_each_output(client):
    r = client.post("/small/split", json={"inputs": {"a": 2, "k": 3}})
    assert r.status_code == 200 and r.json == {"outputs": {"p": 2, "q": 6}}


def test_inputs_form_uses_the_model_defaults(client):
    r = client.post("/small/split", json={"inputs": {"a": 2}})
    assert r.json == {"outputs": {"p": 2, "q": 20}}


def test_inputs_form_respects_the_input_domain(client):
    assert client.post("/small/positive_sqrt", json={"inputs": {"a": 4}}).json == {
        "outputs": {"r": 2.0}
    }
    r = client.post("/small/positive_sqrt", json={"inputs": {"a": -4}})
    assert r.status_code == 422
    assert r.json["error"]["failures"] == [
        {
            "node": "positive_sqrt",
            "kind": "domain",
            "reason": "inputs out of the function's input domain",
        }
    ]


def test_a_function_without_inputs_runs_from_nothing(tutorial):
    client = tutorial.web(functions=["generate_key"]).app().test_client()
    r = client.post("/symmetric_cryptography/generate_key", json={"inputs": {}})
    assert r.status_code == 200 and len(r.json["outputs"]["key"]) == 44


def test_missing_and_foreign_inputs_are_400(client):
    r = client.post("/small/split", json={"inputs": {}})
    assert r.status_code == 400 and r.json["error"]["type"] == "missing_inputs"
    r = client.post("/small/split", json={"inputs": {"a": 1, "b": 2}})
    assert r.status_code == 400 and r.json["error"]["unknown"] == ["b"]
