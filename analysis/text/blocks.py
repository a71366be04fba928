"""Cut a scrambled witness into the blocks an extraction moved, with the evidence at their ends.

A *block* is a run of witness lines that the extraction printed together: the
lines between blank lines, cut again where a line begins with a stray space
(the mark an extraction leaves where a new text box starts) and around a
heading. What a block shows at its two ends is the evidence for joining it to
another: whether its last sentence is cut, whether it starts in lower case,
brackets and quotation marks left open or closed, and its words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

__all__ = [
    "SMALL_WORDS",
    "Block",
    "column_width",
    "ends_sentence",
    "is_heading_text",
    "names",
    "opening_word",
    "split_blocks",
    "starts_lowercase",
]

#: Words a title leaves in lower case.
SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "up",
        "via",
        "with",
    ]
)
_END = re.compile(r"[.!?][)\]\u201d\u2019\"']*$")
#: A line that ends in an abbreviation with inner full stops (i.e., e.g.) goes on.
_ABBREVIATION = re.compile(r"(?:^|\s)[a-z](?:\.[a-z])+\.$")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f'\u2019-]*")
#: Share of the column width below which a line is short (a last line, a heading).
SHORT_LINE = 0.8
#: Longest heading, in lines.
HEADING_LINES = 3


@dataclass(frozen=True)
class Block:
    """A run of witness lines printed together: its 1-based line numbers and what opens it."""

    n: int
    lines: tuple[int, ...]
    texts: tuple[str, ...]
    opened_by: str
    heading: bool

    @property
    def first(self) -> int:
        """First witness line."""
        return self.lines[0]

    @property
    def last(self) -> int:
        """Last witness line."""
        return self.lines[-1]

    @cached_property
    def text(self) -> str:
        """The block's lines, stripped and joined with spaces."""
        return " ".join(t.strip() for t in self.texts)

    @cached_property
    def cut(self) -> bool:
        """True if the block's last sentence does not end in the block."""
        return not self.heading and not ends_sentence(self.texts[-1])

    @cached_property
    def lowercase(self) -> bool:
        """True if the block opens in lower case, inside a sentence."""
        return starts_lowercase(self.texts[0])

    @cached_property
    def open_brackets(self) -> int:
        """Round brackets the block opens and does not close."""
        return _unbalanced(self.text, "(", ")")[1]

    @cached_property
    def closes_brackets(self) -> int:
        """Round brackets the block closes that it did not open."""
        return _unbalanced(self.text, "(", ")")[0]

    @cached_property
    def open_quotes(self) -> int:
        """Curly double quotation marks the block opens and does not close."""
        return _unbalanced(self.text, "\u201c", "\u201d")[1]

    @cached_property
    def closes_quotes(self) -> int:
        """Curly double quotation marks the block closes that it did not open."""
        return _unbalanced(self.text, "\u201c", "\u201d")[0]


def _unbalanced(text: str, opening: str, closing: str) -> tuple[int, int]:
    """``(closed without opening, opened without closing)`` for one pair of marks."""
    depth = closed_early = 0
    for char in text:
        if char == opening:
            depth += 1
        elif char == closing:
            if depth:
                depth -= 1
            else:
                closed_early += 1
    return closed_early, depth


def ends_sentence(line: str) -> bool:
    """True if ``line`` ends a sentence (a full stop, question or exclamation mark).

    >>> ends_sentence("off the shelves."), ends_sentence("until he became,")
    (True, False)
    >>> ends_sentence("millions of dollars.)"), ends_sentence("the global namespace, i.e.")
    (True, False)
    """
    line = line.rstrip()
    return bool(_END.search(line)) and not _ABBREVIATION.search(line)


def starts_lowercase(line: str) -> bool:
    """True if the first letter of ``line`` is lower case.

    >>> starts_lowercase(" drugs.\u201d And as it happens"), starts_lowercase("The idea")
    (True, False)
    """
    match = re.search(r"[^\W\d_]", line)
    return bool(match) and match.group().islower()


_MID_SENTENCE = re.compile(r"(?<![.!?:\u201c\u201d\"(])\s+[\u201c\"]?([A-Z][a-z][\w\u2019'-]*)")


def names(texts: Sequence[str]) -> frozenset[str]:
    """Words written only with a capital, and at least once inside a sentence: names.

    A block that opens with one of them may go on a sentence cut before it.

    >>> sorted(names(["in the estimation of the U.S. Treasury,", "Treasury said the"]))
    ['Treasury']
    """
    text = " ".join(t.strip() for t in texts)
    lower = {w.lower() for w in _WORD.findall(text) if w[0].islower()}
    inside = set(_MID_SENTENCE.findall(text))
    return frozenset(w for w in inside if w.lower() not in lower)


def opening_word(line: str) -> str:
    """The first word of ``line``.

    >>> opening_word(" \u201cPython may add types")
    'Python'
    """
    match = _WORD.search(line)
    return match.group() if match else ""


def column_width(lines: Sequence[str]) -> int:
    """The width of the column: the 90th percentile of the lengths of the text lines."""
    lengths = sorted(len(t.strip()) for t in lines if t.strip())
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))]


def is_heading_text(texts: Sequence[str], *, width: int) -> bool:
    """True if ``texts`` (one to three lines) read as a heading.

    Every line is short, the whole starts with a capital, does not end in a
    full stop, comma, colon or semicolon, and its words other than small ones
    are capitalised.

    >>> is_heading_text(["The Revolving Door of", "the Mexican Justice System"], width=52)
    True
    >>> is_heading_text(["government."], width=52)
    False
    """
    if not texts or len(texts) > HEADING_LINES:
        return False
    if any(len(t.strip()) > SHORT_LINE * width for t in texts):
        return False
    whole = " ".join(t.strip() for t in texts)
    if not whole[:1].isupper() or whole.rstrip()[-1:] in ".,;:\u2014-":
        return False
    words = [w for w in _WORD.findall(whole) if w.lower() not in SMALL_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def split_blocks(lines: Sequence[str]) -> tuple[Block, ...]:
    """Cut the witness ``lines`` (0-based list, numbered from 1) into blocks.

    A block ends at a blank line, and a new one begins at a line with a stray
    leading space; a block of at most three short title-case lines is a
    heading (:func:`is_heading_text`).
    """
    width = column_width(lines)
    runs: list[tuple[list[int], str]] = []
    current: list[int] = []
    opened = "start"
    for k, text in enumerate(lines, start=1):
        if not text.strip():
            if current:
                runs.append((current, opened))
            current, opened = [], "blank line"
            continue
        if current and text[:1].isspace():
            runs.append((current, opened))
            current, opened = [], "stray leading space"
        current.append(k)
    if current:
        runs.append((current, opened))

    return tuple(
        _block(
            n,
            run,
            lines,
            why,
            heading=is_heading_text([lines[k - 1] for k in run], width=width),
        )
        for n, (run, why) in enumerate(runs)
    )


def _block(n: int, run: list[int], lines: Sequence[str], why: str, *, heading: bool) -> Block:
    return Block(
        n=n,
        lines=tuple(run),
        texts=tuple(lines[k - 1] for k in run),
        opened_by=why,
        heading=heading,
    )
