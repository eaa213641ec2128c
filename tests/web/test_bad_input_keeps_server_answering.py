"""Hostile or broken requests to the real server each get their 4xx, and
the server keeps answering good requests after every one of them."""

import json

from .web_server import post_json, request, serving

LIMIT = 64 * 1024  # the server's body limit in this test
JSON = {"Content-Type": "application/json"}

BAD = [
    ("oversize", "/small", b"[" + b"1," * LIMIT + b"1]", JSON, 413),
    ("oversize, 4 MB", "/small", b" " * (4 << 20), JSON, 413),
    ("oversize, chunked", "/small", iter([b"[", b"1," * LIMIT, b"1]"]), JSON, 413),
    ("10,000 levels", "/small", b"[" * 10_000 + b"]" * 10_000, JSON, 400),
    ("10,000 open", "/small", b'{"a":' * 10_000, JSON, 400),
    ("not UTF-8", "/small", b'{"inputs": {"a": "\xff\xfe"}}', JSON, 400),
    ("latin-1", "/small", '{"inputs": {"a": "é"}}'.encode("latin-1"), JSON, 400),
    ("malformed", "/small", b'{"inputs": {"a": 1,}}', JSON, 400),
    ("huge int", "/small", b'{"inputs": {"a": ' + b"9" * 5000 + b"}}", JSON, 400),
    ("wrong types", "/small", b'{"inputs": [1, 2]}', JSON, 400),
    ("wrong types", "/small", b'{"args": {"a": 1}}', JSON, 400),
    ("unknown ids", "/small", b'{"inputs": {"nope": 1}}', JSON, 400),
    ("unknown ids", "/small", b'{"inputs": {}, "outputs": ["nope"]}', JSON, 400),
    ("unknown route", "/small/nope", b"{}", JSON, 404),
    ("unknown route", "/%ff%fe", b"{}", JSON, 404),
    ("no content type", "/small", b"[]", {}, 400),
    ("unreachable", "/small", b'{"inputs": {"a": 1}, "outputs": ["d"]}', JSON, 422),
]


def _good(port: int) -> None:
    status, body = post_json(port, "/small", {"inputs": {"a": 2}, "outputs": ["c"]})
    assert (status, body) == (200, {"outputs": {"c": 5}})


def test_every_bad_request_gets_its_4xx_and_the_server_keeps_answering():
    with serving("small_model", max_body_bytes=LIMIT) as port:
        _good(port)
        for name, path, body, headers, expected in BAD:
            status, data = request(port, "POST", path, body, headers)
            assert status == expected, (name, data[:200])
            error = json.loads(data)["error"]
            assert error["status"] == expected, name
            _good(port)
        status, _ = request(port, "DELETE", "/small")
        assert status == 405
        _good(port)
