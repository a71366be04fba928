# ruff: noqa: RUF001 -- the fixtures quote the essay's curly quotes and apostrophes
"""Mentions of the register's actors: a hand-checked fixture, properties, the real edition."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from types import SimpleNamespace as NS

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from analysis.measures.mentions import (
    ACTOR_COLUMNS,
    MENTION_COLUMNS,
    actor_table,
    alias_pattern,
    find_mentions,
)
from analysis.text.edition import Edition
from analysis.text.register import Actor, Register

GOLDEN = Path(__file__).parent / "golden" / "actors"

SMALL = Register(
    path="small.yaml",
    actors=(
        Actor(
            "guzman",
            "Joaquín Guzmán Loera",
            "person",
            ("Joaquin “El Chapo” Guzman", "Guzman", "El Chapo"),
            "Drug trafficker.",
        ),
        Actor("mexico", "Mexico", "place", ("Mexico",), "Country."),
        Actor("mexico-city", "Mexico City", "place", ("Mexico City",), "Capital of Mexico."),
        Actor(
            "united-states",
            "United States",
            "place",
            ("United States", "U.S.", "America"),
            "Country.",
        ),
        Actor(
            "dea", "Drug Enforcement Administration", "organisation", ("U.S. DEA", "DEA"), "Agency."
        ),
    ),
)


def tiny_edition(*paragraphs: list[str]) -> NS:
    """An edition-like object: each paragraph is a list of sentences joined by spaces."""
    built = []
    for n, sentences in enumerate(paragraphs, start=1):
        text, spans = "", []
        for k, sentence in enumerate(sentences, start=1):
            if text:
                text += " "
            spans.append(NS(id=f"p{n}.{k}", start=len(text), end=len(text) + len(sentence)))
            text += sentence
        built.append(NS(id=f"p{n}", n=n, section_id="s1", text=text, sentences=tuple(spans)))
    flat = tuple(s for p in built for s in p.sentences)
    return NS(paragraphs=tuple(built), sentences=flat)


# --- a fixture checked by hand -------------------------------------------------------------


def test_mentions_in_a_hand_checked_paragraph() -> None:
    edition = tiny_edition(
        [
            "Joaquin “El Chapo” Guzman fled Mexico City.",
            "Guzman’s sons, Mexican citizens, stayed in Mexico; the kingpin did not.",
            "The U.S. DEA and the U.S. blamed America’s demand, Americans said.",
        ]
    )
    mentions = find_mentions(edition, SMALL)
    assert list(mentions.columns) == list(MENTION_COLUMNS)
    assert mentions[["actor_id", "sentence_id", "surface", "start", "end"]].values.tolist() == [
        ["guzman", "p1.1", "Joaquin “El Chapo” Guzman", 0, 25],
        ["mexico-city", "p1.1", "Mexico City", 31, 42],
        ["guzman", "p1.2", "Guzman’s", 44, 52],
        ["mexico", "p1.2", "Mexico", 87, 93],
        ["dea", "p1.3", "U.S. DEA", 120, 128],
        ["united-states", "p1.3", "U.S.", 137, 141],
        ["united-states", "p1.3", "America’s", 149, 158],
    ]
    assert set(mentions["paragraph_id"]) == {"p1"} and set(mentions["section_id"]) == {"s1"}


def test_actor_table_of_the_hand_checked_paragraphs() -> None:
    edition = tiny_edition(["Guzman left Mexico.", "Guzman came back."], ["El Chapo hid."])
    mentions = find_mentions(edition, SMALL)
    table = actor_table(edition, SMALL, mentions)
    assert list(table.columns) == list(ACTOR_COLUMNS)
    rows = table[["id", "mentions", "sentences", "paragraphs"]]
    assert rows.values.tolist() == [
        ["guzman", 3, 3, 2],
        ["mexico", 1, 1, 1],
        ["dea", 0, 0, 0],
        ["mexico-city", 0, 0, 0],
        ["united-states", 0, 0, 0],
    ]
    assert table["first_mention"].tolist() == ["p1.1", "p1.1", None, None, None]


def test_the_pattern_prefers_the_longest_form() -> None:
    pattern = alias_pattern(SMALL)
    found = [m.group("alias") for m in pattern.finditer("Mexico City and Mexico, U.S. DEA")]
    assert found == ["Mexico City", "Mexico", "U.S. DEA"]


# --- properties ------------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "Guzman",
        "El Chapo",
        "Mexico",
        "Mexico City",
        "Mexican",
        "U.S.",
        "DEA",
        "America",
        "Americans",
        "the",
        "kingpin",
        "’s",
        "City",
        "(",
        ")",
        "—",
        ",",
    ]
)


@given(st.lists(st.lists(WORDS, min_size=1, max_size=12), min_size=1, max_size=4))
def test_mentions_are_whole_names_that_never_overlap(sentences: list[list[str]]) -> None:
    edition = tiny_edition([" ".join(words) for words in sentences])
    mentions = find_mentions(edition, SMALL)
    text = edition.paragraphs[0].text
    aliases = SMALL.alias_map()
    previous_end = 0
    for row in mentions.itertuples():
        assert row.start >= previous_end
        previous_end = row.end
        assert text[row.start : row.end] == row.surface
        name = re.sub(r"’s$", "", row.surface)
        assert aliases[name] == row.actor_id
        before, after = text[row.start - 1 : row.start], text[row.end : row.end + 1]
        assert not re.match(r"\w", before) and not re.match(r"\w", after)
    assert "Mexican" not in set(mentions["surface"])


# --- the real edition --------------------------------------------------------------------------


def test_every_actor_is_mentioned(
    edition: Edition, register: Register, mentions: pd.DataFrame
) -> None:
    table = actor_table(edition, register, mentions)
    unmentioned = table.loc[table["mentions"] == 0, "id"].tolist()
    assert unmentioned == [], f"register entries the text never names: {unmentioned}"


def test_every_alias_occurs(register: Register, mentions: pd.DataFrame) -> None:
    used = {re.sub(r"’s$", "", s) for s in mentions["surface"]}
    assert sorted(set(register.alias_map()) - used) == []


def test_mentions_stand_where_they_say(edition: Edition, mentions: pd.DataFrame) -> None:
    paragraphs = {p.id: p for p in edition.paragraphs}
    for row in mentions.itertuples():
        paragraph = paragraphs[row.paragraph_id]
        assert paragraph.text[row.start : row.end] == row.surface
        assert paragraph.section_id == row.section_id
        sentence = next(s for s in paragraph.sentences if s.id == row.sentence_id)
        assert sentence.start <= row.start < row.end <= sentence.end


def test_mentions_are_in_reading_order_and_disjoint(
    edition: Edition, mentions: pd.DataFrame
) -> None:
    number = {p.id: p.n for p in edition.paragraphs}
    keys = [
        (number[p], s, e)
        for p, s, e in zip(
            mentions["paragraph_id"], mentions["start"], mentions["end"], strict=True
        )
    ]
    assert keys == sorted(keys)
    for (p1, _, end), (p2, start, _) in pairwise(keys):
        assert p1 != p2 or end <= start


def _count(edition: Edition, pattern: str) -> int:
    return sum(len(re.findall(pattern, p.text)) for p in edition.paragraphs)


def test_counts_agree_with_a_plain_search(edition: Edition, mentions: pd.DataFrame) -> None:
    per_actor = mentions["actor_id"].value_counts()
    assert per_actor["guzman"] == _count(edition, r"Guzman|Chapo") - _count(edition, "El Chapo”")
    assert per_actor["mexico"] == _count(edition, r"Mexico(?! City)")
    assert per_actor["mexico-city"] == _count(edition, "Mexico City")
    agencies = r"U\.S\. (?:DEA|Drug|Department|Treasury)"
    assert per_actor["united-states"] == (
        _count(edition, r"United States|U\.S\.|America\b")
        - _count(edition, agencies)
        - _count(edition, "Latin America")
    )
    assert per_actor["dea"] == _count(edition, r"DEA|Drug Enforcement") - 1  # "... (DEA)"


def test_demonyms_and_epithets_are_not_mentions(edition: Edition, mentions: pd.DataFrame) -> None:
    surfaces = set(mentions["surface"])
    assert not surfaces & {"Mexican", "American", "Americans", "Sinaloan", "Italian"}
    assert all(s[0].isupper() for s in surfaces - {"autodefensas"})
    assert _count(edition, r"\bMexican\b") > 0  # the essay has them; they are not counted


def test_the_full_name_is_one_mention(mentions: pd.DataFrame) -> None:
    first = mentions.iloc[0]
    assert (first["actor_id"], first["sentence_id"]) == ("guzman", "p1.1")
    assert first["surface"] == "Joaquin “El Chapo” Guzman"
    assert (
        len(mentions[(mentions["sentence_id"] == "p1.1") & (mentions["actor_id"] == "guzman")]) == 1
    )


def test_agencies_and_regions_keep_their_names(mentions: pd.DataFrame) -> None:
    by_sentence = mentions.groupby("sentence_id")["actor_id"].apply(list)
    assert "united-states" not in by_sentence["p15.2"]  # "a U.S. DEA agent"
    assert by_sentence["p24.3"].count("latin-america") == 1
    assert "united-states" not in by_sentence["p24.3"]


# --- golden files --------------------------------------------------------------------------


def test_golden_actor_table(
    edition: Edition, register: Register, mentions: pd.DataFrame, dataframe_regression
) -> None:
    table = actor_table(edition, register, mentions)
    dataframe_regression.check(table, fullpath=GOLDEN / "actor_table.csv")


def test_golden_mention_counts(mentions: pd.DataFrame, data_regression) -> None:
    counts = {
        actor: {str(surface): int(n) for surface, n in sorted(group.value_counts().items())}
        for actor, group in mentions.groupby("actor_id")["surface"]
    }
    data_regression.check(counts, fullpath=GOLDEN / "mention_counts.yml")
