"""Input files: regular, under the size limit, UTF-8; the same refusal for every loader."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sources import expect_error

from analysis.errors import DecisionsError, EditionError, RegisterError, WitnessError
from analysis.text.decisions import load_decisions
from analysis.text.register import load_register
from analysis.text.sourcefile import MAX_BYTES, read_limited
from analysis.text.witness import load_witness

LOADERS: dict[str, tuple[Callable[[Path], Any], type[EditionError], str]] = {
    "witness": (load_witness, WitnessError, "witness"),
    "decisions": (load_decisions, DecisionsError, "decisions file"),
    "register": (load_register, RegisterError, "register file"),
}


def _missing(path: Path) -> Path:
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def _pipe(path: Path) -> Path:
    os.mkfifo(path)  # opened without blocking, so the reader does not wait for a writer
    return path


def _too_large(path: Path) -> Path:
    path.write_bytes(b"#" * (MAX_BYTES + 1))
    return path


def _under_a_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path / "inside"


def _latin1(path: Path) -> Path:
    path.write_bytes("a: 1\nb: Pe\u00f1a\n".encode("latin-1"))
    return path


# Each case: how the bad file is made, the line the error names, the message after the file.
CASES = {
    "missing": (_missing, None, "{what} not found"),
    "a folder": (_folder, None, "the {what} is not a regular file"),
    "a pipe": (_pipe, None, "the {what} is not a regular file"),
    "too large": (_too_large, None, f"the {{what}} is larger than the limit of {MAX_BYTES} bytes"),
    "under a file": (_under_a_file, None, r"cannot read the {what} \(Not a directory\)"),
    "not UTF-8": (_latin1, 2, r"the {what} is not valid UTF-8 \(byte 0xf1 at column 6\)"),
}


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(("make", "line", "message"), CASES.values(), ids=CASES.keys())
def test_a_bad_file_is_refused_in_one_line(
    tmp_path: Path, loader: str, make: Callable[[Path], Path], line: int | None, message: str
) -> None:
    load, error, what = LOADERS[loader]
    path = make(tmp_path / "input")
    expect_error(
        error,
        lambda: load(path),
        path=str(path),
        line=line,
        pattern=message.format(what=what) + "$",
    )


def test_the_limit_is_read_and_no_more(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 10)
    assert read_limited(path, error=EditionError, what="file", limit=10) == b"x" * 10
    with pytest.raises(EditionError, match=r"larger than the limit of 9 bytes$"):
        read_limited(path, error=EditionError, what="file", limit=9)
