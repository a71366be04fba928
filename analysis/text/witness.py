"""Read the witness *W*: check that it is present, UTF-8 and unchanged."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import WitnessError

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
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise WitnessError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {column})", line=line
        ) from None
    if sha256 is not None and digest != sha256.lower():
        raise WitnessError(
            path,
            f"SHA-256 is {digest}, not the {sha256} recorded in the decisions: "
            "the witness has changed",
        )
    return Witness(path=path, sha256=digest, lines=tuple(text.split("\n")))


def load_witness(path: str | Path, *, sha256: str | None = None) -> Witness:
    """Read the witness file at ``path`` (the only I/O of this module)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise WitnessError(str(path), "witness file not found") from None
    except OSError as exc:
        raise WitnessError(str(path), f"cannot read the witness ({exc.strerror})") from None
    return parse_witness(data, path=str(path), sha256=sha256)
