"""Establishing the text: the witness and the editor's decisions become the edition.

The first stage of the flow. :mod:`~analysis.text.witness` reads the witness and
checks it; :mod:`~analysis.text.yamlsource` reads the YAML of the decisions
(:mod:`~analysis.text.decisions`) and of the register
(:mod:`~analysis.text.register`) with the line of every value;
:mod:`~analysis.text.validation` and :mod:`~analysis.text.transpositions` check
the decisions against the witness; :mod:`~analysis.text.sentences` splits
sentences; :mod:`~analysis.text.edition` builds the
:class:`~analysis.text.edition.Edition`; :mod:`~analysis.text.order` reads the
witness in its own order. :mod:`~analysis.text.blocks`,
:mod:`~analysis.text.reorder` and :mod:`~analysis.text.proposal` propose a
reading order from the witness alone, as decisions. Nothing here imports the later stages
(:mod:`analysis.measures`, :mod:`analysis.export`, :mod:`analysis.site`).
"""

__all__: list[str] = []
