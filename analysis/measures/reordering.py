"""How far the proposed reading order agrees with the editor's, and with the truth of scrambles.

Against the editor (:func:`editor_agreement`): the share of the editor's joins
of cut sentences, headings, order jumps (places where the reading order leaves
the order of *W*), successions across block boundaries and paragraphs that
the proposal reproduces, and Kendall's tau over blocks. :func:`disagreements`
lists every succession where tool and editor part, with the evidence of both
sides. On synthetic scrambles (:mod:`analysis.measures.scrambles`), whose true
order is known, :func:`synthetic_scores` measures the same things seed by
seed and :func:`synthetic_summary` gives their mean and spread.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

import pandas as pd
from scipy.stats import kendalltau

from analysis.measures.scrambles import scramble
from analysis.text.blocks import ends_sentence
from analysis.text.edition import Edition
from analysis.text.order import reading_line_order
from analysis.text.proposal import Proposal, propose_lines

__all__ = [
    "SEEDS",
    "block_ranks",
    "disagreements",
    "editor_agreement",
    "synthetic_scores",
    "synthetic_summary",
]

#: Seeds of the synthetic scrambles the evaluation reports.
SEEDS = tuple(range(50))


def _successions(order: Sequence[int]) -> dict[int, int]:
    return dict(itertools.pairwise(order))


def _share(found: int, total: int) -> float:
    return found / total if total else 1.0


def _row(measure: str, found: int, total: int) -> dict[str, object]:
    return {"measure": measure, "reproduced": found, "total": total, "share": _share(found, total)}


def block_ranks(edition: Edition, proposal: Proposal) -> pd.DataFrame:
    """Each block of the proposal with its rank in W, in the proposal and in the editor's order.

    Columns: ``block``, ``first_line``, ``last_line``, ``heading``,
    ``witness_rank``, ``proposed_rank``, ``editor_rank`` (all 1-based).
    """
    editor_pos = {line: k for k, (line, _, _) in enumerate(reading_line_order(edition))}
    blocks = proposal.blocks
    by_editor = sorted(range(len(blocks)), key=lambda n: (editor_pos[blocks[n].first], n))
    proposed = {n: k for k, n in enumerate(proposal.order, start=1)}
    editor = {n: k for k, n in enumerate(by_editor, start=1)}
    return pd.DataFrame(
        [
            {
                "block": b.n + 1,
                "first_line": b.first,
                "last_line": b.last,
                "heading": b.heading,
                "witness_rank": b.n + 1,
                "proposed_rank": proposed[b.n],
                "editor_rank": editor[b.n],
            }
            for b in blocks
        ]
    )


def _tau(a: Iterable[int], b: Iterable[int]) -> float:
    a, b = list(a), list(b)
    if len(a) < 2:
        return 1.0
    return float(kendalltau(a, b).statistic)


def editor_agreement(edition: Edition, proposal: Proposal) -> pd.DataFrame:
    """The proposal against the editor's decisions, one row per measure.

    Columns: ``measure``, ``reproduced``, ``total``, ``share``. Kendall's tau
    rows give the coefficient in ``share`` (``reproduced`` and ``total`` are
    the number of blocks).
    """
    lines = edition.witness.lines
    editor_order = [line for line, _, _ in reading_line_order(edition)]
    editor_next = _successions(editor_order)
    proposed_next = _successions(proposal.line_order)
    text_lines = [k for k in range(1, len(lines) + 1) if lines[k - 1].strip()]
    witness_next = _successions(text_lines)
    block_last = {b.last for b in proposal.blocks}
    proposed_paragraph = {k: n for n, p in enumerate(proposal.paragraphs) for k in p}

    cut = [
        e.lines
        for e in edition.apparatus
        if e.type == "join" and not ends_sentence(lines[e.lines[0] - 1])
    ]
    cut_found = sum(
        proposed_next.get(a) == b and proposed_paragraph.get(a) == proposed_paragraph.get(b)
        for a, b in cut
    )
    proposed_headings = {
        (s.heading.lines, s.paragraphs[0][0] if s.paragraphs else None)
        for s in proposal.sections
        if s.heading is not None
    }
    headings = [
        (s.heading_lines, s.paragraphs[0].lines[0]) for s in edition.sections if s.heading_lines
    ]
    heading_found = sum(h in proposed_headings for h in headings)
    jumps = [(a, b) for a, b in editor_next.items() if witness_next.get(a) != b]
    crossings = [(a, b) for a, b in editor_next.items() if a in block_last]
    editor_paragraphs = [p.lines for p in edition.paragraphs]
    proposed_paragraphs = set(proposal.paragraphs)
    starts = {p[0] for p in proposal.paragraphs}
    ranks = block_ranks(edition, proposal)
    n = len(ranks)
    return pd.DataFrame(
        [
            _row("cut-sentence joins", cut_found, len(cut)),
            _row("headings", heading_found, len(headings)),
            _row("order jumps", sum(proposed_next.get(a) == b for a, b in jumps), len(jumps)),
            _row(
                "block successions",
                sum(proposed_next.get(a) == b for a, b in crossings),
                len(crossings),
            ),
            _row(
                "paragraph starts",
                sum(p[0] in starts for p in editor_paragraphs),
                len(editor_paragraphs),
            ),
            _row(
                "paragraphs",
                sum(p in proposed_paragraphs for p in editor_paragraphs),
                len(editor_paragraphs),
            ),
            {
                "measure": "Kendall's tau, proposal",
                "reproduced": n,
                "total": n,
                "share": _tau(ranks["proposed_rank"], ranks["editor_rank"]),
            },
            {
                "measure": "Kendall's tau, witness order",
                "reproduced": n,
                "total": n,
                "share": _tau(ranks["witness_rank"], ranks["editor_rank"]),
            },
        ]
    )


def disagreements(edition: Edition, proposal: Proposal) -> pd.DataFrame:
    """Every succession across blocks where tool and editor part, with both sides' evidence.

    One row per block end that the editor and the proposal continue
    differently. Columns: ``after_line``, ``editor_next``, ``editor_score``,
    ``editor_evidence``, ``editor_note`` (the apparatus entry that records
    the editor's join or move, if any), ``proposed_next``, ``proposed_score``,
    ``proposed_evidence``.
    """
    editor_next = _successions([line for line, _, _ in reading_line_order(edition)])
    proposed_next = _successions(proposal.line_order)
    block_of = {k: b.n for b in proposal.blocks for k in b.lines}
    notes: dict[int, str] = {}
    for e in edition.apparatus:
        if e.type in ("join", "transposition"):
            for k in e.lines:
                notes.setdefault(k, f"{e.id} ({e.type}): {e.note}")
    rows = []
    for b in proposal.blocks:
        ours, theirs = proposed_next.get(b.last), editor_next.get(b.last)
        if ours == theirs:
            continue
        sides = {}
        for side, nxt in (("editor", theirs), ("proposed", ours)):
            join = proposal.joins[b.n][block_of[nxt]] if nxt is not None else None
            sides[f"{side}_next"] = nxt
            sides[f"{side}_score"] = join.score if join else None
            sides[f"{side}_evidence"] = "; ".join(join.evidence) if join else "(end of text)"
        rows.append(
            {
                "after_line": b.last,
                **{k: sides[k] for k in ("editor_next", "editor_score", "editor_evidence")},
                "editor_note": notes.get(theirs or -1, notes.get(b.last, "")),
                **{k: sides[k] for k in ("proposed_next", "proposed_score", "proposed_evidence")},
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "after_line",
            "editor_next",
            "editor_score",
            "editor_evidence",
            "editor_note",
            "proposed_next",
            "proposed_score",
            "proposed_evidence",
        ],
    )


def synthetic_scores(seeds: Iterable[int] = SEEDS) -> pd.DataFrame:
    """The proposal on one synthetic scramble per seed, against its true order.

    Columns: ``seed``, ``lines``, ``blocks``, ``successions`` /
    ``successions_total`` (true successions of text boxes reproduced),
    ``cut_joins`` / ``cut_joins_total`` (those where a box ends mid-sentence),
    ``headings`` / ``headings_total`` (headings found and followed by their
    true first line), and the shares ``succession_share``, ``cut_join_share``,
    ``heading_share``, and ``tau`` (Kendall's tau over blocks, proposal
    against truth).
    """
    rows = []
    for seed in seeds:
        s = scramble(seed)
        proposal = propose_lines(s.lines, path=f"scramble {seed}")
        nxt = _successions(proposal.line_order)
        true_next = _successions(s.order)
        succ = [(a[-1], b[0]) for a, b in itertools.pairwise(s.boxes)]
        cut = [(a, b) for a, b in succ if not ends_sentence(s.lines[a - 1])]
        found = {sec.heading.lines[0] for sec in proposal.sections if sec.heading}
        heads = [h for h in s.headings if h in found and nxt.get(h) == true_next.get(h)]
        truth = {line: k for k, line in enumerate(s.order)}
        blocks = proposal.blocks
        true_rank = sorted(range(len(blocks)), key=lambda n: truth[blocks[n].first])
        rank_true = {n: k for k, n in enumerate(true_rank)}
        rank_prop = {n: k for k, n in enumerate(proposal.order)}
        row = {
            "seed": seed,
            "lines": len(s.lines),
            "blocks": len(blocks),
            "successions": sum(nxt.get(a) == b for a, b in succ),
            "successions_total": len(succ),
            "cut_joins": sum(nxt.get(a) == b for a, b in cut),
            "cut_joins_total": len(cut),
            "headings": len(heads),
            "headings_total": len(s.headings),
            "tau": _tau(
                [rank_prop[n] for n in range(len(blocks))],
                [rank_true[n] for n in range(len(blocks))],
            ),
        }
        row["succession_share"] = _share(row["successions"], row["successions_total"])
        row["cut_join_share"] = _share(row["cut_joins"], row["cut_joins_total"])
        row["heading_share"] = _share(row["headings"], row["headings_total"])
        rows.append(row)
    return pd.DataFrame(rows)


def synthetic_summary(scores: pd.DataFrame) -> pd.DataFrame:
    """Mean, standard deviation, minimum and maximum over seeds of each share and of tau."""
    columns = {
        "succession_share": "block successions",
        "cut_join_share": "cut-sentence joins",
        "heading_share": "headings",
        "tau": "Kendall's tau",
    }
    rows = [
        {
            "measure": label,
            "mean": float(scores[column].mean()),
            "std": float(scores[column].std(ddof=1)) if len(scores) > 1 else 0.0,
            "min": float(scores[column].min()),
            "max": float(scores[column].max()),
            "seeds": len(scores),
        }
        for column, label in columns.items()
    ]
    return pd.DataFrame(rows)
