"""Errors raised on bad input: one line that names the file and the line or entry at fault."""

from __future__ import annotations

import unicodedata

__all__ = [
    "DecisionsError",
    "EditionError",
    "ExportError",
    "RegisterError",
    "WitnessError",
    "one_line",
]

#: Unicode categories printed as escapes: controls, format characters (bidi
#: overrides among them), surrogates, private use, unassigned, line and paragraph separators.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def one_line(text: str) -> str:
    """``text`` as one printable line: newlines and control characters escaped.

    Every message about bad input passes through here, so that a value echoed
    from the input can neither break the line nor drive the terminal.

    >>> one_line("a\\nb\\x1b[2Jc\\u202e")
    'a\\\\nb\\\\x1b[2Jc\\\\u202e'
    """
    return "".join(_escape(c) if unicodedata.category(c) in _UNPRINTABLE else c for c in text)


class EditionError(ValueError):
    """Base class: bad input to the edition, reported as ``path:line: message``.

    The path and the message are made one printable line (:func:`one_line`).

    >>> str(EditionError("seeds/decisions.yaml", "paragraph p3 is empty", line=12))
    'seeds/decisions.yaml:12: paragraph p3 is empty'
    """

    def __init__(self, path: str, message: str, *, line: int | None = None) -> None:
        self.path = one_line(str(path))
        self.line = line
        self.message = one_line(message)
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {self.message}")


class WitnessError(EditionError):
    """The witness file is missing, changed, too large, outside its folder or not UTF-8."""


class DecisionsError(EditionError):
    """The editorial decisions file is malformed or disagrees with the witness."""


class RegisterError(EditionError):
    """The register of actors is malformed."""


class ExportError(EditionError):
    """The output folder cannot take the export (not a folder, or holding other files)."""
