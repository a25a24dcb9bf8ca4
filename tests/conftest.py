"""Shared pytest fixtures."""

from __future__ import annotations

import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared_dir() -> pathlib.Path:
    """The ../shared folder beside the checkout; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a fresh clone); these tests run in CI where it is present")
    return SHARED


@pytest.fixture
def repo_dir() -> pathlib.Path:
    return REPO
