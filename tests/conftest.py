"""Fixtures shared by the test modules."""

from __future__ import annotations

import os

import pandas as pd
import pytest
from hypothesis import settings
from sites import build_site, write_seeds

from analysis.measures.comentions import WINDOWS, comentions
from analysis.measures.mentions import actor_table, find_mentions
from analysis.measures.units import TermUnits, term_units
from analysis.text.edition import Edition, load_edition
from analysis.text.register import Register, load_register

# In CI the property tests draw the same examples on every run, so that a run
# fails only when the code changed; locally they explore new examples each time.
# No deadline: on a busy machine an example's time says nothing about the code
# (benchmarks/ measures time).
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("local", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "local")


@pytest.fixture(scope="session")
def edition() -> Edition:
    """The edition established from the witness and the decisions in ``seeds/``."""
    return load_edition()


@pytest.fixture(scope="session")
def register() -> Register:
    """The register of actors in ``seeds/actors.yaml``."""
    return load_register()


@pytest.fixture(scope="session")
def units(edition: Edition, register: Register) -> TermUnits:
    """The multiword terms of the edition (register forms and bound pairs)."""
    return term_units(edition, register)


@pytest.fixture(scope="session")
def mentions(edition: Edition, register: Register) -> pd.DataFrame:
    """Every mention of the register's actors in the edition (do not modify)."""
    return find_mentions(edition, register)


@pytest.fixture(scope="session")
def actors(edition: Edition, register: Register, mentions: pd.DataFrame) -> pd.DataFrame:
    """The actor table of the edition (do not modify)."""
    return actor_table(edition, register, mentions)


@pytest.fixture(scope="session")
def tables(edition: Edition, mentions: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The co-mention tables of the edition, by window (do not modify)."""
    return {w: comentions(mentions, window=w, edition=edition) for w in WINDOWS}


@pytest.fixture()
def tiny() -> tuple[pd.DataFrame, dict[str, pd.DataFrame], dict[str, tuple[float, float]]]:
    """Three actors, one with a hostile name; a pair with negative PMI in one window.

    In the paragraph window a-b is associated and a-c is not; in the sentence
    window no pair is.

    The actor table, the co-mention tables by window and the layout positions
    that the actor figures take.
    """
    actors = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "name": ['<b>&"', "Beta", "Gamma"],
            "type": ["person", "place", "organisation"],
            "mentions": [5, 2, 1],
        }
    )
    sentence = pd.DataFrame(
        {
            "actor_a": ["a"],
            "actor_b": ["b"],
            "window": ["sentence"],
            "count": [2],
            "count_a": [5],
            "count_b": [2],
            "n_windows": [10],
            "pmi": [1.0],
            "dice": [0.57],
            "g2": [2.5],
            "expected": [1.0],
            "p_value": [0.114],
            "associated": [False],
            "evidence": [("p1.1", "p2.1")],
        }
    )
    paragraph = pd.DataFrame(
        {
            "actor_a": ["a", "a"],
            "actor_b": ["b", "c"],
            "window": ["paragraph"] * 2,
            "count": [2, 1],
            "count_a": [3, 3],
            "count_b": [2, 1],
            "n_windows": [4, 4],
            "pmi": [0.4, -0.6],
            "dice": [0.8, 0.5],
            "g2": [6.8, 0.2],
            "expected": [1.5, 0.75],
            "p_value": [0.0091, 0.655],
            "associated": [True, False],
            "evidence": [("p1.1",), ("p2.1",)],
        }
    )
    positions = {"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (0.0, 1.0)}
    return actors, {"sentence": sentence, "paragraph": paragraph}, positions


# --- a small site: the reading text and the register, built by Sphinx ---------------------

#: Line 3 holds what Sphinx's smart quotes would rewrite and an HTML comment.
LITERAL = "\"Yes\" -- 'no'... <!-- c -->"
WITNESS = f"Pena Nieto & <b>Guzman</b> met. Guzman left.\n\nMexico stayed <i>put</i>. {LITERAL}\n"
REGISTER = """
actors:
  - id: guzman
    name: Joaquín <Guzmán>
    type: person
    aliases: [Guzman]
    description: A trafficker & "El Chapo" <script>x</script> -- 'Shorty'... <!-- d -->.
  - id: pena-nieto
    name: Enrique Peña Nieto
    type: person
    aliases: [Pena Nieto]
    description: President.
  - id: mexico
    name: Mexico
    type: place
    aliases: [Mexico]
    description: The country.
"""


DECISIONS = """
witness: {siglum: W, path: w.txt, sha256: {sha}}
work: {author: A, title: T, publisher: P, place: X, date: 2015, year: 2015}
edition: {title: E, editors: Ed, version: 0.0.1, date: "2026-01-01"}
rules: {line_join: "joined with spaces"}
sections:
  - id: opening
    heading: null
    heading_lines: []
    paragraphs:
      - {id: p1, spans: [[1, 1]]}
      - {id: p2, spans: [[3, 3]]}
apparatus:
  - type: sic
    lines: [3]
    reading: "Mexico stayed"
    note: Kept.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The HTML of the text and register pages of a witness that names three actors.

    Test modules that build a site of their own define a ``site`` fixture that
    takes the place of this one.
    """
    root = tmp_path_factory.mktemp("site")
    decisions = write_seeds(root / "seeds", witness=WITNESS, decisions=DECISIONS, register=REGISTER)
    out, _ = build_site(
        root,
        pages={
            "index": "Home\n====\n\n.. toctree::\n\n   text\n   register\n",
            "text": "Text\n====\n\n.. edition-text::\n",
            "register": "Register\n========\n\n.. edition-register::\n",
        },
        decisions=decisions,
        register=decisions.parent / "actors.yaml",
    )
    return {
        name: (out / f"{name}.html").read_text(encoding="utf-8") for name in ("text", "register")
    }
