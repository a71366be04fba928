"""Read and validate the register of actors (``seeds/actors.yaml``).

The register lists every person, organisation, government, group and place
the essay names or argues about: a stable id, a standard name, a type, the
forms as they stand in the reading text (``aliases``, literal, and
``patterns``, regular expressions for forms that depend on their context) and
a one-line description. What counts as a mention (names and the phrases that
name a collective actor; no demonym alone, no adjectival "U.S.", no figure of
speech) is decided in the header of the YAML file and applied by
:mod:`analysis.measures.mentions`. The shape of the file is
declared as data (:data:`SCHEMA`) and checked by :mod:`analysis.text.yamlsource`;
each fault is reported in one line naming ``file:line``.

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

from analysis import paths
from analysis.errors import RegisterError
from analysis.text.yamlsource import (
    LineDict,
    LineStr,
    ListOf,
    Record,
    Text,
    parse_source,
    read_source,
)

__all__ = ["ACTOR_TYPES", "SCHEMA", "Actor", "Register", "load_register", "parse_register"]

#: The kinds of actor the register admits.
ACTOR_TYPES: tuple[str, ...] = ("person", "organisation", "government", "group", "place")

#: The schema of the register: one line per field (see :mod:`analysis.text.yamlsource`).
SCHEMA = Record(
    required={
        "actors": ListOf(
            Record(
                required={
                    "id": Text(
                        pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*",
                        means="a slug of lower-case letters, digits and hyphens",
                    ),
                    "name": Text(),
                    "type": Text(choices=ACTOR_TYPES),
                    "aliases": ListOf(Text()),
                    "description": Text(),
                },
                optional={"patterns": ListOf(Text()), "surname": Text()},
                label="actor",
            ),
            min_items=1,
        )
    }
)


@dataclass(frozen=True)
class Actor:
    """An entry of the register: a person, organisation, place or group."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    description: str
    patterns: tuple[str, ...] = ()
    #: The words of a person's name the register files it under, where the forms in the
    #: text do not tell them ("bin Laden", "Murillo Karam"); empty otherwise.
    surname: str = ""


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


def _actor(
    entry: LineDict, *, path: str, ids: dict[str, int], aliases: dict[str, tuple[str, int]]
) -> Actor:
    """One actor; ``ids`` and ``aliases`` record where each id and alias was first given."""
    actor_id = str(entry["id"])
    if actor_id in ids:
        raise RegisterError(
            path,
            f"actor id '{actor_id}' is used twice (first at line {ids[actor_id]})",
            line=entry.line,
        )
    ids[actor_id] = entry.line
    if not entry["aliases"] and not entry.get("patterns"):
        raise RegisterError(
            path,
            f"actor {actor_id} has no aliases: list the forms as they stand in the text",
            line=entry.line,
        )
    surname = " ".join(str(entry.get("surname", "")).split())
    if surname and not f" {' '.join(entry['name'].split())}".endswith(f" {surname}"):
        raise RegisterError(
            path,
            f"actor {actor_id}: surname '{surname}' is not the end of the name '{entry['name']}'",
            line=entry["surname"].line,
        )
    for alias in entry["aliases"]:
        if alias != alias.strip():
            raise RegisterError(
                path,
                f"actor {actor_id}: alias '{alias}' has leading or trailing space",
                line=alias.line,
            )
        if alias in aliases:
            owner, first = aliases[alias]
            raise RegisterError(
                path,
                f"actor {actor_id}: alias '{alias}' is already an alias of actor {owner} "
                f"(line {first})",
                line=alias.line,
            )
        aliases[alias] = (actor_id, alias.line)
    return Actor(
        id=actor_id,
        name=" ".join(entry["name"].split()),
        type=str(entry["type"]),
        aliases=tuple(str(a) for a in entry["aliases"]),
        description=" ".join(entry["description"].split()),
        patterns=tuple(
            _pattern(p, path=path, actor_id=actor_id) for p in entry.get("patterns", ())
        ),
        surname=surname,
    )


def _pattern(pattern: LineStr, *, path: str, actor_id: str) -> str:
    """A pattern of the register: a regular expression that cannot match the empty text."""
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise RegisterError(
            path,
            f"actor {actor_id}: pattern '{pattern}' is not a regular expression ({exc})",
            line=pattern.line,
        ) from None
    if compiled.fullmatch(""):
        raise RegisterError(
            path, f"actor {actor_id}: pattern '{pattern}' matches the empty text", line=pattern.line
        )
    return str(pattern)


def parse_register(text: str, *, path: str) -> Register:
    """Parse the register YAML ``text`` against :data:`SCHEMA`; ``path`` names the file in errors.

    Beyond the schema (fields, types, slugs, at least one actor), raises
    :class:`~analysis.errors.RegisterError` for an id used twice, an actor with
    neither aliases nor patterns, an alias with outer space or listed twice (by
    one actor or by two), and a pattern that does not compile or matches the
    empty text.
    """
    data = parse_source(text, schema=SCHEMA, path=path, error=RegisterError)
    ids: dict[str, int] = {}
    aliases: dict[str, tuple[str, int]] = {}
    actors = tuple(_actor(e, path=path, ids=ids, aliases=aliases) for e in data["actors"])
    return Register(path=path, actors=actors)


def load_register(path: str | Path = paths.ACTORS) -> Register:
    """Read and validate the register file at ``path`` (default ``seeds/actors.yaml``)."""
    path = Path(path)
    return parse_register(
        read_source(path, error=RegisterError, what="register file"), path=str(path)
    )
