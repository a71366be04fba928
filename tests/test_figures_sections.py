"""Tests for analysis.site.figures.sections: traces, values from the frames, escaped hover text."""

from __future__ import annotations

import pandas as pd

from analysis.measures import statistics
from analysis.site.figures import sections as figures
from analysis.site.pages import sections as section_page

HOSTILE = 'a<&"b'
ESCAPED = "a&lt;&amp;&#34;b"
LABELS = {"s1": "Opening", "s2": HOSTILE}


def test_section_sizes() -> None:
    stats = pd.DataFrame(
        {
            "section_id": ["s1", "s2"],
            "n": [0, 1],
            "heading": [None, HOSTILE],
            "words": [120, 1500],
            "sentences": [5, 40],
            "paragraphs": [2, 7],
        }
    )
    fig = figures.section_sizes(stats, labels=LABELS)
    assert fig.layout.meta == {"name": "sections-sizes"}
    assert [t.name for t in fig.data] == ["words", "sentences", "paragraphs"]
    assert [list(t.y) for t in fig.data] == [[120, 1500], [5, 40], [2, 7]]
    assert list(fig.data[0].x) == ["1. Opening", f"2. {ESCAPED}"]
    hover = fig.data[0].customdata[1]
    assert ESCAPED in hover and HOSTILE not in hover
    assert "1,500 words, 40 sentences, 7 paragraphs" in hover


def test_actor_mentions() -> None:
    counts = pd.DataFrame(
        {
            "actor_id": ["x", "x", "y", "y"],
            "name": [HOSTILE, HOSTILE, "Mexico", "Mexico"],
            "section": ["s1", "s2", "s1", "s2"],
            "mentions": [3, 0, 1, 2],
        }
    )
    fig = figures.actor_mentions(counts, labels=LABELS)
    assert fig.layout.meta == {"name": "sections-actors"}
    (heat,) = fig.data
    assert [list(row) for row in heat.z] == [[3, 0], [1, 2]]
    assert list(heat.y) == [ESCAPED, "Mexico"]
    cells = [c for row in heat.customdata for c in row]
    assert all(HOSTILE not in c for c in cells)
    assert ESCAPED in cells[0] and "3 mentions" in cells[0]
    assert "1 mention" in cells[2] and "1 mentions" not in cells[2]


def test_figures_from_the_edition(edition, register, mentions) -> None:
    """The figures draw the statistics and counts computed from the edition."""
    labels = section_page.section_labels(edition)
    stats = statistics.section_statistics(edition)
    fig = figures.section_sizes(stats, labels=labels)
    assert list(fig.data[0].y) == stats["words"].tolist()
    counts = section_page.actor_section_counts(edition, mentions, register, actors=5)
    fig = figures.actor_mentions(counts, labels=labels)
    assert sum(map(sum, fig.data[0].z)) == int(counts["mentions"].sum())
    assert fig.to_json() == figures.actor_mentions(counts, labels=labels).to_json()
