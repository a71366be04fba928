"""Read the editor's reference summaries (``seeds/summaries.yaml``) and check them.

For each section the editor records the sentences that state its claim, each
with a reason. They are an editorial judgement: the sections page shows them
beside the computed summary, and :mod:`analysis.measures.summaries` measures
how far each summarising method agrees with them. Every fault is reported in
one line naming ``file:line``.

>>> from analysis.text.edition import load_edition
>>> claims = parse_claims('''
... sections:
...   - section: opening
...     sentences:
...       - id: p3.1
...         reason: The charge of indifference.
... ''', load_edition(), path="summaries.yaml")
>>> claims[0].section_id, claims[0].sentences[0].id
('opening', 'p3.1')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from analysis import paths
from analysis.errors import ClaimsError
from analysis.text.edition import Edition
from analysis.text.yamlsource import ListOf, Record, Text, parse_source, read_source

__all__ = [
    "SCHEMA",
    "Claim",
    "SectionClaims",
    "claims_beside",
    "load_claims",
    "parse_claims",
    "summaries_beside",
]


@dataclass(frozen=True)
class Claim:
    """A sentence that states its section's claim, and the editor's reason."""

    id: str
    reason: str


@dataclass(frozen=True)
class SectionClaims:
    """The reference summary of one section: its claim sentences in reading order."""

    section_id: str
    sentences: tuple[Claim, ...]


#: The shape of ``summaries.yaml``; :func:`parse_claims` checks what the schema cannot.
SCHEMA = Record(
    required={
        "sections": ListOf(
            Record(
                required={
                    "section": Text(),
                    "sentences": ListOf(
                        Record(required={"id": Text(), "reason": Text()}, label="sentence"),
                        min_items=1,
                    ),
                },
                label="",
            ),
            min_items=1,
        )
    }
)


def parse_claims(text: str, edition: Edition, *, path: str) -> tuple[SectionClaims, ...]:
    """Parse and check the reference summaries ``text`` against ``edition``.

    Raises :class:`~analysis.errors.ClaimsError` for invalid YAML or a file
    that does not fit :data:`SCHEMA` (a missing or unknown key, a section
    without sentences, a missing reason), an unknown or repeated section, and
    a sentence id that is not in its section or is listed twice. Sections come
    out in the order of the edition, sentences in reading order.
    """
    data = parse_source(text, schema=SCHEMA, path=path, error=ClaimsError)
    order = {s.id: k for k, s in enumerate(edition.sections)}
    members = {s.id: [t.id for p in s.paragraphs for t in p.sentences] for s in edition.sections}
    found: dict[str, SectionClaims] = {}
    for entry in data["sections"]:
        sid = str(entry["section"])
        if sid not in order:
            raise ClaimsError(path, f"unknown section '{sid}'", line=entry.line)
        if sid in found:
            raise ClaimsError(path, f"section '{sid}' is listed twice", line=entry.line)
        claims: dict[str, Claim] = {}
        for item in entry["sentences"]:
            cid = str(item["id"])
            if cid not in members[sid]:
                raise ClaimsError(
                    path, f"sentence '{cid}' is not in section '{sid}'", line=item.line
                )
            if cid in claims:
                raise ClaimsError(path, f"sentence '{cid}' is listed twice", line=item.line)
            claims[cid] = Claim(cid, " ".join(str(item["reason"]).split()))
        ordered = sorted(claims.values(), key=lambda c: members[sid].index(c.id))
        found[sid] = SectionClaims(sid, tuple(ordered))
    return tuple(sorted(found.values(), key=lambda c: order[c.section_id]))


def load_claims(edition: Edition, path: str | Path = paths.SUMMARIES) -> tuple[SectionClaims, ...]:
    """Read and check the reference summaries at ``path`` (default ``seeds/summaries.yaml``)."""
    path = Path(path)
    text = read_source(path, error=ClaimsError, what="reference summaries file")
    return parse_claims(text, edition, path=str(path))


def summaries_beside(decisions: str | Path) -> Path:
    """The reference summaries that go with a decisions file: ``summaries.yaml`` beside it."""
    return Path(decisions).with_name(paths.SUMMARIES.name)


def claims_beside(edition: Edition, decisions: str | Path) -> tuple[SectionClaims, ...]:
    """The reference summaries in ``summaries.yaml`` beside the ``decisions`` file; none if absent.

    The edition's own reference is ``seeds/summaries.yaml``, beside
    ``seeds/decisions.yaml``; an edition made from other decisions has the
    reference that stands beside them, or none.
    """
    path = summaries_beside(decisions)
    return load_claims(edition, path) if path.exists() else ()
