"""Errors raised on bad input: one line that names the file and the line or entry at fault."""

from __future__ import annotations

__all__ = ["ClaimsError", "DecisionsError", "EditionError", "RegisterError", "WitnessError"]


class EditionError(ValueError):
    """Base class: bad input to the edition, reported as ``path:line: message``.

    >>> str(EditionError("seeds/decisions.yaml", "paragraph p3 is empty", line=12))
    'seeds/decisions.yaml:12: paragraph p3 is empty'
    """

    def __init__(self, path: str, message: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class WitnessError(EditionError):
    """The witness file is missing, changed or not UTF-8."""


class DecisionsError(EditionError):
    """The editorial decisions file is malformed or disagrees with the witness."""


class RegisterError(EditionError):
    """The register of actors is malformed."""


class ClaimsError(EditionError):
    """The editor's reference summaries are malformed or disagree with the edition."""
