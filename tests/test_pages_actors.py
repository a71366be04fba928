"""What the actors page shows: the actor table, text equivalents and network measures."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.measures.comentions import WINDOWS
from analysis.measures.network import comention_graph, network_measures
from analysis.site import markup
from analysis.site.figures.network import comention_network
from analysis.site.pages import actors as actor_page
from analysis.site.pages.actors import comentioned_ids

# --- fragments of the actors page -------------------------------------------------------


def test_actor_table_links_names_to_the_register(actors) -> None:
    text = actor_page.actor_table_html(actors).text
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
        {
            "actor_a": ["a"],
            "actor_b": ["b"],
            "count": [1],
            "expected": [0.5],
            "dice": [1.0],
            "pmi": [1.0],
            "g2": [2.0],
            "p_value": [0.157],
            "associated": [False],
        }
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
        actor_page.actor_table_html(actors),
        actor_page.edges_text(actors, {"sentence": pairs}, name="e"),
        actor_page.heatmap_text(actors, matrix, name="h"),
        actor_page.network_table_html(
            actor_page.network_table(actors, {"sentence": measures}), windows=["sentence"]
        ),
    ]
    for fragment in fragments:
        assert '<b>&"' not in fragment.text
        assert "&lt;b&gt;&amp;&#34;" in fragment.text


def test_edges_text_says_which_pairs_are_associated(actors, tables) -> None:
    text = actor_page.edges_text(actors, tables, name="e").text
    for window, table in tables.items():
        assert table["associated"].any(), window
    rows = text.count("<tr>") - len(tables)  # a header row per window
    assert rows == sum(len(t) for t in tables.values())
    assert text.count("<td>yes</td>") == sum(int(t["associated"].sum()) for t in tables.values())
    # one deferred panel per window, loaded on demand by the site
    assert text.count("<!--/deferred-panel-->") == len(tables)
    assert 'data-deferred="e-pairs"' in text


def test_network_table_keeps_the_actors_and_adds_each_window(actors, tables) -> None:
    measures = {w: network_measures(comention_graph(actors, tables[w])) for w in WINDOWS}
    table = actor_page.network_table(actors, measures)
    assert list(table["id"]) == list(actors["id"])
    assert {"degree_sentence", "betweenness_paragraph"} <= set(table.columns)
    html_text = actor_page.network_table_html(table, windows=WINDOWS).text
    assert 'data-chooser="network-measures"' in html_text
    assert html_text.count('data-chooser-panel="network-measures"') == 2


def test_comentioned_ids_keep_the_actor_order(actors, tables) -> None:
    ids = comentioned_ids(actors, tables["sentence"], min_mentions=2)
    assert ids == [i for i in actors["id"] if i in ids]
    assert ids[:3] == ["guzman", "mexico", "united-states"]


def test_figure_menus_mirror_the_plotly_menus(actors, tables) -> None:
    positions = {i: (float(k), 0.0) for k, i in enumerate(actors["id"])}
    fig = comention_network(actors, tables, positions)
    text = markup.figure_menus(fig).text
    assert 'data-figure-menus="plotly-actors-network"' in text
    assert '<select id="plotly-actors-network-menu-0" data-menu="0">' in text
    assert '<label for="plotly-actors-network-menu-1">Measure: </label>' in text
    assert text.count("<option") == 2 + 4  # two windows; count, associated, PMI and G2


def test_page_sources_define_no_functions() -> None:
    for page in (Path(__file__).parents[1] / "book").glob("**/actors.md"):
        source = page.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(def|class|lambda)\b|lambda ", source, re.MULTILINE)
