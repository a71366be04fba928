"""Site search that folds accents and case: "Guzman" finds "Guzmán", and "Guzmán" "Guzman".

The text keeps the witness's spelling ("Guzman", "Pena Nieto") and the register
restores the diacritics ("Guzmán", "Peña Nieto"). Sphinx's search index is made
by the search language of the site; :class:`FoldingEnglish`, registered for
English by :func:`add_search`, stems every word after removing its diacritics,
and ``edition.js`` folds the reader's query the same way before Sphinx looks it
up, so both spellings find both pages.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sphinx.search.en import SearchEnglish

__all__ = ["FoldingEnglish", "add_search", "fold"]


def fold(word: str) -> str:
    """The word without diacritics, in lower case.

    >>> fold("Guzmán"), fold("PEÑA"), fold("Ciudad Juárez")
    ('guzman', 'pena', 'ciudad juarez')
    """
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class FoldingEnglish(SearchEnglish):
    """Sphinx's English search language, with accents folded before stemming."""

    def stem(self, word: str) -> str:
        """The Porter stem of the folded word, as Sphinx's JavaScript stems the folded query."""
        return super().stem(fold(word))


def add_search(app: Any) -> None:
    """Index the site's English text with :class:`FoldingEnglish`."""
    app.add_search_language(FoldingEnglish)
