"""Read and validate the register of actors (``seeds/actors.yaml``).

The register lists every person, organisation, government, group and place
the essay names or argues about: a stable id, a standard name, a type, the
forms as they stand in the reading text (``aliases``, literal, and
``patterns``, regular expressions for forms that depend on their context) and
a one-line description. What counts as a mention (names and the phrases that
name a collective actor; no demonym alone, no adjectival "U.S.", no figure of
speech) is decided in the header of the YAML file and applied by
:mod:`analysis.measures.mentions`. This module checks the shape
of the file and reports each fault in one line naming ``file:line``.

>>> register = parse_register('''
... actors:
...   - id: mexico
...     name: Mexico
...     type: place
...     aliases: [Mexico]
...     description: The United Mexican States.
... ''', path="actors.yaml")
>>> register.actor("mexico").name
'Mexico'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from analysis import paths
from analysis.errors import RegisterError
from analysis.text.yamlsource import LineDict, line_of, load_yaml, read_source

__all__ = ["ACTOR_TYPES", "Actor", "Register", "load_register", "parse_register"]

#: The kinds of actor the register admits.
ACTOR_TYPES: tuple[str, ...] = ("person", "organisation", "government", "group", "place")

#: The fields of an actor; ``patterns`` alone may be left out.
_FIELDS = ("id", "name", "type", "aliases", "description", "patterns")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Actor:
    """An entry of the register: a person, organisation, place or group."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    description: str
    patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Register:
    """The actors of the register in file order, with the file they came from."""

    path: str
    actors: tuple[Actor, ...]

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors)

    def __len__(self) -> int:
        return len(self.actors)

    def actor(self, actor_id: str) -> Actor:
        """The actor with id ``actor_id``; ``KeyError`` if there is none."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)

    def alias_map(self) -> dict[str, str]:
        """Map every alias to the id of its actor."""
        return {alias: a.id for a in self.actors for alias in a.aliases}

    def forms(self) -> list[tuple[str, str, bool]]:
        """Every form of every actor: ``(actor id, form, is_pattern)`` in file order."""
        return [
            (a.id, form, is_pattern)
            for a in self.actors
            for forms, is_pattern in ((a.aliases, False), (a.patterns, True))
            for form in forms
        ]


def _text(path: str, entry: LineDict, key: str, what: str) -> str:
    """The non-empty one-line text under ``key`` of ``entry``."""
    if key not in entry:
        raise RegisterError(path, f"{what} has no '{key}'", line=entry.line)
    value = entry[key]
    if not isinstance(value, str):
        raise RegisterError(
            path, f"{what}: '{key}' must be text", line=line_of(value) or entry.line
        )
    value = " ".join(value.split())
    if not value:
        raise RegisterError(path, f"{what}: '{key}' is empty", line=entry.line)
    return value


def _actor(
    path: str, entry: Any, seen_ids: dict[str, int], seen_aliases: dict[str, tuple[str, int]]
) -> Actor:
    if not isinstance(entry, LineDict):
        raise RegisterError(
            path,
            f"an actor must be a mapping with the fields {', '.join(_FIELDS)}",
            line=line_of(entry),
        )
    unknown = sorted(str(k) for k in entry if k not in _FIELDS)
    if unknown:
        raise RegisterError(
            path,
            f"an actor has an unknown field '{unknown[0]}' (fields: {', '.join(_FIELDS)})",
            line=entry.line,
        )
    actor_id = _text(path, entry, "id", "an actor")
    if not _ID.fullmatch(actor_id):
        raise RegisterError(
            path,
            f"actor id '{actor_id}' must be a slug of lower-case letters, digits and hyphens",
            line=entry.line,
        )
    if actor_id in seen_ids:
        raise RegisterError(
            path,
            f"actor id '{actor_id}' is used twice (first at line {seen_ids[actor_id]})",
            line=entry.line,
        )
    seen_ids[actor_id] = entry.line
    what = f"actor {actor_id}"
    name = _text(path, entry, "name", what)
    kind = _text(path, entry, "type", what)
    if kind not in ACTOR_TYPES:
        raise RegisterError(
            path,
            f"{what}: unknown type '{kind}' (one of {', '.join(ACTOR_TYPES)})",
            line=line_of(entry["type"]),
        )
    description = _text(path, entry, "description", what)
    if "aliases" not in entry:
        raise RegisterError(path, f"{what} has no 'aliases'", line=entry.line)
    raw = entry["aliases"]
    if not isinstance(raw, list):
        raise RegisterError(
            path, f"{what}: 'aliases' must be a list of forms", line=line_of(raw) or entry.line
        )
    if not raw and not entry.get("patterns"):
        raise RegisterError(
            path,
            f"{what} has no aliases: list the forms as they stand in the text",
            line=entry.line,
        )
    aliases: list[str] = []
    for alias in raw:
        line = line_of(alias) or entry.line
        if not isinstance(alias, str) or not alias.strip():
            raise RegisterError(path, f"{what}: alias {alias!r} must be non-empty text", line=line)
        if alias != alias.strip():
            raise RegisterError(
                path, f"{what}: alias '{alias}' has leading or trailing space", line=line
            )
        if alias in seen_aliases:
            owner, first = seen_aliases[alias]
            raise RegisterError(
                path,
                f"{what}: alias '{alias}' is already an alias of actor {owner} (line {first})",
                line=line,
            )
        seen_aliases[alias] = (actor_id, line)
        aliases.append(str(alias))
    return Actor(
        id=str(actor_id),
        name=name,
        type=kind,
        aliases=tuple(aliases),
        description=description,
        patterns=_patterns(path, entry, what),
    )


def _patterns(path: str, entry: LineDict, what: str) -> tuple[str, ...]:
    """The regular expressions under ``patterns``, each checked to compile and be non-empty."""
    raw = entry.get("patterns", [])
    if not isinstance(raw, list):
        raise RegisterError(
            path,
            f"{what}: 'patterns' must be a list of regular expressions",
            line=line_of(raw) or entry.line,
        )
    patterns: list[str] = []
    for pattern in raw:
        line = line_of(pattern) or entry.line
        if not isinstance(pattern, str) or not pattern.strip():
            raise RegisterError(
                path, f"{what}: pattern {pattern!r} must be non-empty text", line=line
            )
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise RegisterError(
                path, f"{what}: pattern '{pattern}' is not a regular expression ({exc})", line=line
            ) from None
        if compiled.fullmatch(""):
            raise RegisterError(
                path, f"{what}: pattern '{pattern}' matches the empty text", line=line
            )
        patterns.append(str(pattern))
    return tuple(patterns)


def parse_register(text: str, *, path: str) -> Register:
    """Parse and validate the register YAML ``text``; ``path`` names the file in errors.

    Raises :class:`~analysis.errors.RegisterError` for invalid YAML, a missing
    or unknown field, an unknown type, an id that is not a slug or is used
    twice, an actor with neither aliases nor patterns, an alias listed twice
    (by one actor or by two), and a pattern that does not compile or matches
    the empty text.
    """
    try:
        data = load_yaml(text, string_lines=True)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise RegisterError(path, problem, line=mark.line + 1 if mark else None) from None
    if not isinstance(data, LineDict) or not isinstance(data.get("actors"), list):
        raise RegisterError(
            path, "the register must be a mapping with a list 'actors'", line=line_of(data) or 1
        )
    if not data["actors"]:
        raise RegisterError(path, "the register lists no actors", line=data.line)
    seen_ids: dict[str, int] = {}
    seen_aliases: dict[str, tuple[str, int]] = {}
    actors = tuple(_actor(path, entry, seen_ids, seen_aliases) for entry in data["actors"])
    return Register(path=path, actors=actors)


def load_register(path: str | Path = paths.ACTORS) -> Register:
    """Read and validate the register file at ``path`` (default ``seeds/actors.yaml``)."""
    path = Path(path)
    text = read_source(path, error=RegisterError, what="register file")
    return parse_register(text, path=str(path))
