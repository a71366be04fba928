"""What the pages show of the actors: text pieces, register entries, escaped fragments."""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace

from analysis import actor_pages, markup
from analysis.actor_pages import (
    Piece,
    comentioned_ids,
    pair_evidence,
    register_groups,
    sort_key,
    text_pieces,
)
from analysis.actors import actor_table
from analysis.comentions import WINDOWS, comentions
from analysis.figures.actors import comention_network
from analysis.network import comention_graph, network_measures
from analysis.register import ACTOR_TYPES

# --- text_pieces ----------------------------------------------------------------


def _shape(pieces: list[Piece]) -> list[tuple[int, int, object]]:
    return [(p.start, p.end, p.mark if p.mark is not None else p.span) for p in pieces]


def test_marks_come_before_the_mention_that_starts_at_them() -> None:
    pieces = text_pieces(0, 10, points=[(3, "m")], spans=[(3, 6, "x")])
    assert _shape(pieces) == [(0, 3, None), (3, 3, "m"), (3, 6, "x"), (6, 10, None)]


def test_a_mark_inside_a_mention_splits_it() -> None:
    pieces = text_pieces(0, 10, points=[(4, "m")], spans=[(2, 6, "x")])
    assert _shape(pieces) == [(0, 2, None), (2, 4, "x"), (4, 4, "m"), (4, 6, "x"), (6, 10, None)]


def test_a_mention_across_the_boundary_is_clipped_to_the_sentence() -> None:
    assert _shape(text_pieces(5, 10, spans=[(8, 14, "x")])) == [(5, 8, None), (8, 10, "x")]
    assert _shape(text_pieces(10, 20, spans=[(8, 14, "x")])) == [(10, 14, "x"), (14, 20, None)]


def test_marks_at_the_end_and_outside_the_range() -> None:
    pieces = text_pieces(0, 4, points=[(4, "end"), (9, "elsewhere"), (0, "a"), (0, "b")])
    assert _shape(pieces) == [(0, 0, "a"), (0, 0, "b"), (0, 4, None), (4, 4, "end")]


def test_overlapping_spans_are_refused() -> None:
    with pytest.raises(ValueError, match="overlap"):
        text_pieces(0, 10, spans=[(1, 5, "x"), (4, 6, "y")])


@st.composite
def _cuts(draw: st.DrawFn) -> tuple[int, int, list[tuple[int, str]], list[tuple[int, int, str]]]:
    end = draw(st.integers(min_value=0, max_value=40))
    marks = draw(st.lists(st.integers(min_value=0, max_value=end), max_size=5))
    bounds = sorted(set(draw(st.lists(st.integers(min_value=0, max_value=end), max_size=8))))
    spans = [
        (a, b, f"s{k}")
        for k, (a, b) in enumerate(zip(bounds[::2], bounds[1::2], strict=False))
        if a < b
    ]
    return end, [(o, f"m{k}") for k, o in enumerate(marks)], spans


@given(_cuts())
def test_pieces_cover_the_text_once_and_keep_every_mark(case) -> None:
    end, marks, spans = case
    text = "".join(chr(97 + k % 26) for k in range(end))
    pieces = text_pieces(0, end, points=marks, spans=spans)
    assert "".join(text[p.start : p.end] for p in pieces if p.mark is None) == text
    assert sorted(p.mark for p in pieces if p.mark is not None) == sorted(m for _, m in marks)
    for p in pieces:
        if p.span is not None:
            a, b, _ = next(s for s in spans if s[2] == p.span)
            assert a <= p.start < p.end <= b


def test_every_mention_of_the_edition_falls_inside_one_sentence(edition, mentions) -> None:
    sentences = {s.id: s for s in edition.sentences}
    for sid, a, b in zip(mentions["sentence_id"], mentions["start"], mentions["end"], strict=True):
        assert sentences[sid].start <= a < b <= sentences[sid].end


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


# --- fragments of the actors page -------------------------------------------------------


@pytest.fixture(scope="module")
def actors(edition, register, mentions) -> pd.DataFrame:
    return actor_table(edition, register, mentions)


@pytest.fixture(scope="module")
def tables(edition, mentions) -> dict[str, pd.DataFrame]:
    return {w: comentions(mentions, window=w, edition=edition) for w in WINDOWS}


def test_actor_table_links_names_to_the_register(actors) -> None:
    text = actor_pages.actor_table_html(actors).text
    assert '<a href="../register.html#actor-guzman">Joaquín Guzmán Loera</a>' in text
    assert '<a href="../text.html#p1.1">p1.1</a>' in text
    assert 'data-filter-table="table-actors"' in text
    assert text.count("<tr>") == len(actors) + 1


def test_hostile_names_are_escaped_in_every_fragment() -> None:
    actors = pd.DataFrame(
        {
            "id": ["a", "b"],
            "name": ['<b>&"', "B"],
            "type": ["person"] * 2,
            "description": ["x", "y"],
            "mentions": [2, 1],
            "sentences": [1, 1],
            "paragraphs": [1, 1],
            "first_mention": ["p1.1", None],
        }
    )
    pairs = pd.DataFrame(
        {"actor_a": ["a"], "actor_b": ["b"], "count": [1], "dice": [1.0], "pmi": [1.0], "g2": [2.0]}
    )
    matrix = pd.DataFrame([[0, 1], [1, 0]], index=["a", "b"], columns=["a", "b"])
    measures = pd.DataFrame(
        {
            "actor_id": ["a", "b"],
            "degree": [1, 1],
            "weighted_degree": [1.0, 1.0],
            "betweenness": [0.0, 0.0],
        }
    )
    fragments = [
        actor_pages.actor_table_html(actors),
        actor_pages.edges_text(actors, {"sentence": pairs}, name="e"),
        actor_pages.heatmap_text(actors, matrix, name="h"),
        actor_pages.network_table_html(
            actor_pages.network_table(actors, {"sentence": measures}), windows=["sentence"]
        ),
    ]
    for fragment in fragments:
        assert '<b>&"' not in fragment.text
        assert "&lt;b&gt;&amp;&quot;" in fragment.text


def test_pair_evidence_quotes_sentences_exactly(edition, actors, mentions, tables) -> None:
    text = pair_evidence(edition, actors, mentions, tables).text
    sentences = {s.id: s.text for s in edition.sentences}
    quoted = re.findall(r'<a href="\.\./text\.html#(p\d+\.\d+)">\1</a> <q>(.*?)</q>', text)
    assert quoted
    for sid, inner in quoted:
        assert html.unescape(re.sub(r"</?mark>", "", inner)) == sentences[sid]
    keys = re.findall(r'<option value="([^"]+)"', text)
    assert len(keys) == len(tables["paragraph"]) == len(set(keys))
    assert keys[0] == "mexico--united-states"


def test_pair_evidence_sentences_name_both_actors(edition, actors, mentions, tables) -> None:
    text = pair_evidence(edition, actors, mentions, tables).text
    panels = re.findall(r'data-key="([^"]+)">(.*?)</div>', text)
    by_sentence = mentions.groupby("sentence_id")["actor_id"].agg(set).to_dict()
    for key, panel in panels:
        a, b = key.split("--")
        sentence_part = panel.split("In the paragraph:")[0]
        for sid in re.findall(r'text\.html#(p\d+\.\d+)"', sentence_part):
            assert {a, b} <= by_sentence[sid], (key, sid)
        paragraph_part = panel.split("In the paragraph:")[1]
        for sid in re.findall(r'text\.html#(p\d+\.\d+)"', paragraph_part):
            assert by_sentence[sid] & {a, b}, (key, sid)


def test_pairs_are_sorted_by_count_then_name(edition, actors, mentions, tables) -> None:
    text = pair_evidence(edition, actors, mentions, tables).text
    labels = re.findall(r"<option [^>]*>([^<]*)</option>", text)
    counts = [
        tuple(int(n) for n in re.findall(r"(\d+) (?:sentence|paragraph)s", label))
        for label in labels
    ]
    assert counts == sorted(counts, key=lambda c: (-c[0], -c[1]))


def test_network_table_keeps_the_actors_and_adds_each_window(actors, tables) -> None:
    measures = {w: network_measures(comention_graph(actors, tables[w])) for w in WINDOWS}
    table = actor_pages.network_table(actors, measures)
    assert list(table["id"]) == list(actors["id"])
    assert {"degree_sentence", "betweenness_paragraph"} <= set(table.columns)
    html_text = actor_pages.network_table_html(table, windows=WINDOWS).text
    assert 'data-chooser="network-measures"' in html_text
    assert html_text.count('data-chooser-panel="network-measures"') == 2


def test_comentioned_ids_keep_the_actor_order(actors, tables) -> None:
    ids = comentioned_ids(actors, tables["sentence"], min_mentions=2)
    assert ids == [i for i in actors["id"] if i in ids]
    assert ids[:3] == ["united-states", "mexico", "guzman"]


def test_figure_menus_mirror_the_plotly_menus(actors, tables) -> None:
    positions = {i: (float(k), 0.0) for k, i in enumerate(actors["id"])}
    fig = comention_network(actors, tables, positions)
    text = markup.figure_menus(fig).text
    assert 'data-figure-menus="plotly-actors-network"' in text
    assert '<select id="plotly-actors-network-menu-0" data-menu="0">' in text
    assert '<label for="plotly-actors-network-menu-1">Measure: </label>' in text
    assert text.count("<option") == 2 + 4


# --- the directives in a small Sphinx build -----------------------------------------------

WITNESS = "Pena Nieto & <b>Guzman</b> met. Guzman left.\n\nMexico stayed <i>put</i>.\n"
REGISTER = """
actors:
  - id: guzman
    name: Joaquín <Guzmán>
    type: person
    aliases: [Guzman]
    description: A trafficker & "El Chapo" <script>x</script>.
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


def _decisions(sha: str) -> str:
    return f"""
witness: {{siglum: W, path: w.txt, sha256: {sha}}}
work: {{author: A, title: T, publisher: P, place: X, date: 2015, year: 2015}}
edition: {{title: E, editors: Ed, version: 0.0.1, date: "2026-01-01"}}
rules: {{line_join: "joined with spaces"}}
sections:
  - id: opening
    heading: null
    heading_lines: []
    paragraphs:
      - {{id: p1, spans: [[1, 1]]}}
      - {{id: p2, spans: [[3, 3]]}}
apparatus:
  - id: a1
    type: sic
    lines: [3]
    reading: "Mexico stayed"
    note: Kept.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("site")
    seeds = root / "seeds"
    seeds.mkdir()
    data = WITNESS.encode("utf-8")
    (seeds / "w.txt").write_bytes(data)
    (seeds / "decisions.yaml").write_text(
        _decisions(hashlib.sha256(data).hexdigest()), encoding="utf-8"
    )
    (seeds / "actors.yaml").write_text(REGISTER, encoding="utf-8")
    src = root / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['analysis.directives']\n"
        # A Sphinx app built earlier in this process may have left its nodes,
        # directives and roles registered.
        "suppress_warnings = ['app.add_node', 'app.add_directive', 'app.add_role']\n"
        f"edition_decisions = {str(seeds / 'decisions.yaml')!r}\n"
        f"edition_register = {str(seeds / 'actors.yaml')!r}\n",
        encoding="utf-8",
    )
    (src / "index.rst").write_text(
        "Home\n====\n\n.. toctree::\n\n   text\n   register\n", encoding="utf-8"
    )
    (src / "text.rst").write_text("Text\n====\n\n.. edition-text::\n", encoding="utf-8")
    (src / "register.rst").write_text(
        "Register\n========\n\n.. edition-register::\n", encoding="utf-8"
    )
    out = root / "out"
    with docutils_namespace():  # leave docutils' registries as they were
        app = Sphinx(
            str(src),
            str(src),
            str(out),
            str(root / "doctrees"),
            "html",
            warningiserror=True,
            status=None,
        )
        app.build()
    return {
        name: (out / f"{name}.html").read_text(encoding="utf-8") for name in ("text", "register")
    }


def _mentions_in(page: str) -> list[tuple[str, str, str]]:
    return re.findall(
        r'<a class="actor reference internal" href="([^"]+)" title="([^"]*)">'
        r"([^<]*)</a>",
        page,
    )


def test_text_marks_every_mention_with_its_tooltip(site: dict[str, str]) -> None:
    marked = _mentions_in(site["text"])
    assert [(href, text) for href, _, text in marked] == [
        ("register.html#actor-pena-nieto", "Pena Nieto"),
        ("register.html#actor-guzman", "Guzman"),
        ("register.html#actor-guzman", "Guzman"),
        ("register.html#actor-mexico", "Mexico"),
    ]
    title = html.unescape(marked[1][1])
    assert title == (
        'Joaquín <Guzmán> \u2014 person \u2014 A trafficker & "El Chapo" <script>x</script>.'
    )
    assert "<script>x</script>" not in site["text"]
    assert "&lt;b&gt;" in site["text"]
    # The apparatus mark still opens paragraph 2, before its first mention.
    p2 = site["text"].split('id="p2"', 1)[1]
    assert p2.index("app-mark") < p2.index("actor-mexico")


def test_register_lists_entries_with_anchors_and_locations(site: dict[str, str]) -> None:
    page = site["register"]
    for anchor in ("actor-guzman", "actor-pena-nieto", "actor-mexico", "persons", "places"):
        assert f'id="{anchor}"' in page, anchor
    # Persons by standard name: Enrique Peña Nieto before Joaquín <Guzmán>.
    assert page.index('id="actor-pena-nieto"') < page.index('id="actor-guzman"')
    assert "Joaquín &lt;Guzmán&gt;" in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "<script>x</script>" not in page
    guzman = page.split('id="actor-guzman"', 1)[1].split("</section>", 1)[0]
    assert "2 mentions in 2 sentences" in guzman
    assert 'href="text.html#p1.1"' in guzman and 'href="text.html#p1.2"' in guzman
    assert "Guzman</span> (2)" in guzman
    assert 'href="#actor-pena-nieto"' in guzman and "(1)" in guzman
    mexico = page.split('id="actor-mexico"', 1)[1].split("</section>", 1)[0]
    assert "no other actor." in mexico
    assert "3 actors (2 persons, 1 place), named 4 times" in page


def test_page_sources_define_no_functions() -> None:
    for page in (Path(__file__).parents[1] / "book").glob("**/actors.md"):
        source = page.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(def|class|lambda)\b|lambda ", source, re.MULTILINE)
