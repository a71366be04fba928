# ruff: noqa: RUF002 -- the docstrings quote the essay's curly apostrophes and quotes
"""Locate every mention of the register's actors in the reading text.

A *mention* is an occurrence of one of an actor's aliases (the forms of
``seeds/actors.yaml``) in a paragraph of the reading text:

* matched case-sensitively, on word boundaries (no letter, digit or ``_`` on
  either side), so "Mexico" is not found in "Mexican" nor "America" in
  "Americans";
* longest form first, and each character belongs to at most one mention: the
  "Mexico" of "Mexico City" and the "Guzman" of "Joaquin “El Chapo” Guzman"
  are not counted a second time, and the full form is one mention of Guzmán;
* with a possessive ``’s`` (or ``'s``) included in the mention: "Guzman’s" is
  a mention of Guzmán whose surface form is ``Guzman’s``.

Only proper names are mentions. Epithets ("the kingpin", "the drug lord",
"the trafficker") are not: deciding whom a description refers to is a reading
of the essay, some are generic, and the register records names as they stand.
Demonyms ("American", "Mexican") are not names and do not count; the noun
"America" is a mention of the United States. The header of the register
states these decisions in full. Section headings are not searched, since a
mention is located by sentence.

>>> from analysis.text.edition import load_edition
>>> from analysis.text.register import load_register
>>> mentions = find_mentions(load_edition(), load_register())
>>> mentions.iloc[0][["actor_id", "sentence_id", "surface"]].tolist()
['guzman', 'p1.1', 'Joaquin “El Chapo” Guzman']
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.text.edition import Edition
from analysis.text.register import Register

__all__ = ["ACTOR_COLUMNS", "MENTION_COLUMNS", "actor_table", "alias_pattern", "find_mentions"]

#: Columns of :func:`find_mentions`.
MENTION_COLUMNS: tuple[str, ...] = (
    "actor_id",
    "sentence_id",
    "paragraph_id",
    "section_id",
    "surface",
    "start",
    "end",
)

#: Columns of :func:`actor_table`.
ACTOR_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "type",
    "description",
    "mentions",
    "sentences",
    "paragraphs",
    "first_mention",
)

_POSSESSIVE = "(?:[\u2019']s)?"


def alias_pattern(register: Register) -> re.Pattern[str]:
    """Return one regular expression that matches any alias, longest alias first.

    The alias matched is the group ``alias``; a possessive ``’s`` is part of
    the match but not of the group.

    >>> from analysis.text.register import load_register
    >>> pattern = alias_pattern(load_register())
    >>> [m.group() for m in pattern.finditer("Mexico City, Mexico’s and Mexican")]
    ['Mexico City', 'Mexico’s']
    """
    aliases = sorted(register.alias_map(), key=lambda a: (-len(a), a))
    alternatives = "|".join(re.escape(a) for a in aliases)
    return re.compile(rf"(?<!\w)(?P<alias>{alternatives}){_POSSESSIVE}(?!\w)")


def find_mentions(edition: Edition, register: Register) -> pd.DataFrame:
    """Return every mention of an actor in the paragraphs, in reading order.

    One row per mention with the columns of :data:`MENTION_COLUMNS`: the
    actor's id, the ids of the sentence, paragraph and section, the surface
    form as it stands in the text (possessive included), and its character
    offsets ``start``/``end`` in the paragraph text. Each sentence is searched
    on its own, so a mention never runs across a sentence boundary. Rows are
    in reading order (paragraph, then offset).
    """
    owner = register.alias_map()
    pattern = alias_pattern(register)
    rows: list[dict[str, object]] = []
    for paragraph in edition.paragraphs:
        for sentence in paragraph.sentences:
            for match in pattern.finditer(paragraph.text, sentence.start, sentence.end):
                rows.append(
                    {
                        "actor_id": owner[match.group("alias")],
                        "sentence_id": sentence.id,
                        "paragraph_id": paragraph.id,
                        "section_id": paragraph.section_id,
                        "surface": match.group(),
                        "start": match.start(),
                        "end": match.end(),
                    }
                )
    frame = pd.DataFrame(rows, columns=list(MENTION_COLUMNS))
    return frame.astype({"start": "int64", "end": "int64"})


def actor_table(edition: Edition, register: Register, mentions: pd.DataFrame) -> pd.DataFrame:
    """Return one row per actor of the register with its mention counts.

    Columns (:data:`ACTOR_COLUMNS`): the register's ``id``, ``name``, ``type``
    and ``description``; ``mentions`` (all mentions), ``sentences`` and
    ``paragraphs`` (distinct sentences and paragraphs with a mention) and
    ``first_mention`` (the id of the first sentence, in reading order, that
    mentions the actor; ``None`` if none does). Sorted by descending number of
    mentions, then name, then id.
    """
    order = {s.id: k for k, s in enumerate(edition.sentences)}
    rows = []
    for actor in register:
        own = mentions[mentions["actor_id"] == actor.id]
        sentence_ids = sorted(set(own["sentence_id"]), key=order.__getitem__)
        rows.append(
            {
                "id": actor.id,
                "name": actor.name,
                "type": actor.type,
                "description": actor.description,
                "mentions": len(own),
                "sentences": len(sentence_ids),
                "paragraphs": own["paragraph_id"].nunique(),
                "first_mention": sentence_ids[0] if sentence_ids else None,
            }
        )
    rows.sort(key=lambda r: (-r["mentions"], r["name"], r["id"]))
    frame = pd.DataFrame(rows, columns=list(ACTOR_COLUMNS))
    frame["first_mention"] = pd.Series([r["first_mention"] for r in rows], dtype=object)
    return frame.astype({"mentions": "int64", "sentences": "int64", "paragraphs": "int64"})
