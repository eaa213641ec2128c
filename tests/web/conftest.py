"""Fixtures shared by the web service's tests."""

from __future__ import annotations

import pytest

pytest.importorskip("flask")

from .web_models import SMALL_FUNCTIONS, small_model, tutorial_model  # noqa: E402


@pytest.fixture
def tutorial():
    pytest.importorskip("cryptography")
    return tutorial_model()


@pytest.fixture
def small():
    return small_model()


@pytest.fixture
def client(small):
    """The small model served with every function route on."""
    return small.web(functions=SMALL_FUNCTIONS).app().test_client()
