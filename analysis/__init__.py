"""A critical edition of Patrick Radden Keefe's essay "The Chapo Conundrum".

The package turns the witness in ``seeds/`` and the editor's decisions about
it into the edition and its analyses; the book's pages import it and display
what it computes. Its sub-packages follow the flow, and import only the
stages before them: :mod:`analysis.text` (the witness and the decisions become
the edition) -> :mod:`analysis.measures` -> :mod:`analysis.export` ->
:mod:`analysis.site`. The names below are the public API, imported on first
use so that ``import analysis`` stays light.

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
    "load_witness": "text.witness",
    "Witness": "text.witness",
    "load_decisions": "text.decisions",
    "Decisions": "text.decisions",
    "load_edition": "text.edition",
    "build_edition": "text.edition",
    "Edition": "text.edition",
    "Section": "text.edition",
    "Paragraph": "text.edition",
    "Sentence": "text.edition",
    "ApparatusEntry": "text.edition",
    "EditionError": "errors",
    "WitnessError": "errors",
    "DecisionsError": "errors",
    "RegisterError": "errors",
    "ExportError": "errors",
    # text processing and terms
    "sentence_tokenizer": "text.sentences",
    "word_tokens": "measures.tokens",
    "term_tokens": "measures.tokens",
    "group_terms": "measures.tokens",
    "term_frequencies": "measures.terms",
    "keyness": "measures.terms",
    "tfidf_by_section": "measures.terms",
    "collocations": "measures.terms",
    "kwic": "measures.terms",
    "dispersion": "measures.terms",
    "section_trends": "measures.terms",
    "log_likelihood_g2": "measures.association",
    "log_ratio": "measures.association",
    "pmi": "measures.association",
    "dice": "measures.association",
    "per_thousand": "measures.association",
    # actors
    "load_register": "text.register",
    "Register": "text.register",
    "Actor": "text.register",
    "find_mentions": "measures.mentions",
    "actor_table": "measures.mentions",
    "comentions": "measures.comentions",
    "comention_matrix": "measures.comentions",
    "comention_graph": "measures.network",
    "network_measures": "measures.network",
    "layout": "measures.network",
    # sections and order
    "summarize": "measures.summaries",
    "section_statistics": "measures.statistics",
    "order_segments": "text.order",
    "witness_order_edition": "text.order",
    "order_comparison": "measures.comparison",
    # the proposed reading order
    "split_blocks": "text.blocks",
    "propose": "text.proposal",
    "decisions_mapping": "text.proposal",
    "editor_agreement": "measures.reordering",
    "synthetic_scores": "measures.reordering",
    # output
    "export_edition": "export.files",
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
