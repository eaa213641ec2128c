"""A barrage of malformed and hostile requests (generated, hundreds of them)
against the real server: never a 5xx, never a traceback in a body, never a
hang (each request is bounded by a socket timeout), and the server still
answers right afterwards. The same generator drives hypothesis against the
application in-process, for many more draws."""

from __future__ import annotations

import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .web_models import HOSTILE_FUNCTIONS, hostile_target
from .web_server import post_json, request, serving

LIMIT = 64 * 1024
REQUESTS = 400
JSON = {"Content-Type": "application/json"}

VALUES = [
    None, True, False, 0, -1, 1.5, 1e308, -1e308, "", "a", "start", "sink", "k",
    "é\u2028", [], [1], [[[]]], {}, {"a": 1}, {"a": {"b": None}},
    {"$bytes": "!!"}, {"$bytes": "aGk="}, {"$float": "nan"}, {"$float": "x"},
    {"$float": 1}, 10**100, -(10**20), 6000, 5000, "/etc/hostname", 2**63,
]  # fmt: skip
KEYS = ["a", "b", "c", "d", "k", "p", "q", "r", "s", "h", "path", "start",
        "sink", "nope", "", "1", "SELF", "self"]  # fmt: skip
FIELDS = ["inputs", "outputs", "inputs_dist", "wildcard", "shrink", "executor",
          "stopper", "callback", "x"]  # fmt: skip
PATHS = [
    "/", "/small", "/small/double", "/small/split", "/small/positive_sqrt",
    "/small/scaled", "/small/huge", "/small/boom", "/small/inc",
    "/small/read_file", "/small/nope", "/%00", "/small//double",
    "/small/double/", "/small.svg/x", "/" + "a" * 3000, "/small?inputs=1",
]  # fmt: skip
WEIGHTS = [6 if i < 9 else 1 for i in range(len(PATHS))]  # mostly real routes
RAW = [
    b"1e400", b"-1e999", b"[1e400]", b"\x00\xff", b"{", b"}", b"nul", b"NaN",
    b"[" * 65 + b"]" * 65, b'{"inputs": {"a": ' + b"9" * 4400 + b"}}",
    b'{"inputs": {"a": 1}}' * 2, b'{"inputs": {"a": 1e400}, "outputs": 1}',
    b'{"args": [{"a": 1}, null, {"a": 1' + b"0" * 400 + b"}]}", b"\xef\xbb\xbf{}",
    b'{"inputs": {"\\ud800": 1}}', b'{"__proto__": {"a": 1}}', b" " * 100,
]  # fmt: skip


def _mapping(rng: random.Random) -> object:
    if rng.random() < 0.25:
        return rng.choice(VALUES)
    return {rng.choice(KEYS): rng.choice(VALUES) for _ in range(rng.randint(0, 4))}


def _body(rng: random.Random) -> bytes:
    """One hostile body: a mutated request, a random value, or raw bytes."""
    kind = rng.random()
    if kind < 0.35:
        obj: object = {"inputs": _mapping(rng)}
        if rng.random() < 0.7:
            obj["outputs"] = rng.choice(
                [
                    None,
                    [],
                    ["c"],
                    ["d"],
                    ["h"],
                    ["start"],
                    "c",
                    1,
                    [1],
                    [None],
                    [["c"]],
                    [rng.choice(KEYS)],
                ]  # fmt: skip
            )
    elif kind < 0.7:
        args = [_mapping(rng) for _ in range(rng.randint(0, 6))]
        kwargs = {rng.choice(FIELDS): _mapping(rng) for _ in range(rng.randint(0, 3))}
        obj = {"args": rng.choice([args, rng.choice(VALUES)]), "kwargs": kwargs}
    elif kind < 0.85:
        obj = rng.choice([rng.choice(VALUES), {rng.choice(FIELDS): _mapping(rng)}])
    else:
        raw = rng.choice(RAW)
        good = json.dumps({"inputs": {"a": 2}, "outputs": ["c"]}).encode()
        return rng.choice([raw, good[: rng.randint(0, len(good))]])
    text = json.dumps(obj)
    return text.encode() if rng.random() < 0.9 else text.encode("utf-16")


def _check(status: int, data: bytes, what: object) -> None:
    assert status < 500, (what, data[:300])
    assert b"Traceback" not in data and b'File "' not in data, (what, data[:300])
    if status != 200 or data:
        json.loads(data)  # every answer is JSON


def test_hundreds_of_hostile_requests_get_4xx_never_5xx_or_a_hang():
    rng = random.Random(18)
    options = {"functions": HOSTILE_FUNCTIONS, "max_body_bytes": LIMIT}
    with serving("hostile_target", **options) as port:
        statuses: dict[int, int] = {}
        for _ in range(REQUESTS):
            method = rng.choices(["POST", "GET", "PUT", "DELETE"], [85, 9, 3, 3])[0]
            path = rng.choices(PATHS, WEIGHTS)[0]
            body = _body(rng) if method != "GET" else None
            headers = rng.choice([JSON, JSON, JSON, {"Content-Type": "text/plain"}, {}])
            status, data = request(port, method, path, body, headers)
            _check(status, data, (method, path, body and body[:200]))
            statuses[status] = statuses.get(status, 0) + 1
        status, answer = post_json(
            port, "/small", {"inputs": {"a": 2}, "outputs": ["c"]}
        )
        assert (status, answer) == (200, {"outputs": {"c": 5}})
    assert statuses.get(400, 0) > REQUESTS // 4  # mostly refused, as they should
    print(sorted(statuses.items()))


_CLIENT = hostile_target().web(functions=HOSTILE_FUNCTIONS).app().test_client()


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(seed=st.integers(0, 2**32 - 1), path=st.sampled_from(PATHS))
def test_hypothesis_barrage_in_process(seed, path):
    body = _body(random.Random(seed))
    r = _CLIENT.post(path, data=body, headers=JSON)
    _check(r.status_code, r.data, (path, body[:200]))


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(KEYS) | st.text(max_size=4), inner, max_size=4
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    path=st.sampled_from(PATHS[:9]),
    body=st.dictionaries(
        st.sampled_from(FIELDS + ["args", "kwargs"]), _JSON, max_size=3
    ),
)
def test_hypothesis_json_bodies_in_process(path, body):
    r = _CLIENT.post(path, data=json.dumps(body), headers=JSON)
    _check(r.status_code, r.data, (path, body))
