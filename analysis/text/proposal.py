"""From a witness alone to proposed decisions: blocks, order, paragraphs, headings, apparatus.

:func:`propose` cuts the witness into blocks (:mod:`analysis.text.blocks`),
orders them (:mod:`analysis.text.reorder`) and proposes paragraphs and
sections from the evidence of the lines: a new paragraph where a sentence
ends on a short line or at the end of a block whose next block opens a new
sentence, a section at each heading. :func:`decisions_mapping` writes the
proposal in the format of ``seeds/decisions.yaml``, with an apparatus entry
for every join, division, transposition, heading and normalisation, each with
its evidence and, for joins and transpositions, its score.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from analysis.errors import DecisionsError, WitnessError
from analysis.text.blocks import SHORT_LINE, Block, column_width, ends_sentence, split_blocks
from analysis.text.reorder import Join, Layout, join_scores, propose_layout
from analysis.text.validation import EM_DASH
from analysis.text.witness import Witness

__all__ = [
    "Proposal",
    "ProposedSection",
    "decisions_mapping",
    "decisions_yaml",
    "propose",
    "propose_lines",
    "witness_reference",
]


@dataclass(frozen=True)
class ProposedSection:
    """A proposed section: its heading block (None for an untitled opening) and paragraphs."""

    id: str
    heading: Block | None
    paragraphs: tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class Proposal:
    """The proposed reading: blocks, their join scores and layout, sections of paragraphs."""

    lines: tuple[str, ...]
    blocks: tuple[Block, ...]
    joins: tuple[tuple[Join, ...], ...]
    layout: Layout
    sections: tuple[ProposedSection, ...]
    divisions: dict[tuple[int, int], str]
    width: int

    @property
    def order(self) -> tuple[int, ...]:
        """Block numbers in the proposed reading order."""
        return self.layout.order

    @property
    def line_order(self) -> tuple[int, ...]:
        """Every text line (1-based) in the proposed reading order, headings included."""
        return tuple(k for b in self.order for k in self.blocks[b].lines)

    @property
    def paragraphs(self) -> tuple[tuple[int, ...], ...]:
        """Every proposed paragraph (its lines in reading order)."""
        return tuple(p for s in self.sections for p in s.paragraphs)


def _slug(text: str, taken: set[str]) -> str:
    base = "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "section"
    slug, k = base, 2
    while slug in taken:
        slug, k = f"{base}-{k}", k + 1
    taken.add(slug)
    return slug


def _short(text: str, width: int) -> bool:
    return len(text.strip()) < SHORT_LINE * width


def propose_lines(lines: Sequence[str], *, path: str = "witness") -> Proposal:
    """Propose the reading of the witness ``lines``; ``path`` names it in errors.

    Raises :class:`~analysis.errors.WitnessError` when the witness holds no text.
    """
    blocks = split_blocks(lines)
    if not blocks:
        raise WitnessError(path, "the witness holds no text, only blank lines: nothing to order")
    joins = join_scores(blocks)
    layout = propose_layout(blocks, joins)
    width = column_width(lines)
    sections: list[tuple[Block | None, list[list[int]]]] = []
    divisions: dict[tuple[int, int], str] = {}
    previous: Block | None = None
    order = layout.order
    # a heading opens a section only if a paragraph follows it before the next heading
    heads = {
        n
        for n, m in itertools.pairwise((*order, None))
        if blocks[n].heading and m is not None and not blocks[m].heading
    }
    for n in order:
        block = blocks[n]
        if n in heads:
            sections.append((block, []))
            previous = block
            continue
        if not sections:
            sections.append((None, []))
        paragraphs = sections[-1][1]
        if previous is None or previous.n in heads or not paragraphs:
            paragraphs.append([])
        elif not previous.cut:
            paragraphs.append([])
            divisions[(previous.last, block.first)] = (
                f"line {previous.last} ends a sentence at the end of a block and line "
                f"{block.first} opens a new one"
            )
        for k in block.lines:
            paragraphs[-1].append(k)
            text = lines[k - 1]
            if k != block.last and ends_sentence(text) and _short(text, width):
                divisions[(k, k + 1)] = (
                    f"line {k} ends a sentence on a short line ({len(text.strip())} "
                    f"characters against a column width of {width})"
                )
                paragraphs.append([])
        previous = block
    taken: set[str] = set()
    proposed = tuple(
        ProposedSection(
            id=_slug(heading.text, taken) if heading else _slug("opening", taken),
            heading=heading,
            paragraphs=tuple(tuple(p) for p in paragraphs if p),
        )
        for heading, paragraphs in sections
    )
    return Proposal(
        lines=tuple(lines),
        blocks=blocks,
        joins=tuple(tuple(row) for row in joins),
        layout=layout,
        sections=proposed,
        divisions=divisions,
        width=width,
    )


def propose(witness: Witness) -> Proposal:
    """Propose the reading of ``witness``."""
    return propose_lines(witness.lines, path=witness.path)


def _spans(lines: Sequence[int], text: Sequence[str]) -> list[list[int]]:
    """Maximal runs of ``lines`` that follow each other in W with no line between."""
    spans: list[list[int]] = []
    for k in lines:
        if spans and k == spans[-1][1] + 1 and text[k - 1].strip():
            spans[-1][1] = k
        else:
            spans.append([k, k])
    return spans


def _transposed(items: list[tuple[int, int]]) -> list[int]:
    """Indices of the items to record as moved: all but a longest increasing run (by lines)."""
    n = len(items)
    weight = [b - a + 1 for a, b in items]
    best = weight[:]
    back = [-1] * n
    for j in range(n):
        for i in range(j):
            if items[i][1] < items[j][0] and best[i] + weight[j] > best[j]:
                best[j], back[j] = best[i] + weight[j], i
    if not n:
        return []
    k = max(range(n), key=lambda j: (best[j], -j))
    keep = set()
    while k != -1:
        keep.add(k)
        k = back[k]
    return [j for j in range(n) if j not in keep]


def decisions_mapping(proposal: Proposal, *, witness: Witness, witness_path: str) -> dict[str, Any]:
    """The proposal as a decisions mapping in the edition's format (``seeds/decisions.yaml``).

    ``witness_path`` is the witness relative to the folder of the decisions file.
    """
    text = proposal.lines
    block_of = {k: b for b in proposal.blocks for k in b.lines}
    sections: list[dict[str, Any]] = []
    items: list[tuple[int, int]] = []
    entries: list[dict[str, Any]] = []
    pid = 0
    for section in proposal.sections:
        paragraphs = []
        if section.heading is not None:
            h = section.heading
            items.append((h.first, h.last))
            entries.append(
                {
                    "type": "heading",
                    "lines": list(h.lines),
                    "section": section.id,
                    "note": (
                        f"Proposed heading: {len(h.lines)} short line(s) in title case with "
                        "no closing full stop, standing alone in W; it opens its section."
                    ),
                }
            )
        for lines in section.paragraphs:
            pid += 1
            spans = _spans(lines, text)
            items.extend((a, b) for a, b in spans)
            paragraphs.append({"id": f"p{pid}", "spans": spans})
            for (_, a), (b, _) in itertools.pairwise(spans):
                join = proposal.joins[block_of[a].n][block_of[b].n]
                cut = "cut sentence" if not ends_sentence(text[a - 1]) else "paragraph"
                entries.append(
                    {
                        "type": "join",
                        "lines": [a, b],
                        "score": join.score,
                        "note": f"Proposed join ({cut} continued across blocks, score "
                        f"{join.score:.2f}): " + "; ".join(join.evidence or ("no evidence",)),
                    }
                )
        sections.append(
            {
                "id": section.id,
                "heading": section.heading.text if section.heading else None,
                "heading_lines": list(section.heading.lines) if section.heading else [],
                "paragraphs": paragraphs,
            }
        )
    paragraph_lists = [p for s in proposal.sections for p in s.paragraphs]
    for p, q in itertools.pairwise(paragraph_lists):
        if q[0] == p[-1] + 1:
            why = proposal.divisions.get((p[-1], q[0]), "a new paragraph opens here")
            entries.append(
                {"type": "division", "lines": [p[-1], q[0]], "note": f"Proposed break: {why}."}
            )
    moved = _transposed(items)
    runs: list[list[int]] = []
    for j in moved:
        if runs and runs[-1][-1] == j - 1 and _next_text(text, items[j - 1][1]) == items[j][0]:
            runs[-1].append(j)
        else:
            runs.append([j])
    for run in runs:
        first, last = items[run[0]][0], items[run[-1]][1]
        into = _neighbour(proposal, block_of[first].n, before=True)
        entries.append(
            {
                "type": "transposition",
                "lines": [first, last],
                "score": into.score if into else 0.0,
                "note": (
                    f"W prints lines {first}-{last} elsewhere "
                    f"({_place(proposal, block_of[first].n)}); the proposed order reads them "
                    + (
                        f"after line {proposal.blocks[into.a].last} (score {into.score:.2f}: "
                        + "; ".join(into.evidence or ("no evidence",))
                        + ")."
                        if into
                        else "first."
                    )
                ),
            }
        )
    entries.extend(_normalisations(text, paragraph_lists))
    return {
        "witness": {
            "siglum": "W",
            "path": witness_path,
            "sha256": witness.sha256,
            "description": (
                "Plain-text extraction of a two-column document; reading order proposed "
                "by python -m analysis reorder."
            ),
        },
        "edition": {"title": "Proposed reading order", "editors": "analysis reorder"},
        "rules": {
            "line_join": (
                "Witness lines are joined with a single space; a line that ends in an em "
                "dash is joined to the next without a space."
            )
        },
        "sections": sections,
        "apparatus": entries,
    }


def _place(proposal: Proposal, n: int) -> str:
    """Where the layout puts block ``n``: its page and column."""
    page = next(k for k, members in enumerate(proposal.layout.pages, start=1) if n in members)
    column = "left" if proposal.layout.columns[n] == "L" else "right"
    return f"inferred page {page}, {column} column"


def _next_text(text: Sequence[str], line: int) -> int:
    k = line + 1
    while k <= len(text) and not text[k - 1].strip():
        k += 1
    return k


def _neighbour(proposal: Proposal, n: int, *, before: bool) -> Join | None:
    order = proposal.order
    at = order.index(n)
    if before:
        return proposal.joins[order[at - 1]][n] if at else None
    return proposal.joins[n][order[at + 1]] if at + 1 < len(order) else None


def _normalisations(
    text: Sequence[str], paragraphs: Sequence[Sequence[int]]
) -> list[dict[str, Any]]:
    last_lines = {p[-1] for p in paragraphs}
    in_text = {k for p in paragraphs for k in p}
    rules = (
        (
            "stray-leading-space",
            [k for k, t in enumerate(text, start=1) if t.strip() and t[:1].isspace()],
            "A space at the start of a line is an artefact of the extraction and is dropped.",
        ),
        (
            "blank-line",
            [k for k, t in enumerate(text, start=1) if t and not t.strip()],
            "A line of white space only is not part of the reading text.",
        ),
        (
            "em-dash-line-end",
            sorted(k for k in in_text - last_lines if text[k - 1].rstrip().endswith(EM_DASH)),
            "A line that ends in an em dash is joined to the next without a space.",
        ),
    )
    return [
        {"type": "normalisation", "rule": rule, "lines": lines, "note": note}
        for rule, lines, note in rules
        if lines
    ]


def witness_reference(witness_path: str | Path, decisions_path: str | Path) -> str:
    """The witness path relative to the folder of the decisions file (POSIX form).

    Raises :class:`~analysis.errors.DecisionsError` when the witness does not
    stand inside that folder, since the decisions file names its witness
    relative to its own folder.
    """
    folder = Path(decisions_path).resolve().parent
    target = Path(witness_path).resolve()
    try:
        return target.relative_to(folder).as_posix()
    except ValueError:
        raise DecisionsError(
            str(decisions_path),
            f"the witness {witness_path} is not inside the folder of the decisions file "
            f"({folder}); write the decisions next to the witness or above it",
        ) from None


def decisions_yaml(mapping: dict[str, Any]) -> str:
    """The decisions mapping as YAML text, spans and line lists in flow style."""
    header = (
        "# Decisions proposed by `python -m analysis reorder` from the witness alone.\n"
        "# Every entry of the apparatus gives its evidence; joins and transpositions\n"
        "# give the score of the join in the proposed order.\n"
    )
    return header + yaml.dump(
        mapping, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100
    )


class _Dumper(yaml.SafeDumper):
    """Safe YAML dumper that writes lists of line numbers (and of spans) on one line."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flat = all(isinstance(x, int) or (isinstance(x, list) and len(x) == 2) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flat)


_Dumper.add_representer(list, _represent_list)
