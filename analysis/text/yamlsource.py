"""Read YAML whose mappings and strings remember the line they stand on.

The decisions file and the register are read with :func:`load_yaml`, so that
an error can name the line of the entry at fault.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

__all__ = ["LineDict", "LineStr", "line_of", "load_yaml", "read_source"]


class LineDict(dict):
    """A mapping that remembers the 1-based line of the YAML file it was read from."""

    line: int = 0


class LineStr(str):
    """A string that remembers the 1-based line of the YAML file it was read from."""

    line: int = 0


class _Loader(yaml.SafeLoader):
    """Safe YAML loader whose mappings carry their source line."""


class _StringLoader(_Loader):
    """Safe YAML loader whose mappings and strings carry their source line."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


def _construct_str(loader: _Loader, node: yaml.ScalarNode) -> LineStr:
    value = LineStr(loader.construct_scalar(node))
    value.line = node.start_mark.line + 1
    return value


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StringLoader.add_constructor("tag:yaml.org,2002:str", _construct_str)


def load_yaml(text: str, *, string_lines: bool = False) -> Any:
    """Parse YAML ``text`` safely; mappings become :class:`LineDict`.

    With ``string_lines``, strings become :class:`LineStr` (a ``str`` that also
    knows its line); otherwise they stay plain strings. Raises
    :class:`yaml.YAMLError` as :func:`yaml.safe_load` does.

    >>> data = load_yaml("a:\\n  b: text\\n", string_lines=True)
    >>> data.line, data["a"].line, data["a"]["b"].line
    (1, 2, 2)
    """
    loader = _StringLoader if string_lines else _Loader
    return yaml.load(text, Loader=loader)


def read_source(path: Path, *, error: type[Exception], what: str) -> str:
    """Read the UTF-8 text of a source file, or raise ``error(path, message)`` in one line.

    ``what`` names the file in the message ("decisions file", "register file").
    """
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(str(path), f"{what} not found") from None
    except UnicodeDecodeError:
        raise error(str(path), f"{what} is not valid UTF-8") from None


def line_of(value: Any) -> int | None:
    """The source line of a value read by :func:`load_yaml`, or None."""
    return getattr(value, "line", None)
