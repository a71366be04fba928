"""The witness loader: checksum, encoding, presence, and a place inside its folder."""

from __future__ import annotations

import hashlib
import re
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
    with pytest.raises(WitnessError, match=r"w\.txt: witness not found$"):
        load_witness(tmp_path / "w.txt", sha256=SHA)


def test_non_utf8_witness_names_line_and_column() -> None:
    data = "line one\nline two\nbad \u00e9 here\n".encode("latin-1")
    with pytest.raises(WitnessError) as err:
        parse_witness(data, path="w.txt")
    assert str(err.value) == "w.txt:3: the witness is not valid UTF-8 (byte 0xe9 at column 5)"


def test_line_numbers_are_one_based_and_checked() -> None:
    w = parse_witness(b"a\n\n  \nb", path="w.txt")
    assert [w.is_blank(k) for k in range(1, 5)] == [False, True, True, False]
    with pytest.raises(IndexError):
        w.line(5)
    with pytest.raises(IndexError):
        w.line(0)


def test_a_witness_inside_its_folder_is_read_through_a_link(tmp_path: Path) -> None:
    (tmp_path / "w.txt").write_bytes(b"text\n")
    (tmp_path / "link.txt").symlink_to(tmp_path / "w.txt")
    assert load_witness(tmp_path / "link.txt", folder=tmp_path).lines == ("text", "")


@pytest.mark.parametrize("how", ["link out", "climbing out", "absolute", "link loop"])
def test_a_witness_outside_its_folder_is_refused(tmp_path: Path, how: str) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_bytes(b"not for publication\n")
    path = {
        "link out": folder / "w.txt",
        "climbing out": folder / ".." / "secret.txt",
        "absolute": outside,
        "link loop": folder / "loop.txt",
    }[how]
    (folder / "w.txt").symlink_to(outside)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    with pytest.raises(WitnessError) as err:
        load_witness(path, folder=folder)
    message = str(err.value)
    assert message.startswith(f"{path}: "), message
    assert re.search(
        r"the witness is not inside .*seeds, the folder of the decisions file$|"
        r"cannot resolve the witness path$",
        message,
    ), message
    assert "not for publication" not in message
