# ruff: noqa: RUF002 -- the docstrings quote the essay's curly apostrophes and quotes
"""Locate every mention of the register's actors in the reading text.

A *mention* is a match of one of an actor's forms in a paragraph of the
reading text. The forms of ``seeds/actors.yaml`` are literal ``aliases``
("the Mexican government", "Americans") and ``patterns``, regular expressions
for a form whose reading depends on its context ("Washington" as the U.S.
government except in "the Department of Justice in Washington"; "U.S." as a
noun, not as an adjective). Every form is

* matched case-sensitively, on word boundaries (no letter, digit or ``_`` on
  either side), so "Mexico" is not found in "Mexican" nor "America" in
  "Americans"; a form that begins with a lower-case letter also matches with
  a capital, at the start of a sentence;
* resolved longest first, and each character belongs to at most one mention:
  the "Mexico" of "Mexico City", the "cartels" of "the cartels" and the
  "Guzman" of "Joaquin “El Chapo” Guzman" are not counted a second time;
* with a possessive ``’s`` (or ``'s``) included in the mention: "Guzman’s" is
  a mention of Guzmán whose surface form is ``Guzman’s``.

Proper names and the phrases that name a collective actor are mentions;
epithets, pronouns, demonyms alone and adjectival "U.S." are not. The header
of the register states these decisions with their reasons. Section headings
are not searched, since a mention is located by sentence.

>>> from analysis.text.edition import load_edition
>>> from analysis.text.register import load_register
>>> mentions = find_mentions(load_edition(), load_register())
>>> mentions.iloc[0][["actor_id", "sentence_id", "surface"]].tolist()
['guzman', 'p1.1', 'Joaquin “El Chapo” Guzman']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from analysis.errors import RegisterError
from analysis.text.edition import Edition
from analysis.text.register import Register

__all__ = [
    "ACTOR_COLUMNS",
    "MENTION_COLUMNS",
    "Form",
    "actor_table",
    "compile_forms",
    "find_mentions",
]

#: Columns of :func:`find_mentions`.
MENTION_COLUMNS: tuple[str, ...] = (
    "actor_id",
    "sentence_id",
    "paragraph_id",
    "section_id",
    "surface",
    "form",
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


@dataclass(frozen=True)
class Form:
    """One form of an actor, compiled: a literal alias or a pattern of the register."""

    actor_id: str
    form: str
    regex: re.Pattern[str]


def _source(form: str, *, is_pattern: bool) -> str:
    """The regular expression of a form; a lower-case first letter may be a capital."""
    body = form if is_pattern else re.escape(form)
    if form[:1].islower():
        body = f"[{form[0]}{form[0].upper()}]{body[1:]}"
    return body


def compile_forms(register: Register) -> list[Form]:
    """Compile every alias and pattern of the register, on word boundaries.

    A match may end in a possessive ``’s``, which belongs to the mention.

    >>> from analysis.text.register import load_register
    >>> forms = {f.form: f for f in compile_forms(load_register())}
    >>> forms["the cartels"].regex.search("So The cartels’s men").group()
    'The cartels’s'
    >>> forms["Mexico"].regex.search("Mexican") is None
    True
    """
    return [
        Form(
            actor_id,
            form,
            re.compile(rf"(?<!\w)(?:{_source(form, is_pattern=is_pattern)}){_POSSESSIVE}(?!\w)"),
        )
        for actor_id, form, is_pattern in register.forms()
    ]


def _sentence_mentions(
    forms: list[Form], text: str, start: int, end: int, *, register: Register, sentence: str
) -> list[tuple[int, int, Form]]:
    """The mentions in ``text[start:end]``: longest match first, no position twice.

    Every match of every form is a candidate; candidates are taken longest
    first (then leftmost, then by actor id and form), and one that overlaps a
    mention already taken is dropped. Two actors matching the very same span
    is an error of the register (:class:`~analysis.errors.RegisterError`,
    naming the register and the sentence): a mention has one referent.
    """
    candidates = [
        (m.start(), m.end(), form) for form in forms for m in form.regex.finditer(text, start, end)
    ]
    candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2].actor_id, c[2].form))
    taken: list[tuple[int, int, Form]] = []
    for begin, stop, form in candidates:
        same = [t for t in taken if (t[0], t[1]) == (begin, stop)]
        if same and same[0][2].actor_id != form.actor_id:
            raise RegisterError(
                register.path,
                f"'{text[begin:stop]}' in sentence {sentence} is a form of both "
                f"{same[0][2].actor_id} and {form.actor_id}; give it one actor",
            )
        if any(begin < t[1] and t[0] < stop for t in taken):
            continue
        taken.append((begin, stop, form))
    return sorted(taken, key=lambda t: t[0])


def find_mentions(edition: Edition, register: Register) -> pd.DataFrame:
    """Return every mention of an actor in the paragraphs, in reading order.

    One row per mention with the columns of :data:`MENTION_COLUMNS`: the
    actor's id, the ids of the sentence, paragraph and section, the surface
    form as it stands in the text (possessive included), the register's form
    (alias or pattern) that found it, and its character offsets
    ``start``/``end`` in the paragraph text. Each sentence is searched on its
    own, so a mention never runs across a sentence boundary. Rows are in
    reading order (paragraph, then offset).
    """
    forms = compile_forms(register)
    rows: list[dict[str, object]] = []
    for paragraph in edition.paragraphs:
        for sentence in paragraph.sentences:
            found = _sentence_mentions(
                forms,
                paragraph.text,
                sentence.start,
                sentence.end,
                register=register,
                sentence=sentence.id,
            )
            for begin, stop, form in found:
                rows.append(
                    {
                        "actor_id": form.actor_id,
                        "sentence_id": sentence.id,
                        "paragraph_id": paragraph.id,
                        "section_id": paragraph.section_id,
                        "surface": paragraph.text[begin:stop],
                        "form": form.form,
                        "start": begin,
                        "end": stop,
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
