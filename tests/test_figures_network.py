"""The co-mention network figure: traces, menus, sizes, escaping, determinism."""

from __future__ import annotations

import math

import plotly.graph_objects as go
import pytest

from analysis.measures.comentions import WINDOWS, comentions
from analysis.measures.network import comention_graph, layout
from analysis.site.figures.network import comention_network
from analysis.site.markup import escape

MEASURES = ("count", "associated", "pmi", "g2")
HOSTILE = '<b>&"'


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
    assert [b.label for b in measure_menu.buttons] == [
        "count",
        "associated pairs (G2)",
        "PMI",
        "G2",
    ]
    assert all(menu.type == "dropdown" for menu in fig.layout.updatemenus)
    # Each menu is captioned by the annotation named as it (edition.js hides the two together).
    captions = {note.name: note.text for note in fig.layout.annotations}
    assert captions == {"window": "window:", "measure": "measure:"}

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
    assert state(1, 1) == {("paragraph", "associated")}
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


def test_the_associated_measure_draws_only_associated_pairs(tiny) -> None:
    fig = comention_network(*tiny)

    def drawn(window: str, measure: str) -> int:
        lines = [
            t
            for t in _roles(fig, "edges")
            if (t.meta["window"], t.meta["measure"]) == (window, measure)
        ]
        return sum(len([x for x in t.x if x is not None]) // 2 for t in lines)

    # paragraph: a-b and a-c by count, only a-b (associated) by the test
    assert (drawn("paragraph", "count"), drawn("paragraph", "associated")) == (2, 1)
    assert (drawn("sentence", "count"), drawn("sentence", "associated")) == (1, 0)


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


def test_hover_and_labels_escape_register_text(tiny) -> None:
    fig = comention_network(*tiny, label_min_mentions=1)
    person = next(t for t in _roles(fig, "nodes") if t.meta["type"] == "person")
    assert person.hovertext[0].startswith("<b>&lt;b&gt;&amp;&#34;</b><br>person")
    (labels,) = _roles(fig, "labels")
    assert labels.text[0] == "&lt;b&gt;&amp;&#34;"
    edge_hover = " ".join(h for t in _roles(fig, "edge-hover") for h in t.hovertext)
    assert "&lt;b&gt;&amp;&#34; \u2013 Beta" in edge_hover
    for trace in fig.data:
        for text in [*(trace.hovertext or ()), *(trace.text or ())]:
            assert HOSTILE not in str(text)


def test_edge_hover_gives_pair_count_and_measures(tiny) -> None:
    fig = comention_network(*tiny)
    hover = _roles(fig, "edge-hover")[0]
    assert hover.hovertext == (
        "&lt;b&gt;&amp;&#34; \u2013 Beta<br>same sentence: 2<br>"
        "PMI 1 \u00b7 G2 2.5<br>not associated (expected 1, p = 0.11)",
    )
    assert hover.marker.opacity == 0
    assert hover.x == (0.5,) and hover.y == (0.0,)


def test_network_needs_a_position_for_every_actor(tiny) -> None:
    actors, tables, positions = tiny
    with pytest.raises(ValueError, match="actor 'c'"):
        comention_network(actors, tables, {k: v for k, v in positions.items() if k != "c"})


def test_network_of_the_edition_is_deterministic(edition, register, mentions) -> None:
    from analysis.measures.mentions import actor_table

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


def test_a_phone_labels_the_most_mentioned_actors_only(tiny) -> None:
    """meta["narrow"] labels the ``phone_labels`` most mentioned actors, kept in the plot."""
    fig = comention_network(*tiny, label_min_mentions=1, phone_labels=2)
    (labels,) = _roles(fig, "labels")
    assert fig.data[-1] is labels  # drawn above every marker
    assert labels.marker.opacity == 0 and labels.hoverinfo == "skip"
    assert [label for label in labels.text if label] == [escape('<b>&"'), "Beta", "Gamma"]
    narrow = [label for label in labels.meta["narrow"]["text"] if label]
    assert narrow == [escape('<b>&"'), "Beta"]  # 5 and 2 mentions; Gamma has 1
    assert len(labels.meta["narrow"]["textposition"]) == len(labels.x) == 3
    assert set(labels.meta["narrow"]["textposition"]) <= {
        "top center",
        "bottom center",
        "middle right",
        "middle left",
    }
