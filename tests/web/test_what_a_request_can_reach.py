"""A request reaches the model's dispatch with its declared inputs and the
function routes the modeller listed, nothing else; a function route runs its
node in a dispatch (input domain and filters apply); values that are not what
they claim to be, or numbers out of range, are a 4xx that names the field."""

import re
from pathlib import Path

import pytest

import schedula_nb as sh

from .web_models import small_model

README = Path(__file__).parents[2] / "README.md"


def _filtered_model():
    dsp = small_model()
    dsp.add_function("scaled", lambda x: x, ["a"], ["s"], filters=[lambda v: v * 100])
    return dsp


def test_function_routes_are_off_by_default(small):
    client = small.web().app().test_client()
    for name in ("double", "boom", "split"):
        r = client.post(f"/small/{name}", json={"args": [1]})
        assert r.status_code == 404, name
        assert client.get(f"/small/{name}").status_code == 404
    d = client.get("/").json
    assert [r["url"] for r in d["routes"]] == ["/small"]
    assert d["model"]["functions"] == []


def test_the_allow_list_turns_on_only_its_nodes(small):
    client = small.web(functions=["split"]).app().test_client()
    assert client.post("/small/split", json={"args": [2, 3]}).json == {"return": [2, 6]}
    assert client.post("/small/double", json={"args": [2]}).status_code == 404
    assert [f["id"] for f in client.get("/small").json["functions"]] == ["split"]


def test_an_allow_list_entry_that_is_not_a_function_is_refused(small):
    with pytest.raises(ValueError, match=r"functions: \['nope', 'a'\] are not"):
        small.web(functions=["nope", "a", "double"])
    with pytest.raises(TypeError, match="functions must be a list"):
        small.web(functions="double")


def test_sub_model_functions_are_allowed_by_route_path():
    child = sh.Dispatcher(name="child")
    child.add_function("g", lambda x: x * 10, ["x"], ["y"])
    parent = sh.Dispatcher(name="parent")
    parent.add_dispatcher(child, {"x": "x"}, {"y": "y"}, dsp_id="sub")
    client = parent.web(functions=["/parent/sub/g"]).app().test_client()
    assert client.post("/parent/sub/g", json={"args": [2]}).json == {"return": 20}
    with pytest.raises(ValueError, match="not function nodes"):
        parent.web(functions=["g"])  # a sub-model's node: by its path only


@pytest.mark.parametrize("form", [{"args": [2]}, {"inputs": {"a": 2}}])
def test_a_function_route_applies_the_node_filters(form):
    client = _filtered_model().web(functions=["scaled"]).app().test_client()
    r = client.post("/small/scaled", json=form)
    assert r.status_code == 200
    assert list(r.json.values()) in ([200], [{"s": 200}])  # as dispatch gives
    assert _filtered_model()({"a": 2})["s"] == 200


@pytest.mark.parametrize("form", [{"args": [-4]}, {"inputs": {"a": -4}}])
def test_a_function_route_applies_the_input_domain(client, form):
    r = client.post("/small/positive_sqrt", json=form)
    assert r.status_code == 422
    assert r.json["error"]["failures"][0]["kind"] == "domain"


def test_args_map_onto_the_node_inputs(client):
    r = client.post("/small/split", json={"args": [2], "kwargs": {"k": 3}})
    assert r.json == {"return": [2, 6]}
    r = client.post("/small/split", json={"args": [2], "kwargs": {"a": 3}})
    assert r.status_code == 400 and "given twice: 'a'" in r.json["error"]["message"]
    r = client.post("/small/split", json={"kwargs": {"x": 3}})  # a parameter name
    assert r.status_code == 400 and r.json["error"]["unknown"] == ["x"]


def test_hidden_start_and_sink_are_not_inputs():
    dsp = sh.Dispatcher(name="m")
    dsp.add_function("make", lambda: 1, outputs=["a"])  # from START
    dsp.add_function("drop", lambda a: None, ["a"])  # to SINK
    assert sh.START in dsp.nodes and sh.SINK in dsp.nodes
    client = dsp.web().app().test_client()
    for hidden in ("start", "sink"):
        for body in ({"inputs": {hidden: 1}}, {"inputs": {}, "outputs": [hidden]}):
            r = client.post("/m", json=body)
            assert r.status_code == 400, (hidden, body)
            assert r.json["error"]["unknown"] == [hidden]
    assert client.post("/m", json={"outputs": ["a"]}).json == {"outputs": {"a": 1}}


@pytest.mark.parametrize("empty", [[], "", 0, False, [1], "a"])
@pytest.mark.parametrize("field", ["inputs", "inputs_dist"])
def test_inputs_that_are_not_an_object_are_400(client, empty, field):
    r = client.post("/small", json={"args": [{"a": 1}], "kwargs": {field: empty}})
    if field == "inputs":
        r = client.post("/small", json={field: empty})
    assert r.status_code == 400 and r.json["error"]["type"] == "wrong_type"
    assert r.json["error"]["message"].startswith(f"{field} must be an object")
    r = client.post("/small/double", json={"inputs": empty})
    assert r.status_code == 400


def test_null_inputs_are_no_inputs(client):
    r = client.post("/small", json={"inputs": None, "outputs": ["k"]})
    assert r.json == {"outputs": {"k": 10}}


def _raw(client, path, body: bytes):
    return client.post(path, data=body, content_type="application/json")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            b'{"args": [{"a": 1}], "kwargs": {"inputs_dist": {"a": 1e400}}}',
            "['kwargs']['inputs_dist']['a']",
        ),
        (b'{"inputs": {"a": [1, -1e999]}}', "['inputs']['a'][1]"),
        (b'{"inputs": {"a": ' + b"7" * 5000 + b"}}", "['inputs']['a']"),
    ],
)
def test_numbers_out_of_range_name_the_field(client, body, field):
    error = _raw(client, "/small", body).json["error"]
    assert error["status"] == 400 and error["type"] == "out_of_range"
    assert error["field"] == field and error["message"].startswith(field)


def test_a_distance_beyond_float_range_is_400(client):
    big = b"1" + b"0" * 400  # an integer JSON allows, no float can hold
    r = _raw(client, "/small", b'{"args": [{"a": 1}, null, {"a": ' + big + b"}]}")
    assert r.status_code == 400 and r.json["error"]["field"] == "inputs_dist['a']"
    r = client.post("/small", json={"args": [{"a": 1}, None, {"a": "far"}]})
    assert r.status_code == 400 and "inputs_dist['a'] must be a number" in r.text


def test_a_result_too_long_to_write_is_422_naming_the_node():
    dsp = sh.Dispatcher(name="m")
    dsp.add_function("power", lambda n: 10**n, ["n"], ["big"])
    client = dsp.web(functions=["power"]).app().test_client()
    for path, body in [
        ("/m", {"inputs": {"n": 5000}, "outputs": ["big"]}),
        ("/m", {"args": [{"n": 5000}]}),
        ("/m/power", {"args": [5000]}),
    ]:
        r = client.post(path, json=body)
        assert r.status_code == 422, path
        error = r.json["error"]
        assert error["type"] == "value_out_of_range" and error["node"] == "big"
        assert "5001 digits" in error["message"]
    assert client.post("/m", json={"inputs": {"n": 3}}).json["outputs"]["big"] == 1000


def test_the_readme_service_reaches_no_file():
    pytest.importorskip("cryptography")
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), re.S)
    globs: dict = {}
    for block in blocks[:2]:  # the example, then the web service section
        exec(compile(block, str(README), "exec"), globs)
    assert "web.app()" in blocks[1]
    client = globs["app"].test_client()
    described = client.get("/").json
    ids = {f["id"] for f in described["model"]["functions"]}
    assert ids == {"generate_key"} and "key_fpath" not in described["model"]["inputs"]
    for name in ("read_key", "write_key"):
        assert (
            client.post(f"/symmetric_cryptography/{name}", json={}).status_code == 404
        )
    for path in ("/etc/hostname", 0, 1):
        r = client.post("/symmetric_cryptography", json={"inputs": {"key_fpath": path}})
        assert r.status_code == 400 and r.json["error"]["unknown"] == ["key_fpath"]
    r = client.post("/symmetric_cryptography/generate_key", json={"inputs": {}})
    key = r.json["outputs"]["key"]
    inputs = {"key": key, "decrypted": "hi"}
    r = client.post("/symmetric_cryptography", json={"inputs": inputs})
    assert r.json["outputs"]["encrypted"]
