"""``/<model>.svg`` answers the model's drawing, drawn when asked; without a
drawing it answers 501 (cannot draw) or 503 (graphviz missing) as JSON."""

import shutil

import pytest


def test_svg_route_answers_the_drawing_or_says_why_not(client):
    r = client.get("/small.svg")
    if r.status_code == 200:
        assert r.mimetype == "image/svg+xml" and b"<svg" in r.data
    else:
        assert r.status_code in (501, 503) and r.mimetype == "application/json"
        assert r.json["error"]["type"] == "drawing_unavailable"


@pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz (dot) missing")
def test_svg_route_draws_with_graphviz(client):
    pytest.importorskip("graphviz")
    r = client.get("/small.svg")
    assert r.status_code == 200 and b"double" in r.data


def test_missing_graphviz_is_503(small, monkeypatch):
    class DrawingUnavailable(RuntimeError):
        pass

    def plot(*args, **kwargs):
        raise DrawingUnavailable("the graphviz program 'dot' is not on PATH")

    monkeypatch.setattr(small, "plot", plot)
    r = small.web().app().test_client().get("/small.svg")
    assert r.status_code == 503
    assert "'dot' is not on PATH" in r.json["error"]["message"]


def test_missing_graphviz_package_is_503(small, monkeypatch):
    def plot(*args, **kwargs):
        raise ImportError("No module named 'graphviz'")

    monkeypatch.setattr(small, "plot", plot)
    r = small.web().app().test_client().get("/small.svg")
    assert r.status_code == 503 and "schedula_nb[plot]" in r.json["error"]["message"]


def test_a_model_that_cannot_draw_is_501(small, monkeypatch):
    monkeypatch.setattr(small, "plot", None)
    r = small.web().app().test_client().get("/small.svg")
    assert r.status_code == 501 and r.json["error"]["type"] == "drawing_unavailable"


def test_drawing_is_made_only_when_asked(small, monkeypatch):
    calls = []
    monkeypatch.setattr(small, "plot", lambda *a, **k: calls.append(1))
    client = small.web().app().test_client()
    client.get("/small")
    client.post("/small", json={"inputs": {"a": 1}})
    assert calls == []
