"""The command line against hostile input: one line, exit status 2, the output folder untouched.

Each class of bad input of the table in DEVELOPING.md ("Bad input") has a case
here. Inputs are copies of ``seeds/`` in a temporary folder, changed with
:func:`sources.mutate`; the output folder holds an earlier export before each
run, and must hold it, unchanged, after.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sources import ACTORS, DECISIONS, assert_one_line, mutate

from analysis import paths
from analysis.__main__ import main

WITNESS_NAME = "000_2cf028e75483853e.txt"
WITNESS = (paths.SEEDS / WITNESS_NAME).read_bytes()
SHA = hashlib.sha256(WITNESS).hexdigest()
PATH_LINE = f"  path: {WITNESS_NAME}"
SHA_LINE = f"  sha256: {SHA}"
EARLIER = {"edition.json": "an earlier export\n"}

#: An alias bomb: a few hundred bytes that PyYAML expands to 10 ** 9 strings.
BOMB = "".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n',
        *(
            f"{chr(98 + k)}: &{chr(98 + k)} [{','.join(['*' + chr(97 + k)] * 10)}]\n"
            for k in range(8)
        ),
    ]
)


def _outside_witness(folder: Path) -> str:
    """A witness that is a link to a file outside the folder, with that file's checksum."""
    secret = folder.parent / "secret.txt"
    secret.write_bytes(b"not for publication\n")
    (folder / "w.txt").symlink_to(secret)
    sha = hashlib.sha256(secret.read_bytes()).hexdigest()
    return mutate(mutate(DECISIONS, PATH_LINE, "  path: w.txt"), SHA_LINE, f"  sha256: {sha}")


def _device_witness(folder: Path) -> str:
    (folder / "w.txt").symlink_to("/dev/zero")
    return mutate(DECISIONS, PATH_LINE, "  path: w.txt")


def _pipe_witness(folder: Path) -> str:
    os.mkfifo(folder / "w.txt")
    return mutate(DECISIONS, PATH_LINE, "  path: w.txt")


def _large_witness(folder: Path) -> str:
    data = WITNESS * 40  # about 1.1 MB, its checksum recorded
    (folder / "w.txt").write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    return mutate(mutate(DECISIONS, PATH_LINE, "  path: w.txt"), SHA_LINE, f"  sha256: {sha}")


def _decisions(old: str, new: str) -> Callable[[Path], str]:
    return lambda folder: mutate(DECISIONS, old, new)


def _actors(old: str, new: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / "actors.yaml").write_text(mutate(ACTORS, old, new), encoding="utf-8")
        return DECISIONS

    return make


def _latin1_decisions(folder: Path) -> str:
    return DECISIONS.replace("Radden Keefe", "Radd\udce9n Keefe")


def _latin1_register(folder: Path) -> str:
    (folder / "actors.yaml").write_bytes(ACTORS.encode("utf-8").replace(b"Pe\xc3\xb1a", b"Pe\xf1a"))
    return DECISIONS


# Each case: how the inputs are made (returns the text of the decisions file), the file the
# error names ("decisions", "actors", "witness"), and the pattern of the rest of the line.
CASES = {
    "witness path absolute": (
        _decisions(PATH_LINE, "  path: /etc/passwd"),
        "decisions",
        r":10: witness\.path: '/etc/passwd' must be a path inside the folder",
    ),
    "witness path climbing out": (
        _decisions(PATH_LINE, "  path: ../../etc/passwd"),
        "decisions",
        r":10: witness\.path: '\.\./\.\./etc/passwd' must be a path inside the folder",
    ),
    "witness a link out of the folder": (
        _outside_witness,
        "w.txt",
        r": the witness is not inside .*, the folder of the decisions file$",
    ),
    "witness a device": (_device_witness, "w.txt", r": the witness is not inside "),
    "witness a pipe": (_pipe_witness, "w.txt", r": the witness is not a regular file$"),
    "witness too large": (_large_witness, "w.txt", r": the witness is larger than the limit of "),
    "duplicate key": (
        _decisions(SHA_LINE, f"{SHA_LINE}\n  sha256: {SHA}"),
        "decisions",
        r":12: key 'sha256' is given twice \(first at line 11\)$",
    ),
    "unknown key": (
        _decisions("\nrules:\n", "\nrulez:\n"),
        "decisions",
        r":34: unknown key 'rulez' \(did you mean 'rules'\?\)$",
    ),
    "alias bomb in the decisions": (
        _decisions("witness:\n", BOMB + "witness:\n"),
        "decisions",
        r":\d: anchors \(&a\) are not allowed$",
    ),
    "alias bomb in the register": (
        _actors("actors:\n", BOMB + "actors:\n"),
        "actors",
        r":\d+: anchors \(&a\) are not allowed$",
    ),
    "deep nesting": (
        _decisions("  year: 2015", "  year: " + "[" * 40 + "]" * 40),
        "decisions",
        r":25: lists and mappings nest deeper than 32$",
    ),
    "very deep nesting": (
        _decisions("  year: 2015", "  year: " + "[" * 100_000 + "]" * 100_000),
        "decisions",
        r":25: not valid YAML: exceeded maximum nesting depth$",
    ),
    "work as text": (
        _decisions(
            DECISIONS[DECISIONS.index("work:\n") : DECISIONS.index("edition:\n")], "work: x\n"
        ),
        "decisions",
        r":19: work: must be a mapping, not text$",
    ),
    "rules as a list": (
        _decisions(
            DECISIONS[DECISIONS.index("rules:\n") : DECISIONS.index("sections:\n")], "rules: [x]\n"
        ),
        "decisions",
        r":34: rules: must be a mapping, not a list$",
    ),
    "newline in an echoed value": (
        _decisions("  path: " + WITNESS_NAME, '  path: "/etc/x\\nerror: all is well"'),
        "decisions",
        r":10: witness\.path: '/etc/x\\nerror: all is well' must be",
    ),
    "terminal control in an echoed value": (
        _decisions("  path: " + WITNESS_NAME, '  path: "/x\\e[2K\\e[1Aok\\u202e"'),
        "decisions",
        r":10: witness\.path: '/x\\x1b\[2K\\x1b\[1Aok\\u202e' must be",
    ),
    "decisions not UTF-8": (
        _latin1_decisions,
        "decisions",
        r":20: the decisions file is not valid UTF-8 \(byte 0xe9 at column 23\)$",
    ),
    "register not UTF-8": (
        _latin1_register,
        "actors",
        r":\d+: the register file is not valid UTF-8 \(byte 0xf1 at column \d+\)$",
    ),
    "decision that does not fit the witness": (
        _decisions("{id: p2, spans: [[30, 35]]}", "{id: p2, spans: [[30, 999]]}"),
        "decisions",
        r":50: paragraph p2: span \[30, 999\] is out of range",
    ),
}


@pytest.fixture()
def inputs(tmp_path: Path) -> dict[str, Path]:
    """A copy of ``seeds/`` and an output folder holding an earlier export."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / WITNESS_NAME).write_bytes(WITNESS)
    (seeds / "actors.yaml").write_text(ACTORS, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for name, text in EARLIER.items():
        (out / name).write_text(text, encoding="utf-8")
    return {
        "decisions": seeds / "decisions.yaml",
        "actors": seeds / "actors.yaml",
        "w.txt": seeds / "w.txt",
        "out": out,
    }


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line in this process: exit status, stdout, stderr."""
    try:
        status = main(argv)
    except SystemExit as exc:
        status = int(exc.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_untouched(out: Path) -> None:
    """The output folder holds the earlier export, and nothing was left beside it."""
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == EARLIER
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize(("make", "names", "pattern"), CASES.values(), ids=CASES.keys())
def test_bad_input_is_one_line_exit_2_nothing_written(
    inputs: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], str],
    names: str,
    pattern: str,
) -> None:
    decisions = inputs["decisions"]
    decisions.write_text(make(decisions.parent), encoding="utf-8", errors="surrogateescape")
    argv = ["export", "--out", str(inputs["out"]), "--decisions", str(decisions)]
    status, out, err = run([*argv, "--actors", str(inputs["actors"])], capsys)
    assert status == 2, err
    assert out == "" and err.endswith("\n") and err.count("\n") == 1, err
    assert_one_line(err[:-1])
    assert re.match(rf"error: {re.escape(str(inputs[names]))}{pattern}", err), err
    assert "not for publication" not in err and "Traceback" not in err
    assert_untouched(inputs["out"])


OUT_CASES = {
    "empty --out": ([""], r"error: argument --out: --out must name a folder, not be empty "),
    "missing --out": ([], r"error: the following arguments are required: --out "),
    "--out holding other files": (
        ["{other}"],
        r"error: .*other: the output folder holds 'notes\.txt', which the export does not write",
    ),
    "--out a file": (
        ["{file}"],
        r"error: .*file\.txt: the output path exists and is not a folder$",
    ),
}


@pytest.mark.parametrize(("out", "pattern"), OUT_CASES.values(), ids=OUT_CASES.keys())
def test_a_bad_output_folder_is_refused(
    inputs: dict[str, Path], capsys: pytest.CaptureFixture[str], out: list[str], pattern: str
) -> None:
    other = inputs["out"].parent / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine\n", encoding="utf-8")
    file = inputs["out"].parent / "file.txt"
    file.write_text("mine\n", encoding="utf-8")
    argv = [v.format(other=other, file=file) for v in out]
    status, stdout, err = run(["export", *(["--out", *argv] if argv else [])], capsys)
    assert status == 2 and stdout == "" and err.count("\n") == 1, err
    assert re.match(pattern, err), err
    assert (other / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert file.read_text(encoding="utf-8") == "mine\n"
    assert_untouched(inputs["out"])


def test_an_internal_error_is_one_line_exit_1_and_debug_shows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a fault\nof the program")

    monkeypatch.setattr("analysis.__main__.export_edition", fail)
    argv = ["export", "--out", str(tmp_path / "out")]
    status, out, err = run(argv, capsys)
    assert status == 1 and out == "" and err.count("\n") == 1, err
    assert err == (
        "internal error: RuntimeError: a fault\\nof the program; this is a fault of the "
        "program, not of the input: run again with --debug for the traceback\n"
    )
    with pytest.raises(RuntimeError, match="a fault"):
        main([*argv, "--debug"])
    assert not (tmp_path / "out").exists()


# --- bounded: any input file under 1 MB costs under 500 MB and 5 s -------------------------

#: Runs the command line in a child process and reports its CPU time and peak memory.
_CHILD = """
import json, resource, sys, time
from analysis.__main__ import main
start = time.process_time()
status = main(sys.argv[1:])
print(json.dumps({
    "status": status,
    "seconds": time.process_time() - start,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""

LARGE = {
    "alias bomb in the decisions": ("decisions", lambda: BOMB + DECISIONS),
    "alias bomb in the register": ("actors", lambda: BOMB + ACTORS),
    "deep nesting": ("decisions", lambda: "a: " + "[" * 499_000 + "]" * 499_000 + "\n"),
    "many values": ("decisions", lambda: "a: [" + "0," * 480_000 + "0]\n"),
    "a long value": (
        "decisions",
        lambda: mutate(DECISIONS, "  title: The Chapo Conundrum", "  title: " + "x" * 900_000),
    ),
    "many entries": (
        "decisions",
        lambda: (
            DECISIONS
            + "".join(
                f"  - {{id: z{k}, type: sic, lines: [445], reading: r, note: n}}\n"
                for k in range(12_000)
            )
        ),
    ),
}


@pytest.mark.parametrize(("which", "make"), LARGE.values(), ids=LARGE.keys())
def test_a_file_under_1_mb_costs_under_500_mb_and_5_s(
    tmp_path: Path, which: str, make: Callable[[], str]
) -> None:
    files = {"decisions": tmp_path / "decisions.yaml", "actors": tmp_path / "actors.yaml"}
    files["decisions"].write_text(DECISIONS, encoding="utf-8")
    files["actors"].write_text(ACTORS, encoding="utf-8")
    (tmp_path / WITNESS_NAME).write_bytes(WITNESS)
    text = make()
    assert len(text.encode("utf-8")) < 1_000_000
    files[which].write_text(text, encoding="utf-8")
    argv = ["--decisions", str(files["decisions"]), "--actors", str(files["actors"])]
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, "export", "--out", str(tmp_path / "out"), *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    figures = json.loads(result.stdout.splitlines()[-1])
    print(f"{which}, {len(text)} characters: {figures}")  # shown with pytest -s
    assert figures["status"] in (0, 2), result.stderr
    assert result.stderr.count("\n") == (figures["status"] == 2), result.stderr
    assert figures["peak_mb"] < 500, figures
    assert figures["seconds"] < 5, figures
