"""Write the edition and its analyses to files for readers and other tools.

The only module besides the loaders that touches the file system. Every file is
written to a temporary name in the output folder and renamed into place once
complete, so an error never leaves a half-written file behind, and output is
byte-for-byte deterministic.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .edition import ApparatusEntry, Edition

__all__ = [
    "APPARATUS_COLUMNS",
    "apparatus_rows",
    "edition_record",
    "export_edition",
    "write_files",
]

APPARATUS_COLUMNS = (
    "id", "n", "type", "witness_lines", "paragraphs", "sentences", "section",
    "lemma", "witness_reading", "rule", "note",
)


def _entry_record(entry: ApparatusEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "n": entry.n,
        "type": entry.type,
        "lines": list(entry.lines),
        "witness_lines": list(entry.witness_lines),
        "paragraphs": list(entry.paragraph_ids),
        "sentences": list(entry.sentence_ids),
        "section": entry.section_id,
        "anchor": ({"paragraph": entry.anchor[0], "offset": entry.anchor[1]}
                   if entry.anchor else None),
        "lemma": entry.reading,
        "witness_reading": entry.witness,
        "rule": entry.rule,
        "note": entry.note,
    }


def edition_record(edition: Edition) -> dict[str, Any]:
    """Return the edition as JSON-ready data (the content of ``edition.json``)."""
    d = edition.decisions
    return {
        "work": d.work,
        "edition": d.edition,
        "witness": {
            "siglum": d.siglum,
            "path": Path(edition.witness.path).name,
            "sha256": edition.witness.sha256,
            "lines": len(edition.witness.lines),
            "description": d.witness_description,
        },
        "rules": d.rules,
        "sections": [
            {
                "id": s.id,
                "n": s.n,
                "heading": s.heading,
                "heading_lines": list(s.heading_lines),
                "paragraphs": [
                    {
                        "id": p.id,
                        "n": p.n,
                        "spans": [list(span) for span in p.spans],
                        "text": p.text,
                        "sentences": [
                            {"id": t.id, "n": t.n, "text": t.text, "start": t.start,
                             "end": t.end, "lines": list(t.lines)}
                            for t in p.sentences
                        ],
                    }
                    for p in s.paragraphs
                ],
            }
            for s in edition.sections
        ],
        "apparatus": [_entry_record(e) for e in edition.apparatus],
    }


def apparatus_rows(edition: Edition) -> list[dict[str, Any]]:
    """Return one flat row per apparatus entry, with the columns of ``apparatus.csv``."""
    rows = []
    for e in edition.apparatus:
        rows.append({
            "id": e.id,
            "n": e.n,
            "type": e.type,
            "witness_lines": (f"{e.lines[0]}-{e.lines[1]}" if e.type == "transposition"
                              else ";".join(str(k) for k in e.lines)),
            "paragraphs": ";".join(e.paragraph_ids),
            "sentences": ";".join(e.sentence_ids),
            "section": e.section_id or "",
            "lemma": e.reading or "",
            "witness_reading": e.witness or "",
            "rule": e.rule or "",
            "note": e.note,
        })
    return rows


def _json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _csv_text(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_files(out: str | Path, files: Mapping[str, str]) -> list[Path]:
    """Write ``{name: text}`` into folder ``out`` atomically; return the paths written.

    All texts are computed before this is called; each file goes to a temporary
    name first and is renamed into place, so a failure leaves no partial file.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            os.replace(tmp, out / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(out / name)
    return written


#: Files computed from the edition, by name; analyses add theirs in
#: :func:`analysis_files`.
EDITION_FILES: dict[str, Callable[[Edition], str]] = {
    "edition.json": lambda ed: _json_text(edition_record(ed)),
    "apparatus.csv": lambda ed: _csv_text(apparatus_rows(ed), APPARATUS_COLUMNS),
}


def export_edition(edition: Edition, out: str | Path) -> list[Path]:
    """Compute every export file of ``edition`` and write them into ``out``."""
    files = {name: make(edition) for name, make in EDITION_FILES.items()}
    return write_files(out, files)
