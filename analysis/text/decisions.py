"""Read the editorial decisions (``seeds/decisions.yaml``) into plain dataclasses.

This module checks the shape of each entry; :mod:`analysis.text.edition` checks the
decisions against the witness.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analysis.errors import DecisionsError
from analysis.text.yamlsource import load_yaml, read_source

__all__ = [
    "APPARATUS_TYPES",
    "ApparatusDecision",
    "Decisions",
    "ParagraphDecision",
    "SectionDecision",
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
    """One editorial intervention, typed and justified."""

    id: str
    type: str
    lines: tuple[int, ...]
    note: str
    source_line: int
    section: str | None = None
    rule: str | None = None
    witness: str | None = None
    reading: str | None = None


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


class _Reader:
    """Field access that reports the file and line of the entry at fault."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, entry: Any, message: str) -> DecisionsError:
        return DecisionsError(self.path, message, line=getattr(entry, "line", None))

    def get(self, entry: Any, key: str, kind: type | tuple[type, ...], what: str) -> Any:
        if not isinstance(entry, dict):
            raise self.fail(entry, f"{what} must be a mapping")
        if key not in entry:
            raise self.fail(entry, f"{what} has no '{key}'")
        value = entry[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            raise self.fail(entry, f"{what}: '{key}' must be {_kind_name(kind)}")
        return value

    def line_numbers(self, entry: Any, value: Any, what: str) -> tuple[int, ...]:
        if not isinstance(value, list) or not all(
            isinstance(n, int) and not isinstance(n, bool) for n in value
        ):
            raise self.fail(entry, f"{what}: line numbers must be a list of whole numbers")
        return tuple(value)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {str: "text", int: "a whole number", list: "a list", dict: "a mapping"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _paragraph(r: _Reader, entry: Any, section_id: str) -> ParagraphDecision:
    pid = r.get(entry, "id", str, f"a paragraph of section {section_id}")
    spans_raw = r.get(entry, "spans", list, f"paragraph {pid}")
    if not spans_raw:
        raise r.fail(entry, f"paragraph {pid} is empty: it has no spans of witness lines")
    spans = []
    for span in spans_raw:
        pair = r.line_numbers(entry, span, f"paragraph {pid}")
        if len(pair) != 2:
            raise r.fail(entry, f"paragraph {pid}: span {list(pair)} must be [first, last]")
        spans.append((pair[0], pair[1]))
    return ParagraphDecision(id=pid, spans=tuple(spans), source_line=entry.line)


def _section(r: _Reader, entry: Any) -> SectionDecision:
    sid = r.get(entry, "id", str, "a section")
    heading = entry.get("heading") if isinstance(entry, dict) else None
    if heading is not None and not isinstance(heading, str):
        raise r.fail(entry, f"section {sid}: 'heading' must be text or null")
    heading_lines = r.line_numbers(entry, entry.get("heading_lines", []), f"section {sid}")
    if (heading is None) != (not heading_lines):
        raise r.fail(entry, f"section {sid}: a heading needs heading_lines, and only a heading")
    paragraphs = r.get(entry, "paragraphs", list, f"section {sid}")
    if not paragraphs:
        raise r.fail(entry, f"section {sid} has no paragraphs")
    return SectionDecision(
        id=sid,
        heading=heading,
        heading_lines=heading_lines,
        paragraphs=tuple(_paragraph(r, p, sid) for p in paragraphs),
        source_line=entry.line,
    )


def _apparatus(r: _Reader, entry: Any) -> ApparatusDecision:
    aid = r.get(entry, "id", str, "an apparatus entry")
    kind = r.get(entry, "type", str, f"apparatus entry {aid}")
    if kind not in APPARATUS_TYPES:
        raise r.fail(
            entry,
            f"apparatus entry {aid}: unknown type '{kind}' (one of {', '.join(APPARATUS_TYPES)})",
        )
    lines = r.line_numbers(entry, r.get(entry, "lines", list, f"apparatus entry {aid}"), aid)
    if not lines:
        raise r.fail(entry, f"apparatus entry {aid} names no witness line")
    note = r.get(entry, "note", str, f"apparatus entry {aid}").strip()
    if not note:
        raise r.fail(entry, f"apparatus entry {aid} gives no reason in its note")
    optional: dict[str, str | None] = {}
    for key in ("section", "rule", "witness", "reading"):
        value = entry.get(key)
        if value is not None and not isinstance(value, str):
            raise r.fail(entry, f"apparatus entry {aid}: '{key}' must be text")
        optional[key] = value
    required = {
        "join": 2,
        "division": 2,
        "transposition": 2,
        "emendation": 1,
        "sic": 1,
    }
    if kind in required and len(lines) != required[kind]:
        raise r.fail(entry, f"apparatus entry {aid}: a {kind} names {required[kind]} line(s)")
    needs = {
        "heading": ("section",),
        "normalisation": ("rule",),
        "emendation": ("witness", "reading"),
        "sic": ("reading",),
    }
    for key in needs.get(kind, ()):
        if optional[key] is None:
            raise r.fail(entry, f"apparatus entry {aid}: a {kind} needs '{key}'")
    return ApparatusDecision(
        id=aid,
        type=kind,
        lines=lines,
        note=" ".join(note.split()),
        source_line=entry.line,
        **optional,
    )


def parse_decisions(text: str, *, path: str) -> Decisions:
    """Parse the decisions YAML text; ``path`` names the file in errors.

    The witness path in the file is resolved relative to the file's folder.
    """
    r = _Reader(path)
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise DecisionsError(path, problem, line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise DecisionsError(path, "the decisions file must be a YAML mapping", line=1)
    witness = r.get(data, "witness", dict, "the decisions file")
    sections = tuple(_section(r, s) for s in r.get(data, "sections", list, "the decisions file"))
    entries = r.get(data, "apparatus", list, "the decisions file")
    apparatus = tuple(_apparatus(r, a) for a in entries)
    seen: dict[str, int] = {}
    for item in (*sections, *(p for s in sections for p in s.paragraphs), *apparatus):
        if item.id in seen:
            raise DecisionsError(
                path,
                f"id '{item.id}' is used twice (first at line {seen[item.id]})",
                line=item.source_line,
            )
        seen[item.id] = item.source_line
    return Decisions(
        path=path,
        witness_path=str(Path(path).parent / r.get(witness, "path", str, "witness")),
        witness_sha256=r.get(witness, "sha256", str, "witness"),
        siglum=str(witness.get("siglum", "W")),
        witness_description=" ".join(str(witness.get("description", "")).split()),
        sections=sections,
        apparatus=apparatus,
        work=dict(data.get("work") or {}),
        edition=dict(data.get("edition") or {}),
        rules={k: " ".join(str(v).split()) for k, v in (data.get("rules") or {}).items()},
    )


def load_decisions(path: str | Path) -> Decisions:
    """Read the decisions file at ``path``."""
    path = Path(path)
    text = read_source(path, error=DecisionsError, what="decisions file")
    return parse_decisions(text, path=str(path))
