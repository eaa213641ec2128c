"""GET describes: ``/`` lists every route, a model's route its inputs, outputs,
functions and sub-models, a function's route its inputs and outputs."""


def test_model_description_lists_inputs_outputs_functions(client):
    r = client.get("/small")
    assert r.status_code == 200 and r.mimetype == "application/json"
    d = r.json
    assert d["kind"] == "model" and d["name"] == "small"
    assert d["description"] == "A small model."
    assert d["inputs"] == ["a", "b", "c", "d", "r", "k", "p", "q"]
    assert d["defaults"] == ["k"]
    assert d["outputs"] == ["b", "c", "d", "r", "p", "q"]
    assert [f["url"] for f in d["functions"]] == [
        "/small/double",
        "/small/inc",
        "/small/boom",
        "/small/positive_sqrt",
        "/small/split",
    ]
    assert d["sub_models"] == [] and d["drawing"] == "/small.svg"


def test_function_description(client):
    assert client.get("/small/split").json == {
        "kind": "function",
        "id": "split",
        "url": "/small/split",
        "inputs": ["a", "k"],
        "outputs": ["p", "q"],
        "description": "Return x and x times k.",
    }


def test_index_lists_every_route(client):
    d = client.get("/").json
    assert d["service"] == "schedula_nb" and d["model"]["url"] == "/small"
    assert [r["url"] for r in d["routes"]] == ["/small"] + [
        f["url"] for f in d["model"]["functions"]
    ]


def test_tutorial_description_hides_the_sentinels(tutorial):
    web = tutorial.web(functions=["write_key"])
    d = web.app().test_client().get("/symmetric_cryptography").json
    assert "sink" not in d["inputs"] and "start" not in d["inputs"]
    write_key = next(f for f in d["functions"] if f["id"] == "write_key")
    assert write_key["inputs"] == ["key_fpath", "key"] and write_key["outputs"] == []
