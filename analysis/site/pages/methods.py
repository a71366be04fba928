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
from collections.abc import Callable, Collection
from functools import cache
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
from analysis.measures import network, terms, tokens, units
from analysis.measures.comentions import WINDOWS
from analysis.measures.statistics import edition_counts
from analysis.site.cache import current_claims, current_edition, current_register
from analysis.site.pages import terms as term_page
from analysis.site.pages.base import build_inputs
from analysis.text.claims import SectionClaims
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


#: The values of :func:`_summaries_values`, by name.
_SUMMARY_VALUES = ("summary-k", "textrank-damping", "summary-methods", "summary-method")


def _summaries_values(edition: Edition, claims: tuple[SectionClaims, ...]) -> dict[str, str]:
    """The summarising methods, and the one that agrees best with the editor's reference."""
    from analysis.measures import summaries

    comparison = summaries.method_comparison(edition, claims)
    best = summaries.best_method(comparison) if claims else _default(summaries.summarize, "method")
    return {
        "summary-k": str(_default(summaries.summarize, "k")),
        "textrank-damping": str(_default(summaries.rank_sentences, "damping")),
        "summary-methods": ", ".join(summaries.METHODS),
        "summary-method": best,
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


def method_values(
    edition: Edition,
    register: Register,
    *,
    claims: tuple[SectionClaims, ...] = (),
    names: Collection[str] | None = None,
) -> dict[str, str]:
    """Return the values the methods page quotes, by name, as they will be printed.

    Parameters come from the defaults of the functions that use them, counts
    from the edition and the register; :func:`analysis.measures.statistics.edition_counts`
    is included. With ``names``, only those values are computed (a notebook
    quotes a few; the summaries alone take seconds); an unknown name raises
    :class:`LookupError` naming the known ones.
    """
    makers = _makers(edition, register, claims)
    unknown = [name for name in names or () if name not in makers]
    if unknown:
        raise LookupError(
            f"method-value: unknown value '{unknown[0]}' (one of {', '.join(makers)})"
        )
    return {name: str(makers[name]()) for name in (makers if names is None else names)}


def _makers(
    edition: Edition, register: Register, claims: tuple[SectionClaims, ...]
) -> dict[str, Callable[[], Any]]:
    """How to compute each value of :func:`method_values`, by name, each intermediate once."""
    src = Sources(edition, register)

    @cache
    def totals() -> Any:
        return terms.token_totals(edition, src.units)

    @cache
    def merges() -> Any:
        return terms.lemma_merges(edition, src.units)

    @cache
    def summary_values() -> dict[str, str]:
        return _summaries_values(edition, claims)

    counts = edition_counts(edition)
    return {
        **{name: (lambda value=value: value) for name, value in counts.items()},
        "stopwords": lambda: len(tokens.STOPWORDS),
        "stopword-list": lambda: len(tokens.STOPWORD_LIST),
        "clitic-forms": lambda: len(tokens.CLITICS),
        "abbreviations": lambda: ", ".join(f"{a}." for a in ABBREVIATIONS),
        "word-tokens": lambda: f"{int(totals()['tokens'].sum()):,}",
        "term-tokens": lambda: f"{int(totals()['terms'].sum()):,}",
        "term-groups": lambda: f"{len(terms.term_frequencies(edition, src.units)):,}",
        "g2-critical-05": lambda: measures.G2_CRITICAL_05,
        "g2-critical-01": lambda: measures.G2_CRITICAL_01,
        "g2-p-05": lambda: f"{measures.g2_p_value(measures.G2_CRITICAL_05):.2f}",
        "g2-p-01": lambda: f"{measures.g2_p_value(measures.G2_CRITICAL_01):.2f}",
        "keyness-min-count": lambda: _default(terms.keyness, "min_count"),
        "keyness-min-g2": lambda: _default(terms.keyness, "min_g2"),
        "log-ratio-correction": lambda: _default(measures.log_ratio, "correction"),
        "collocation-min-freq": lambda: _default(terms.collocations, "min_freq"),
        "unit-min-count": lambda: units.MIN_COUNT,
        "unit-min-g2": lambda: units.MIN_G2,
        "unit-min-dice": lambda: units.MIN_DICE,
        "multiword-terms": lambda: len(src.units.phrases),
        "multiword-register": lambda: src.units.sources.count("register"),
        "multiword-collocations": lambda: ", ".join(
            t["term"] for t in src.units.table() if t["source"] == "collocation"
        ),
        "lemma-forms": lambda: len(merges()),
        "lemma-lemmas": lambda: merges()["lemma"].nunique(),
        "keep-forms": lambda: ", ".join(sorted(tokens.KEEP_FORMS)),
        "english-smoothing": lambda: f"{terms.ENGLISH_SMOOTHING:g}",
        "english-min-count": lambda: _default(terms.english_keyness, "min_count"),
        "lemma-merges": lambda: "; ".join(
            f"{lemma} ({', '.join(group['form'])})" for lemma, group in merges().groupby("lemma")
        ),
        "kwic-width": lambda: _default(terms.kwic, "width"),
        "kwic-page-width": lambda: _default(term_page.kwic_chooser, "width"),
        "actors": lambda: len(register),
        "mentions": lambda: len(src.mentions),
        "comention-windows": lambda: " and ".join(WINDOWS),
        "sentence-pairs": lambda: len(src.comentions["sentence"]),
        "paragraph-pairs": lambda: len(src.comentions["paragraph"]),
        "register-patterns": lambda: sum(len(a.patterns) for a in register),
        "register-aliases": lambda: sum(len(a.aliases) for a in register),
        "association-alpha": lambda: comention_measures.ALPHA,
        "association-min-count": lambda: comention_measures.MIN_COUNT,
        "sentence-associated": lambda: int(src.comentions["sentence"]["associated"].sum()),
        "paragraph-associated": lambda: int(src.comentions["paragraph"]["associated"].sum()),
        "sentence-associated-pairs": lambda: associated_pairs(src.comentions["sentence"], register),
        "sentence-frequent-pair": lambda: frequent_pair(src.comentions["sentence"], register),
        "paragraph-associated-pairs": lambda: associated_pairs(
            src.comentions["paragraph"], register
        ),
        "layout-seed": lambda: network.LAYOUT_SEED,
        "layout-iterations": lambda: _default(network.layout, "iterations"),
        "float-digits": lambda: FLOAT_DIGITS,
        "export-files": lambda: len(DATA_DICTIONARY),
        **{name: (lambda name=name: summary_values()[name]) for name in _SUMMARY_VALUES},
    }


#: The values of the last builds' inputs, by (edition, register, reference file): the
#: edition and register are the cached objects of :mod:`analysis.site.cache`, the same
#: while their files are unchanged, so the values are computed once per page, not per role.
_VALUES: dict[tuple[int, int, str], tuple[Edition, Register, dict[str, str]]] = {}


def _values(decisions: str, actors: str) -> dict[str, str]:
    edition, register = current_edition(decisions), current_register(actors)
    key = (id(edition), id(register), decisions)
    if key not in _VALUES:
        if len(_VALUES) >= 4:
            _VALUES.pop(next(iter(_VALUES)))
        claims = current_claims(decisions)
        _VALUES[key] = (edition, register, method_values(edition, register, claims=claims))
    return _VALUES[key][2]


class MethodValue(SphinxRole):
    """Inline role ``{method-value}`keyness-min-count```: a value read from the code or data."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        decisions, actors = build_inputs(self.config)
        values = _values(decisions, actors)
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
