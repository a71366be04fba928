"""The co-mention network: a graph checked by hand, determinism, the real edition."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.measures.comentions import comentions
from analysis.measures.mentions import actor_table
from analysis.measures.network import NETWORK_COLUMNS, comention_graph, layout, network_measures
from analysis.text.edition import Edition
from analysis.text.register import Register

GOLDEN = Path(__file__).parent / "golden" / "actors"

# a path a - b - c, and d with no co-mention
ACTORS = pd.DataFrame(
    {
        "id": ["d", "c", "b", "a"],
        "name": ["D", "C", "B", "A"],
        "type": ["place", "person", "group", "person"],
        "mentions": [1, 1, 3, 2],
    }
)
PAIRS = pd.DataFrame(
    {
        "actor_a": ["a", "b"],
        "actor_b": ["b", "c"],
        "count": [2, 1],
        "pmi": [1.0, -0.5],
        "dice": [0.8, 0.5],
        "g2": [4.0, 0.3],
        "evidence": [("p1.1", "p2.1"), ("p3.2",)],
    }
)


def test_graph_checked_by_hand() -> None:
    graph = comention_graph(ACTORS, PAIRS)
    assert list(graph.nodes) == ["a", "b", "c", "d"]
    assert graph.nodes["b"] == {"name": "B", "type": "group", "mentions": 3}
    assert graph.graph["weight"] == "count"
    assert graph.edges["a", "b"] == {
        "weight": 2.0,
        "count": 2,
        "pmi": 1.0,
        "dice": 0.8,
        "g2": 4.0,
        "evidence": ("p1.1", "p2.1"),
    }
    assert comention_graph(ACTORS, PAIRS, weight="pmi").edges["b", "c"]["weight"] == -0.5
    assert list(comention_graph(ACTORS, PAIRS, min_count=2).edges) == [("a", "b")]


def test_only_associated_pairs_become_edges_when_asked() -> None:
    # b-c meets once, below chance: kept as a co-mention, left out as an association
    pairs = PAIRS.assign(p_value=[0.045, 0.58], associated=[True, False])
    graph = comention_graph(ACTORS, pairs, associated_only=True)
    assert list(graph.edges) == [("a", "b")]
    assert graph.edges["a", "b"]["associated"] and graph.edges["a", "b"]["p_value"] == 0.045
    assert len(comention_graph(ACTORS, pairs).edges) == 2
    assert list(network_measures(graph)["degree"]) == [1, 1, 0, 0]


def test_graph_errors() -> None:
    with pytest.raises(ValueError, match="unknown weight 'evidence'"):
        comention_graph(ACTORS, PAIRS, weight="evidence")
    with pytest.raises(ValueError, match="names actor 'c', which is not in the actor table"):
        comention_graph(ACTORS[ACTORS["id"] != "c"], PAIRS)


def test_measures_checked_by_hand() -> None:
    measures = network_measures(comention_graph(ACTORS, PAIRS, weight="dice"))
    assert list(measures.columns) == list(NETWORK_COLUMNS)
    # b lies on the only path between a and c: 1 of the (4 - 1)(4 - 2) / 2 = 3 pairs of others
    assert measures.values.tolist() == [
        ["b", 2, 1.3, pytest.approx(1 / 3, abs=1e-6)],
        ["a", 1, 0.8, 0.0],
        ["c", 1, 0.5, 0.0],
        ["d", 0, 0.0, 0.0],
    ]


def test_layout_is_deterministic_and_rounded() -> None:
    graph = comention_graph(ACTORS, PAIRS)
    positions = layout(graph)
    assert list(positions) == ["a", "b", "c", "d"]
    assert positions == layout(comention_graph(ACTORS, PAIRS))
    for x, y in positions.values():
        assert -1.0 <= x <= 1.0 and -1.0 <= y <= 1.0
        assert round(x, 4) == x and round(y, 4) == y
    assert set(layout(graph, weight=None)) == set(positions)


@settings(max_examples=20, deadline=None)
@given(st.permutations(range(4)), st.booleans())
def test_layout_ignores_insertion_order(order: list[int], flip: bool) -> None:
    graph = comention_graph(ACTORS, PAIRS)
    shuffled = nx.Graph()
    shuffled.add_nodes_from(list(graph.nodes)[k] for k in order)
    for a, b, data in list(graph.edges(data=True))[:: -1 if flip else 1]:
        u, v = (b, a) if flip else (a, b)
        shuffled.add_edge(u, v, **data)
    assert layout(shuffled) == layout(graph)


def test_layout_refuses_negative_pulls() -> None:
    with pytest.raises(ValueError, match="negative pmi"):
        layout(comention_graph(ACTORS, PAIRS, weight="pmi"), weight="pmi")


# --- the real edition --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_graph(edition: Edition, register: Register, mentions: pd.DataFrame) -> nx.Graph:
    table = actor_table(edition, register, mentions)
    return comention_graph(table, comentions(mentions, edition=edition))


def test_real_graph(
    real_graph: nx.Graph, register: Register, edition: Edition, mentions: pd.DataFrame
) -> None:
    pairs = comentions(mentions, edition=edition)
    assert real_graph.number_of_nodes() == len(register)
    assert real_graph.number_of_edges() == len(pairs)
    measures = network_measures(real_graph)
    assert measures["weighted_degree"].sum() == 2 * pairs["count"].sum()
    assert measures["degree"].sum() == 2 * len(pairs)
    assert set(measures["actor_id"].head(3)) == {"guzman", "mexico", "united-states"}


def test_real_layout_covers_every_actor(real_graph: nx.Graph) -> None:
    positions = layout(real_graph)
    assert sorted(positions) == sorted(real_graph.nodes)
    assert positions == layout(real_graph)


def test_the_associated_graph_of_the_edition(
    edition: Edition, register: Register, mentions: pd.DataFrame
) -> None:
    pairs = comentions(mentions, edition=edition)
    graph = comention_graph(actor_table(edition, register, mentions), pairs, associated_only=True)
    assert graph.number_of_edges() == int(pairs["associated"].sum()) > 0
    assert not graph.has_edge("guzman", "mexico")  # the most frequent pair
    assert graph.has_edge("border", "cartels")


def test_golden_network_measures(real_graph: nx.Graph, dataframe_regression) -> None:
    dataframe_regression.check(
        network_measures(real_graph), fullpath=GOLDEN / "network_measures.csv"
    )
