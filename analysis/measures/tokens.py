# ruff: noqa: RUF002, RUF003 -- the examples quote the essay's curly apostrophes
"""Split the reading text into word tokens, fold them into terms and group inflections.

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
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import RegexpTokenizer

__all__ = [
    "CLITICS",
    "STOPWORDS",
    "STOPWORD_LIST",
    "fold",
    "group_terms",
    "is_word",
    "stem",
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
_TOKENIZER = RegexpTokenizer(_PATTERN, flags=re.VERBOSE | re.IGNORECASE | re.UNICODE)
_STEMMER = SnowballStemmer("english")


def word_tokens(text: str) -> list[str]:
    """Split ``text`` into tokens: words, clitics, numbers and punctuation marks.

    >>> word_tokens("Guzman’s escape—a $5 million (late-night) U.S. affair")
    ['Guzman', '’s', 'escape', '—', 'a', '$5', 'million', '(', 'late-night', ')', 'U.S.', 'affair']
    """
    return _TOKENIZER.tokenize(text)


def token_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` character offsets of the tokens of :func:`word_tokens`.

    >>> token_spans("It’s 2:00.")
    [(0, 2), (2, 4), (5, 9), (9, 10)]
    """
    return list(_TOKENIZER.span_tokenize(text))


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


def stem(term: str) -> str:
    """Reduce ``term`` to its Snowball (Porter 2) stem, the key of its group.

    >>> stem("cartels"), stem("cartel"), stem("escaped")
    ('cartel', 'cartel', 'escap')
    """
    return _STEMMER.stem(term)


def group_terms(tokens: Iterable[str]) -> dict[str, str]:
    """Map each term in ``tokens`` to the label of its group of inflected forms.

    Terms with the same :func:`stem` form a group; its label is the form that
    occurs most often in ``tokens``, ties broken alphabetically. Snowball also
    merges some derived forms (``government`` with ``governs``); the label
    shows which form dominates.

    >>> group_terms(["cartels", "cartel", "cartels", "drug", "drugs"])
    {'cartel': 'cartels', 'cartels': 'cartels', 'drug': 'drug', 'drugs': 'drug'}
    """
    counts = Counter(tokens)
    groups: dict[str, list[str]] = {}
    for term in counts:
        groups.setdefault(stem(term), []).append(term)
    mapping: dict[str, str] = {}
    for members in groups.values():
        label = min(members, key=lambda t: (-counts[t], t))
        mapping.update((t, label) for t in members)
    return dict(sorted(mapping.items()))
