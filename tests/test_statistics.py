"""Section statistics: sizes, top actors and top terms (analysis/statistics.py)."""

from __future__ import annotations

import pandas as pd
import pytest
from toys import STAR, toy_edition

from analysis.measures.statistics import STATISTICS_COLUMNS, section_statistics
from analysis.measures.terms import token_totals
from analysis.measures.units import TermUnits
from analysis.text.edition import Edition


def test_statistics_of_the_edition(edition: Edition) -> None:
    stats = section_statistics(edition)
    assert list(stats.columns) == list(STATISTICS_COLUMNS)
    assert stats["section_id"].tolist() == [s.id for s in edition.sections]
    # words are word tokens; the terms' tokens join multiword terms, so they are
    # the same only without multiword terms
    assert stats["words"].tolist() == token_totals(edition, TermUnits(same={}))["tokens"].tolist()
    assert stats["sentences"].sum() == len(edition.sentences)
    assert stats["paragraphs"].sum() == len(edition.paragraphs)
    # paragraphs are numbered without gaps across sections
    firsts, lasts = stats["first_paragraph"].tolist(), stats["last_paragraph"].tolist()
    assert firsts[0] == 1 and lasts[-1] == len(edition.paragraphs)
    assert [b + 1 for b in lasts[:-1]] == firsts[1:]


def test_statistics_by_hand() -> None:
    ed = toy_edition(STAR)
    mentions = pd.DataFrame(
        {
            "actor_id": ["guzman", "cartel", "guzman", "cartel", "sinaloa", "guzman"],
            "section_id": ["one", "one", "one", "one", "one", "two"],
        }
    )
    keyness = pd.DataFrame(
        {
            "section": ["one", "one", "one", "one"],
            "term": ["tunnels", "bribes", "paid", "rained"],
            "g2": [4.0, 4.0, 5.5, -1.0],
        }
    )
    stats = section_statistics(ed, mentions=mentions, keyness=keyness, top=2)
    assert stats.to_dict("records") == [
        # words: 3 + 4 + 5 + 4 ("for" and "in" count; full stops do not)
        {
            "section_id": "one",
            "n": 1,
            "heading": "One",
            "words": 16,
            "sentences": 4,
            "paragraphs": 2,
            "first_paragraph": 1,
            "last_paragraph": 2,
            "top_actors": ("cartel", "guzman"),
            "top_terms": ("paid", "bribes"),
        },
        {
            "section_id": "two",
            "n": 2,
            "heading": "Two",
            "words": 2,
            "sentences": 1,
            "paragraphs": 1,
            "first_paragraph": 3,
            "last_paragraph": 3,
            "top_actors": ("guzman",),
            "top_terms": (),
        },
    ]


def test_statistics_name_a_missing_column() -> None:
    with pytest.raises(ValueError, match="'section_id'"):
        section_statistics(toy_edition(STAR), mentions=pd.DataFrame({"actor_id": ["a"]}))
