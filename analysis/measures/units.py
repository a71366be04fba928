"""Multiword terms: names and bound pairs of words read as one term.

A reader counts "United States" or "Pena Nieto" once, not as two words. The
units of the terms analyses (:mod:`analysis.measures.terms`) are therefore
the word tokens of the text with some runs of tokens joined into one term by
nltk's :class:`~nltk.tokenize.MWETokenizer` (longest run first):

* every form of the register of actors that is a name of more than one word:
  each of its words capitalised, or one of the particles of :data:`PARTICLES`
  ("Pena Nieto", "Department of Justice", "Joaquin “El Chapo” Guzman"), read
  through :class:`analysis.text.register.Register`; descriptive forms of
  collective actors ("the cartels", "American banks", "U.S. prosecutors") are
  phrases, not names, and are counted word by word;
* every pair of adjacent words that binds as a collocation: neither word a
  stopword, nothing between them (no punctuation mark, no sentence boundary),
  seen at least ``min_count`` times, with a log-likelihood G2 of at least
  ``min_g2`` (10.83: p < 0.001) and a Dice coefficient of at least
  ``min_dice`` (the two words occur together at least as often as apart).

A joined term is named by its words, folded, separated by a space
(``pena nieto``). The multiword forms of one actor of the register are one
term, named by the shortest of them ("Enrique Pena Nieto" counts as
``pena nieto``), and :data:`SAME_TERM` names the country's forms: "United
States", "U.S." and "America" (which this essay uses only for the United
States; "the Americas" and "Latin America" are other places) are the term
``united states``.

>>> units = TermUnits(phrases=(("pena", "nieto"),), sources=("register",))
>>> units.join(["president", "pena", "nieto", "and", "the", "u.s."])
['president', 'pena nieto', 'and', 'the', 'united states']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # nltk is imported where it is used: importing it takes a second
    from nltk.collocations import BigramCollocationFinder
    from nltk.tokenize import MWETokenizer

from analysis.measures.tokens import STOPWORDS, fold, is_word, word_tokens
from analysis.text.edition import Edition
from analysis.text.register import Register

__all__ = [
    "MIN_COUNT",
    "MIN_DICE",
    "MIN_G2",
    "PARTICLES",
    "SAME_TERM",
    "TermUnits",
    "adjacent_pairs",
    "term_units",
]

#: Lower-case words that may stand inside a name ("Department of Justice", "Osama bin Laden").
PARTICLES: frozenset[str] = frozenset({"of", "bin", "de", "del", "la", "y"})

#: Forms counted under one term (folded form -> term).
SAME_TERM: dict[str, str] = {"u.s.": "united states", "america": "united states"}

#: The thresholds a pair of adjacent words must pass to become one term.
MIN_COUNT = 3
MIN_G2 = 10.83
MIN_DICE = 0.5

_SEPARATOR = " "


@dataclass(frozen=True)
class TermUnits:
    """The runs of folded tokens read as one term, each with its source, and :data:`SAME_TERM`.

    ``phrases`` are tuples of folded tokens (punctuation marks included, as in
    ``joaquin “ el chapo ” guzman``); ``sources`` says, for each, where it
    comes from: ``register`` or ``collocation``.
    """

    phrases: tuple[tuple[str, ...], ...] = ()
    sources: tuple[str, ...] = ()
    same: dict[str, str] = field(default_factory=lambda: dict(SAME_TERM))

    @cached_property
    def _tokenizer(self) -> MWETokenizer:
        from nltk.tokenize import MWETokenizer

        return MWETokenizer(list(self.phrases), separator="\x00")

    def join(self, folded: Sequence[str]) -> list[str]:
        """Join the runs of ``folded`` tokens that are phrases; name each token's term.

        Punctuation marks inside a phrase are dropped from its name; a form of
        :attr:`same` is replaced by its term.
        """
        return [self.name(t) for t in self._tokenizer.tokenize(list(folded))]

    def spans(self, folded: Sequence[str]) -> list[tuple[int, int, str]]:
        """The runs of :meth:`join` as ``(first, last + 1, term)`` indices into ``folded``."""
        out, k = [], 0
        for joined in self._tokenizer.tokenize(list(folded)):
            n = joined.count("\x00") + 1
            out.append((k, k + n, self.name(joined)))
            k += n
        return out

    def name(self, joined: str) -> str:
        """The term of a token or of a joined run (its parts separated by ``\\x00``)."""
        parts = joined.split("\x00")
        term = _name(parts) if len(parts) > 1 else joined
        return self.same.get(term, term)

    def table(self) -> list[dict[str, str]]:
        """One row per phrase: its term, its tokens as matched and its source; sorted by term."""
        rows = {
            (self.name("\x00".join(p)), _SEPARATOR.join(p), s)
            for p, s in zip(self.phrases, self.sources, strict=True)
        }
        return [{"term": t, "tokens": p, "source": s} for t, p, s in sorted(rows)]


def adjacent_pairs(documents: Iterable[Sequence[str]]) -> BigramCollocationFinder:
    """Count the pairs of adjacent tokens of ``documents`` that are two terms.

    A pair is two tokens side by side in one document (a sentence), punctuation
    marks counted as tokens so that no pair runs across one; pairs with a
    stopword or a punctuation mark are removed *after* pairing, so "war on
    drugs" gives no pair.

    >>> finder = adjacent_pairs([["war", "on", "drugs"], ["drug", "war", ",", "mexico"]])
    >>> sorted(finder.ngram_fd.items())
    [(('drug', 'war'), 1)]
    """
    from nltk.collocations import BigramCollocationFinder

    finder = BigramCollocationFinder.from_documents([list(d) for d in documents])
    finder.apply_ngram_filter(
        lambda a, b: not (is_word(a) and is_word(b)) or a in STOPWORDS or b in STOPWORDS
    )
    return finder


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(fold(t) for t in word_tokens(text))


def _is_name(form: str) -> bool:
    """Whether every word of ``form`` is capitalised or a particle.

    >>> _is_name("Department of Justice"), _is_name("Sinaloa cartel"), _is_name("the cartels")
    (True, False, False)
    """
    words = [w for w in word_tokens(form) if is_word(w)]
    return all(w[0].isupper() or w[0].isdigit() or w in PARTICLES for w in words)


def _name(tokens: Sequence[str]) -> str:
    return _SEPARATOR.join(t for t in tokens if is_word(t))


def term_units(
    edition: Edition,
    register: Register,
    *,
    min_count: int = MIN_COUNT,
    min_g2: float = MIN_G2,
    min_dice: float = MIN_DICE,
) -> TermUnits:
    """Find the multiword terms of ``edition``: the register's forms and bound pairs of words.

    Phrases are sorted (register forms first, then collocations, each
    alphabetically); a pair that is also a register form is listed once, as
    a register form.
    """
    phrases: dict[tuple[str, ...], str] = {}
    same = dict(SAME_TERM)
    for actor in register:
        forms = sorted(
            (_tokens(a) for a in actor.aliases if _is_name(a) and len(_tokens(a)) > 1),
            key=lambda t: (len(t), len(" ".join(t)), t),
        )
        for tokens in forms:
            phrases.setdefault(tokens, "register")
            name = _name(tokens)
            if name != _name(forms[0]):
                same.setdefault(name, _name(forms[0]))
    from nltk.collocations import BigramAssocMeasures

    finder = adjacent_pairs(_tokens(s.text) for s in edition.sentences)
    finder.apply_freq_filter(min_count)
    g2 = dict(finder.score_ngrams(BigramAssocMeasures.likelihood_ratio))
    dice = dict(finder.score_ngrams(BigramAssocMeasures.dice))
    for pair in sorted(g2):
        if g2[pair] >= min_g2 and dice[pair] >= min_dice:
            phrases.setdefault(pair, "collocation")
    ordered = sorted(phrases.items(), key=lambda kv: (kv[1] != "register", kv[0]))
    return TermUnits(
        phrases=tuple(p for p, _ in ordered),
        sources=tuple(s for _, s in ordered),
        same=dict(sorted(same.items())),
    )
