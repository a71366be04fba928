"""The witness, proposed and editor's orders side by side."""

from __future__ import annotations

import pandas as pd

from analysis.site.figures.reordering import LANES, order_lanes


def test_order_lanes_draws_each_block_through_its_three_ranks() -> None:
    ranks = pd.DataFrame(
        {
            "block": [1, 2, 3],
            "first_line": [1, 5, 9],
            "last_line": [3, 5, 12],
            "heading": [False, True, False],
            "witness_rank": [1, 2, 3],
            "proposed_rank": [3, 1, 2],
            "editor_rank": [2, 1, 3],
        }
    )
    fig = order_lanes(ranks, disagreeing={3})
    assert fig.layout.meta == {"name": "reorder-lanes"}
    agree, disagree, heading = fig.data
    assert list(agree.y) == [1, 3, 2, None]
    assert list(disagree.y) == [3, 2, 3, None]
    assert list(heading.y) == [2, 1, 1, None]
    assert list(agree.x) == [*LANES, None]
    assert "W lines 9\u201312" in disagree.text[0]
