"""Fixtures shared by the test modules."""

from __future__ import annotations

import os

import pandas as pd
import pytest
from hypothesis import settings

from analysis.actors import find_mentions
from analysis.edition import Edition, load_edition
from analysis.register import Register, load_register

# In CI the property tests draw the same examples on every run, so that a run
# fails only when the code changed; locally they explore new examples each time.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def edition() -> Edition:
    """The edition established from the witness and the decisions in ``seeds/``."""
    return load_edition()


@pytest.fixture(scope="session")
def register() -> Register:
    """The register of actors in ``seeds/actors.yaml``."""
    return load_register()


@pytest.fixture(scope="session")
def mentions(edition: Edition, register: Register) -> pd.DataFrame:
    """Every mention of the register's actors in the edition (do not modify)."""
    return find_mentions(edition, register)
