"""Blocks of a scrambled witness and the evidence at their ends."""

from __future__ import annotations

from analysis.text.blocks import (
    column_width,
    ends_sentence,
    is_heading_text,
    names,
    opening_word,
    split_blocks,
)

LINES = [
    "The boatman left the village before dawn and",  # 1
    "rowed (as he always did",  # 2
    "",  # 3
    "Takes Two to Tango",  # 4
    "",  # 5
    "across the river) to the \u201cfar bank.",  # 6
    " He came back at noon.\u201d",  # 7: a stray space opens a new block
    " and nobody asked where he had been.",  # 8
    "",  # 9
    "The Revolving Door of",  # 10
    "the Mexican Justice System",  # 11
    "",  # 12
]


def test_blocks_split_at_blank_lines_stray_spaces_and_headings() -> None:
    blocks = split_blocks(LINES)
    assert [b.lines for b in blocks] == [(1, 2), (4,), (6,), (7,), (8,), (10, 11)]
    assert [b.opened_by for b in blocks] == [
        "start",
        "blank line",
        "blank line",
        "stray leading space",
        "stray leading space",
        "blank line",
    ]
    assert [b.heading for b in blocks] == [False, True, False, False, False, True]
    assert blocks[5].text == "The Revolving Door of the Mexican Justice System"


def test_evidence_at_the_ends() -> None:
    first, _, third, fourth, fifth, heading = split_blocks(LINES)
    assert first.cut and not first.lowercase
    assert (first.open_brackets, first.closes_brackets) == (1, 0)
    assert third.lowercase and not third.cut
    assert (third.closes_brackets, third.open_quotes) == (1, 1)
    assert fourth.closes_quotes == 1 and not fourth.lowercase
    assert fifth.lowercase
    assert not heading.cut  # a heading ends no sentence, but is not cut either


def test_one_block_and_nothing_but_blank_lines() -> None:
    (only,) = split_blocks(["One line, one block."])
    assert only.lines == (1,) and not only.cut and not only.heading
    assert split_blocks(["", "   ", ""]) == ()
    assert column_width(["", " "]) == 0


def test_sentence_ends_and_headings() -> None:
    assert ends_sentence("down to the last drop.)")
    assert ends_sentence("in three hundred or four hundred years.\u201d")
    assert not ends_sentence("the kingpin, somebody would tip")
    assert not ends_sentence("the namespace, i.e.")
    assert not ends_sentence("where the gun laws are\u2014")
    assert is_heading_text(["Who Actually Governs Mexico?"], width=52)
    assert not is_heading_text(["Mexico would be happy to turn Guzman over."], width=52)
    assert not is_heading_text(["A", "B", "C", "D"], width=52)
    assert not is_heading_text(
        ["The idea that America is not complicit in Mexico\u2019s"], width=52
    )


def test_names_are_words_written_only_with_a_capital_inside_sentences() -> None:
    texts = [
        "Future versions of Python may add types, and the",
        "interpreter of \u201cPython is free. The idea that the",
        "Idea was new is old.",
    ]
    found = names(texts)
    assert "Python" in found  # inside a sentence, never in lower case
    assert "The" not in found and "Future" not in found  # sentence openers
    assert "Idea" not in found  # written in lower case elsewhere
    assert opening_word(" \u201cPython may add types") == "Python"
    assert opening_word("") == ""
