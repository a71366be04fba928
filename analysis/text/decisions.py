"""Read the editorial decisions (``seeds/decisions.yaml``) into plain dataclasses.

The shape of the file is declared as data (:data:`SCHEMA`) and checked by
:mod:`analysis.text.yamlsource`; this module adds the rules that tie fields
together (a heading and its lines, the lines and fields each apparatus type
needs, paragraph and section ids used once, a witness path inside the file's folder);
:mod:`analysis.text.validation` checks the decisions against the witness.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.errors import DecisionsError
from analysis.text.yamlsource import (
    Either,
    LineDict,
    ListOf,
    MapOf,
    Number,
    Record,
    Text,
    Whole,
    parse_source,
    read_source,
)

__all__ = [
    "APPARATUS_TYPES",
    "FIELDS_BY_TYPE",
    "LINES_BY_TYPE",
    "SCHEMA",
    "ApparatusDecision",
    "Decisions",
    "ParagraphDecision",
    "SectionDecision",
    "entry_label",
    "load_decisions",
    "parse_decisions",
]

APPARATUS_TYPES = (
    "transposition",
    "join",
    "division",
    "heading",
    "normalisation",
    "emendation",
    "sic",
)


@dataclass(frozen=True)
class ParagraphDecision:
    """A paragraph as ordered spans ``(first, last)`` of witness lines."""

    id: str
    spans: tuple[tuple[int, int], ...]
    source_line: int


@dataclass(frozen=True)
class SectionDecision:
    """A section: its heading (``None`` for the untitled opening) and paragraphs."""

    id: str
    heading: str | None
    heading_lines: tuple[int, ...]
    paragraphs: tuple[ParagraphDecision, ...]
    source_line: int


@dataclass(frozen=True)
class ApparatusDecision:
    """One editorial intervention, typed and justified.

    Entries have no id in the file: the edition numbers them in reading order
    (:func:`analysis.text.edition.build_edition`). Errors name an entry by its
    :attr:`label`, with its line in the file.
    """

    type: str
    lines: tuple[int, ...]
    note: str
    source_line: int
    section: str | None = None
    rule: str | None = None
    witness: str | None = None
    reading: str | None = None

    @property
    def label(self) -> str:
        """How errors name the entry: its type and witness lines (``join 20/22``, ``sic 445``)."""
        return entry_label(self.type, self.lines, rule=self.rule)


def entry_label(kind: str, lines: tuple[int, ...], *, rule: str | None = None) -> str:
    """An apparatus entry named by its type and witness lines, or its rule.

    >>> entry_label("transposition", (53, 71)), entry_label("normalisation", (1, 40), rule="x")
    ('transposition 53-71', 'normalisation x')
    """
    if kind == "normalisation" and rule:
        return f"normalisation {rule}"
    sep = {"join": "/", "division": "/", "transposition": "-"}.get(kind, ", ")
    return f"{kind} {sep.join(str(k) for k in lines)}"


@dataclass(frozen=True)
class Decisions:
    """Everything the editor decided, with the file it came from."""

    path: str
    witness_path: str
    witness_sha256: str
    siglum: str
    sections: tuple[SectionDecision, ...]
    apparatus: tuple[ApparatusDecision, ...]
    work: dict[str, Any] = field(default_factory=dict)
    edition: dict[str, Any] = field(default_factory=dict)
    rules: dict[str, str] = field(default_factory=dict)
    witness_description: str = ""


_SPAN = ListOf(Whole(), min_items=2, max_items=2)

#: The schema of the decisions file: one line per field (see :mod:`analysis.text.yamlsource`).
SCHEMA = Record(
    required={
        "witness": Record(
            required={
                "path": Text(),
                "sha256": Text(pattern=r"[0-9a-fA-F]{64}", means="64 hexadecimal digits"),
            },
            optional={"siglum": Text(), "description": Text()},
        ),
        "sections": ListOf(
            Record(
                required={
                    "id": Text(),
                    "paragraphs": ListOf(
                        Record(
                            required={"id": Text(), "spans": ListOf(_SPAN, min_items=1)},
                            label="paragraph",
                        ),
                        min_items=1,
                    ),
                },
                optional={"heading": Text(nullable=True), "heading_lines": ListOf(Whole())},
                label="section",
            ),
            min_items=1,
        ),
        "apparatus": ListOf(
            Record(
                required={
                    "type": Text(choices=APPARATUS_TYPES),
                    "lines": ListOf(Whole(), min_items=1),
                    "note": Text(),
                },
                optional={
                    "section": Text(),
                    "rule": Text(),
                    "witness": Text(),
                    "reading": Text(),
                    "score": Number(),  # of a proposed join or transposition (reorder)
                },
                label="apparatus entry",
            )
        ),
    },
    optional={
        "work": Record(
            optional={
                "author": Text(),
                "title": Text(),
                "publisher": Text(),
                "place": Text(),
                "date": Either((Text(), Whole())),
                "year": Whole(),
                "url": Text(),  # the address of the original publication
            }
        ),
        "edition": Record(
            optional={"title": Text(), "editors": Text(), "version": Text(), "date": Text()}
        ),
        "rules": MapOf(Text()),
    },
)

#: How many witness lines an apparatus entry of each type names (others: any number).
LINES_BY_TYPE = {"join": 2, "division": 2, "transposition": 2, "emendation": 1, "sic": 1}
#: The optional fields an apparatus entry of each type must give.
FIELDS_BY_TYPE = {
    "heading": ("section",),
    "normalisation": ("rule",),
    "emendation": ("witness", "reading"),
    "sic": ("reading",),
}
#: The optional text fields of an apparatus entry.
_OPTIONAL = ("section", "rule", "witness", "reading")


def _fold(text: str) -> str:
    """Text with every run of white space made one space."""
    return " ".join(text.split())


def _paragraph(entry: LineDict) -> ParagraphDecision:
    spans = tuple((first, last) for first, last in entry["spans"])
    return ParagraphDecision(id=str(entry["id"]), spans=spans, source_line=entry.line)


def _section(entry: LineDict, *, path: str) -> SectionDecision:
    heading = entry.get("heading")
    heading_lines = tuple(entry.get("heading_lines", ()))
    if (heading is None) != (not heading_lines):
        raise DecisionsError(
            path,
            f"section {entry['id']}: a heading needs heading_lines, and only a heading",
            line=entry.line,
        )
    return SectionDecision(
        id=str(entry["id"]),
        heading=None if heading is None else str(heading),
        heading_lines=heading_lines,
        paragraphs=tuple(_paragraph(p) for p in entry["paragraphs"]),
        source_line=entry.line,
    )


def _apparatus(entry: LineDict, *, path: str) -> ApparatusDecision:
    kind, lines = str(entry["type"]), tuple(entry["lines"])
    label = entry_label(kind, lines, rule=None if entry.get("rule") is None else str(entry["rule"]))
    if kind in LINES_BY_TYPE and len(lines) != LINES_BY_TYPE[kind]:
        raise DecisionsError(
            path,
            f"apparatus entry {label}: a {kind} names {LINES_BY_TYPE[kind]} line(s)",
            line=entry.line,
        )
    for key in FIELDS_BY_TYPE.get(kind, ()):
        if key not in entry:
            raise DecisionsError(
                path, f"apparatus entry {label}: a {kind} needs '{key}'", line=entry.line
            )
    optional = {k: None if entry.get(k) is None else str(entry[k]) for k in _OPTIONAL}
    return ApparatusDecision(
        type=kind,
        lines=lines,
        note=_fold(entry["note"]),
        source_line=entry.line,
        **optional,
    )


def _witness_path(witness: LineDict, *, path: str) -> str:
    """The witness path, relative to the decisions file's folder and not climbing out of it."""
    relative = witness["path"]
    if Path(relative).is_absolute() or ".." in Path(relative).parts:
        raise DecisionsError(
            path,
            f"witness.path: '{relative}' must be a path inside the folder of the decisions "
            "file, relative to it",
            line=relative.line,
        )
    return str(Path(path).parent / relative)


def _check_ids(path: str, items: tuple[Any, ...]) -> None:
    seen: dict[str, int] = {}
    for item in items:
        if item.id in seen:
            raise DecisionsError(
                path,
                f"id '{item.id}' is used twice (first at line {seen[item.id]})",
                line=item.source_line,
            )
        seen[item.id] = item.source_line


def parse_decisions(text: str, *, path: str) -> Decisions:
    """Parse the decisions YAML text against :data:`SCHEMA`; ``path`` names the file in errors.

    The witness path in the file is resolved relative to the file's folder.
    """
    data = parse_source(text, schema=SCHEMA, path=path, error=DecisionsError)
    sections = tuple(_section(s, path=path) for s in data["sections"])
    apparatus = tuple(_apparatus(a, path=path) for a in data["apparatus"])
    _check_ids(path, (*sections, *(p for s in sections for p in s.paragraphs)))
    witness = data["witness"]
    return Decisions(
        path=path,
        witness_path=_witness_path(witness, path=path),
        witness_sha256=str(witness["sha256"]),
        siglum=str(witness.get("siglum", "W")),
        witness_description=_fold(witness.get("description", "")),
        sections=sections,
        apparatus=apparatus,
        work=_plain(data.get("work", {})),
        edition=_plain(data.get("edition", {})),
        rules={str(k): _fold(v) for k, v in data.get("rules", {}).items()},
    )


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    """A record's values as plain ``str`` and ``int``."""
    return {str(k): v if isinstance(v, int) else str(v) for k, v in record.items()}


def load_decisions(path: str | Path) -> Decisions:
    """Read the decisions file at ``path`` (at most 1 MiB of UTF-8)."""
    path = Path(path)
    return parse_decisions(
        read_source(path, error=DecisionsError, what="decisions file"), path=str(path)
    )
