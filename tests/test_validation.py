"""Validation of the editorial decisions against the witness: each error, one by one."""

from __future__ import annotations

import re

import pytest

from analysis import paths
from analysis.errors import DecisionsError
from analysis.text.decisions import parse_decisions
from analysis.text.edition import Edition, build_edition
from analysis.text.witness import load_witness

DECISIONS_TEXT = paths.DECISIONS.read_text(encoding="utf-8")
PATH = str(paths.DECISIONS)


@pytest.fixture(scope="module")
def witness():
    return load_witness(paths.SEEDS / "000_2cf028e75483853e.txt")


def build(witness, text: str) -> Edition:
    return build_edition(witness, parse_decisions(text, path=PATH))


def line_of(text: str, snippet: str) -> int:
    """1-based line of the file on which ``snippet`` stands."""
    assert text.count(snippet) == 1, snippet
    return text[: text.index(snippet)].count("\n") + 1


def mutate(old: str, new: str) -> str:
    assert DECISIONS_TEXT.count(old) == 1, old
    return DECISIONS_TEXT.replace(old, new)


def expect_error(witness, text: str, line: int | None, pattern: str) -> None:
    with pytest.raises(DecisionsError) as err:
        build(witness, text)
    message = str(err.value)
    where = f"{PATH}:{line}: " if line is not None else f"{PATH}: "
    assert message.startswith(where), message
    assert re.search(pattern, message), message
    assert "\n" not in message


def test_span_out_of_range(witness) -> None:
    text = mutate("{id: p2, spans: [[30, 35]]}", "{id: p2, spans: [[30, 600]]}")
    expect_error(
        witness,
        text,
        line_of(text, "{id: p2,"),
        r"paragraph p2: span \[30, 600\] is out of range "
        r"\(the witness has lines 1 to 542\)",
    )


def test_span_running_backwards(witness) -> None:
    text = mutate("{id: p2, spans: [[30, 35]]}", "{id: p2, spans: [[35, 30]]}")
    expect_error(witness, text, line_of(text, "{id: p2,"), r"span \[35, 30\] runs backwards")


def test_overlapping_spans(witness) -> None:
    text = mutate("{id: p3, spans: [[36, 51]]}", "{id: p3, spans: [[33, 51]]}")
    expect_error(
        witness,
        text,
        line_of(text, "{id: p3,"),
        r"paragraph p3: span \[33, 51\] overlaps span \[30, 35\] of paragraph p2",
    )


def test_witness_line_used_twice(witness) -> None:
    text = mutate("{id: p9, spans: [[141, 147]]}", "{id: p9, spans: [[139, 139], [141, 147]]}")
    expect_error(
        witness,
        text,
        line_of(text, "{id: p9,"),
        r"witness line 139 is used twice: by the heading of section "
        r"who-actually-governs-mexico and by paragraph p9",
    )


def test_non_blank_line_not_used(witness) -> None:
    text = mutate("{id: p2, spans: [[30, 35]]}", "{id: p2, spans: [[30, 34]]}")
    with pytest.raises(DecisionsError) as err:
        build(witness, text)
    assert str(err.value).startswith(f"{PATH}: witness line 35 ")
    assert "is not used by any heading or paragraph" in str(err.value)


def test_span_taking_in_a_blank_line(witness) -> None:
    text = mutate("{id: p1, spans: [[1, 20], [22, 29]]}", "{id: p1, spans: [[1, 29]]}")
    expect_error(
        witness, text, line_of(text, "{id: p1,"), r"takes in blank witness line 21; split the span"
    )


def test_unknown_section(witness) -> None:
    text = mutate("section: the-flight-of-el-chapo", "section: the-escape")
    expect_error(
        witness,
        text,
        line_of(text, "section: the-escape") - 3,
        r"apparatus entry a20: unknown section 'the-escape'",
    )


def test_empty_paragraph(witness) -> None:
    text = mutate("{id: p2, spans: [[30, 35]]}", "{id: p2, spans: []}")
    with pytest.raises(DecisionsError) as err:
        build(witness, text)
    assert str(err.value) == (
        f"{PATH}:{line_of(text, '{id: p2,')}: paragraph p2 is empty: "
        "it has no spans of witness lines"
    )


def test_join_without_entry(witness) -> None:
    text = mutate(
        "    type: join\n    lines: [118, 53]\n",
        '    type: sic\n    lines: [118]\n    reading: "until he became,"\n',
    )
    expect_error(
        witness,
        text,
        line_of(text, "{id: p5,"),
        r"paragraph p5 joins witness lines 118 and 53 but no join entry says why",
    )


def test_division_without_entry(witness) -> None:
    text = mutate(
        "    type: division\n    lines: [29, 30]\n",
        '    type: sic\n    lines: [29]\n    reading: "drop.)"\n',
    )
    expect_error(
        witness,
        text,
        line_of(text, "{id: p2,"),
        r"paragraph p2 begins at witness line 30, right after line 29",
    )


def test_transposition_without_entry(witness) -> None:
    text = mutate(
        "    type: transposition\n    lines: [413, 423]\n",
        '    type: sic\n    lines: [413]\n    reading: "Mexican"\n',
    )
    expect_error(
        witness,
        text,
        line_of(text, "{id: p21,"),
        r"paragraph p21 puts witness line 425 after line 411, which W does not",
    )


def test_transposition_that_moves_nothing(witness) -> None:
    text = mutate(
        "    type: sic\n    lines: [445]\n", "    type: transposition\n    lines: [30, 35]\n"
    )
    expect_error(
        witness,
        text,
        line_of(text, "lines: [30, 35]") - 2,
        r"lines 30-35 keep their place in the order of W",
    )


def test_normalisation_must_list_every_line(witness) -> None:
    text = mutate("lines: [1, 40, 119,", "lines: [40, 119,")
    expect_error(
        witness,
        text,
        line_of(text, "rule: stray-leading-space") - 2,
        r"\(stray-leading-space\) does not list line 1, where the rule applies",
    )


def test_emendation_must_match_the_witness(witness) -> None:
    text = mutate(
        'witness: "the United States. would prevail"', 'witness: "the United States, would prevail"'
    )
    expect_error(
        witness,
        text,
        line_of(text, "type: emendation") - 1,
        r"'the United States, would prevail' does not occur exactly once in witness "
        r"line 247",
    )


TRANSPOSITIONS = re.findall(r"type: transposition\n    lines: \[(\d+), (\d+)\]", DECISIONS_TEXT)


@pytest.mark.parametrize(("first", "last"), TRANSPOSITIONS)
def test_each_transposition_is_needed(witness, first: str, last: str) -> None:
    """Recording any moved block as a mere *sic* leaves a change of order unexplained."""
    text = mutate(
        f"type: transposition\n    lines: [{first}, {last}]",
        f'type: sic\n    lines: [{first}]\n    reading: "{witness.line(int(first)).strip()[:3]}"',
    )
    with pytest.raises(DecisionsError, match=r"which W does not, and no transposition entry"):
        build(witness, text)


def test_overlapping_transpositions(witness) -> None:
    text = mutate(
        "apparatus:\n",
        "apparatus:\n  - id: zz\n    type: transposition\n    lines: [53, 60]\n    note: x\n",
    )
    with pytest.raises(DecisionsError):
        build(witness, text)
    text = mutate(
        "apparatus:\n",
        "apparatus:\n  - id: zz\n    type: transposition\n    lines: [53, 71]\n    note: x\n",
    )
    with pytest.raises(DecisionsError, match=r"lines 53-71 overlap the transposition"):
        build(witness, text)
