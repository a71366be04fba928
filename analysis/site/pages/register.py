"""The register of actors: each actor with its forms, its mentions and its co-mentions.

:func:`register_groups` gathers, for every actor of the register, the forms
under which the reading text names it, every sentence that mentions it and
the actors mentioned with it, in groups by type; the ``{edition-register}``
directive shows them, each entry anchored as ``actor-<id>`` so that the
marked mentions of the reading text and the actors page link to it.
:func:`sort_key` orders names here and on the actors page; persons are filed
under their surname (:func:`surname`). Each mention is shown with a few words
around it (:func:`mention_context`), linked to its sentence. Register text
reaches the page as docutils text nodes only.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

import pandas as pd
from docutils import nodes

from analysis.measures.comentions import comentions
from analysis.site.cache import current_actors, current_edition
from analysis.site.pages.base import _Page, _slug
from analysis.text.register import ACTOR_TYPES, Actor, Register

__all__ = [
    "TYPE_PLURALS",
    "EditionRegister",
    "RegisterEntry",
    "comentioned_actors",
    "entry_key",
    "mention_context",
    "register_groups",
    "sort_key",
    "surname",
]

#: Words of context shown on each side of a mention in the register.
CONTEXT_WORDS = 4

#: Headings of the register's groups, one per type of actor.
TYPE_PLURALS: dict[str, str] = {
    "person": "Persons",
    "organisation": "Organisations",
    "government": "Governments",
    "group": "Groups",
    "place": "Places",
}


@dataclass(frozen=True)
class RegisterEntry:
    """An actor of the register with what the reading text says of it.

    ``forms``: each surface form as it stands in the text, with its number of
    mentions (most frequent first, then by form). ``mentions``: each sentence
    that mentions the actor, in reading order, with its number of mentions
    there. ``comentioned``: the actors mentioned in the same sentence, with
    the number of such sentences (most first, then by name). ``contexts``:
    each mention in reading order, as ``(sentence_id, before, form, after)``
    (:func:`mention_context`).
    """

    actor: Actor
    forms: tuple[tuple[str, int], ...]
    mentions: tuple[tuple[str, int], ...]
    comentioned: tuple[tuple[Actor, int], ...]
    contexts: tuple[tuple[str, str, str, str], ...] = ()

    @property
    def count(self) -> int:
        """The number of mentions of the actor."""
        return sum(n for _, n in self.mentions)


def sort_key(name: str) -> str:
    """The key that orders names in the register: no diacritics, case or leading "The".

    >>> sorted(["Mexico", "The Americas", "Ávila"], key=sort_key)
    ['The Americas', 'Ávila', 'Mexico']
    """
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).casefold()
    return plain.removeprefix("the ")


def surname(actor: Actor) -> str:
    """The part of a person's name the register files it under; other names whole.

    It is the register's ``surname`` where one is given ("bin Laden" of "Osama
    bin Laden"); else it runs from the first word after the given name with which a form in the
    text begins (the essay's "Guzman" of "Joaquín Guzmán Loera", "Pena Nieto"
    of "Enrique Peña Nieto"), else from the first word after the given name
    with which a form ends (a form that opens with the given name: "Enrique
    (Kiki) Camarena" of "Enrique Camarena Salazar"), else it is the last word.

    >>> from analysis.text.register import Actor
    >>> surname(Actor("x", "Enrique Peña Nieto", "person", ("Pena Nieto",), ""))
    'Peña Nieto'
    >>> surname(Actor("y", "George W. Bush", "person", ("George W. Bush",), ""))
    'Bush'
    >>> surname(Actor("z", "Enrique Camarena Salazar", "person", ("Enrique (Kiki) Camarena",), ""))
    'Camarena Salazar'
    >>> osama = Actor("b", "Osama bin Laden", "person", ("Osama",), "", surname="bin Laden")
    >>> surname(osama)
    'bin Laden'
    """
    words = actor.name.split()
    if actor.type != "person" or len(words) < 2:
        return actor.name
    if actor.surname:
        return actor.surname
    forms = [alias.split() for alias in actor.aliases if alias.split()]
    for edge in (0, -1):
        found = {sort_key(form[edge]) for form in forms}
        for i in range(1, len(words)):
            if sort_key(words[i]) in found:
                return " ".join(words[i:])
    return words[-1]


def entry_key(actor: Actor) -> tuple[str, str, str, str]:
    """The order of the register: by surname (persons) or name, then name and id."""
    return (sort_key(surname(actor)), sort_key(actor.name), actor.name, actor.id)


def mention_context(
    text: str, start: int, end: int, *, words: int = CONTEXT_WORDS
) -> tuple[str, str, str]:
    """The mention ``text[start:end]`` with up to ``words`` words before and after it.

    A cut context is marked with an ellipsis.

    >>> mention_context("one two three four five six seven", 14, 18, words=2)
    ('\u2026two three ', 'four', ' five six\u2026')
    """
    before = text[:start].split(" ")
    after = text[end:].split(" ")
    head = " ".join(before[-words - 1 :])
    tail = " ".join(after[: words + 1])
    if len(before) > words + 1:
        head = "\u2026" + head
    if len(after) > words + 1:
        tail += "\u2026"
    return head, text[start:end], tail


def comentioned_actors(comention_table: pd.DataFrame, actor_id: str) -> list[tuple[str, int]]:
    """The actors paired with ``actor_id`` in a co-mention table, with the pair's count."""
    table = comention_table
    rows = table[(table["actor_a"] == actor_id) | (table["actor_b"] == actor_id)]
    return [
        (b if a == actor_id else a, int(n))
        for a, b, n in zip(rows["actor_a"], rows["actor_b"], rows["count"], strict=True)
    ]


def register_groups(
    register: Register,
    mentions: pd.DataFrame,
    comention_table: pd.DataFrame,
    *,
    texts: dict[str, str] | None = None,
) -> list[tuple[str, list[RegisterEntry]]]:
    """The register's entries grouped by type, in the order of :data:`ACTOR_TYPES`.

    ``mentions`` is :func:`analysis.measures.mentions.find_mentions` (in reading order);
    ``comention_table`` is :func:`analysis.measures.comentions.comentions` for the
    window whose partners the register lists (the sentence). Within a group
    the entries are in the order of :func:`entry_key` (persons by surname).
    Types without an actor are left out. ``texts``, the paragraphs' texts by
    id, gives each entry the context of its mentions.
    """
    by_id = {a.id: a for a in register}
    groups: list[tuple[str, list[RegisterEntry]]] = []
    for kind in ACTOR_TYPES:
        entries = []
        for actor in sorted((a for a in register if a.type == kind), key=entry_key):
            own = mentions[mentions["actor_id"] == actor.id]
            forms = sorted(Counter(own["surface"]).items(), key=lambda t: (-t[1], t[0]))
            per_sentence = Counter(own["sentence_id"])  # keeps first-seen (reading) order
            partners = sorted(
                ((by_id[other], n) for other, n in comentioned_actors(comention_table, actor.id)),
                key=lambda t: (-t[1], sort_key(t[0].name), t[0].id),
            )
            entries.append(
                RegisterEntry(
                    actor=actor,
                    forms=tuple(forms),
                    mentions=tuple(per_sentence.items()),
                    comentioned=tuple(partners),
                    contexts=tuple(
                        (sid, *mention_context(texts[pid], int(a), int(b)))
                        for sid, pid, a, b in zip(
                            own["sentence_id"],
                            own["paragraph_id"],
                            own["start"],
                            own["end"],
                            strict=True,
                        )
                    )
                    if texts is not None
                    else (),
                )
            )
        if entries:
            groups.append((kind, entries))
    return groups


class EditionRegister(_Page):
    """The register of actors: by type, each with its forms, mentions and co-mentions."""

    def make(self) -> list[nodes.Node]:
        edition = current_edition(self.config.edition_decisions)
        register, mentions = current_actors(
            self.config.edition_decisions, self.config.edition_register
        )
        pairs = comentions(mentions, window="sentence", edition=edition)
        texts = {p.id: p.text for p in edition.paragraphs}
        groups = register_groups(register, mentions, pairs, texts=texts)
        summary = nodes.paragraph(classes=["register-summary"])
        kinds = ", ".join(
            f"{len(entries)} {kind if len(entries) == 1 else TYPE_PLURALS[kind].lower()}"
            for kind, entries in groups
        )
        summary += nodes.Text(
            f"{len(register)} actors ({kinds}), named {len(mentions)} times in "
            f"{mentions['sentence_id'].nunique()} of the {len(edition.sentences)} sentences "
            f"of the reading text; {len(pairs)} pairs of them are named in the same sentence."
        )
        contents = nodes.paragraph(classes=["register-contents"])
        for i, (kind, entries) in enumerate(groups):
            if i:
                contents += nodes.Text(" \u00b7 ")
            contents += self.link(
                f"{TYPE_PLURALS[kind]} ({len(entries)})", "register", _slug(TYPE_PLURALS[kind])
            )
        out: list[nodes.Node] = [summary, contents]
        for kind, entries in groups:
            slug = _slug(TYPE_PLURALS[kind])
            group = nodes.section(ids=[slug], names=[slug])
            group += nodes.title("", TYPE_PLURALS[kind])
            for entry in entries:
                group += self.entry(entry)
            out.append(group)
        return out

    def entry(self, entry: RegisterEntry) -> nodes.section:
        actor = entry.actor
        anchor = f"actor-{actor.id}"
        node = nodes.section(ids=[anchor], names=[anchor], classes=["register-entry"])
        node += nodes.title("", actor.name)
        sentences = len(entry.mentions)
        head = nodes.paragraph(classes=["register-meta"])
        head += nodes.Text(
            f"{actor.type} \u00b7 {entry.count} "
            f"mention{'s' if entry.count != 1 else ''} in {sentences} "
            f"sentence{'s' if sentences != 1 else ''}"
        )
        node += head
        node += nodes.paragraph("", actor.description, classes=["register-description"])
        forms = nodes.paragraph(classes=["register-forms"])
        forms += nodes.strong("", "Forms in the text: ")
        for i, (form, n) in enumerate(entry.forms):
            if i:
                forms += nodes.Text("; ")
            forms += nodes.inline("", form, classes=["register-form"])
            forms += nodes.Text(f" ({n})")
        node += forms
        node += nodes.paragraph(
            "", "", nodes.strong("", "Mentions:"), classes=["register-mentions"]
        )
        located = nodes.bullet_list(classes=["register-contexts"])
        for sentence_id, before, form, after in entry.contexts:
            paragraph, sentence = sentence_id[1:].split(".")
            item = nodes.paragraph()
            item += self.link(
                f"\u00b6\u00a0{paragraph}.{sentence}",
                "text",
                sentence_id,
                title=f"Reading text, paragraph {paragraph}, sentence {sentence}",
            )
            item += nodes.Text(f" {before}")
            item += nodes.emphasis("", form)
            item += nodes.Text(after)
            located += nodes.list_item("", item)
        node += located
        partners = nodes.paragraph(classes=["register-comentions"])
        partners += nodes.strong("", "Named in the same sentence as: ")
        if not entry.comentioned:
            partners += nodes.Text("no other actor.")
        for i, (other, n) in enumerate(entry.comentioned):
            if i:
                partners += nodes.Text(", ")
            partners += self.link(
                other.name,
                "register",
                f"actor-{other.id}",
                title=f"{other.name}: {n} sentence{'s' if n != 1 else ''} with both",
            )
            partners += nodes.Text(f"\u00a0({n})")
        node += partners
        return node
