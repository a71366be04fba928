"""Exporting the edition and its measures as files: JSON, CSV, TEI, and their dictionary.

The third stage of the flow. :mod:`~analysis.export.files` makes the text of
every export file and writes them; :mod:`~analysis.export.dictionary` describes
each file and column; :mod:`~analysis.export.tei` makes the TEI version. It
imports :mod:`analysis.measures` and :mod:`analysis.text` only.
"""

__all__: list[str] = []
