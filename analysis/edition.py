"""Establish the reading text from the witness and the editorial decisions.

:func:`build_edition` is pure: it takes a :class:`~analysis.witness.Witness` and
:class:`~analysis.decisions.Decisions`, validates the one against the other and
returns an :class:`Edition`. :func:`load_edition` reads both from disk.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .decisions import ApparatusDecision, Decisions, ParagraphDecision, load_decisions
from .errors import DecisionsError
from .sentences import sentence_spans, sentence_tokenizer
from .witness import Witness, load_witness

__all__ = [
    "ApparatusEntry",
    "Edition",
    "Paragraph",
    "Section",
    "Sentence",
    "build_edition",
    "load_edition",
]

EM_DASH = "\u2014"
NORMALISATION_RULES = ("stray-leading-space", "blank-line", "em-dash-line-end")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the reading text, cited as ``p12.3`` (paragraph 12, sentence 3)."""

    id: str
    n: int
    paragraph_id: str
    text: str
    start: int
    end: int
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph: its witness spans, text and sentences."""

    id: str
    n: int
    section_id: str
    spans: tuple[tuple[int, int], ...]
    text: str
    line_offsets: tuple[tuple[int, int, int], ...]
    sentences: tuple[Sentence, ...]

    @property
    def lines(self) -> tuple[int, ...]:
        """Witness lines of the paragraph, in reading order."""
        return tuple(line for line, _, _ in self.line_offsets)

    def offset_of_line(self, line: int) -> int:
        """Character offset in :attr:`text` where witness ``line`` begins."""
        for number, start, _ in self.line_offsets:
            if number == line:
                return start
        raise KeyError(f"line {line} is not in paragraph {self.id}")


@dataclass(frozen=True)
class Section:
    """A section of the essay; the untitled opening has ``heading`` None."""

    id: str
    n: int
    heading: str | None
    heading_lines: tuple[int, ...]
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class ApparatusEntry:
    """An editorial intervention, located in the reading text and in the witness."""

    id: str
    n: int
    type: str
    lines: tuple[int, ...]
    note: str
    paragraph_ids: tuple[str, ...]
    sentence_ids: tuple[str, ...]
    section_id: str | None
    anchor: tuple[str, int] | None
    rule: str | None = None
    witness: str | None = None
    reading: str | None = None

    @property
    def witness_lines(self) -> tuple[int, ...]:
        """Every witness line the entry concerns (a transposition's whole range)."""
        if self.type == "transposition":
            return tuple(range(self.lines[0], self.lines[1] + 1))
        return self.lines


@dataclass(frozen=True)
class Edition:
    """The established text: sections, paragraphs, sentences and apparatus."""

    witness: Witness
    decisions: Decisions
    sections: tuple[Section, ...]
    apparatus: tuple[ApparatusEntry, ...]

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """All paragraphs in reading order."""
        return tuple(p for s in self.sections for p in s.paragraphs)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """All sentences in reading order."""
        return tuple(s for p in self.paragraphs for s in p.sentences)

    def paragraph(self, pid: str) -> Paragraph:
        """The paragraph with id ``pid``."""
        for p in self.paragraphs:
            if p.id == pid:
                return p
        raise KeyError(pid)

    def line_places(self) -> dict[int, tuple[str, str]]:
        """Map each used witness line to ``("heading", section_id)`` or ``("paragraph", id)``."""
        places: dict[int, tuple[str, str]] = {}
        for section in self.sections:
            for line in section.heading_lines:
                places[line] = ("heading", section.id)
            for p in section.paragraphs:
                for line in p.lines:
                    places[line] = ("paragraph", p.id)
        return places


# --------------------------------------------------------------------------- validation


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
                raise _fail(decisions, f"section {section.id}: heading_lines {list(hl)} must be "
                            "consecutive witness lines", section.source_line)
            items.append(_Item(hl[0], hl[-1], f"the heading of section {section.id}",
                               section.source_line, True))
        for p in section.paragraphs:
            items.extend(_Item(a, b, f"paragraph {p.id}", p.source_line, False) for a, b in p.spans)
    return items


def _check_lines(decisions: Decisions, witness: Witness, items: list[_Item]) -> None:
    n = len(witness.lines)
    for item in items:
        if item.first > item.last:
            raise _fail(decisions, f"{item.owner}: span [{item.first}, {item.last}] runs "
                        "backwards", item.source_line)
        if item.first < 1 or item.last > n:
            raise _fail(decisions, f"{item.owner}: span [{item.first}, {item.last}] is out of "
                        f"range (the witness has lines 1 to {n})", item.source_line)
        for line in range(item.first, item.last + 1):
            if witness.is_blank(line):
                raise _fail(decisions, f"{item.owner}: span [{item.first}, {item.last}] takes "
                            f"in blank witness line {line}; split the span", item.source_line)
    ordered = sorted(items, key=lambda i: (i.first, i.last, i.source_line))
    for a, b in itertools.pairwise(ordered):
        if b.first <= a.last:
            if a.is_heading or b.is_heading or (a.first, a.last) == (b.first, b.last):
                raise _fail(decisions, f"witness line {b.first} is used twice: by {a.owner} "
                            f"and by {b.owner}", b.source_line)
            raise _fail(decisions, f"{b.owner}: span [{b.first}, {b.last}] overlaps span "
                        f"[{a.first}, {a.last}] of {a.owner}", b.source_line)
    used = {line for i in items for line in range(i.first, i.last + 1)}
    unused = [k for k in range(1, n + 1) if k not in used and not witness.is_blank(k)]
    if unused:
        raise _fail(decisions, f"witness line {unused[0]} ({witness.path}:{unused[0]}) is not "
                    f"used by any heading or paragraph ({len(unused)} such line(s)); nothing "
                    "may be dropped", None)


def _w_neighbours(witness: Witness, a: int, b: int) -> bool:
    """True if witness line ``b`` follows ``a`` with nothing but blank lines between."""
    return b > a and all(witness.is_blank(k) for k in range(a + 1, b))


def _check_apparatus(decisions: Decisions, witness: Witness, items: list[_Item]) -> None:
    n = len(witness.lines)
    by_type: dict[str, list[ApparatusDecision]] = {}
    for entry in decisions.apparatus:
        for line in entry.lines:
            if not 1 <= line <= n:
                raise _fail(decisions, f"apparatus entry {entry.id}: witness line {line} is out "
                            f"of range (1 to {n})", entry.source_line)
        by_type.setdefault(entry.type, []).append(entry)

    # headings: one entry for each titled section, naming its lines
    sections = {s.id: s for s in decisions.sections}
    headed = set()
    for entry in by_type.get("heading", []):
        section = sections.get(entry.section or "")
        if section is None:
            raise _fail(decisions, f"apparatus entry {entry.id}: unknown section "
                        f"'{entry.section}'", entry.source_line)
        if tuple(entry.lines) != section.heading_lines:
            raise _fail(decisions, f"apparatus entry {entry.id}: lines {list(entry.lines)} are "
                        f"not the heading lines of section {section.id}", entry.source_line)
        headed.add(section.id)
    for section in decisions.sections:
        if section.heading is not None and section.id not in headed:
            raise _fail(decisions, f"section {section.id}: no heading entry in the apparatus "
                        "says where its heading stands", section.source_line)

    # joins within paragraphs, divisions between W-continuous paragraphs
    paragraphs = [p for s in decisions.sections for p in s.paragraphs]
    joins = {(a[1], b[0]): p for p in paragraphs
             for a, b in zip(p.spans, p.spans[1:], strict=False)}
    divisions = {(p.spans[-1][1], q.spans[0][0]): q for p, q in itertools.pairwise(paragraphs)
                 if q.spans[0][0] == p.spans[-1][1] + 1}
    _match(decisions, by_type.get("join", []), joins, "join",
           "is not the meeting of two spans of one paragraph",
           "joins witness lines {a} and {b} but no join entry says why")
    _match(decisions, by_type.get("division", []), divisions, "division",
           "is not a paragraph break between consecutive witness lines",
           "begins at witness line {b}, right after line {a} of the previous paragraph, but no "
           "division entry gives the evidence for the break")

    # transpositions: every change of order is recorded
    starts = {i.first for i in items}
    ends = {i.last for i in items}
    moved: list[tuple[int, int]] = []
    for entry in by_type.get("transposition", []):
        a, b = entry.lines
        if a > b or a not in starts or b not in ends:
            raise _fail(decisions, f"apparatus entry {entry.id}: lines {a}-{b} do not begin and "
                        "end with whole spans", entry.source_line)
        moved.append((a, b))

    def is_moved(first: int, last: int) -> bool:
        return any(a <= first and last <= b for a, b in moved)

    def skeleton_break(stationary: list[_Item]) -> tuple[_Item, _Item] | None:
        """First pair of stationary neighbours that W does not have in this order."""
        for prev, nxt in itertools.pairwise(stationary):
            between = range(prev.last + 1, nxt.first)
            if nxt.first <= prev.last or not all(
                witness.is_blank(k) or is_moved(k, k) for k in between
            ):
                return prev, nxt
        return None

    broken = skeleton_break([i for i in items if not is_moved(i.first, i.last)])
    if broken:
        prev, nxt = broken
        raise _fail(decisions, f"{nxt.owner} puts witness line {nxt.first} after line "
                    f"{prev.last}, which W does not, and no transposition entry records the "
                    "move", nxt.source_line)
    for entry, (a, b) in zip(by_type.get("transposition", []), moved, strict=True):
        others = [(x, y) for x, y in moved if (x, y) != (a, b)]
        stationary = [i for i in items
                      if not any(x <= i.first and i.last <= y for x, y in others)]
        if skeleton_break(stationary) is None:
            raise _fail(decisions, f"apparatus entry {entry.id}: lines {a}-{b} keep their place "
                        "in the order of W; there is no transposition to record",
                        entry.source_line)

    _check_normalisations(decisions, witness, by_type.get("normalisation", []), paragraphs)
    used_lines = {line for p in paragraphs for a, b in p.spans for line in range(a, b + 1)}
    for entry in by_type.get("emendation", []) + by_type.get("sic", []):
        line = entry.lines[0]
        if line not in used_lines:
            raise _fail(decisions, f"apparatus entry {entry.id}: witness line {line} is not in "
                        "a paragraph", entry.source_line)
        text = witness.line(line)
        probe = entry.witness if entry.type == "emendation" else entry.reading
        if text.count(probe or "") != 1:
            raise _fail(decisions, f"apparatus entry {entry.id}: '{probe}' does not occur exactly "
                        f"once in witness line {line}", entry.source_line)


def _match(decisions: Decisions, entries: list[ApparatusDecision],
           required: dict[tuple[int, int], ParagraphDecision], kind: str,
           stray: str, missing: str) -> None:
    found = set()
    for entry in entries:
        key = (entry.lines[0], entry.lines[1])
        if key not in required:
            raise _fail(decisions, f"apparatus entry {entry.id}: {kind} of lines {key[0]}/"
                        f"{key[1]} {stray}", entry.source_line)
        found.add(key)
    for key, p in required.items():
        if key not in found:
            raise _fail(decisions, f"paragraph {p.id} " + missing.format(a=key[0], b=key[1]),
                        p.source_line)


def _check_normalisations(decisions: Decisions, witness: Witness,
                          entries: list[ApparatusDecision],
                          paragraphs: list[ParagraphDecision]) -> None:
    n = len(witness.lines)
    last_lines = {p.spans[-1][1] for p in paragraphs}
    para_lines = {line for p in paragraphs for a, b in p.spans for line in range(a, b + 1)}
    expected = {
        "stray-leading-space": {k for k in range(1, n + 1) if not witness.is_blank(k)
                                and witness.line(k)[:1].isspace()},
        "blank-line": {k for k in range(1, n + 1) if witness.is_blank(k) and witness.line(k)},
        "em-dash-line-end": {k for k in para_lines - last_lines
                             if witness.line(k).rstrip().endswith(EM_DASH)},
    }
    seen = set()
    for entry in entries:
        if entry.rule not in expected:
            raise _fail(decisions, f"apparatus entry {entry.id}: unknown normalisation rule "
                        f"'{entry.rule}' (one of {', '.join(NORMALISATION_RULES)})",
                        entry.source_line)
        want = expected[entry.rule]
        got = set(entry.lines)
        if got != want:
            extra, lacking = sorted(got - want), sorted(want - got)
            detail = f"lists line {extra[0]}, where the rule does not apply" if extra else \
                f"does not list line {lacking[0]}, where the rule applies"
            raise _fail(decisions, f"apparatus entry {entry.id} ({entry.rule}) {detail}",
                        entry.source_line)
        seen.add(entry.rule)
    for rule, want in expected.items():
        if want and rule not in seen:
            raise _fail(decisions, f"no normalisation entry lists the {len(want)} line(s) where "
                        f"the rule '{rule}' applies (first: line {min(want)})", None)


# --------------------------------------------------------------------------- building


_Offsets = tuple[tuple[int, int, int], ...]


def _paragraph_text(witness: Witness, spans: tuple[tuple[int, int], ...],
                    emend: dict[int, tuple[str, str]]) -> tuple[str, _Offsets]:
    parts: list[str] = []
    offsets: list[tuple[int, int, int]] = []
    pos = 0
    lines = [k for a, b in spans for k in range(a, b + 1)]
    for i, line in enumerate(lines):
        piece = witness.line(line).strip()
        if line in emend:
            old, new = emend[line]
            piece = piece.replace(old.strip(), new.strip(), 1)
        if i and not parts[-1].endswith(EM_DASH):
            parts.append(" ")
            pos += 1
        offsets.append((line, pos, pos + len(piece)))
        parts.append(piece)
        pos += len(piece)
    return "".join(parts), tuple(offsets)


def _lines_of(offsets: tuple[tuple[int, int, int], ...], start: int, end: int) -> tuple[int, ...]:
    return tuple(line for line, a, b in offsets if a < end and start < b)


def _iter_anchor_sentences(paragraph: Paragraph, lines: set[int]) -> Iterator[str]:
    for s in paragraph.sentences:
        if lines.intersection(s.lines):
            yield s.id


def build_edition(witness: Witness, decisions: Decisions) -> Edition:
    """Validate ``decisions`` against ``witness`` and establish the reading text.

    Raises :class:`~analysis.errors.DecisionsError` naming the decisions file and
    the entry at fault when a span is out of range or overlaps another, a line is
    used twice or not at all, a section is unknown, a paragraph is empty, or an
    intervention is not recorded in the apparatus.
    """
    items = _reading_items(decisions)
    _check_lines(decisions, witness, items)
    _check_apparatus(decisions, witness, items)

    emend = {e.lines[0]: (e.witness or "", e.reading or "")
             for e in decisions.apparatus if e.type == "emendation"}
    drafts = []
    for section in decisions.sections:
        for p in section.paragraphs:
            text, offsets = _paragraph_text(witness, p.spans, emend)
            drafts.append((section.id, p, text, offsets))
    tokenizer = sentence_tokenizer("\n\n".join(text for _, _, text, _ in drafts))

    paragraphs: dict[str, Paragraph] = {}
    for n, (section_id, p, text, offsets) in enumerate(drafts, start=1):
        sentences = tuple(
            Sentence(id=f"{p.id}.{k}", n=k, paragraph_id=p.id, text=text[a:b], start=a, end=b,
                     lines=_lines_of(offsets, a, b))
            for k, (a, b) in enumerate(sentence_spans(tokenizer, text), start=1)
        )
        paragraphs[p.id] = Paragraph(id=p.id, n=n, section_id=section_id, spans=p.spans,
                                     text=text, line_offsets=offsets, sentences=sentences)
    sections = tuple(
        Section(id=s.id, n=k, heading=s.heading, heading_lines=s.heading_lines,
                paragraphs=tuple(paragraphs[p.id] for p in s.paragraphs))
        for k, s in enumerate(decisions.sections)
    )
    line_paragraph = {line: p for p in paragraphs.values() for line in p.lines}
    heading_section = {line: s.id for s in sections for line in s.heading_lines}

    entries = []
    for n, e in enumerate(decisions.apparatus, start=1):
        lines = range(e.lines[0], e.lines[1] + 1) if e.type == "transposition" else e.lines
        touched = sorted({line_paragraph[k] for k in lines if k in line_paragraph},
                         key=lambda p: p.n)
        section_id = e.section or (touched[0].section_id if touched else
                                   next((heading_section[k] for k in lines
                                         if k in heading_section), None))
        anchor = None
        if touched:
            line = e.lines[1] if e.type in ("join", "division") else e.lines[0]
            if line not in line_paragraph:
                line = next(k for k in lines if k in line_paragraph)
            first = line_paragraph[line]
            offset = first.offset_of_line(line)
            if e.type in ("emendation", "sic"):
                piece = witness.line(line).strip()
                probe = (e.witness if e.type == "emendation" else e.reading) or ""
                offset += piece.find(probe.strip())
            anchor = (first.id, offset)
        point = set(e.lines) if e.type != "transposition" else {e.lines[0]}
        sentence_ids = tuple(sid for p in touched for sid in _iter_anchor_sentences(p, point))
        entries.append(ApparatusEntry(
            id=e.id, n=n, type=e.type, lines=tuple(e.lines), note=e.note,
            paragraph_ids=tuple(p.id for p in touched), sentence_ids=sentence_ids,
            section_id=section_id, anchor=anchor, rule=e.rule, witness=e.witness,
            reading=e.reading,
        ))
    return Edition(witness=witness, decisions=decisions, sections=sections,
                   apparatus=tuple(entries))


def load_edition(decisions_path: str | Path | None = None) -> Edition:
    """Read the decisions file (default ``seeds/decisions.yaml``) and its witness."""
    decisions = load_decisions(decisions_path or paths.DECISIONS)
    witness = load_witness(decisions.witness_path, sha256=decisions.witness_sha256)
    return build_edition(witness, decisions)
