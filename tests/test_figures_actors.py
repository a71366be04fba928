"""Figures of the actors: traces, menus, sizes, escaping, determinism."""

from __future__ import annotations

import math
from itertools import pairwise

import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.comentions import WINDOWS, comention_matrix, comentions
from analysis.figures.actors import (
    comention_heatmap,
    comention_network,
    label_places,
    node_sizes,
)
from analysis.network import comention_graph, layout

MEASURES = ("count", "dice", "pmi", "g2")
HOSTILE = '<b>&"'


@pytest.fixture()
def tiny() -> tuple[pd.DataFrame, dict[str, pd.DataFrame], dict[str, tuple[float, float]]]:
    """Three actors, one with a hostile name; a pair with negative PMI in one window."""
    actors = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "name": [HOSTILE, "Beta", "Gamma"],
            "type": ["person", "place", "organisation"],
            "mentions": [5, 2, 1],
        }
    )
    sentence = pd.DataFrame(
        {
            "actor_a": ["a"],
            "actor_b": ["b"],
            "window": ["sentence"],
            "count": [2],
            "count_a": [5],
            "count_b": [2],
            "n_windows": [10],
            "pmi": [1.0],
            "dice": [0.57],
            "g2": [2.5],
            "evidence": [("p1.1", "p2.1")],
        }
    )
    paragraph = pd.DataFrame(
        {
            "actor_a": ["a", "a"],
            "actor_b": ["b", "c"],
            "window": ["paragraph"] * 2,
            "count": [2, 1],
            "count_a": [3, 3],
            "count_b": [2, 1],
            "n_windows": [4, 4],
            "pmi": [0.4, -0.6],
            "dice": [0.8, 0.5],
            "g2": [1.1, 0.2],
            "evidence": [("p1.1",), ("p2.1",)],
        }
    )
    positions = {"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (0.0, 1.0)}
    return actors, {"sentence": sentence, "paragraph": paragraph}, positions


def _roles(fig: go.Figure, role: str) -> list:
    return [t for t in fig.data if (t.meta or {}).get("role") == role]


def test_network_has_a_trace_set_per_window_and_measure(tiny) -> None:
    fig = comention_network(*tiny)
    edges = _roles(fig, "edges")
    assert {(t.meta["window"], t.meta["measure"]) for t in edges} == {
        (w, m) for w in ("sentence", "paragraph") for m in MEASURES
    }
    assert [t.meta["window"] for t in _roles(fig, "edge-hover")] == ["sentence", "paragraph"]
    assert {t.meta["type"] for t in _roles(fig, "nodes")} == {"person", "place", "organisation"}
    assert fig.layout.meta["name"] == "actors-network"
    # A negative PMI is drawn dotted; the other values solid.
    negative = [t for t in edges if t.meta["measure"] == "pmi" and t.meta["negative"]]
    assert negative and all(t.line.dash == "dot" for t in negative)


def test_network_menus_choose_window_and_measure_independently(tiny) -> None:
    fig = comention_network(*tiny)
    window_menu, measure_menu = fig.layout.updatemenus
    assert window_menu.name == "window" and measure_menu.name == "measure"
    assert [b.label for b in window_menu.buttons] == ["same sentence", "same paragraph"]
    assert [b.label for b in measure_menu.buttons] == ["count", "Dice", "PMI", "G2"]
    assert all(menu.type == "dropdown" for menu in fig.layout.updatemenus)

    def state(window: int, measure: int) -> set[tuple[str, str]]:
        """The (window, measure) of the edge traces shown after two button presses."""
        visible = {k: t.visible for k, t in enumerate(fig.data)}
        opacity = {k: t.opacity for k, t in enumerate(fig.data)}
        for button, target in (
            (window_menu.buttons[window], visible),
            (measure_menu.buttons[measure], opacity),
        ):
            update, indices = button.args
            (values,) = update.values()
            target.update(zip(indices, values, strict=True))
        return {
            (t.meta["window"], t.meta["measure"])
            for k, t in enumerate(fig.data)
            if (t.meta or {}).get("role") == "edges" and visible[k] and opacity[k]
        }

    assert state(0, 0) == {("sentence", "count")}
    assert state(1, 2) == {("paragraph", "pmi")}
    assert state(0, 3) == {("sentence", "g2")}
    # At first: the sentence window, by count; nodes always shown.
    shown = {
        (t.meta["window"], t.meta["measure"])
        for t in _roles(fig, "edges")
        if t.visible and t.opacity
    }
    assert shown == {("sentence", "count")}
    assert all(t.visible is not False for t in _roles(fig, "nodes"))


def test_edge_widths_grow_with_the_measure(tiny) -> None:
    actors, tables, positions = tiny
    fig = comention_network(actors, tables, positions)
    lines = [
        t
        for t in _roles(fig, "edges")
        if t.meta["window"] == "paragraph" and t.meta["measure"] == "count"
    ]
    by_class = sorted((t.meta["width_class"], t.line.width) for t in lines)
    assert [w for _, w in by_class] == sorted(w for _, w in by_class)
    assert len(by_class) == 2 and by_class[0][1] < by_class[1][1]


def test_node_sizes_are_monotone_in_mentions(tiny) -> None:
    fig = comention_network(*tiny)
    mentions = dict(zip(tiny[0]["id"], tiny[0]["mentions"], strict=True))
    sizes = {}
    for trace in _roles(fig, "nodes"):
        for x, y, size in zip(trace.x, trace.y, trace.marker.size, strict=True):
            node = next(i for i, p in tiny[2].items() if p == (x, y))
            sizes[node] = size
    ordered = sorted(sizes, key=mentions.__getitem__)
    assert [sizes[i] for i in ordered] == sorted(sizes.values())
    assert len(set(sizes.values())) == 3


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=30))
def test_node_sizes_never_decrease_with_mentions(mentions: list[int]) -> None:
    sizes = node_sizes(mentions)
    pairs = sorted(zip(mentions, sizes, strict=True))
    assert all(s1 <= s2 for (_, s1), (_, s2) in pairwise(pairs))
    assert all(s >= 8.0 for s in sizes)


def test_hover_and_labels_escape_register_text(tiny) -> None:
    fig = comention_network(*tiny, label_min_mentions=1)
    person = next(t for t in _roles(fig, "nodes") if t.meta["type"] == "person")
    assert person.hovertext[0].startswith("<b>&lt;b&gt;&amp;&quot;</b><br>person")
    assert person.text[0] == "&lt;b&gt;&amp;&quot;"
    edge_hover = " ".join(h for t in _roles(fig, "edge-hover") for h in t.hovertext)
    assert "&lt;b&gt;&amp;&quot; \u2013 Beta" in edge_hover
    for trace in fig.data:
        for text in [*(trace.hovertext or ()), *(trace.text or ())]:
            assert HOSTILE not in str(text)


def test_edge_hover_gives_pair_count_and_measures(tiny) -> None:
    fig = comention_network(*tiny)
    hover = _roles(fig, "edge-hover")[0]
    assert hover.hovertext == (
        "&lt;b&gt;&amp;&quot; \u2013 Beta<br>same sentence: 2<br>"
        "Dice 0.57 \u00b7 PMI 1 \u00b7 G2 2.5",
    )
    assert hover.marker.opacity == 0
    assert hover.x == (0.5,) and hover.y == (0.0,)


def test_network_needs_a_position_for_every_actor(tiny) -> None:
    actors, tables, positions = tiny
    with pytest.raises(ValueError, match="actor 'c'"):
        comention_network(actors, tables, {k: v for k, v in positions.items() if k != "c"})


def test_heatmap_escapes_labels_and_blanks_the_diagonal(tiny) -> None:
    actors, tables, _ = tiny
    matrix = comention_matrix(tables["paragraph"])
    fig = comention_heatmap(matrix, labels=dict(zip(actors["id"], actors["name"], strict=True)))
    (heat,) = fig.data
    assert heat.x[0] == heat.y[0] == "&lt;b&gt;&amp;&quot;"
    assert [heat.z[k][k] for k in range(3)] == [None, None, None]
    assert heat.z[0][1] == heat.z[1][0] == 2
    assert "%{y}" in heat.hovertemplate and "%{z" in heat.hovertemplate
    assert fig.layout.meta["name"] == "actors-heatmap"


def test_heatmap_rejects_a_matrix_that_is_not_square() -> None:
    matrix = pd.DataFrame([[0, 1]], index=["a"], columns=["a", "b"])
    with pytest.raises(ValueError, match="same actors"):
        comention_heatmap(matrix)


def test_label_places_move_a_label_off_its_neighbour() -> None:
    places = label_places(
        [(0.0, 0.0), (0.0, 0.05)],
        [20.0, 20.0],
        ["Alpha", "Beta"],
        ranges=((-1.0, 1.0), (-1.0, 1.0)),
    )
    assert places[0] != "top center" or places[1] != "bottom center"
    assert places[0] == "bottom center" and places[1] == "top center"


def test_network_of_the_edition_is_deterministic(edition, register, mentions) -> None:
    from analysis.actors import actor_table

    actors = actor_table(edition, register, mentions)
    tables = {w: comentions(mentions, window=w, edition=edition) for w in WINDOWS}
    positions = layout(comention_graph(actors, tables["paragraph"]), weight=None)
    first = comention_network(actors, tables, positions).to_json()
    assert first == comention_network(actors, tables, positions).to_json()
    fig = comention_network(actors, tables, positions)
    nodes = _roles(fig, "nodes")
    assert sum(len(t.x) for t in nodes) == len(actors)
    hover = {t.meta["window"]: len(t.x) for t in _roles(fig, "edge-hover")}
    assert hover == {w: len(tables[w]) for w in WINDOWS}
    assert all(math.isfinite(x) for t in nodes for x in t.x)
