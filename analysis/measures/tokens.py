# ruff: noqa: RUF002, RUF003 -- the examples quote the essay's curly apostrophes
"""Split the reading text into word tokens, fold them into terms and lemmatise them.

The tokenizer is nltk's :class:`~nltk.tokenize.RegexpTokenizer` with a pattern
written for this essay's typography (no downloaded nltk data is needed):

* curly and straight apostrophes: clitics are split off as in the Penn
  Treebank (``Guzman’s`` -> ``Guzman``, ``’s``; ``wouldn’t`` -> ``would``,
  ``n’t``), other inner apostrophes stay in the word (``O’Brien``);
* em dashes, which the essay sets without spaces, are tokens of their own
  (``escape—a`` -> ``escape``, ``—``, ``a``);
* abbreviations made of single letters and full stops stay whole (``U.S.``,
  ``A.M.``);
* numbers keep their currency sign and inner separators (``$5``, ``2:00``,
  ``1,000``, ``2014``); ``%`` is a token of its own;
* hyphenated words stay whole (``late-night``, ``Seventy-one``);
* every other punctuation mark (parentheses, quotes, commas) is one token.

A *word token* is any token with a letter or a digit in it (clitics included);
a *term* is a folded word token that is not a stopword. Numbers are terms: the
years of the essay's chronology (2001, 2014) are part of what it is about.

Inflected forms are brought together by :func:`lemma`, simplemma's dictionary
lemmatizer for English (Barbaresi 2023): it looks a form up in a list of
attested forms and their lemmas, shipped with the package, so it merges
inflections (``cartels`` -> ``cartel``, ``fled`` -> ``flee``) but not words
that only look alike (``likely`` stays apart from ``like``, ``publicity`` from
``public``, ``majority`` from ``major``), which a suffix-stripping stemmer
merges. :data:`KEEP_FORMS` lists the forms of this essay whose dictionary
lemma is another word, each with the reason it is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import simplemma

if TYPE_CHECKING:
    from nltk.tokenize import RegexpTokenizer

__all__ = [
    "CLITICS",
    "KEEP_FORMS",
    "STOPWORDS",
    "STOPWORD_LIST",
    "fold",
    "is_word",
    "lemma",
    "lemma_groups",
    "term_tokens",
    "token_spans",
    "word_tokens",
]

_APOS = "'\u2019"
#: Clitics split off the word before them, in curly and straight spelling (folded).
CLITICS: frozenset[str] = frozenset(
    f"{a}{c}" for a in _APOS for c in ("s", "ll", "re", "ve", "d", "m")
) | frozenset(f"n{a}t" for a in _APOS)

#: The English function words of ``data/stopwords.txt``: scikit-learn's
#: ``ENGLISH_STOP_WORDS`` (the Glasgow IR group's list of 318 words), kept as
#: data with its source and licence, used as is so that the choice is
#: reproducible.
STOPWORD_LIST: frozenset[str] = frozenset(
    line.strip()
    for line in (Path(__file__).parent / "data" / "stopwords.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
)

#: Stopwords: :data:`STOPWORD_LIST` plus the clitics above, which the
#: tokenizer splits off (``’s``, ``n’t``, ``’ll``...).
STOPWORDS: frozenset[str] = STOPWORD_LIST | CLITICS

_L = r"[^\W\d_]"  # a letter, in any script
_PATTERN = rf"""
    (?:{_L}\.){{2,}}                                  # abbreviations: U.S., A.M.
  | {_L}+(?=n[{_APOS}]t\b)                            # the "would" of wouldn't
  | n[{_APOS}]t\b                                     # the "n't" of wouldn't
  | (?<=\w)[{_APOS}](?:s|ll|re|ve|d|m)\b              # clitics: 's 'll 're 've 'd 'm
  | \$?\d+(?:[.,:]\d+)*                               # numbers: $5 2:00 1,000 2014
  | {_L}+(?:[{_APOS}](?!(?:s|ll|re|ve|d|m|t)\b){_L}+  # words: O'Brien
           |-{_L}+)*                                  #   late-night, Seventy-one
  | \.\.\.                                            # an ellipsis in full stops
  | [^\w\s]|_                                         # any other mark: — ( ) “ , .
"""


@lru_cache(maxsize=1)
def _tokenizer() -> RegexpTokenizer:
    """The word tokenizer, made on first use (importing nltk takes a second)."""
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(_PATTERN, flags=re.VERBOSE | re.IGNORECASE | re.UNICODE)


#: Forms kept as written although simplemma gives them another lemma, and why.
#: Hyphenated words are kept as written too (:func:`lemma`): the dictionary
#: cuts their last part (``third-largest`` -> ``third-large``).
KEEP_FORMS: dict[str, str] = {
    "americas": "the Americas, the continents, are not the plural of America (the country)",
    "media": "the news media, not the plural of 'medium'",
    "capita": "'per capita', a Latin phrase, not a form of 'caput'",
    "neighborhood": "the dictionary gives the British spelling; the essay's is kept",
    "sophisticated": "an adjective ('sophisticated tunnels'), not the verb 'sophisticate'",
    "blinkered": "an adjective, not the noun 'blinker'",
    "understanding": "a noun here ('an understanding'), not the verb 'understand'",
    "laden": "'bin Laden', a name, not the verb 'lade'",
    "according": "'according to', a preposition, not the verb 'accord'",
}


def word_tokens(text: str) -> list[str]:
    """Split ``text`` into tokens: words, clitics, numbers and punctuation marks.

    >>> word_tokens("Guzman’s escape—a $5 million (late-night) U.S. affair")
    ['Guzman', '’s', 'escape', '—', 'a', '$5', 'million', '(', 'late-night', ')', 'U.S.', 'affair']
    """
    return _tokenizer().tokenize(text)


def token_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` character offsets of the tokens of :func:`word_tokens`.

    >>> token_spans("It’s 2:00.")
    [(0, 2), (2, 4), (5, 9), (9, 10)]
    """
    return list(_tokenizer().span_tokenize(text))


def is_word(token: str) -> bool:
    """Tell whether ``token`` is a word (it has a letter or a digit), not punctuation.

    >>> [is_word(t) for t in ("U.S.", "’s", "2014", "—", "(")]
    [True, True, True, False, False]
    """
    return any(ch.isalnum() for ch in token)


def fold(token: str) -> str:
    """Fold the case of ``token`` (full stops and apostrophes are kept: ``u.s.``).

    >>> fold("U.S."), fold("Seventy-one"), fold("’S")
    ('u.s.', 'seventy-one', '’s')
    """
    return token.lower()


def term_tokens(text: str) -> list[str]:
    """Return the terms of ``text``: folded word tokens that are not stopwords.

    >>> term_tokens("The U.S. and Guzman’s 2 cartels—in 2014.")
    ['u.s.', 'guzman', '2', 'cartels', '2014']
    """
    folded = (fold(t) for t in word_tokens(text) if is_word(t))
    return [t for t in folded if t not in STOPWORDS]


def lemma(term: str) -> str:
    """Return the lemma of the folded ``term`` (simplemma, English), folded.

    A form of :data:`KEEP_FORMS`, a hyphenated word and a word with a full
    stop (``u.s.``) are their own lemma; so is a form the dictionary does not
    know (``guzman``).

    >>> [lemma(t) for t in ("cartels", "fled", "likely", "publicity", "majority", "americas")]
    ['cartel', 'flee', 'likely', 'publicity', 'majority', 'americas']
    """
    if term in KEEP_FORMS or "-" in term or "." in term or not term.isalpha():
        return term
    return fold(simplemma.lemmatize(term, lang="en"))


def lemma_groups(tokens: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Map each lemma of ``tokens`` to its forms, where the lemmatizer changed something.

    A lemma is listed when it brings two or more forms together or stands for
    a form other than itself; lemmas that are their one form are left out.

    >>> lemma_groups(["cartels", "cartel", "drug", "likely", "like", "fled"])
    {'cartel': ('cartel', 'cartels'), 'flee': ('fled',)}
    """
    groups: dict[str, set[str]] = {}
    for term in set(tokens):
        groups.setdefault(lemma(term), set()).add(term)
    return {k: tuple(sorted(v)) for k, v in sorted(groups.items()) if v != {k}}
