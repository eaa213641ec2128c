"""The real server (``.run(host='127.0.0.1', port=...)`` in a subprocess)
answers concurrent requests from several threads, every one correctly."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from .web_server import post_json, request, serving

pytest.importorskip("cryptography")

THREADS = 8
ROUND_TRIPS = 100  # each is 2 requests: encrypt, then decrypt
TIME_LIMIT = 120.0  # a hang guard for each round trip, not a speed target


def _round_trip(port: int, key: str, i: int) -> tuple[str, str]:
    message = f"message number {i}"
    status, body = post_json(
        port,
        "/symmetric_cryptography",
        {"inputs": {"key": key, "decrypted": message}, "outputs": ["encrypted"]},
    )
    assert status == 200, body
    status, body = post_json(
        port,
        "/symmetric_cryptography/decrypt_message",
        {"inputs": {"key": key, "encrypted": body["outputs"]["encrypted"]}},
    )
    assert status == 200, body
    return message, body["outputs"]["decrypted"]


def test_concurrent_requests_are_all_answered_right():
    from cryptography.fernet import Fernet

    key = Fernet.generate_key().decode()
    with serving("tutorial_model", functions=["decrypt_message"]) as port:
        t0 = time.perf_counter()
        with ThreadPoolExecutor(THREADS) as pool:
            futures = [
                pool.submit(_round_trip, port, key, i) for i in range(ROUND_TRIPS)
            ]
            answers = [f.result(timeout=TIME_LIMIT) for f in futures]
        elapsed = time.perf_counter() - t0
        assert all(sent == got for sent, got in answers)
        assert len(answers) == ROUND_TRIPS
        assert request(port, "GET", "/symmetric_cryptography")[0] == 200
    print(f"{2 * ROUND_TRIPS / elapsed:.0f} requests/s with {THREADS} threads")
