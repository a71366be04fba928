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

import bisect
import itertools
from dataclasses import dataclass

from .decisions import ApparatusDecision, Decisions, ParagraphDecision
from .errors import DecisionsError
from .witness import Witness

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


def _check_lines(decisions: Decisions, witness: Witness, items: list[_Item]) -> None:
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


def _w_neighbours(witness: Witness, a: int, b: int) -> bool:
    """True if witness line ``b`` follows ``a`` with nothing but blank lines between."""
    return b > a and all(witness.is_blank(k) for k in range(a + 1, b))


def _check_apparatus(decisions: Decisions, witness: Witness, items: list[_Item]) -> None:
    n = len(witness.lines)
    by_type: dict[str, list[ApparatusDecision]] = {}
    for entry in decisions.apparatus:
        for line in entry.lines:
            if not 1 <= line <= n:
                raise _fail(
                    decisions,
                    f"apparatus entry {entry.id}: witness line {line} is out of range (1 to {n})",
                    entry.source_line,
                )
        by_type.setdefault(entry.type, []).append(entry)

    # headings: one entry for each titled section, naming its lines
    sections = {s.id: s for s in decisions.sections}
    headed = set()
    for entry in by_type.get("heading", []):
        section = sections.get(entry.section or "")
        if section is None:
            raise _fail(
                decisions,
                f"apparatus entry {entry.id}: unknown section '{entry.section}'",
                entry.source_line,
            )
        if tuple(entry.lines) != section.heading_lines:
            raise _fail(
                decisions,
                f"apparatus entry {entry.id}: lines {list(entry.lines)} are "
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

    # joins within paragraphs, divisions between W-continuous paragraphs
    paragraphs = [p for s in decisions.sections for p in s.paragraphs]
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

    # transpositions: every change of order is recorded, and only changes of order
    _check_transpositions(decisions, witness, items, by_type.get("transposition", []))

    _check_normalisations(decisions, witness, by_type.get("normalisation", []), paragraphs)
    used_lines = {line for p in paragraphs for a, b in p.spans for line in range(a, b + 1)}
    for entry in by_type.get("emendation", []) + by_type.get("sic", []):
        line = entry.lines[0]
        if line not in used_lines:
            raise _fail(
                decisions,
                f"apparatus entry {entry.id}: witness line {line} is not in a paragraph",
                entry.source_line,
            )
        text = witness.line(line)
        probe = entry.witness if entry.type == "emendation" else entry.reading
        if text.count(probe or "") != 1:
            raise _fail(
                decisions,
                f"apparatus entry {entry.id}: '{probe}' does not occur exactly "
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
                f"apparatus entry {entry.id}: {kind} of lines {key[0]}/{key[1]} {stray}",
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
                f"apparatus entry {entry.id}: unknown normalisation rule "
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
            raise _fail(
                decisions, f"apparatus entry {entry.id} ({entry.rule}) {detail}", entry.source_line
            )
        seen.add(entry.rule)
    for rule, want in expected.items():
        if want and rule not in seen:
            raise _fail(
                decisions,
                f"no normalisation entry lists the {len(want)} line(s) where "
                f"the rule '{rule}' applies (first: line {min(want)})",
                None,
            )


def _check_transpositions(
    decisions: Decisions, witness: Witness, items: list[_Item], entries: list[ApparatusDecision]
) -> None:
    """Every change of the order of W is a recorded transposition, and no more.

    The items that no transposition covers (the *stationary* ones) must keep
    the order of W, with nothing between neighbours but blank lines and moved
    lines. A transposition is needed when treating its block as stationary
    would break that order: the check looks only at the block's neighbours,
    so it costs time in proportion to the block, not to the text.
    """
    n = len(witness.lines)
    starts = {i.first for i in items}
    ends = {i.last for i in items}
    block_of = [-1] * (n + 2)  # witness line -> index of the transposition moving it
    for t, entry in enumerate(entries):
        a, b = entry.lines
        if a > b or a not in starts or b not in ends:
            raise _fail(
                decisions,
                f"apparatus entry {entry.id}: lines {a}-{b} do not begin and end with whole spans",
                entry.source_line,
            )
        for k in range(a, b + 1):
            if block_of[k] != -1:
                raise _fail(
                    decisions,
                    f"apparatus entry {entry.id}: lines {a}-{b} overlap the "
                    f"transposition {entries[block_of[k]].id}",
                    entry.source_line,
                )
            block_of[k] = t
    # prefix counts over witness lines: text lines, and text lines no transposition moves
    text = [0] * (n + 1)
    stays = [0] * (n + 1)
    for k in range(1, n + 1):
        has_text = not witness.is_blank(k)
        text[k] = text[k - 1] + has_text
        stays[k] = stays[k - 1] + (has_text and block_of[k] == -1)

    def follows(prev: _Item, nxt: _Item, freed: tuple[int, int] | None = None) -> bool:
        """True if ``nxt`` comes after ``prev`` in W with only blank or moved lines between.

        ``freed``: a moved block counted as stationary, whose lines then stand in the way.
        """
        lo, hi = prev.last + 1, nxt.first - 1
        if nxt.first <= prev.last:
            return False
        in_way = stays[hi] - stays[lo - 1] if hi >= lo else 0
        if freed is not None:
            a, b = max(lo, freed[0]), min(hi, freed[1])
            in_way += text[b] - text[a - 1] if b >= a else 0
        return in_way == 0

    stationary = [k for k, item in enumerate(items) if block_of[item.first] == -1]
    for p, q in itertools.pairwise(stationary):
        if not follows(items[p], items[q]):
            raise _fail(
                decisions,
                f"{items[q].owner} puts witness line {items[q].first} after "
                f"line {items[p].last}, which W does not, and no transposition entry "
                "records the move",
                items[q].source_line,
            )

    members: dict[int, list[int]] = {}
    for k, item in enumerate(items):
        if block_of[item.first] != -1:
            members.setdefault(block_of[item.first], []).append(k)
    lasts = [items[k].last for k in stationary]  # increasing, as the skeleton keeps W's order
    for t, entry in enumerate(entries):
        freed = (entry.lines[0], entry.lines[1])
        inside = members[t]
        # the skeleton with this block stationary: its items join in reading order
        merged = sorted({*inside, *_neighbours(stationary, inside)})
        needed = any(
            not follows(items[x], items[y], freed)
            for x, y in itertools.pairwise(merged)
            if x in inside or y in inside
        )
        # a stationary pair whose gap in W holds the block, and no item of it between
        w = bisect.bisect_left(lasts, freed[0])
        if not needed and 0 < w < len(stationary):
            p, q = stationary[w - 1], stationary[w]
            needed = not any(p < k < q for k in inside) and not follows(items[p], items[q], freed)
        if not needed:
            raise _fail(
                decisions,
                f"apparatus entry {entry.id}: lines {freed[0]}-{freed[1]} keep "
                "their place in the order of W; there is no transposition to record",
                entry.source_line,
            )


def _neighbours(stationary: list[int], inside: list[int]) -> set[int]:
    """The stationary items just before and just after each of ``inside`` (reading order)."""
    found = set()
    for k in inside:
        pos = bisect.bisect_left(stationary, k)
        if pos:
            found.add(stationary[pos - 1])
        if pos < len(stationary):
            found.add(stationary[pos])
    return found


def validate(decisions: Decisions, witness: Witness) -> None:
    """Check ``decisions`` against ``witness``; raise a one-line error at the first fault."""
    items = _reading_items(decisions)
    _check_lines(decisions, witness, items)
    _check_apparatus(decisions, witness, items)
