"""Read the witness *W*: check that it is present, in its folder, UTF-8 and unchanged."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import WitnessError
from analysis.text.sourcefile import decode_utf8, read_limited

__all__ = ["Witness", "load_witness", "parse_witness"]


@dataclass(frozen=True)
class Witness:
    """The witness as received: its lines (1-based through :meth:`line`) and its checksum."""

    path: str
    sha256: str
    lines: tuple[str, ...]

    def line(self, n: int) -> str:
        """Return witness line ``n`` (1-based), exactly as received."""
        if not 1 <= n <= len(self.lines):
            raise IndexError(f"{self.path}: no line {n} (the witness has {len(self.lines)})")
        return self.lines[n - 1]

    def is_blank(self, n: int) -> bool:
        """True if witness line ``n`` holds nothing but white space."""
        return not self.line(n).strip()

    @property
    def text(self) -> str:
        """The whole witness as one string."""
        return "\n".join(self.lines)


def parse_witness(data: bytes, *, path: str, sha256: str | None = None) -> Witness:
    """Decode the witness bytes, checking the SHA-256 if one is given.

    >>> w = parse_witness("one\\n two".encode(), path="w.txt")
    >>> w.line(2), w.is_blank(2)
    (' two', False)
    """
    digest = hashlib.sha256(data).hexdigest()
    text = decode_utf8(data, path=path, error=WitnessError, what="witness")
    if sha256 is not None and digest != sha256.lower():
        raise WitnessError(
            path,
            f"SHA-256 is {digest}, not the {sha256} recorded in the decisions: "
            "the witness has changed",
        )
    return Witness(path=path, sha256=digest, lines=tuple(text.split("\n")))


def load_witness(
    path: str | Path, *, sha256: str | None = None, folder: str | Path | None = None
) -> Witness:
    """Read the witness file at ``path`` (the only I/O of this module).

    With ``folder``, the witness must be a regular file inside it once every
    symbolic link is followed (the decisions name their witness relative to
    their own folder, and nothing else may be read and published). The file
    must be at most :data:`~analysis.text.sourcefile.MAX_BYTES` long.
    """
    path = Path(path)
    try:
        outside = folder is not None and not path.resolve().is_relative_to(Path(folder).resolve())
    except (OSError, RuntimeError):  # a loop of symbolic links
        raise WitnessError(str(path), "cannot resolve the witness path") from None
    if outside:
        raise WitnessError(
            str(path), f"the witness is not inside {folder}, the folder of the decisions file"
        )
    data = read_limited(path, error=WitnessError, what="witness")
    return parse_witness(data, path=str(path), sha256=sha256)
