"""The register: entries grouped by type, their order, forms and co-mentions, and its page."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures.comentions import comentions
from analysis.site.pages.register import register_groups, sort_key
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
        keys = [(sort_key(e.actor.name), e.actor.name) for e in es]
        assert keys == sorted(keys)
    for e in entries:
        assert sum(n for _, n in e.forms) == e.count
        own = mentions[mentions["actor_id"] == e.actor.id]
        assert [s for s, _ in e.mentions] == list(dict.fromkeys(own["sentence_id"]))
        counts = [n for _, n in e.comentioned]
        assert counts == sorted(counts, reverse=True)


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
    # Persons by standard name: Enrique Peña Nieto before Joaquín <Guzmán>.
    assert page.index('id="actor-pena-nieto"') < page.index('id="actor-guzman"')
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
