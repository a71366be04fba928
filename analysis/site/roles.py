"""The ``edition-count`` role: a number computed from the edition, quoted in prose.

``{edition-count}`paragraphs``` quotes one of the counts of
:func:`analysis.measures.statistics.edition_counts`, so that no page types one
by hand; :mod:`analysis.site.extension` registers it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from analysis.measures.statistics import edition_counts
from analysis.site.cache import current_edition

__all__ = ["EditionCount"]


class EditionCount(SphinxRole):
    """Inline role ``{edition-count}`paragraphs``: a number computed from the edition."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        counts = edition_counts(current_edition(self.config.edition_decisions))
        if self.text not in counts:
            msg = self.inliner.reporter.error(
                f"edition-count: unknown count '{self.text}' (one of {', '.join(counts)})",
                line=self.lineno,
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [nodes.inline("", str(counts[self.text]), classes=["computed"])], []
