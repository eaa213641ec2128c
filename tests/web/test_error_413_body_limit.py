"""Bodies over the limit answer 413 (the limit is configurable)."""

import io

from schedula_nb.web import MAX_BODY_BYTES


def _post(client, n):
    body = b'{"inputs": {"a": "' + b"x" * (n - 21) + b'"}}'
    assert len(body) == n
    return client.post("/small", data=body, content_type="application/json")


def test_default_limit(small):
    client = small.web().app().test_client()
    assert _post(client, MAX_BODY_BYTES).status_code == 200
    r = _post(client, MAX_BODY_BYTES + 1)
    assert r.status_code == 413 and r.json["error"]["status"] == 413
    assert str(MAX_BODY_BYTES) in r.json["error"]["message"]


def test_configured_limit(small):
    client = small.web(max_body_bytes=100).app().test_client()
    assert _post(client, 100).status_code == 200
    assert _post(client, 101).status_code == 413


def test_limit_applies_without_content_length(small):
    client = small.web(max_body_bytes=100).app().test_client()
    r = client.post(
        "/small",
        input_stream=io.BytesIO(b"[" + b"1," * 100 + b"1]"),
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},  # as servers set it
    )
    assert r.status_code == 413
