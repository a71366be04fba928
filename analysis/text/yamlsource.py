"""Read YAML strictly, against a schema declared as data, with the line of every error.

The decisions file and the register are both read by :func:`read_source` and
:func:`parse_source`. The
reader refuses what PyYAML would accept silently or at any cost:

* a key given twice, and a key the schema does not know (the nearest known key
  is suggested);
* anchors, aliases and explicit tags (an alias bomb cannot expand);
* nesting deeper than :data:`MAX_DEPTH`, more than :data:`MAX_NODES` values, a
  file over :data:`~analysis.text.sourcefile.MAX_BYTES`, more than one document;
* a value of the wrong type (every field is checked), text that is empty,
  not one of its choices or not of its pattern, a list of the wrong length;
* bytes that are not UTF-8 (located by line and column).

The file is read as a stream of events (libyaml's parser where installed), so
no input can recurse or expand. A schema is built from :class:`Record`,
:class:`MapOf`, :class:`ListOf`, :class:`Text`, :class:`Whole`,
:class:`Number` and :class:`Either`; a field is one entry of a record's ``required`` or
``optional`` mapping. Mappings come back as :class:`LineDict`, lists as
:class:`LineList` and text as :class:`LineStr`, each knowing its line.

>>> schema = Record(required={"name": Text()}, optional={"n": Whole()})
>>> from analysis.errors import EditionError
>>> data = parse_source("name: x\\nn: 2\\n", schema=schema, path="f.yaml", error=EditionError)
>>> data, data.line, data["name"].line
({'name': 'x', 'n': 2}, 1, 1)
>>> parse_source("nam: x\\n", schema=schema, path="f.yaml", error=EditionError)
Traceback (most recent call last):
...
analysis.errors.EditionError: f.yaml:1: unknown key 'nam' (did you mean 'name'?)
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analysis.errors import EditionError
from analysis.text.sourcefile import decode_utf8, read_limited

__all__ = [
    "MAX_DEPTH",
    "MAX_NODES",
    "Either",
    "LineDict",
    "LineList",
    "LineStr",
    "ListOf",
    "MapOf",
    "Number",
    "Record",
    "Text",
    "Whole",
    "line_of",
    "parse_source",
    "read_source",
]

#: Deepest nesting of lists and mappings read (the decisions nest 6 deep).
MAX_DEPTH = 32
#: Most values (scalars, lists and mappings) read from one file.
MAX_NODES = 100_000


class LineDict(dict):
    """A mapping that remembers the 1-based line of the YAML file it was read from."""

    line: int = 0


class LineList(list):
    """A list that remembers the 1-based line of the YAML file it was read from."""

    line: int = 0


class LineStr(str):
    """A string that remembers the 1-based line of the YAML file it was read from."""

    line: int = 0


def line_of(value: Any) -> int | None:
    """The source line of a value read by :func:`parse_source`, or None."""
    return getattr(value, "line", None)


# --------------------------------------------------------------------------- the schema


@dataclass(frozen=True)
class Text:
    """Text, not empty; if given, one of ``choices`` or matching ``pattern`` (said as ``means``)."""

    choices: tuple[str, ...] = ()
    pattern: str | None = None
    means: str = ""
    nullable: bool = False


@dataclass(frozen=True)
class Whole:
    """A whole number (not true/false)."""

    nullable: bool = False


@dataclass(frozen=True)
class Number:
    """A number, whole or with a fraction (not true/false)."""

    nullable: bool = False


@dataclass(frozen=True)
class Either:
    """Any one of ``options`` (tried in order)."""

    options: tuple[Any, ...]


@dataclass(frozen=True)
class ListOf:
    """A list of ``item``, with ``min_items`` to ``max_items`` items."""

    item: Any
    min_items: int = 0
    max_items: int | None = None


@dataclass(frozen=True)
class MapOf:
    """A mapping of free text keys to ``value``."""

    value: Any


@dataclass(frozen=True)
class Record:
    """A mapping with known keys: ``required`` and ``optional`` fields, no others.

    With ``label``, errors inside a record whose ``id`` is valid text name it as
    ``"{label} {id}"`` (``paragraph p12``) rather than by its path in the file.
    """

    required: Mapping[str, Any] = field(default_factory=dict)
    optional: Mapping[str, Any] = field(default_factory=dict)
    label: str = ""


# --------------------------------------------------------------------------- events to nodes

_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"
_FLOAT = "tag:yaml.org,2002:float"
#: The scalar tags each scalar spec accepts.
_SCALAR_TAGS = {Text: {_STR}, Whole: {_INT}, Number: {_INT, _FLOAT}}
_KINDS = {
    _STR: "text",
    _INT: "a whole number",
    _NULL: "null",
    _FLOAT: "a number with a fraction",
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:timestamp": "a date",
}


def _line(node: Any) -> int:
    return node.start_mark.line + 1


class _Composer:
    """Nodes from the event stream of one YAML document, within the limits."""

    def __init__(self, path: str, error: type[EditionError]) -> None:
        self.path, self.error = path, error
        self.root: yaml.Node | None = None
        self.stack: list[yaml.Node] = []
        self.pending: list[yaml.Node | None] = []
        self.keys: list[dict[str, int]] = []
        self.count = 0
        self.documents = 0

    def fail(self, message: str, mark: Any) -> Exception:
        return self.error(self.path, message, line=mark.line + 1)

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.AliasEvent):
            raise self.fail(
                "aliases (*name) are not allowed: write the value out", event.start_mark
            )
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail("the file holds more than one YAML document", event.start_mark)
        elif isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
            self.node(event)
        elif isinstance(event, yaml.CollectionEndEvent):
            self.stack.pop()
            self.pending.pop()
            self.keys.pop()

    def node(self, event: Any) -> None:
        if event.anchor is not None:
            raise self.fail(f"anchors (&{event.anchor}) are not allowed", event.start_mark)
        if event.tag not in (None, "!"):
            raise self.fail(f"explicit tags ({event.tag}) are not allowed", event.start_mark)
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(f"the file holds more than {MAX_NODES} values", event.start_mark)
        marks = (event.start_mark, event.end_mark)
        node: yaml.Node
        if isinstance(event, yaml.ScalarEvent):
            implicit = event.implicit if event.tag is None else (False, False)
            tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, implicit)
            node = yaml.ScalarNode(tag, event.value, *marks, style=event.style)
        elif isinstance(event, yaml.SequenceStartEvent):
            node = yaml.SequenceNode("tag:yaml.org,2002:seq", [], *marks)
        else:
            node = yaml.MappingNode("tag:yaml.org,2002:map", [], *marks)
        self.attach(node)
        if not isinstance(node, yaml.ScalarNode):
            if len(self.stack) >= MAX_DEPTH:
                raise self.fail(
                    f"lists and mappings nest deeper than {MAX_DEPTH}", event.start_mark
                )
            self.stack.append(node)
            self.pending.append(None)
            self.keys.append({})

    def attach(self, node: yaml.Node) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if isinstance(parent, yaml.SequenceNode):
            parent.value.append(node)
            return
        key = self.pending[-1]
        if key is None:
            if not isinstance(node, yaml.ScalarNode):
                raise self.fail("a key must be text, not a list or mapping", node.start_mark)
            seen = self.keys[-1]
            if node.value in seen:
                raise self.fail(
                    f"key '{node.value}' is given twice (first at line {seen[node.value]})",
                    node.start_mark,
                )
            seen[node.value] = _line(node)
            self.pending[-1] = node
        else:
            parent.value.append((key, node))
            self.pending[-1] = None


def _compose(text: str, *, path: str, error: type[EditionError]) -> yaml.Node | None:
    composer = _Composer(path, error)
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            composer.feed(event)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise error(
            path, f"not valid YAML: {problem}", line=mark.line + 1 if mark else None
        ) from None
    return composer.root


# --------------------------------------------------------------------------- nodes to values


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return _KINDS.get(node.tag, "a value of another type")


def _expected(spec: Any) -> str:
    if isinstance(spec, Either):
        return " or ".join(_expected(s) for s in spec.options)
    names = {Text: "text", Whole: "a whole number", Number: "a number", ListOf: "a list"}
    name = names.get(type(spec), "a mapping")
    return f"{name} or null" if getattr(spec, "nullable", False) else name


class _Checker:
    """Check nodes against a schema and build the values, failing at the first fault."""

    def __init__(self, path: str, error: type[EditionError]) -> None:
        self.path, self.error = path, error

    def fail(self, where: str, message: str, node: yaml.Node) -> Exception:
        return self.error(self.path, f"{where}: {message}" if where else message, line=_line(node))

    def value(self, spec: Any, node: yaml.Node, where: str) -> Any:
        if isinstance(spec, Either):
            for option in spec.options:
                if self.fits(option, node):
                    return self.value(option, node, where)
        elif self.fits(spec, node):
            if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
                return None
            check = getattr(self, type(spec).__name__.lower())
            return check(spec, node, where)
        raise self.fail(where, f"must be {_expected(spec)}, not {_kind(node)}", node)

    @staticmethod
    def fits(spec: Any, node: yaml.Node) -> bool:
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
            return bool(getattr(spec, "nullable", False))
        if isinstance(spec, Text | Whole | Number):
            return isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TAGS[type(spec)]
        if isinstance(spec, ListOf):
            return isinstance(node, yaml.SequenceNode)
        return isinstance(node, yaml.MappingNode)

    def text(self, spec: Text, node: yaml.ScalarNode, where: str) -> LineStr:
        value = LineStr(node.value)
        value.line = _line(node)
        if not value.strip():
            raise self.fail(where, "is empty", node)
        if spec.choices and value not in spec.choices:
            raise self.fail(where, f"'{value}' is not one of {', '.join(spec.choices)}", node)
        if spec.pattern and not re.fullmatch(spec.pattern, value):
            raise self.fail(where, f"'{value}' must be {spec.means or spec.pattern}", node)
        return value

    def whole(self, spec: Whole, node: yaml.ScalarNode, where: str) -> int:
        return int(_CONSTRUCTOR.construct_yaml_int(node))

    def number(self, spec: Number, node: yaml.ScalarNode, where: str) -> int | float:
        if node.tag == _INT:
            return self.whole(Whole(), node, where)
        return float(_CONSTRUCTOR.construct_yaml_float(node))

    def listof(self, spec: ListOf, node: yaml.SequenceNode, where: str) -> LineList:
        n = len(node.value)
        if n < spec.min_items or (spec.max_items is not None and n > spec.max_items):
            if spec.min_items == spec.max_items:
                wanted = f"{spec.min_items} item(s)"
            elif spec.max_items is None:
                wanted = f"at least {spec.min_items} item(s)"
            else:
                wanted = f"{spec.min_items} to {spec.max_items} items"
            raise self.fail(where, f"must have {wanted}, not {n}", node)
        items = LineList(
            self.value(spec.item, item, f"{where}[{i}]") for i, item in enumerate(node.value)
        )
        items.line = _line(node)
        return items

    def mapof(self, spec: MapOf, node: yaml.MappingNode, where: str) -> LineDict:
        out = LineDict(
            (key.value, self.value(spec.value, value, _join(where, key.value)))
            for key, value in node.value
        )
        out.line = _line(node)
        return out

    def record(self, spec: Record, node: yaml.MappingNode, where: str) -> LineDict:
        fields = {**spec.required, **spec.optional}
        given = {key.value: (key, value) for key, value in node.value}
        if spec.label and "id" in given and "id" in fields:
            where = f"{spec.label} {self.value(fields['id'], given['id'][1], _join(where, 'id'))}"
        for name, (key, _) in given.items():
            if name not in fields:
                near = difflib.get_close_matches(name, list(fields), n=1)
                hint = f" (did you mean '{near[0]}'?)" if near else f" (keys: {', '.join(fields)})"
                raise self.fail(where, f"unknown key '{name}'{hint}", key)
        for name in spec.required:
            if name not in given:
                raise self.fail(where, f"has no '{name}'", node)
        out = LineDict(
            (name, self.value(fields[name], value, _join(where, name)))
            for name, (_, value) in given.items()
        )
        out.line = _line(node)
        return out


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def parse_source(text: str, *, schema: Any, path: str, error: type[EditionError]) -> Any:
    """Parse YAML ``text`` and check it against ``schema``; ``error(path, message, line=)``.

    ``path`` names the file in errors. An empty document is checked as an
    empty mapping, so that it reports the first key it lacks.
    """
    root = _compose(text, path=path, error=error)
    if root is None:
        root = yaml.MappingNode(
            "tag:yaml.org,2002:map", [], yaml.Mark("", 0, 0, 0, None, None), None
        )
    return _Checker(path, error).value(schema, root, "")


def read_source(path: Path, *, error: type[EditionError], what: str) -> str:
    """The text of the YAML file at ``path``: a regular file, at most 1 MiB, UTF-8.

    ``what`` names the file in errors ("decisions file", "register file"); see
    :func:`~analysis.text.sourcefile.read_limited`.
    """
    data = read_limited(path, error=error, what=what)
    return decode_utf8(data, path=str(path), error=error, what=what)
