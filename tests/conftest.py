"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest

from analysis.edition import Edition, load_edition


@pytest.fixture(scope="session")
def edition() -> Edition:
    """The edition established from the witness and the decisions in ``seeds/``."""
    return load_edition()
