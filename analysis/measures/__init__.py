"""Measuring the established text: terms, mentions of actors, co-mentions, summaries.

The second stage of the flow: pure functions from an
:class:`~analysis.text.edition.Edition` (and the register) to tidy frames.
:mod:`~analysis.measures.tokens` makes word tokens and terms,
:mod:`~analysis.measures.association` holds the association measures,
:mod:`~analysis.measures.terms` the term analyses,
:mod:`~analysis.measures.mentions` finds the register's actors,
:mod:`~analysis.measures.comentions` and :mod:`~analysis.measures.network` relate
them, :mod:`~analysis.measures.summaries` and
:mod:`~analysis.measures.statistics` describe sections, and
:mod:`~analysis.measures.comparison` sets the witness order against the reading
order; :mod:`~analysis.measures.scrambles` makes synthetic scrambles and
:mod:`~analysis.measures.reordering` measures a proposed order against the
editor's and against their truth. It imports :mod:`analysis.text` only.
"""

__all__: list[str] = []
