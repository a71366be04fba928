"""Check the editorial decisions against the witness, before any text is built.

:func:`validate` raises :class:`~analysis.errors.DecisionsError`, naming the
decisions file and the entry at fault, when a span is out of range or
overlaps another, a witness line is used twice or not at all, a section is
unknown, a paragraph is empty, or an intervention is not recorded in the
apparatus (or one is recorded that the decisions do not make). Every check
takes time in proportion to the length of the witness and the number of
entries.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from analysis.errors import DecisionsError
from analysis.text.decisions import ApparatusDecision, Decisions, ParagraphDecision
from analysis.text.transpositions import check_transpositions
from analysis.text.witness import Witness

__all__ = ["EM_DASH", "NORMALISATION_RULES", "validate"]

EM_DASH = "\u2014"
NORMALISATION_RULES = ("stray-leading-space", "blank-line", "em-dash-line-end")


@dataclass(frozen=True)
class _Item:
    """A heading or a span, in reading order, for the checks of order and use."""

    first: int
    last: int
    owner: str
    source_line: int
    is_heading: bool


def _fail(decisions: Decisions, message: str, line: int | None) -> DecisionsError:
    return DecisionsError(decisions.path, message, line=line)


def _reading_items(decisions: Decisions) -> list[_Item]:
    items: list[_Item] = []
    for section in decisions.sections:
        if section.heading_lines:
            hl = section.heading_lines
            if list(hl) != list(range(hl[0], hl[0] + len(hl))):
                raise _fail(
                    decisions,
                    f"section {section.id}: heading_lines {list(hl)} must be "
                    "consecutive witness lines",
                    section.source_line,
                )
            items.append(
                _Item(
                    hl[0], hl[-1], f"the heading of section {section.id}", section.source_line, True
                )
            )
        for p in section.paragraphs:
            items.extend(_Item(a, b, f"paragraph {p.id}", p.source_line, False) for a, b in p.spans)
    return items


def _check_spans(decisions: Decisions, witness: Witness, items: list[_Item]) -> None:
    """Every span runs forwards, within the witness, over non-blank lines only."""
    n = len(witness.lines)
    for item in items:
        if item.first > item.last:
            raise _fail(
                decisions,
                f"{item.owner}: span [{item.first}, {item.last}] runs backwards",
                item.source_line,
            )
        if item.first < 1 or item.last > n:
            raise _fail(
                decisions,
                f"{item.owner}: span [{item.first}, {item.last}] is out of "
                f"range (the witness has lines 1 to {n})",
                item.source_line,
            )
        for line in range(item.first, item.last + 1):
            if witness.is_blank(line):
                raise _fail(
                    decisions,
                    f"{item.owner}: span [{item.first}, {item.last}] takes "
                    f"in blank witness line {line}; split the span",
                    item.source_line,
                )


def _check_overlaps(decisions: Decisions, items: list[_Item]) -> None:
    """No witness line is taken by two headings or spans."""
    ordered = sorted(items, key=lambda i: (i.first, i.last, i.source_line))
    for a, b in itertools.pairwise(ordered):
        if b.first <= a.last:
            if a.is_heading or b.is_heading or (a.first, a.last) == (b.first, b.last):
                raise _fail(
                    decisions,
                    f"witness line {b.first} is used twice: by {a.owner} and by {b.owner}",
                    b.source_line,
                )
            raise _fail(
                decisions,
                f"{b.owner}: span [{b.first}, {b.last}] overlaps span "
                f"[{a.first}, {a.last}] of {a.owner}",
                b.source_line,
            )


def _check_all_used(decisions: Decisions, witness: Witness, items: list[_Item]) -> None:
    """Every non-blank witness line is in a heading or a paragraph: nothing is dropped."""
    n = len(witness.lines)
    used = {line for i in items for line in range(i.first, i.last + 1)}
    unused = [k for k in range(1, n + 1) if k not in used and not witness.is_blank(k)]
    if unused:
        raise _fail(
            decisions,
            f"witness line {unused[0]} ({witness.path}:{unused[0]}) is not "
            f"used by any heading or paragraph ({len(unused)} such line(s)); nothing "
            "may be dropped",
            None,
        )


def _by_type(decisions: Decisions, witness: Witness) -> dict[str, list[ApparatusDecision]]:
    """The apparatus entries by type, once every line they name is known to be in the witness."""
    n = len(witness.lines)
    by_type: dict[str, list[ApparatusDecision]] = {}
    for entry in decisions.apparatus:
        for line in entry.lines:
            if not 1 <= line <= n:
                raise _fail(
                    decisions,
                    f"apparatus entry {entry.label}: witness line {line} is out of range "
                    f"(1 to {n})",
                    entry.source_line,
                )
        by_type.setdefault(entry.type, []).append(entry)
    return by_type


def _check_headings(decisions: Decisions, entries: list[ApparatusDecision]) -> None:
    """One heading entry for each titled section, naming its heading lines."""
    sections = {s.id: s for s in decisions.sections}
    headed = set()
    for entry in entries:
        section = sections.get(entry.section or "")
        if section is None:
            raise _fail(
                decisions,
                f"apparatus entry {entry.label}: unknown section '{entry.section}'",
                entry.source_line,
            )
        if tuple(entry.lines) != section.heading_lines:
            raise _fail(
                decisions,
                f"apparatus entry {entry.label}: lines {list(entry.lines)} are "
                f"not the heading lines of section {section.id}",
                entry.source_line,
            )
        headed.add(section.id)
    for section in decisions.sections:
        if section.heading is not None and section.id not in headed:
            raise _fail(
                decisions,
                f"section {section.id}: no heading entry in the apparatus "
                "says where its heading stands",
                section.source_line,
            )


def _check_joins_and_divisions(
    decisions: Decisions,
    by_type: dict[str, list[ApparatusDecision]],
    paragraphs: list[ParagraphDecision],
) -> None:
    """A join for each meeting of spans in a paragraph; a division for each W-continuous break."""
    joins = {
        (a[1], b[0]): p for p in paragraphs for a, b in zip(p.spans, p.spans[1:], strict=False)
    }
    divisions = {
        (p.spans[-1][1], q.spans[0][0]): q
        for p, q in itertools.pairwise(paragraphs)
        if q.spans[0][0] == p.spans[-1][1] + 1
    }
    _match(
        decisions,
        by_type.get("join", []),
        joins,
        "join",
        "is not the meeting of two spans of one paragraph",
        "joins witness lines {a} and {b} but no join entry says why",
    )
    _match(
        decisions,
        by_type.get("division", []),
        divisions,
        "division",
        "is not a paragraph break between consecutive witness lines",
        "begins at witness line {b}, right after line {a} of the previous paragraph, but no "
        "division entry gives the evidence for the break",
    )


def _check_readings(
    decisions: Decisions,
    witness: Witness,
    entries: list[ApparatusDecision],
    paragraphs: list[ParagraphDecision],
) -> None:
    """Each emendation or *sic* names a paragraph line on which its reading occurs exactly once."""
    used_lines = {line for p in paragraphs for a, b in p.spans for line in range(a, b + 1)}
    for entry in entries:
        line = entry.lines[0]
        if line not in used_lines:
            raise _fail(
                decisions,
                f"apparatus entry {entry.label}: witness line {line} is not in a paragraph",
                entry.source_line,
            )
        text = witness.line(line)
        probe = entry.witness if entry.type == "emendation" else entry.reading
        if text.count(probe or "") != 1:
            raise _fail(
                decisions,
                f"apparatus entry {entry.label}: '{probe}' does not occur exactly "
                f"once in witness line {line}",
                entry.source_line,
            )


def _match(
    decisions: Decisions,
    entries: list[ApparatusDecision],
    required: dict[tuple[int, int], ParagraphDecision],
    kind: str,
    stray: str,
    missing: str,
) -> None:
    found = set()
    for entry in entries:
        key = (entry.lines[0], entry.lines[1])
        if key not in required:
            raise _fail(
                decisions,
                f"apparatus entry {entry.label}: {kind} of lines {key[0]}/{key[1]} {stray}",
                entry.source_line,
            )
        found.add(key)
    for key, p in required.items():
        if key not in found:
            raise _fail(
                decisions, f"paragraph {p.id} " + missing.format(a=key[0], b=key[1]), p.source_line
            )


def _check_normalisations(
    decisions: Decisions,
    witness: Witness,
    entries: list[ApparatusDecision],
    paragraphs: list[ParagraphDecision],
) -> None:
    n = len(witness.lines)
    last_lines = {p.spans[-1][1] for p in paragraphs}
    para_lines = {line for p in paragraphs for a, b in p.spans for line in range(a, b + 1)}
    expected = {
        "stray-leading-space": {
            k for k in range(1, n + 1) if not witness.is_blank(k) and witness.line(k)[:1].isspace()
        },
        "blank-line": {k for k in range(1, n + 1) if witness.is_blank(k) and witness.line(k)},
        "em-dash-line-end": {
            k for k in para_lines - last_lines if witness.line(k).rstrip().endswith(EM_DASH)
        },
    }
    seen = set()
    for entry in entries:
        if entry.rule not in expected:
            raise _fail(
                decisions,
                f"apparatus entry {entry.label}: unknown normalisation rule "
                f"'{entry.rule}' (one of {', '.join(NORMALISATION_RULES)})",
                entry.source_line,
            )
        want = expected[entry.rule]
        got = set(entry.lines)
        if got != want:
            extra, lacking = sorted(got - want), sorted(want - got)
            detail = (
                f"lists line {extra[0]}, where the rule does not apply"
                if extra
                else f"does not list line {lacking[0]}, where the rule applies"
            )
            raise _fail(decisions, f"apparatus entry {entry.label} {detail}", entry.source_line)
        seen.add(entry.rule)
    for rule, want in expected.items():
        if want and rule not in seen:
            raise _fail(
                decisions,
                f"no normalisation entry lists the {len(want)} line(s) where "
                f"the rule '{rule}' applies (first: line {min(want)})",
                None,
            )


def validate(decisions: Decisions, witness: Witness) -> None:
    """Check ``decisions`` against ``witness``; raise a one-line error at the first fault."""
    items = _reading_items(decisions)
    _check_spans(decisions, witness, items)
    _check_overlaps(decisions, items)
    _check_all_used(decisions, witness, items)
    by_type = _by_type(decisions, witness)
    paragraphs = [p for s in decisions.sections for p in s.paragraphs]
    _check_headings(decisions, by_type.get("heading", []))
    _check_joins_and_divisions(decisions, by_type, paragraphs)
    # every change of order is recorded as a transposition, and only changes of order
    check_transpositions(decisions, witness, items, by_type.get("transposition", []))
    _check_normalisations(decisions, witness, by_type.get("normalisation", []), paragraphs)
    _check_readings(
        decisions, witness, by_type.get("emendation", []) + by_type.get("sic", []), paragraphs
    )
