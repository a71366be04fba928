"""Fixtures shared by the test modules."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.actors import find_mentions
from analysis.edition import Edition, load_edition
from analysis.register import Register, load_register


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
