"""Join scores and the exact search over pages and columns, on scrambles with a known answer."""

from __future__ import annotations

import pytest

from analysis.text.blocks import split_blocks
from analysis.text.reorder import join_scores, order_score, propose_layout

# One page of two columns, extracted by the height of each box: the right
# column's top box (a sentence cut at the foot of the left column goes on
# there) comes first, then the left column's top, then the second box of each.
PAGE = [
    "going on until the morning came. The rest of the",  # 1  R top (block 0)
    "crew waited on the bank for their captain.",  # 2
    "",
    "The boatman left the village before dawn with his",  # 4  L top (block 1)
    "nets and a lantern for the dark water.",  # 5
    "",
    "Nobody in the village spoke of the captain again.",  # 7  R second (block 2)
    "",
    "At noon the boatman crossed the wide river, rowing",  # 9  L second (block 3), cut
]


def test_a_cut_sentence_decides_the_page() -> None:
    blocks = split_blocks(PAGE)
    joins = join_scores(blocks)
    layout = propose_layout(blocks, joins)
    assert layout.order == (1, 3, 0, 2)
    assert layout.pages == ((0, 1, 2, 3),)
    assert layout.columns == ("R", "L", "R", "L")
    assert joins[3][0].score > 0 > joins[1][0].score
    assert any("cut at line 9" in e for e in joins[3][0].evidence)
    # the order found scores at least as well as any other of the same blocks
    assert order_score(layout.order, joins, blocks) >= order_score((0, 1, 2, 3), joins, blocks)


HEADED = [
    "The essay opens on a quiet morning by the river, when",  # 1  (block 0), cut
    "",
    "The Flight of El Chapo",  # 3  heading (block 1)
    "",
    "Later that year the boatman sold his boat and left",  # 5  (block 2)
    "for the city, where nobody knew him.",  # 6
    "",
    "the boatman closed the gate (and the shutters).",  # 8  (block 3) ends the cut sentence
]


def test_headings_follow_a_finished_sentence_and_cut_sentences_are_joined() -> None:
    blocks = split_blocks(HEADED)
    assert [b.heading for b in blocks] == [False, True, False, False]
    joins = join_scores(blocks)
    layout = propose_layout(blocks, joins)
    successions = set(zip(layout.order, layout.order[1:], strict=False))
    assert {(0, 3), (1, 2)} <= successions  # the cut sentence joined, the heading above its text
    assert joins[0][1].score < 0  # no heading after a cut sentence
    assert joins[1][2].score > 0  # the heading stands above its paragraph
    assert joins[0][3].score > joins[0][2].score


def test_brackets_and_quotation_marks_are_evidence() -> None:
    lines = [
        "He said (it was late",
        "",
        "and dark) that the road was long.",
        "",
        "and dark\u201d the road was long.",
    ]
    blocks = split_blocks(lines)
    joins = join_scores(blocks)
    assert joins[0][1].score > joins[0][2].score
    assert any("bracket" in e for e in joins[0][1].evidence)
    assert any("quotation" in e for e in joins[0][2].evidence)


@pytest.mark.parametrize("count", [0, 1])
def test_empty_and_single_block_layouts(count: int) -> None:
    blocks = split_blocks(["A single block that ends a sentence."][:count])
    layout = propose_layout(blocks, join_scores(blocks))
    assert layout.order == tuple(range(count))
    assert len(layout.pages) == count


def test_the_witness_joins_every_cut_sentence_as_the_editor(edition) -> None:
    """Every join of a cut sentence in the editor's apparatus is a succession of the layout."""
    blocks = split_blocks(edition.witness.lines)
    layout = propose_layout(blocks, join_scores(blocks))
    block_of = {k: b.n for b in blocks for k in b.lines}
    successions = set(zip(layout.order, layout.order[1:], strict=False))
    cut = [
        e.lines for e in edition.apparatus if e.type == "join" and blocks[block_of[e.lines[0]]].cut
    ]
    assert len(cut) == 8
    assert all((block_of[a], block_of[b]) in successions for a, b in cut)


def test_no_heading_right_after_a_heading() -> None:
    blocks = split_blocks(["Execution Model", "", "Exceptions", "", "A sentence ends here."])
    assert [b.heading for b in blocks] == [True, True, False]
    joins = join_scores(blocks)
    assert joins[0][1].score < 0 < joins[1][2].score
    assert any("cannot follow the heading" in e for e in joins[0][1].evidence)


def test_a_cut_sentence_may_go_on_with_a_name() -> None:
    lines = [
        "Future versions of",  # block 0, cut before a name
        "",
        "Python may add types, as the makers of Python say.",  # block 1
        "",
        "Nobody knows the rest of this story yet, and the",  # block 2, cut
        "",
        "Makers left early.",  # block 3: a capital that is no name
    ]
    blocks = split_blocks(lines)
    joins = join_scores(blocks)
    assert joins[0][1].score > 0
    assert any("the name Python" in e for e in joins[0][1].evidence)
    assert joins[2][3].score < 0  # "Makers" is written in lower case elsewhere: a new sentence


# The right column is one box, printed first, that a stray leading space cuts in
# two (line 17); the left column's box, printed after it, ends mid-sentence and
# goes on at the head of the right column. The extraction printed the whole right
# box from its top, so the left column's box, though lower in W, stands as high.
ONE_BOX = [
    "went on without him, as the others had done before.",  # 1  R top (block 0)
    *[f"Line {k} of the long right column ends its sentence." for k in range(2, 16)],
    "and the last of them waited all night by the door",  # 16
    " of the old house until the grey morning came.",  # 17 stray space (block 1)
    "",
    "The boatman left the village before dawn with his",  # 19 L top (block 2)
    *[f"nets and lanterns, rowing past the mill number {k}," for k in range(20, 36)],
    "and the captain",  # 36: cut
]


def test_a_box_cut_by_a_stray_space_is_printed_from_its_top() -> None:
    blocks = split_blocks(ONE_BOX)
    assert [(b.first, b.last) for b in blocks] == [(1, 16), (17, 17), (19, 36)]
    layout = propose_layout(blocks, join_scores(blocks))
    assert layout.order == (2, 0, 1)
    assert layout.columns == ("R", "R", "L")
