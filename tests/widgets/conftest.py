"""Fixtures of the explorer tests: the tutorial, a fragile model, nested models."""

import pytest

import schedula_nb as sh

from . import models

pytest.importorskip("ipycytoscape")
pytest.importorskip("pandas")


@pytest.fixture
def tutorial(tmp_path, monkeypatch):
    """The seed tutorial's globals: ``dsp``, ``sol`` (the first dispatch)."""
    pytest.importorskip("cryptography")
    monkeypatch.setattr("tempfile.mkdtemp", lambda: str(tmp_path))
    return models.tutorial_globals()


@pytest.fixture
def fragile():
    """A model with a function that raises and one out of its domain."""
    return models.failing_model(sh)


@pytest.fixture
def nested():
    """Three levels of sub-models (``top`` > ``middle`` > ``inner``)."""
    return models.nested_model(sh)
