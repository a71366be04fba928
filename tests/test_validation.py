"""Validation of the editorial decisions against the witness: every fault, on the real file."""

from __future__ import annotations

import re

import pytest
from sources import DECISIONS, expect_error, line_of, mutate

from analysis import paths
from analysis.errors import DecisionsError
from analysis.text.decisions import parse_decisions
from analysis.text.edition import Edition, build_edition
from analysis.text.witness import Witness, load_witness

PATH = str(paths.DECISIONS)
A20 = "  - type: heading\n    lines: [388]\n    section: the-flight-of-el-chapo\n"
SIC = "  - type: sic\n    lines: [445]\n"


@pytest.fixture(scope="module")
def witness() -> Witness:
    return load_witness(paths.SEEDS / "000_2cf028e75483853e.txt")


def build(witness: Witness, text: str) -> Edition:
    return build_edition(witness, parse_decisions(text, path=PATH))


# Each case: (old snippet of the real decisions, its replacement, a snippet of the changed
# file on the line the error names, or None for an error of the whole file, the pattern).
CASES = {
    # --- headings and spans ---------------------------------------------------------------
    "heading lines not consecutive": (
        "heading_lines: [223, 224]",
        "heading_lines: [223, 225]",
        "- id: the-revolving-door",
        r"section the-revolving-door: heading_lines \[223, 225\] must be consecutive",
    ),
    "span running backwards": (
        "{id: p2, spans: [[30, 35]]}",
        "{id: p2, spans: [[35, 30]]}",
        "{id: p2,",
        r"paragraph p2: span \[35, 30\] runs backwards$",
    ),
    "span out of range": (
        "{id: p2, spans: [[30, 35]]}",
        "{id: p2, spans: [[30, 600]]}",
        "{id: p2,",
        r"paragraph p2: span \[30, 600\] is out of range \(the witness has lines 1 to 542\)$",
    ),
    "span taking in a blank line": (
        "{id: p1, spans: [[1, 20], [22, 29]]}",
        "{id: p1, spans: [[1, 29]]}",
        "{id: p1,",
        r"paragraph p1: span \[1, 29\] takes in blank witness line 21; split the span$",
    ),
    "overlapping spans": (
        "{id: p3, spans: [[36, 51]]}",
        "{id: p3, spans: [[33, 51]]}",
        "{id: p3,",
        r"paragraph p3: span \[33, 51\] overlaps span \[30, 35\] of paragraph p2$",
    ),
    "witness line used twice": (
        "{id: p9, spans: [[141, 147]]}",
        "{id: p9, spans: [[139, 139], [141, 147]]}",
        "{id: p9,",
        r"witness line 139 is used twice: by the heading of section "
        r"who-actually-governs-mexico and by paragraph p9$",
    ),
    "non-blank line not used": (
        "{id: p2, spans: [[30, 35]]}",
        "{id: p2, spans: [[30, 34]]}",
        None,
        r": witness line 35 \(.*000_2cf028e75483853e\.txt:35\) is not used by any heading or "
        r"paragraph \(1 such line\(s\)\); nothing may be dropped$",
    ),
    # --- the apparatus --------------------------------------------------------------------
    "apparatus line out of range": (
        SIC,
        "  - type: sic\n    lines: [9999]\n",
        "  - type: sic\n    lines: [9999]",
        r"apparatus entry sic 9999: witness line 9999 is out of range \(1 to 542\)$",
    ),
    "heading entry of an unknown section": (
        "section: the-flight-of-el-chapo",
        "section: the-escape",
        "  - type: heading\n    lines: [388]",
        r"apparatus entry heading 388: unknown section 'the-escape'$",
    ),
    "heading entry on other lines": (
        A20,
        A20.replace("[388]", "[389]"),
        "  - type: heading\n    lines: [389]",
        r"apparatus entry heading 389: lines \[389\] are not the heading lines of section "
        r"the-flight-of-el-chapo$",
    ),
    "heading without its entry": (
        A20,
        '  - type: sic\n    lines: [388]\n    reading: "The"\n',
        "- id: the-flight-of-el-chapo",
        r"section the-flight-of-el-chapo: no heading entry in the apparatus says where its "
        r"heading stands$",
    ),
    "join that joins nothing": (
        "  - type: join\n    lines: [20, 22]\n",
        "  - type: join\n    lines: [20, 21]\n",
        "  - type: join\n    lines: [20, 21]",
        r"apparatus entry join 20/21: join of lines 20/21 is not the meeting of two spans of one "
        r"paragraph$",
    ),
    "join without its entry": (
        "  - type: join\n    lines: [118, 53]\n",
        '  - type: sic\n    lines: [118]\n    reading: "until he became,"\n',
        "{id: p5,",
        r"paragraph p5 joins witness lines 118 and 53 but no join entry says why$",
    ),
    "division that divides nothing": (
        "  - type: division\n    lines: [29, 30]\n",
        "  - type: division\n    lines: [28, 30]\n",
        "  - type: division\n    lines: [28, 30]",
        r"apparatus entry division 28/30: division of lines 28/30 is not a paragraph break between "
        r"consecutive witness lines$",
    ),
    "division without its entry": (
        "  - type: division\n    lines: [29, 30]\n",
        '  - type: sic\n    lines: [29]\n    reading: "drop.)"\n',
        "{id: p2,",
        r"paragraph p2 begins at witness line 30, right after line 29 of the previous paragraph, "
        r"but no division entry gives the evidence for the break$",
    ),
    "transposition without its entry": (
        "  - type: transposition\n    lines: [413, 423]\n",
        '  - type: sic\n    lines: [413]\n    reading: "Mexican"\n',
        "{id: p21,",
        r"paragraph p21 puts witness line 425 after line 411, which W does not, and no "
        r"transposition entry records the move$",
    ),
    "transposition that moves nothing": (
        SIC,
        "  - type: transposition\n    lines: [30, 35]\n",
        "  - type: transposition\n    lines: [30, 35]",
        r"apparatus entry transposition 30-35: lines 30-35 keep their place in the order of W; "
        r"there is no transposition to record$",
    ),
    "transposition of part of a span": (
        SIC,
        "  - type: transposition\n    lines: [53, 60]\n",
        "  - type: transposition\n    lines: [53, 60]",
        r"apparatus entry transposition 53-60: lines 53-60 do not begin and end with whole spans$",
    ),
    "transposition overlapping another": (
        SIC,
        "  - type: transposition\n    lines: [53, 71]\n",
        "  - type: transposition\n    lines: [53, 71]\n    reading",
        r"apparatus entry transposition 53-71: lines 53-71 overlap the transposition 53-71 "
        r"\(line \d+\)$",
    ),
    "normalisation of an unknown rule": (
        "    rule: blank-line\n",
        "    rule: no-such-rule\n",
        "  - type: normalisation\n    rule: no-such-rule",
        r"apparatus entry normalisation no-such-rule: unknown normalisation rule "
        r"'no-such-rule' \(one of stray-leading-space, blank-line, em-dash-line-end\)$",
    ),
    "normalisation missing a line": (
        "lines: [1, 40, 119,",
        "lines: [40, 119,",
        "  - type: normalisation\n    rule: stray-leading-space",
        r"apparatus entry normalisation stray-leading-space does not list line 1, where the rule "
        r"applies$",
    ),
    "normalisation listing a line too many": (
        "    lines: [542]\n",
        "    lines: [541, 542]\n",
        "  - type: normalisation\n    rule: blank-line",
        r"apparatus entry normalisation blank-line lists line 541, where the rule does not apply$",
    ),
    "rule without its normalisation": (
        "  - type: normalisation\n    rule: blank-line\n    lines: [542]\n",
        '  - type: sic\n    lines: [1]\n    reading: "Mexican"\n',
        None,
        r": no normalisation entry lists the 1 line\(s\) where the rule 'blank-line' applies "
        r"\(first: line 542\)$",
    ),
    "reading outside the paragraphs": (
        SIC,
        "  - type: sic\n    lines: [107]\n",
        "  - type: sic\n    lines: [107]",
        r"apparatus entry sic 107: witness line 107 is not in a paragraph$",
    ),
    "emendation not matching the witness": (
        'witness: "the United States. would prevail"',
        'witness: "the United States, would prevail"',
        "  - type: emendation\n    lines: [247]",
        r"apparatus entry emendation 247: 'the United States, would prevail' does not occur "
        r"exactly once in witness line 247$",
    ),
}


@pytest.mark.parametrize(("old", "new", "at", "pattern"), CASES.values(), ids=CASES.keys())
def test_each_fault_against_the_witness(
    witness: Witness, old: str, new: str, at: str | None, pattern: str
) -> None:
    text = mutate(DECISIONS, old, new)
    expect_error(
        DecisionsError,
        lambda: build(witness, text),
        path=PATH,
        line=None if at is None else line_of(text, at),
        pattern=pattern,
    )


TRANSPOSITIONS = re.findall(r"type: transposition\n    lines: \[(\d+), (\d+)\]", DECISIONS)


@pytest.mark.parametrize(("first", "last"), TRANSPOSITIONS)
def test_each_transposition_is_needed(witness: Witness, first: str, last: str) -> None:
    """Recording any moved block as a mere *sic* leaves a change of order unexplained."""
    text = mutate(
        DECISIONS,
        f"type: transposition\n    lines: [{first}, {last}]",
        f'type: sic\n    lines: [{first}]\n    reading: "{witness.line(int(first)).strip()[:3]}"',
    )
    with pytest.raises(DecisionsError, match=r"which W does not, and no transposition entry"):
        build(witness, text)


def _entries(text: str) -> tuple[str, list[str]]:
    """The decisions text before its apparatus entries, and the entries as written."""
    head, body = text.split("apparatus:\n", 1)
    return head + "apparatus:\n", re.split(r"(?m)^(?=  - type: )", body)[1:]


# How the entries of the file may be rearranged without changing the edition's numbering.
ORDERS = {
    "as written": lambda entries: entries,
    "reversed": lambda entries: entries[::-1],
    "rotated": lambda entries: entries[17:] + entries[:17],
    "by type": lambda entries: sorted(entries, key=lambda e: (e.split("\n")[0], e)),
}


@pytest.mark.parametrize("order", ORDERS.values(), ids=ORDERS.keys())
def test_the_numbering_follows_the_reading_order_not_the_file(
    witness: Witness, edition: Edition, order
) -> None:
    head, entries = _entries(DECISIONS)
    assert len(entries) == len(edition.apparatus)
    text = head + "".join(e if e.endswith("\n") else e + "\n" for e in order(entries))
    rebuilt = build(witness, text)
    assert [(e.id, e.type, e.lines) for e in rebuilt.apparatus] == [
        (e.id, e.type, e.lines) for e in edition.apparatus
    ]
