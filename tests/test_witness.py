"""The witness loader: checksum, encoding, presence."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from analysis import paths
from analysis.errors import WitnessError
from analysis.text.witness import load_witness, parse_witness

WITNESS = paths.SEEDS / "000_2cf028e75483853e.txt"
SHA = "b36a35814e04a679d891a02032bfae376167b9dd770211a88321072bcf6ca40b"


def test_witness_matches_recorded_checksum() -> None:
    w = load_witness(WITNESS, sha256=SHA)
    assert w.sha256 == SHA == hashlib.sha256(WITNESS.read_bytes()).hexdigest()
    assert len(w.lines) == 542
    assert w.line(1) == " Ever since July 11, when the Sinaloan drug baron"
    assert w.line(247) == "recent decades, the United States. would prevail upon"


def test_changed_witness_is_refused(tmp_path: Path) -> None:
    changed = tmp_path / "w.txt"
    changed.write_bytes(WITNESS.read_bytes().replace(b"States. would", b"States would"))
    with pytest.raises(WitnessError) as err:
        load_witness(changed, sha256=SHA)
    message = str(err.value)
    assert message.startswith(f"{changed}: SHA-256 is ")
    assert "has changed" in message and "\n" not in message


def test_missing_witness_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WitnessError, match=r"w\.txt: witness file not found$"):
        load_witness(tmp_path / "w.txt", sha256=SHA)


def test_non_utf8_witness_names_line_and_column() -> None:
    data = "line one\nline two\nbad \u00e9 here\n".encode("latin-1")
    with pytest.raises(WitnessError) as err:
        parse_witness(data, path="w.txt")
    assert str(err.value) == "w.txt:3: not valid UTF-8 (byte 0xe9 at column 5)"


def test_line_numbers_are_one_based_and_checked() -> None:
    w = parse_witness(b"a\n\n  \nb", path="w.txt")
    assert [w.is_blank(k) for k in range(1, 5)] == [False, True, True, False]
    with pytest.raises(IndexError):
        w.line(5)
    with pytest.raises(IndexError):
        w.line(0)
