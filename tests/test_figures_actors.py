"""Figures of the actors: the heatmap, marker sizes and label places."""

from __future__ import annotations

from itertools import pairwise

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.measures.comentions import comention_matrix
from analysis.site.figures.actors import comention_heatmap, label_places, node_sizes


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=30))
def test_node_sizes_never_decrease_with_mentions(mentions: list[int]) -> None:
    sizes = node_sizes(mentions)
    pairs = sorted(zip(mentions, sizes, strict=True))
    assert all(s1 <= s2 for (_, s1), (_, s2) in pairwise(pairs))
    assert all(s >= 8.0 for s in sizes)


def test_heatmap_escapes_labels_and_blanks_the_diagonal(tiny) -> None:
    actors, tables, _ = tiny
    matrix = comention_matrix(tables["paragraph"])
    fig = comention_heatmap(matrix, labels=dict(zip(actors["id"], actors["name"], strict=True)))
    (heat,) = fig.data
    assert heat.x[0] == heat.y[0] == "&lt;b&gt;&amp;&#34;"
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


def test_label_places_inside_keep_a_label_within_the_plot() -> None:
    """A point at the right edge: its long label goes left when it must stay inside."""
    args = ([(0.95, 0.0)], [10.0], ["A long label here"])
    ranges = ((-1.0, 1.0), (-1.0, 1.0))
    assert label_places(*args, ranges=ranges, plot_px=(300.0, 300.0)) == ["top center"]
    inside = label_places(*args, ranges=ranges, plot_px=(300.0, 300.0), inside=True)
    assert inside == ["middle left"]
