"""Multiword terms: register forms and bound pairs (analysis/measures/units.py)."""

from __future__ import annotations

import pytest
from toys import toy_edition

from analysis.measures.association import log_likelihood_g2
from analysis.measures.units import (
    MIN_DICE,
    MIN_G2,
    SAME_TERM,
    TermUnits,
    adjacent_pairs,
    term_units,
)
from analysis.text.edition import Edition
from analysis.text.register import Register, parse_register

REGISTER = """
actors:
  - id: pena-nieto
    name: Enrique Peña Nieto
    type: person
    aliases: [Enrique Pena Nieto, Pena Nieto]
    description: President of Mexico.
  - id: guzman
    name: Joaquín Guzmán Loera
    type: person
    aliases: [Joaquin “El Chapo” Guzman, El Chapo, Guzman]
    description: Trafficker.
"""


def test_register_forms_become_terms_named_by_the_shortest() -> None:
    ed = toy_edition({"a": [["Nothing here."]]})
    units = term_units(ed, parse_register(REGISTER, path="actors.yaml"))
    assert units.phrases == (
        ("el", "chapo"),
        ("enrique", "pena", "nieto"),
        ("joaquin", "“", "el", "chapo", "”", "guzman"),
        ("pena", "nieto"),
    )
    assert set(units.sources) == {"register"}
    assert units.same == {
        **SAME_TERM,
        "enrique pena nieto": "pena nieto",
        "joaquin el chapo guzman": "el chapo",
    }
    tokens = ["joaquin", "“", "el", "chapo", "”", "guzman", "met", "enrique", "pena", "nieto"]
    assert units.join(tokens) == ["el chapo", "met", "pena nieto"]
    assert units.spans(tokens) == [(0, 6, "el chapo"), (6, 7, "met"), (7, 10, "pena nieto")]


def test_a_bound_pair_becomes_a_term_and_a_looser_one_does_not() -> None:
    sentences = [
        "Law enforcement came.",
        "The law enforcement agents met drug trade experts.",
        "Law enforcement wins the drug trade war.",
        "A drug trade is a drug war, a drug problem, a drug drug drug.",
    ]
    ed = toy_edition({"a": [[s] for s in sentences]})
    empty = Register(path="x", actors=())
    # 38 tokens (marks and stopwords included). "law enforcement": 3 pairs, law 3,
    # enforcement 3: Dice 1, G2 on 3 0 / 0 35. "drug trade": 3 pairs, drug 8, trade 3:
    # Dice 6 / 11 = 0.545, G2 on 3 5 / 0 30 = 10.41, under 10.83 (p < 0.001).
    assert log_likelihood_g2(3, 0, 0, 35) >= MIN_G2
    assert log_likelihood_g2(3, 5, 0, 30) == pytest.approx(10.4055, abs=1e-4)
    assert log_likelihood_g2(3, 5, 0, 30) < MIN_G2
    units = term_units(ed, empty)
    assert {row["term"]: row["source"] for row in units.table()} == {
        "law enforcement": "collocation"
    }
    # with G2 >= 10 "drug trade" passes; a Dice of 0.6 then keeps it out again
    assert {r["term"] for r in term_units(ed, empty, min_g2=10).table()} == {
        "drug trade",
        "law enforcement",
    }
    assert {r["term"] for r in term_units(ed, empty, min_g2=10, min_dice=0.6).table()} == {
        "law enforcement"
    }
    # fewer than 3 pairs: never ("agents met": once, Dice 1)
    assert "agents met" not in {r["term"] for r in term_units(ed, empty, min_g2=0).table()}
    assert MIN_DICE == 0.5


def test_adjacent_pairs_remove_stopwords_and_marks_after_pairing() -> None:
    finder = adjacent_pairs([["war", "on", "drugs"], ["mexico", ",", "united states", "face"]])
    assert dict(finder.ngram_fd) == {("united states", "face"): 1}


def test_the_country_is_one_term() -> None:
    units = TermUnits(phrases=(("united", "states"),), sources=("register",))
    assert units.join(["america", "united", "states", "u.s.", "americas"]) == [
        "united states",
        "united states",
        "united states",
        "americas",
    ]


def test_the_edition_units(edition: Edition, register: Register) -> None:
    units = term_units(edition, register)
    table = {row["tokens"]: row for row in units.table()}
    assert table["pena nieto"]["source"] == "register"
    assert table["united states"]["term"] == "united states"
    assert table["enrique pena nieto"]["term"] == "pena nieto"
    collocations = sorted(r["term"] for r in units.table() if r["source"] == "collocation")
    # law enforcement: 6 times side by side, law 6 and enforcement 6 in all (Dice 1)
    assert "law enforcement" in collocations
    # drug trade: 4 times, but "drug" stands 35 times (Dice 8 / 39 < 0.5)
    assert "drug trade" not in collocations
