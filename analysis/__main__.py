"""Command line: ``python -m analysis export --out DIR [--decisions FILE] [--actors FILE]``.

``python -m analysis reorder WITNESS --out FILE`` proposes decisions from a witness alone.

Bad input ends with one line on stderr naming the file and the line at fault,
and exit status 2; an error of the program itself with one line and exit
status 1 (``--debug`` shows its traceback). Nothing is written unless every
file could be made.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from analysis import paths
from analysis.errors import EditionError, one_line
from analysis.export.files import export_edition
from analysis.text.edition import load_edition
from analysis.text.proposal import decisions_mapping, decisions_yaml, propose, witness_reference
from analysis.text.register import load_register
from analysis.text.witness import load_witness


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {one_line(message)} (see {self.prog} --help)\n")


def _folder(value: str) -> str:
    """The value of ``--out``: a folder name, never empty."""
    if not value.strip():
        raise argparse.ArgumentTypeError("--out must name a folder, not be empty")
    return value


def _parser() -> argparse.ArgumentParser:
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show the traceback of an internal error",
    )
    parser = _Parser(
        prog="python -m analysis",
        description="The Chapo Conundrum critical edition.",
        parents=[debug],
    )
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser(
        "export",
        parents=[debug],
        help="write edition.json, apparatus.csv and the analysis tables into a folder",
    )
    export.add_argument(
        "--out",
        required=True,
        type=_folder,
        help="folder to write the set of files into: new, empty, or an earlier export",
    )
    export.add_argument(
        "--decisions",
        default=str(paths.DECISIONS),
        help="editorial decisions file, which names its witness (default: %(default)s)",
    )
    export.add_argument(
        "--actors", default=str(paths.ACTORS), help="register of actors (default: %(default)s)"
    )
    reorder = commands.add_parser(
        "reorder",
        parents=[debug],
        help="propose the reading order of a scrambled witness as a decisions file",
    )
    reorder.add_argument("witness", help="the witness, a plain-text extraction")
    reorder.add_argument(
        "--out", required=True, help="decisions file to write, in a folder holding the witness"
    )
    return parser


def _export(args: Any) -> list[Path]:
    """Write the export files of the edition; return their paths."""
    edition = load_edition(args.decisions)
    register = load_register(args.actors)
    return export_edition(edition, args.out, register=register)


def _reorder(args: Any) -> list[Path]:
    """Write the decisions proposed for the witness to ``--out``; return its path."""
    witness = load_witness(args.witness)
    reference = witness_reference(args.witness, args.out)
    mapping = decisions_mapping(propose(witness), witness=witness, witness_path=reference)
    Path(args.out).write_text(decisions_yaml(mapping), encoding="utf-8")
    return [Path(args.out)]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        written = (_reorder if args.command == "reorder" else _export)(args)
    except EditionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        where = one_line(str(exc.filename or args.out))
        print(f"error: {where}: {one_line(exc.strerror or str(exc))}", file=sys.stderr)
        return 2
    except Exception as exc:
        if getattr(args, "debug", False):
            raise
        print(
            f"internal error: {one_line(type(exc).__name__)}: {one_line(str(exc))}; "
            "this is a fault of the program, not of the input: "
            "run again with --debug for the traceback",
            file=sys.stderr,
        )
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
