"""Fixtures shared by the web service's tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("flask")
sys.path.insert(0, str(Path(__file__).parent))

from web_models import small_model, tutorial_model  # noqa: E402


@pytest.fixture
def tutorial():
    pytest.importorskip("cryptography")
    return tutorial_model()


@pytest.fixture
def small():
    return small_model()


@pytest.fixture
def client(small):
    return small.web().app().test_client()
