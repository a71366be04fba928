"""A critical edition of Patrick Radden Keefe's essay "The Chapo Conundrum".

The package turns the witness in ``seeds/`` and the editor's decisions about
it into the edition and its analyses; the book's pages import it and display
what it computes. Each module handles one concern (see DEVELOPING.md); the
names below are the public API, imported on first use so that
``import analysis`` stays light.

>>> from analysis import load_edition
>>> load_edition().paragraphs[0].id
'p1'
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

#: Public name -> module of the package that defines it.
_API: dict[str, str] = {
    # the established text
    "load_witness": "witness",
    "Witness": "witness",
    "load_decisions": "decisions",
    "Decisions": "decisions",
    "load_edition": "edition",
    "build_edition": "edition",
    "Edition": "edition",
    "Section": "edition",
    "Paragraph": "edition",
    "Sentence": "edition",
    "ApparatusEntry": "edition",
    "EditionError": "errors",
    "WitnessError": "errors",
    "DecisionsError": "errors",
    "RegisterError": "errors",
    # text processing and terms
    "sentence_tokenizer": "sentences",
    "word_tokens": "tokens",
    "term_tokens": "tokens",
    "group_terms": "tokens",
    "term_frequencies": "terms",
    "keyness": "terms",
    "tfidf_by_section": "terms",
    "collocations": "terms",
    "kwic": "terms",
    "dispersion": "terms",
    "section_trends": "terms",
    "log_likelihood_g2": "measures",
    "log_ratio": "measures",
    "pmi": "measures",
    "dice": "measures",
    "per_thousand": "measures",
    # actors
    "load_register": "register",
    "Register": "register",
    "Actor": "register",
    "find_mentions": "actors",
    "actor_table": "actors",
    "comentions": "comentions",
    "comention_matrix": "comentions",
    "comention_graph": "network",
    "network_measures": "network",
    "layout": "network",
    # sections and order
    "summarize": "summaries",
    "section_statistics": "statistics",
    "order_segments": "order",
    "witness_order_edition": "order",
    "order_comparison": "comparison",
    # output
    "export_edition": "export",
}

__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    """Import the module that defines a public name when it is first asked for."""
    if name not in _API:
        raise AttributeError(f"module 'analysis' has no attribute '{name}'")
    value = getattr(importlib.import_module(f".{_API[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
