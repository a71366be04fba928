"""What the methods page quotes: values read from the code and the data, and its references.

Two pieces of the Sphinx extension :mod:`analysis.site.downloads` serve
``book/methods.md``:

* the role ``{method-value}`` quotes a parameter of the analyses (a threshold,
  a default, the size of the stopword list) or a count of the text, read from
  the code and the data by :func:`method_values`, so that the methods page
  never types a number by hand; a page that uses it depends on ``seeds/`` and
  on the package's modules (:mod:`analysis.site.dependencies`);
* the bibliography style ``edition`` (for sphinxcontrib-bibtex) labels the
  references in the author-year form of the citations ("Kiss and Strunk
  2006"), sorted by author and year.
"""

from __future__ import annotations

import inspect
from collections import Counter
from collections.abc import Callable
from typing import Any

from docutils import nodes
from pybtex.backends.plaintext import Backend as PlaintextBackend
from pybtex.plugin import register_plugin
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle
from sphinx.util.docutils import SphinxRole

from analysis.export.dictionary import DATA_DICTIONARY
from analysis.export.files import FLOAT_DIGITS, Sources
from analysis.measures import association as measures
from analysis.measures import comentions as comention_measures
from analysis.measures import network, terms, tokens
from analysis.measures.comentions import WINDOWS
from analysis.measures.statistics import edition_counts
from analysis.site.cache import current_edition, current_register
from analysis.site.pages import terms as term_page
from analysis.site.pages.base import build_inputs
from analysis.text.edition import Edition
from analysis.text.register import Register
from analysis.text.sentences import ABBREVIATIONS

__all__ = [
    "BIBLIOGRAPHY_STYLE",
    "AuthorYearStyle",
    "MethodValue",
    "associated_pairs",
    "frequent_pair",
    "method_values",
]


def _default(function: Callable[..., Any], name: str) -> Any:
    """The default value of parameter ``name`` of ``function``."""
    return inspect.signature(function).parameters[name].default


def _summaries_defaults() -> dict[str, str]:
    try:
        from analysis.measures import summaries
    except ImportError:  # the module is optional for the rest of the site
        return {}
    return {
        "textrank-k": str(_default(summaries.summarize, "k")),
        "textrank-damping": str(_default(summaries.rank_sentences, "damping")),
    }


def associated_pairs(table: Any, register: Register) -> str:
    """The pairs of a co-mention table that pass the association test, strongest first.

    Each as "name \u2013 name (k windows, G2 g, p = p)", joined by semicolons; G2
    to two decimals, p to two significant digits (below 0.001: "p < 0.001");
    ties by the pair's ids.

    >>> import pandas as pd
    >>> from analysis.text.register import Actor, Register
    >>> reg = Register("r", (Actor("a", "A", "place", ("A",), "."),
    ...                      Actor("b", "B", "place", ("B",), ".")))
    >>> t = pd.DataFrame({"actor_a": ["a"], "actor_b": ["b"], "count": [3], "g2": [9.1234],
    ...                   "p_value": [0.00252], "associated": [True]})
    >>> associated_pairs(t, reg)
    'A \u2013 B (3 windows, G2 9.12, p = 0.0025)'
    """
    names = {a.id: a.name for a in register}
    rows = table[table["associated"]].sort_values(
        ["g2", "actor_a", "actor_b"], ascending=[False, True, True], kind="stable"
    )
    return "; ".join(
        f"{names[r.actor_a]} \u2013 {names[r.actor_b]} ({r.count} windows, G2 {r.g2:.2f}, "
        + ("p < 0.001)" if r.p_value < 0.001 else f"p = {r.p_value:.2g})")
        for r in rows.itertuples(index=False)
    )


def frequent_pair(table: Any, register: Register) -> str:
    """The pair named together in most windows, with its expected count, G2 and verdict."""
    names = {a.id: a.name for a in register}
    top = table.sort_values(
        ["count", "actor_a", "actor_b"], ascending=[False, True, True], kind="stable"
    ).iloc[0]
    verdict = "associated" if top["associated"] else "not associated"
    return (
        f"{names[top['actor_a']]} \u2013 {names[top['actor_b']]}: {top['count']} windows, "
        f"{top['expected']:.1f} expected, G2 {top['g2']:.2f}, p = {top['p_value']:.2g}, {verdict}"
    )


def method_values(edition: Edition, register: Register) -> dict[str, str]:
    """Return the values the methods page quotes, by name, as they will be printed.

    Parameters come from the defaults of the functions that use them, counts
    from the edition and the register; :func:`analysis.measures.statistics.edition_counts`
    is included.
    """
    src = Sources(edition, register)
    totals = terms.token_totals(edition)
    values: dict[str, Any] = {
        **edition_counts(edition),
        "stopwords": len(tokens.STOPWORDS),
        "stopword-list": len(tokens.STOPWORD_LIST),
        "clitic-forms": len(tokens.CLITICS),
        "abbreviations": ", ".join(f"{a}." for a in ABBREVIATIONS),
        "word-tokens": f"{int(totals['tokens'].sum()):,}",
        "term-tokens": f"{int(totals['terms'].sum()):,}",
        "term-groups": f"{len(terms.term_frequencies(edition)):,}",
        "g2-critical-05": measures.G2_CRITICAL_05,
        "g2-critical-01": measures.G2_CRITICAL_01,
        "g2-p-05": f"{measures.g2_p_value(measures.G2_CRITICAL_05):.2f}",
        "g2-p-01": f"{measures.g2_p_value(measures.G2_CRITICAL_01):.2f}",
        "keyness-min-count": _default(terms.keyness, "min_count"),
        "keyness-min-g2": _default(terms.keyness, "min_g2"),
        "log-ratio-correction": _default(measures.log_ratio, "correction"),
        "collocation-min-freq": _default(terms.collocations, "min_freq"),
        "kwic-width": _default(terms.kwic, "width"),
        "kwic-page-width": _default(term_page.kwic_chooser, "width"),
        "actors": len(register),
        "mentions": len(src.mentions),
        "comention-windows": " and ".join(WINDOWS),
        "sentence-pairs": len(src.comentions["sentence"]),
        "paragraph-pairs": len(src.comentions["paragraph"]),
        "register-patterns": sum(len(a.patterns) for a in register),
        "register-aliases": sum(len(a.aliases) for a in register),
        "association-alpha": comention_measures.ALPHA,
        "association-min-count": comention_measures.MIN_COUNT,
        "sentence-associated": int(src.comentions["sentence"]["associated"].sum()),
        "paragraph-associated": int(src.comentions["paragraph"]["associated"].sum()),
        "sentence-associated-pairs": associated_pairs(src.comentions["sentence"], register),
        "sentence-frequent-pair": frequent_pair(src.comentions["sentence"], register),
        "paragraph-associated-pairs": associated_pairs(src.comentions["paragraph"], register),
        "layout-seed": network.LAYOUT_SEED,
        "layout-iterations": _default(network.layout, "iterations"),
        "float-digits": FLOAT_DIGITS,
        "export-files": len(DATA_DICTIONARY),
        **_summaries_defaults(),
    }
    return {name: str(value) for name, value in values.items()}


class MethodValue(SphinxRole):
    """Inline role ``{method-value}`keyness-min-count```: a value read from the code or data."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        decisions, actors = build_inputs(self.config)
        values = method_values(current_edition(decisions), current_register(actors))
        if self.text not in values:
            msg = self.inliner.reporter.error(
                f"method-value: unknown value '{self.text}' (one of {', '.join(values)})",
                line=self.lineno,
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [nodes.inline("", values[self.text], classes=["computed"])], []


#: The plain-text backend of pybtex, made once (``render_as("text")`` looks it up each time).
_PLAIN = PlaintextBackend()


def _author_year(entry: Any) -> str:
    """The author-year label of a bibliography entry: "Dunning 1993", "Bird et al. 2009"."""
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [" ".join(n.render(_PLAIN) for n in p.rich_last_names) for p in persons]
    if len(names) > 2:
        who = f"{names[0]} et al."
    else:
        who = " and ".join(names) or entry.fields.get("title", entry.key)
    return f"{who} {entry.fields.get('year', '')}".strip()


class _AuthorYearLabels(BaseLabelStyle):
    """Labels in the author-year form of the citations, made unique by a letter if needed."""

    def format_labels(self, sorted_entries: Any) -> Any:
        labels = [_author_year(e) for e in sorted_entries]
        total, seen = Counter(labels), Counter[str]()
        for label in labels:
            seen[label] += 1
            yield label if total[label] == 1 else f"{label}{chr(ord('a') + seen[label] - 1)}"


class AuthorYearStyle(PlainStyle):
    """The bibliography's pybtex style: ``plain``, labelled "Author Year" like the citations.

    Entries are sorted by author, year and title, as in ``plain``.
    """

    default_label_style = _AuthorYearLabels


#: Name of :class:`AuthorYearStyle` for ``bibtex_default_style`` in ``_config.yml``.
BIBLIOGRAPHY_STYLE = "edition"
register_plugin("pybtex.style.formatting", BIBLIOGRAPHY_STYLE, AuthorYearStyle)
