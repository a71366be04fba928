"""The register: entries grouped by type, their order, forms and co-mentions, and its page."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures.comentions import comentions
from analysis.site.pages.register import (
    entry_key,
    mention_context,
    register_groups,
    sort_key,
    surname,
)
from analysis.text.register import ACTOR_TYPES

# --- the register -------------------------------------------------------------------


def test_sort_key_ignores_diacritics_case_and_the_article() -> None:
    names = ["Mexico", "The Americas", "Ávila", "el Paso", "Zeta"]
    assert sorted(names, key=sort_key) == ["The Americas", "Ávila", "el Paso", "Mexico", "Zeta"]


@pytest.fixture(scope="module")
def sentence_pairs(edition, mentions) -> pd.DataFrame:
    return comentions(mentions, window="sentence", edition=edition)


def test_register_groups_hold_every_actor_and_every_mention(
    register, mentions, sentence_pairs
) -> None:
    groups = register_groups(register, mentions, sentence_pairs)
    assert [k for k, _ in groups] == [t for t in ACTOR_TYPES if any(a.type == t for a in register)]
    entries = [e for _, es in groups for e in es]
    assert sorted(e.actor.id for e in entries) == sorted(a.id for a in register)
    assert sum(e.count for e in entries) == len(mentions)
    for kind, es in groups:
        assert all(e.actor.type == kind for e in es)
        keys = [entry_key(e.actor) for e in es]
        assert keys == sorted(keys)
    for e in entries:
        assert sum(n for _, n in e.forms) == e.count
        own = mentions[mentions["actor_id"] == e.actor.id]
        assert [s for s, _ in e.mentions] == list(dict.fromkeys(own["sentence_id"]))
        counts = [n for _, n in e.comentioned]
        assert counts == sorted(counts, reverse=True)


def test_persons_are_filed_under_their_surname(register) -> None:
    """The surname starts where a form of the text starts; the register sorts by it."""
    people = {a.id: a for a in register if a.type == "person"}
    assert surname(people["guzman"]) == "Guzmán Loera"
    assert surname(people["pena-nieto"]) == "Peña Nieto"
    ordered = sorted(people.values(), key=entry_key)
    assert [a.id for a in ordered].index("guzman") < [a.id for a in ordered].index("pena-nieto")


def test_mention_context_keeps_the_words_around_the_mention() -> None:
    text = "He fled from Altiplano prison through a tunnel"
    start = text.index("Altiplano")
    before, form, after = mention_context(text, start, start + len("Altiplano"), words=2)
    assert (before, form, after) == ("\u2026fled from ", "Altiplano", " prison through\u2026")
    assert mention_context("Mexico wins", 0, 6, words=3) == ("", "Mexico", " wins")


def test_register_groups_give_every_mention_its_context(
    edition, register, mentions, sentence_pairs
) -> None:
    texts = {p.id: p.text for p in edition.paragraphs}
    groups = register_groups(register, mentions, sentence_pairs, texts=texts)
    contexts = [c for _, es in groups for e in es for c in e.contexts]
    assert len(contexts) == len(mentions)
    sentences = {s.id: s.text for s in edition.sentences}
    for sentence_id, before, form, after in contexts:
        assert form in sentences[sentence_id] or form in texts[sentence_id.split(".")[0]]
        assert (before + form + after).strip("\u2026") in texts[sentence_id.split(".")[0]]


def test_register_comentions_are_symmetric(register, mentions, sentence_pairs) -> None:
    entries = {
        e.actor.id: e for _, es in register_groups(register, mentions, sentence_pairs) for e in es
    }
    for e in entries.values():
        for other, n in e.comentioned:
            assert (e.actor.id, n) in [(a.id, k) for a, k in entries[other.id].comentioned]


def test_guzman_forms_keep_the_text_spelling(register, mentions, sentence_pairs) -> None:
    entries = {
        e.actor.id: e for _, es in register_groups(register, mentions, sentence_pairs) for e in es
    }
    forms = dict(entries["guzman"].forms)
    assert "Guzman" in forms and "Guzmán" not in forms
    assert entries["guzman"].actor.name == "Joaquín Guzmán Loera"


# --- the directive in a small Sphinx build (the site fixture of conftest.py) ------------


def test_register_lists_entries_with_anchors_and_locations(site: dict[str, str]) -> None:
    page = site["register"]
    for anchor in ("actor-guzman", "actor-pena-nieto", "actor-mexico", "persons", "places"):
        assert f'id="{anchor}"' in page, anchor
    # Persons by surname: Joaquín <Guzmán> before Enrique Peña Nieto.
    assert page.index('id="actor-guzman"') < page.index('id="actor-pena-nieto"')
    assert "Joaquín &lt;Guzmán&gt;" in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "<script>x</script>" not in page
    # Straight quotes, "--", "..." and an HTML comment stand as written, not made typographic.
    assert (
        "&quot;El Chapo&quot; &lt;script&gt;x&lt;/script&gt; -- 'Shorty'... &lt;!-- d --&gt;"
        in page
    )
    guzman = page.split('id="actor-guzman"', 1)[1].split("</section>", 1)[0]
    assert "2 mentions in 2 sentences" in guzman
    assert 'href="text.html#p1.1"' in guzman and 'href="text.html#p1.2"' in guzman
    assert "Guzman</span> (2)" in guzman
    assert 'href="#actor-pena-nieto"' in guzman and "(1)" in guzman
    mexico = page.split('id="actor-mexico"', 1)[1].split("</section>", 1)[0]
    assert "no other actor." in mexico
    assert "3 actors (2 persons, 1 place), named 4 times" in page
