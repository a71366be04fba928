"""Command line: ``python -m analysis export --out DIR [--decisions FILE] [--actors FILE]``.

``python -m analysis reorder WITNESS --out FILE`` proposes decisions from a witness alone.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from analysis import paths
from analysis.errors import EditionError
from analysis.export.files import export_edition
from analysis.text.edition import load_edition
from analysis.text.proposal import decisions_mapping, decisions_yaml, propose, witness_reference
from analysis.text.register import load_register
from analysis.text.witness import load_witness


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis", description="The Chapo Conundrum critical edition."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser(
        "export", help="write edition.json, apparatus.csv and the analysis tables into a folder"
    )
    export.add_argument("--out", required=True, help="folder to write into (created if needed)")
    export.add_argument(
        "--decisions",
        default=str(paths.DECISIONS),
        help="editorial decisions file, which names its witness (default: %(default)s)",
    )
    export.add_argument(
        "--actors", default=str(paths.ACTORS), help="register of actors (default: %(default)s)"
    )
    reorder = commands.add_parser(
        "reorder", help="propose the reading order of a scrambled witness as a decisions file"
    )
    reorder.add_argument("witness", help="the witness, a plain-text extraction")
    reorder.add_argument(
        "--out", required=True, help="decisions file to write, in a folder holding the witness"
    )
    args = parser.parse_args(argv)
    if args.command == "reorder":
        return _reorder(args.witness, args.out)
    try:
        edition = load_edition(args.decisions)
        register = load_register(args.actors)
        written = export_edition(edition, args.out, register=register)
    except EditionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc.filename or args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0


def _reorder(witness_path: str, out: str) -> int:
    """Write the decisions proposed for ``witness_path`` to ``out``; return the exit status."""
    try:
        witness = load_witness(witness_path)
        reference = witness_reference(witness_path, out)
        mapping = decisions_mapping(propose(witness), witness=witness, witness_path=reference)
        Path(out).write_text(decisions_yaml(mapping), encoding="utf-8")
    except EditionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc.filename or out}: {exc.strerror}", file=sys.stderr)
        return 2
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
