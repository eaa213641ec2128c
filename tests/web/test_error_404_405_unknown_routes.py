"""Unknown routes answer 404 and wrong methods 405, both as JSON."""


def test_unknown_route_is_404_json(client):
    for path in ("/nowhere", "/small/nowhere", "/small/double/x", "/small/"):
        r = client.post(path, json={})
        assert r.status_code == 404 and r.mimetype == "application/json"
        assert r.json["error"]["type"] == "not_found"
        assert path in r.json["error"]["message"]


def test_wrong_method_is_405_json_with_allow(client):
    r = client.delete("/small")
    assert r.status_code == 405 and r.json["error"]["type"] == "method_not_allowed"
    assert {"GET", "POST"} <= set(r.headers["Allow"].split(", "))
    assert client.post("/small.svg").status_code == 405


def test_no_static_route(client):
    assert client.get("/static/x.js").status_code == 404
