"""The edition, the register and its mentions, built once per change of their files.

A Sphinx build and a notebook kernel ask for the same inputs many times: every
directive, role and page cell needs the edition. The functions here build
each input once and build it again only when a file beside it changes (its
modification time is part of the cache key), so an edited ``seeds/`` file is
never served stale. Callers must not modify what they get.

:func:`input_files` names every file that the export files depend on. While
Sphinx reads a page, the extension records which seed files the page's
directives and roles ask for (:func:`record_reads`, :func:`recorded_reads`),
so that the page depends on those files and no others.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.measures.mentions import find_mentions
from analysis.text.edition import Edition, load_edition
from analysis.text.register import Register, load_register

__all__ = [
    "current_actors",
    "current_edition",
    "current_register",
    "input_files",
    "record_reads",
    "recorded_reads",
]

#: The seed files asked for since each :func:`record_reads` that has not ended.
_READS: list[set[Path]] = []


def record_reads() -> None:
    """Begin recording the seed files asked for (a page of the site is being read)."""
    _READS.append(set())


def recorded_reads() -> set[Path]:
    """End the latest recording; return the seed files asked for during it."""
    return _READS.pop() if _READS else set()


def _note(*files: str | Path) -> None:
    if _READS:
        _READS[-1].update(Path(f).resolve() for f in files)


@lru_cache(maxsize=4)
def _cached_edition(decisions: str, stamp: tuple[int, ...]) -> Edition:
    return load_edition(decisions)


def current_edition(decisions: str | Path = paths.DECISIONS) -> Edition:
    """The edition of ``decisions``, built once per change of the files beside it."""
    files = sorted(Path(decisions).parent.glob("*"))
    edition = _cached_edition(str(decisions), tuple(f.stat().st_mtime_ns for f in files))
    _note(decisions, edition.witness.path)
    return edition


@lru_cache(maxsize=4)
def _cached_actors(
    decisions: str, register: str, stamp: tuple[int, ...]
) -> tuple[Register, pd.DataFrame]:
    actors = load_register(register)
    return actors, find_mentions(current_edition(decisions), actors)


def current_actors(
    decisions: str | Path = paths.DECISIONS, register: str | Path = paths.ACTORS
) -> tuple[Register, pd.DataFrame]:
    """The register and its mentions in the edition of ``decisions``.

    Built once per change of the files beside either; the mentions are
    :func:`analysis.measures.mentions.find_mentions`, and callers must not modify them.
    """
    files = sorted({*Path(decisions).parent.glob("*"), *Path(register).parent.glob("*")})
    current_edition(decisions)  # notes the decisions and their witness as read
    _note(register)
    return _cached_actors(str(decisions), str(register), tuple(f.stat().st_mtime_ns for f in files))


@lru_cache(maxsize=2)
def _cached_register(actors: str, stamp: int) -> Register:
    return load_register(actors)


def current_register(actors: str | Path = paths.ACTORS) -> Register:
    """The register of ``actors``, read once per change of that file."""
    _note(actors)
    return _cached_register(str(actors), Path(actors).stat().st_mtime_ns)


def input_files(decisions: str | Path, actors: str | Path) -> tuple[Path, ...]:
    """The files the export and the computed pages depend on: the seeds and the package's modules.

    The modules are those of the package and of its subpackages.
    """
    seeds = {*Path(decisions).parent.glob("*"), Path(actors)}
    modules = paths.PACKAGE.rglob("*.py")
    return tuple(sorted(p.resolve() for p in (*seeds, *modules) if p.is_file()))
