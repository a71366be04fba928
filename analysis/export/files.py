"""Write the edition and its analyses to files for readers and other tools.

The only module besides the loaders that touches the file system. Every file is
computed in memory first (:func:`export_files`); only then is the set written,
into a new folder beside the output folder, which is then swapped in place in
one step (:func:`write_files`): a reader of the output folder sees the
complete set of one run, never a partial set or files of two runs, and an
error leaves the folder as it was.
Output is byte-for-byte deterministic: rows are sorted by the analysis modules
with explicit tie-breakers, and every float is written with
:data:`FLOAT_DIGITS` significant digits.

:mod:`analysis.export.dictionary` describes every file and every column.
"""

from __future__ import annotations

import csv
import ctypes
import errno
import fcntl
import io
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.errors import ExportError
from analysis.export.tei import tei_text
from analysis.measures.comentions import WINDOWS, comentions
from analysis.measures.mentions import actor_table, find_mentions
from analysis.measures.network import comention_graph, network_measures
from analysis.measures.statistics import section_statistics
from analysis.measures.summaries import summaries_record, summarize
from analysis.measures.terms import keyness, term_frequencies, tfidf_by_section
from analysis.text.edition import ApparatusEntry, Edition
from analysis.text.register import Register, load_register

__all__ = [
    "APPARATUS_COLUMNS",
    "FILES",
    "FLOAT_DIGITS",
    "Sources",
    "apparatus_rows",
    "edition_record",
    "export_edition",
    "export_files",
    "write_files",
]

#: Significant digits of every float in the exported files.
FLOAT_DIGITS = 6
_FLOAT_FORMAT = f"%.{FLOAT_DIGITS}g"

APPARATUS_COLUMNS = (
    "id",
    "n",
    "type",
    "witness_lines",
    "paragraphs",
    "sentences",
    "section",
    "lemma",
    "witness_reading",
    "rule",
    "note",
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
        "anchor": (
            {"paragraph": entry.anchor[0], "offset": entry.anchor[1]} if entry.anchor else None
        ),
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
                            {
                                "id": t.id,
                                "n": t.n,
                                "text": t.text,
                                "start": t.start,
                                "end": t.end,
                                "lines": list(t.lines),
                            }
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
        rows.append(
            {
                "id": e.id,
                "n": e.n,
                "type": e.type,
                "witness_lines": (
                    f"{e.lines[0]}-{e.lines[1]}"
                    if e.type == "transposition"
                    else ";".join(str(k) for k in e.lines)
                ),
                "paragraphs": ";".join(e.paragraph_ids),
                "sentences": ";".join(e.sentence_ids),
                "section": e.section_id or "",
                "lemma": e.reading or "",
                "witness_reading": e.witness or "",
                "rule": e.rule or "",
                "note": e.note,
            }
        )
    return rows


class Sources:
    """The inputs of the export and the tables computed from them, each computed once."""

    def __init__(self, edition: Edition, register: Register) -> None:
        self.edition = edition
        self.register = register

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """Every mention of an actor (:func:`analysis.measures.mentions.find_mentions`)."""
        return find_mentions(self.edition, self.register)

    @cached_property
    def actors(self) -> pd.DataFrame:
        """One row per actor of the register (:func:`analysis.measures.mentions.actor_table`)."""
        return actor_table(self.edition, self.register, self.mentions)

    @cached_property
    def comentions(self) -> dict[str, pd.DataFrame]:
        """The co-mention table of each window, by window."""
        return {
            w: comentions(self.mentions, window=w, edition=self.edition)  # type: ignore[arg-type]
            for w in WINDOWS
        }


def _json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, allow_nan=False) + "\n"


def _csv_text(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _frame_text(frame: pd.DataFrame) -> str:
    """A table as CSV: UTF-8, ``\\n`` line ends, floats to :data:`FLOAT_DIGITS` digits."""
    return frame.to_csv(index=False, lineterminator="\n", float_format=_FLOAT_FORMAT)


def _actors_frame(src: Sources) -> pd.DataFrame:
    aliases = {a.id: ";".join(a.aliases) for a in src.register}
    patterns = {a.id: json.dumps(list(a.patterns), ensure_ascii=False) for a in src.register}
    frame = src.actors.copy()
    frame.insert(3, "aliases", frame["id"].map(aliases))
    frame.insert(4, "patterns", frame["id"].map(patterns))
    return frame


def _comentions_frame(src: Sources) -> pd.DataFrame:
    frame = pd.concat([src.comentions[w] for w in WINDOWS], ignore_index=True)
    frame["evidence"] = frame["evidence"].map(";".join)
    return frame


def _network_frame(src: Sources) -> pd.DataFrame:
    """Network measures per window, of all co-mentioned pairs and of the associated pairs."""
    frames = []
    for w in WINDOWS:
        for edges in ("all", "associated"):
            graph = comention_graph(
                src.actors, src.comentions[w], weight="count", associated_only=edges != "all"
            )
            frame = network_measures(graph)
            frame.insert(0, "window", w)
            frame.insert(1, "edges", edges)
            frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def _summaries(src: Sources) -> dict[str, Any]:
    """The content of ``summaries.json`` (:func:`analysis.measures.summaries.summaries_record`)."""
    statistics = section_statistics(
        src.edition, mentions=src.mentions, keyness=keyness(src.edition)
    )
    return summaries_record(src.edition, summarize(src.edition), statistics)


#: Every export file, by name: how its text is made from the sources.
FILES: dict[str, Callable[[Sources], str]] = {
    "edition.json": lambda src: _json_text(edition_record(src.edition)),
    "edition.xml": lambda src: tei_text(src.edition, src.register, src.mentions),
    "apparatus.csv": lambda src: _csv_text(apparatus_rows(src.edition), APPARATUS_COLUMNS),
    "terms.csv": lambda src: _frame_text(term_frequencies(src.edition)),
    "keyness.csv": lambda src: _frame_text(
        keyness(src.edition).rename(columns={"log_ratio": "effect"})
    ),
    "tfidf.csv": lambda src: _frame_text(tfidf_by_section(src.edition)),
    "actors.csv": lambda src: _frame_text(_actors_frame(src)),
    "mentions.csv": lambda src: _frame_text(src.mentions),
    "comentions.csv": lambda src: _frame_text(_comentions_frame(src)),
    "network.csv": lambda src: _frame_text(_network_frame(src)),
    "summaries.json": lambda src: _json_text(_summaries(src)),
}


def export_files(edition: Edition, register: Register) -> dict[str, str]:
    """Compute the text of every export file, by name, in the order of :data:`FILES`."""
    src = Sources(edition, register)
    return {name: make(src) for name, make in FILES.items()}


#: ``renameat2`` arguments: the current folder, and "exchange the two paths".
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _refuse_foreign(out: Path, names: Collection[str]) -> None:
    """Refuse an output path that is not a new folder, an empty one or an earlier export."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise ExportError(str(out), "the output path exists and is not a folder")
    if not out.exists():
        return
    for entry in sorted(os.scandir(out), key=lambda e: e.name):
        if entry.name not in names or not entry.is_file(follow_symlinks=False):
            raise ExportError(
                str(out),
                f"the output folder holds '{entry.name}', which the export does not write: "
                "name a new or empty folder, or one an earlier export wrote",
            )


def _exchange(a: Path, b: Path) -> bool:
    """Swap the folders ``a`` and ``b`` in one step (Linux ``renameat2``); False if unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p] * 2 + [ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _put_in_place(staging: Path, out: Path) -> None:
    """Make the folder ``staging`` the folder ``out``; ``staging`` then holds any earlier set."""
    if not out.exists():
        os.rename(staging, out)
    elif not _exchange(staging, out):
        # No atomic exchange here: ``out`` is missing for a moment, never partial or mixed.
        aside = staging.with_suffix(".old")
        os.rename(out, aside)
        os.rename(staging, out)
        os.rename(aside, staging)


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (so that concurrent exports swap one at a time)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def write_files(out: str | Path, files: Mapping[str, str]) -> list[Path]:
    """Write ``{name: text}`` as the whole content of folder ``out``; return the paths written.

    All texts are computed before this is called. They are written into a new
    folder beside ``out``, which then takes the place of ``out`` in one step
    (under a lock on the parent folder, so that concurrent exports leave the
    set of one of them). ``out`` must be new, empty, or hold only files of
    ``files`` (an earlier export): anything else raises
    :class:`~analysis.errors.ExportError`, as does an empty name.
    """
    if not str(out).strip():
        raise ExportError(str(out), "the output folder must be named, not empty")
    out = Path(out).absolute()
    _refuse_foreign(out, files)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".new"))
    try:
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8", newline="")
        with _locked(out.parent):
            _refuse_foreign(out, files)
            _put_in_place(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out / name for name in files]


def export_edition(
    edition: Edition, out: str | Path, *, register: Register | None = None
) -> list[Path]:
    """Compute every export file of ``edition`` and write them into ``out``.

    ``register`` defaults to the register of actors in ``seeds/actors.yaml``.
    """
    files = export_files(edition, register if register is not None else load_register())
    return write_files(out, files)
