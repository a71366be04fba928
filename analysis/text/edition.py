"""Establish the reading text from the witness and the editorial decisions.

:func:`build_edition` is pure: it takes a :class:`~analysis.text.witness.Witness` and
:class:`~analysis.text.decisions.Decisions`, validates the one against the other and
returns an :class:`Edition`. :func:`load_edition` reads both from disk.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

from analysis import paths
from analysis.text.decisions import ApparatusDecision, Decisions, load_decisions
from analysis.text.sentences import sentence_spans, sentence_tokenizer
from analysis.text.validation import EM_DASH, validate
from analysis.text.witness import Witness, load_witness

__all__ = [
    "ApparatusEntry",
    "Edition",
    "Paragraph",
    "Section",
    "Sentence",
    "build_edition",
    "join_lines",
    "load_edition",
    "split_sentences",
]


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


# --------------------------------------------------------------------------- building


_Offsets = tuple[tuple[int, int, int], ...]


def join_lines(
    witness: Witness, lines: Iterable[int], *, emend: Mapping[int, tuple[str, str]] | None = None
) -> tuple[str, _Offsets]:
    """Join witness ``lines`` into one text by the edition's rule; say where each line went.

    Each line loses its surrounding spaces; lines are joined with a space, or
    with none after a line that ends in an em dash. ``emend`` maps a line to
    ``(witness reading, reading)`` to replace once in it. Returns the text and,
    for each line, ``(line, start, end)`` offsets in it.

    >>> from analysis.text.witness import parse_witness
    >>> w = parse_witness(" one\u2014 two three.".replace(" ", "\\n").encode(), path="w")
    >>> join_lines(w, [2, 3, 4])
    ('one\u2014two three.', ((2, 0, 4), (3, 4, 7), (4, 8, 14)))
    """
    emend = emend or {}
    parts: list[str] = []
    offsets: list[tuple[int, int, int]] = []
    pos = 0
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


def split_sentences(
    tokenizer: PunktSentenceTokenizer, paragraph_id: str, text: str, offsets: _Offsets
) -> tuple[Sentence, ...]:
    """Split a paragraph's ``text`` into sentences ``<paragraph_id>.1``, ``.2`` ..., with lines."""
    return tuple(
        Sentence(
            id=f"{paragraph_id}.{k}",
            n=k,
            paragraph_id=paragraph_id,
            text=text[a:b],
            start=a,
            end=b,
            lines=tuple(line for line, s, e in offsets if s < b and a < e),
        )
        for k, (a, b) in enumerate(sentence_spans(tokenizer, text), start=1)
    )


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
    validate(decisions, witness)
    paragraphs = _paragraphs(witness, decisions)
    sections = tuple(
        Section(
            id=s.id,
            n=k,
            heading=s.heading,
            heading_lines=s.heading_lines,
            paragraphs=tuple(paragraphs[p.id] for p in s.paragraphs),
        )
        for k, s in enumerate(decisions.sections, start=1)
    )
    places = _Places(
        paragraph={line: p for p in paragraphs.values() for line in p.lines},
        heading={line: s.id for s in sections for line in s.heading_lines},
    )
    ordered = sorted(
        decisions.apparatus,
        key=lambda e: _reading_place(e, witness=witness, sections=sections, places=places),
    )
    entries = tuple(_apparatus_entry(e, n, witness, places) for n, e in enumerate(ordered, start=1))
    return Edition(witness=witness, decisions=decisions, sections=sections, apparatus=entries)


#: The order of the entries marked at one place of the reading text.
_AT_ONE_PLACE = ("division", "join", "transposition", "emendation", "sic")


def _reading_place(
    e: ApparatusDecision, *, witness: Witness, sections: tuple[Section, ...], places: _Places
) -> tuple[int, int, int, tuple[int, ...]]:
    """Where a reader meets an entry's mark: the key that numbers the apparatus.

    A heading entry stands at its heading, before the section's first paragraph;
    an entry marked in a paragraph stands at its mark (paragraph, offset); a
    normalisation, a rule applied throughout and marked on the witness page
    only, comes after every marked entry. Entries marked at one place follow
    :data:`_AT_ONE_PLACE` (a join before the transposition that brings the
    sentence's end), then their witness lines: never the order of the file.
    """
    last = sum(len(s.paragraphs) for s in sections) + 1
    if e.type == "heading":
        section = next(s for s in sections if s.id == e.section)
        return (section.paragraphs[0].n, -1, 0, e.lines)
    lines = range(e.lines[0], e.lines[1] + 1) if e.type == "transposition" else e.lines
    if e.type == "normalisation" or not any(k in places.paragraph for k in lines):
        return (last, 0, 0, e.lines)
    paragraph_id, offset = _anchor(e, lines, witness, places)
    number = next(p.n for p in places.paragraph.values() if p.id == paragraph_id)
    return (number, offset, _AT_ONE_PLACE.index(e.type), e.lines)


def _paragraphs(witness: Witness, decisions: Decisions) -> dict[str, Paragraph]:
    """The paragraphs of the reading text, by id: their lines joined, emended, split.

    Punkt is trained on the whole reading text, so sentences are split after
    every paragraph is joined.
    """
    emend = {
        e.lines[0]: (e.witness or "", e.reading or "")
        for e in decisions.apparatus
        if e.type == "emendation"
    }
    drafts = []
    for section in decisions.sections:
        for p in section.paragraphs:
            lines = [k for a, b in p.spans for k in range(a, b + 1)]
            text, offsets = join_lines(witness, lines, emend=emend)
            drafts.append((section.id, p, text, offsets))
    tokenizer = sentence_tokenizer("\n\n".join(text for _, _, text, _ in drafts))
    return {
        p.id: Paragraph(
            id=p.id,
            n=n,
            section_id=section_id,
            spans=p.spans,
            text=text,
            line_offsets=offsets,
            sentences=split_sentences(tokenizer, p.id, text, offsets),
        )
        for n, (section_id, p, text, offsets) in enumerate(drafts, start=1)
    }


@dataclass(frozen=True)
class _Places:
    """Where witness lines stand in the reading text: in a paragraph, or in a heading."""

    paragraph: Mapping[int, Paragraph]
    heading: Mapping[int, str]


def _apparatus_entry(
    e: ApparatusDecision, n: int, witness: Witness, places: _Places
) -> ApparatusEntry:
    """Apparatus entry ``n`` (``a<n>``) located in the reading text and the witness."""
    lines = range(e.lines[0], e.lines[1] + 1) if e.type == "transposition" else e.lines
    touched = sorted(
        {places.paragraph[k] for k in lines if k in places.paragraph}, key=lambda p: p.n
    )
    section_id = e.section or (
        touched[0].section_id
        if touched
        else next((places.heading[k] for k in lines if k in places.heading), None)
    )
    point = set(e.lines) if e.type != "transposition" else {e.lines[0]}
    return ApparatusEntry(
        id=f"a{n}",
        n=n,
        type=e.type,
        lines=tuple(e.lines),
        note=e.note,
        paragraph_ids=tuple(p.id for p in touched),
        sentence_ids=tuple(sid for p in touched for sid in _iter_anchor_sentences(p, point)),
        section_id=section_id,
        anchor=_anchor(e, lines, witness, places) if touched else None,
        rule=e.rule,
        witness=e.witness,
        reading=e.reading,
    )


def _anchor(
    e: ApparatusDecision, lines: Iterable[int], witness: Witness, places: _Places
) -> tuple[str, int]:
    """Where an entry's mark stands: a paragraph and a character offset in it.

    A join or division is marked where its second line begins, any other entry
    where its first line does; an emendation or a *sic* at its reading.
    """
    line = e.lines[1] if e.type in ("join", "division") else e.lines[0]
    if line not in places.paragraph:
        line = next(k for k in lines if k in places.paragraph)
    paragraph = places.paragraph[line]
    offset = paragraph.offset_of_line(line)
    if e.type in ("emendation", "sic"):
        piece = witness.line(line).strip()
        probe = (e.witness if e.type == "emendation" else e.reading) or ""
        offset += piece.find(probe.strip())
    return paragraph.id, offset


def load_edition(decisions_path: str | Path | None = None) -> Edition:
    """Read the decisions file (default ``seeds/decisions.yaml``) and its witness."""
    decisions = load_decisions(decisions_path or paths.DECISIONS)
    witness = load_witness(
        decisions.witness_path,
        sha256=decisions.witness_sha256,
        folder=Path(decisions.path).parent,
    )
    return build_edition(witness, decisions)
