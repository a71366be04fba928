# ruff: noqa: RUF001, RUF003 -- the fixtures quote the essay's curly quotes and apostrophes
"""Mentions of the register's actors: a hand-checked fixture, properties, the real edition."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from types import SimpleNamespace as NS

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.errors import RegisterError
from analysis.measures.mentions import (
    ACTOR_COLUMNS,
    MENTION_COLUMNS,
    actor_table,
    find_mentions,
)
from analysis.text.edition import Edition
from analysis.text.register import Actor, Register, parse_register

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
            ("United States", "America"),
            "Country.",
            (r"U\.S\.(?=\s+(?:should|each|[a-z]+ed)\b|\s*[,;:)]|\s*$)",),
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


def test_the_longest_form_wins() -> None:
    edition = tiny_edition(["Mexico City and Mexico, U.S. DEA"])
    found = find_mentions(edition, SMALL)[["surface", "form"]].values.tolist()
    assert found == [["Mexico City", "Mexico City"], ["Mexico", "Mexico"], ["U.S. DEA", "U.S. DEA"]]


# --- the register's rules, each on a hand-checked sentence -----------------------------------

COLLECTIVE = parse_register(
    """
actors:
  - id: mexico
    name: Mexico
    type: place
    aliases: [Mexico]
    description: Country.
  - id: mexico-city
    name: Mexico City
    type: place
    aliases: [Mexico City]
    description: Capital.
  - id: mexican-government
    name: Government of Mexico
    type: government
    aliases: [the Mexican government, the government in Mexico City, their government]
    patterns: ['Pena Nieto’s (?:government|administration)']
    description: The executive.
  - id: united-states
    name: United States
    type: place
    aliases: [United States]
    patterns: ['U\\.S\\.(?=\\s+(?:should|each|[a-z]+ed)\\b|\\s*[,;:)]|\\s*$)']
    description: Country.
  - id: us-government
    name: Government of the United States
    type: government
    aliases: []
    patterns: ['(?<!Department of Justice in )Washington']
    description: The federal government.
  - id: washington
    name: Washington, D.C.
    type: place
    aliases: []
    patterns: ['(?<=Department of Justice in )Washington']
    description: The capital.
  - id: us-justice
    name: Department of Justice
    type: government
    aliases: [Department of Justice]
    description: The ministry.
""",
    path="collective.yaml",
)


def test_a_collective_actor_is_found_by_each_of_its_forms() -> None:
    edition = tiny_edition(
        [
            "The Mexican government objected.",
            "Many had no faith in their government, the government in Mexico City.",
            "Pena Nieto’s administration and Pena Nieto’s government agreed with Mexico.",
        ]
    )
    found = find_mentions(edition, COLLECTIVE)
    rows = found[["actor_id", "sentence_id", "surface", "form"]].values.tolist()
    assert rows == [
        ["mexican-government", "p1.1", "The Mexican government", "the Mexican government"],
        ["mexican-government", "p1.2", "their government", "their government"],
        [
            "mexican-government",
            "p1.2",
            "the government in Mexico City",
            "the government in Mexico City",
        ],
        [
            "mexican-government",
            "p1.3",
            "Pena Nieto’s administration",
            "Pena Nieto’s (?:government|administration)",
        ],
        [
            "mexican-government",
            "p1.3",
            "Pena Nieto’s government",
            "Pena Nieto’s (?:government|administration)",
        ],
        ["mexico", "p1.3", "Mexico", "Mexico"],
    ]
    # the Mexico City of the phrase is not counted again, nor is "government" alone
    assert "mexico-city" not in set(found["actor_id"])


def test_an_adjectival_us_is_not_a_mention_of_the_country() -> None:
    edition = tiny_edition(
        [
            "The flow of U.S. dollars reached U.S. soil.",
            "Drugs cross to the U.S. each year, and the U.S. assumed too much.",
            "The U.S. should work with Mexico; so should the U.S.",
        ]
    )
    found = find_mentions(edition, COLLECTIVE)
    us = found[found["actor_id"] == "united-states"]
    assert us["sentence_id"].tolist() == ["p1.2", "p1.2", "p1.3", "p1.3"]
    assert "p1.1" not in set(found["sentence_id"])  # "U.S. dollars", "U.S. soil"


def test_a_metonymic_washington_is_the_government() -> None:
    edition = tiny_edition(
        [
            "When Washington suggested extradition, officials of the Department of Justice "
            "in Washington pressed Mexico City.",
            "It was a priority for Washington.",
        ]
    )
    found = find_mentions(edition, COLLECTIVE)
    rows = found[["actor_id", "sentence_id", "surface"]].values.tolist()
    assert rows == [
        ["us-government", "p1.1", "Washington"],
        ["us-justice", "p1.1", "Department of Justice"],
        ["washington", "p1.1", "Washington"],
        ["mexico-city", "p1.1", "Mexico City"],
        ["us-government", "p1.2", "Washington"],
    ]


def test_two_actors_may_not_claim_one_span() -> None:
    clash = Register(
        path="clash.yaml",
        actors=(
            Actor("a", "A", "place", ("Washington",), "City."),
            Actor("b", "B", "government", (), "Government.", ("Wash\\w+",)),
        ),
    )
    with pytest.raises(RegisterError) as err:
        find_mentions(tiny_edition(["Washington acted."]), clash)
    assert str(err.value) == (
        "clash.yaml: 'Washington' in sentence p1.1 is a form of both a and b; give it one actor"
    )


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
    owner = {form: actor for actor, form, _ in SMALL.forms()}
    previous_end = 0
    for row in mentions.itertuples():
        assert row.start >= previous_end
        previous_end = row.end
        assert text[row.start : row.end] == row.surface
        assert owner[row.form] == row.actor_id
        name = re.sub(r"’s$", "", row.surface)
        assert name == row.form or re.fullmatch(row.form, name)
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


def test_every_form_occurs(register: Register, mentions: pd.DataFrame) -> None:
    forms = {form for _, form, _ in register.forms()}
    assert sorted(forms - set(mentions["form"])) == []


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
    # "Mexico’s marines", "Mexico’s armed forces" and "officials in Mexico" name other actors
    inside = r"Mexico’s (?:marines|armed forces)|[Oo]fficials in Mexico\b(?! City)"
    assert per_actor["mexico"] == _count(edition, r"Mexico(?! City)") - _count(edition, inside)
    seat = r"(?:government|counterparts) in Mexico City"
    assert per_actor["mexico-city"] == _count(edition, "Mexico City") - _count(edition, seat)
    bodies = r"(?:establishment in|forces of|[Oo]fficials in) the United States"
    assert per_actor["united-states"] == (
        _count(edition, r"United States|America\b")
        - _count(edition, "Latin America")
        - _count(edition, bodies)
        + 3  # "U.S." as a noun: the three sorted by hand below
    )
    assert per_actor["dea"] == _count(edition, r"DEA|Drug Enforcement") - 1  # "... (DEA)"
    assert per_actor["cartels"] == _count(edition, r"\b[Cc]artels\b|cartel (?:leaders?|members)")


def test_every_us_is_an_agency_a_body_the_country_or_an_adjective(
    edition: Edition, mentions: pd.DataFrame
) -> None:
    """The 25 "U.S." of the essay, sorted by hand by the word that follows."""
    paragraphs = {p.id: p for p in edition.paragraphs}
    owner = {}
    for row in mentions.itertuples():
        for k in range(row.start, row.end):
            owner[(row.paragraph_id, k)] = row.actor_id
    found: dict[str, list[str]] = {}
    for pid, paragraph in paragraphs.items():
        for m in re.finditer(r"U\.S\.\s+(\w+)", paragraph.text):
            found.setdefault(owner.get((pid, m.start()), "-"), []).append(m.group(1))
    agencies = {"dea", "us-justice", "us-treasury", "us-homeland-security"}
    assert sorted(w for a in agencies for w in found.get(a, [])) == [
        "DEA", "Department", "Department", "Drug", "Treasury"
    ]  # fmt: skip
    assert sorted(found["us-officials"]) == [
        "agents", "authorities", "authorities", "intelligence", "law",
        "official", "officials", "officials", "officials", "prosecutors",
    ]  # fmt: skip
    assert sorted(found["united-states"]) == ["assumed", "each", "should"]
    # adjectival: the country is not mentioned
    assert sorted(found["-"]) == [
        "bounty", "dollars", "financial", "invasions", "observers", "perspective", "soil"
    ]  # fmt: skip
    assert sum(map(len, found.values())) == 25


def test_washington_is_the_government_but_once(mentions: pd.DataFrame) -> None:
    washington = mentions[mentions["surface"] == "Washington"]
    assert washington["actor_id"].value_counts().to_dict() == {"us-government": 4, "washington": 1}
    assert washington.loc[washington["actor_id"] == "washington", "sentence_id"].tolist() == [
        "p14.2"
    ]  # "officials from the Department of Justice in Washington"


def test_the_collective_actors_of_the_argument(mentions: pd.DataFrame) -> None:
    sentences = mentions.groupby("actor_id")["sentence_id"].nunique()
    assert sentences["cartels"] >= 21 and sentences["border"] >= 13
    collective = ("mexican-government", "mexican-officials", "mexican-marines", "mexican-army",
                  "mexican-police", "courts", "american-public", "drug-users", "banks")  # fmt: skip
    for actor in collective:
        assert sentences[actor] >= 1, actor


def test_figures_of_speech_and_one_prison(register: Register, mentions: pd.DataFrame) -> None:
    ids = {a.id for a in register}
    assert not ids & {"robin-hood", "twitter", "pacific-ocean", "colorado", "florence-colorado"}
    prison = mentions[mentions["actor_id"] == "adx-florence"]
    assert prison["surface"].tolist() == ["the federal Supermax in Florence, Colorado"]
    army = mentions[mentions["actor_id"] == "mexican-army"]
    assert "army" not in " ".join(army["surface"]).replace("the army", "")  # not "an army of"


def test_demonyms_and_epithets_are_not_mentions(edition: Edition, mentions: pd.DataFrame) -> None:
    surfaces = set(mentions["surface"])
    assert not surfaces & {"Mexican", "American", "Sinaloan", "Italian", "the kingpin"}
    # "Americans", the plural noun, is the American public, never the country
    assert set(mentions.loc[mentions["surface"] == "Americans", "actor_id"]) == {"american-public"}
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
