"""Split the reading text into sentences with nltk's Punkt, no downloaded data needed.

Punkt is given the abbreviations this essay uses, so that "U.S. Treasury
Department" stays whole. After an abbreviation it splits only before a word
that the text itself shows opening sentences and using in lower case elsewhere
(Punkt's "frequent sentence starters"), so that "2:00 A.M. As soon as" splits
and "U.S. Drug Enforcement Administration" does not. Punkt learns no
abbreviations of its own: on one essay that guesses wrong ("job." in "not up
to the job. If the saga").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # nltk is imported where it is used: importing it takes a second
    from nltk.tokenize.punkt import PunktSentenceTokenizer

__all__ = ["ABBREVIATIONS", "sentence_spans", "sentence_tokenizer"]

#: Abbreviations (lower case, without the final full stop) after which a full
#: stop does not end the sentence unless a sentence starter follows.
ABBREVIATIONS: tuple[str, ...] = ("a.m", "dr", "jr", "mr", "mrs", "ms", "p.m", "st", "u.s", "w")

_FIRST_WORD = re.compile(r"[\"'(\[]*([A-Za-z]+)")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")


def sentence_tokenizer(
    text: str, *, abbreviations: Iterable[str] = ABBREVIATIONS
) -> PunktSentenceTokenizer:
    """Build a Punkt sentence tokenizer for ``text`` with the given ``abbreviations``.

    >>> text = "He left, as planned, at 2:00 A.M. As agreed, the U.S. Army came. As ever."
    >>> sentence_tokenizer(text).tokenize(text)
    ['He left, as planned, at 2:00 A.M.', 'As agreed, the U.S. Army came.', 'As ever.']
    """
    plain = _plain_quotes(text)
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = {a.lower().rstrip(".") for a in abbreviations}
    lower = set(_LOWER_WORD.findall(plain))
    starters = set()
    for sentence in PunktSentenceTokenizer(params).tokenize(plain):
        match = _FIRST_WORD.match(sentence)
        if match and match.group(1)[0].isupper() and match.group(1).lower() in lower:
            starters.add(match.group(1).lower())
    params.sent_starters = starters
    return PunktSentenceTokenizer(params)


def sentence_spans(tokenizer: PunktSentenceTokenizer, text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character offsets of each sentence of ``text``.

    Curly quotes are read as straight ones, which Punkt knows, so that a sentence
    ending inside a quotation (``trafficker.”``) keeps its closing quote.
    """
    return list(tokenizer.span_tokenize(_plain_quotes(text)))


def _plain_quotes(text: str) -> str:
    """Replace curly quotes by straight ones of the same length (offsets stay valid)."""
    return text.translate({0x201C: '"', 0x201D: '"', 0x2018: "'", 0x2019: "'"})
