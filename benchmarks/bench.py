"""Time every analysis stage on the essay and on texts 10 and 100 times longer.

Run with ``make bench`` or ``.venv/bin/python benchmarks/bench.py [options]``.

The longer texts repeat the whole essay as *new sections*: copy ``c`` of the
essay adds its six sections again (ids suffixed ``-c``), with new paragraph
and sentence ids and its own copy of the witness lines. Sections keep their
normal size, so stages that compare every pair of sentences within a section
(TextRank in :mod:`analysis.measures.summaries`) cost the same per section, and a
stage that grows faster than the number of sections shows up as such.

For each scale the script prints the wall and CPU time of each stage (the
fastest of several runs, since other work on the machine only adds time) and
the peak of memory allocated during it (``tracemalloc``, measured in one more
run so that tracing does not slow the timed ones), then one line per stage
with the growth ratios 10x/1x, 100x/10x and 100x/1x and a flag on any stage
that grows clearly faster than the text. Growth ratios use CPU time, which
other work on a shared machine disturbs far less than wall time. Stages of
modules that do not exist yet are reported as not available.

The edition build (validation of the decisions against the witness, then
assembly) runs in a child process that the kernel stops after ``--build-cpu``
CPU seconds (RLIMIT_CPU); its time is then a lower bound. The other stages run
on an edition assembled from copies of the essay's objects, which the script
checks has the same sentences as the build whenever the build finishes.
Nothing is asserted about time: the figures are for reading.

Last, the proposed reading order of the witness (``python -m analysis
reorder``): its time, its agreement with the editor, and the mean and spread
of its accuracy over the synthetic scrambles' fixed seeds. ``--reorder`` runs
that part alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import hashlib
import importlib
import itertools
import math
import multiprocessing as mp
import os
import platform
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

MIB = 1024 * 1024
#: A stage whose time grows by more than 10 ** FLAG_EXPONENT when the text grows
#: tenfold is flagged (10 ** 1.25 = 17.8: clearly worse than linear).
FLAG_EXPONENT = 1.25
#: Below this many seconds at the smaller scale, a ratio is mostly fixed overhead.
NOISE_FLOOR = 0.01
#: Timed runs of each stage (the fastest counts): at least REPEAT, and until they
#: have taken MIN_TOTAL seconds in all, at most MAX_REPEAT.
REPEAT = 1
MIN_TOTAL = 0.5
MAX_REPEAT = 25


# --------------------------------------------------------------------------- the longer texts


def repeated_sources(witness: Any, decisions: Any, times: int) -> tuple[Any, Any]:
    """The witness repeated ``times`` over and decisions that read each copy as new sections.

    Line numbers of copy ``c`` (0-based) are shifted by ``c`` times the length
    of the witness; paragraphs are renumbered ``p1``.. and apparatus entries
    ``a1``.. throughout; each normalisation rule keeps one entry that lists its
    lines in every copy. ``build_edition`` of the result validates as the
    original does.
    """
    size = len(witness.lines)
    sections, apparatus, normalisations = [], [], {}
    paragraph_n = 0
    for c in range(times):
        shift = c * size
        renamed = {}
        for s in decisions.sections:
            renamed[s.id] = s.id if c == 0 else f"{s.id}-{c + 1}"
            paragraphs = []
            for p in s.paragraphs:
                paragraph_n += 1
                spans = tuple((a + shift, b + shift) for a, b in p.spans)
                paragraphs.append(dataclasses.replace(p, id=f"p{paragraph_n}", spans=spans))
            sections.append(
                dataclasses.replace(
                    s,
                    id=renamed[s.id],
                    heading_lines=tuple(k + shift for k in s.heading_lines),
                    paragraphs=tuple(paragraphs),
                )
            )
        for e in decisions.apparatus:
            lines = tuple(k + shift for k in e.lines)
            if e.type == "normalisation":
                normalisations.setdefault(e.rule, (e, []))[1].extend(lines)
            else:
                section = renamed[e.section] if e.section else None
                apparatus.append(dataclasses.replace(e, lines=lines, section=section))
    apparatus += [
        dataclasses.replace(e, lines=tuple(lines)) for e, lines in normalisations.values()
    ]
    apparatus = [dataclasses.replace(e, id=f"a{n}") for n, e in enumerate(apparatus, start=1)]
    return (
        dataclasses.replace(witness, lines=witness.lines * times),
        dataclasses.replace(decisions, sections=tuple(sections), apparatus=tuple(apparatus)),
    )


def repeated_edition(edition: Any, witness: Any, decisions: Any, times: int) -> Any:
    """Assemble the edition of :func:`repeated_sources` from copies of ``edition``'s objects.

    This is what ``build_edition(witness, decisions)`` establishes (the script
    checks that the sentences agree when the build finishes), without
    validating again: sections, paragraphs and sentences are copied with new
    ids and shifted witness lines. The apparatus is left empty; no stage timed
    here reads it.
    """
    size = len(edition.witness.lines)
    sections = []
    paragraph_n = 0
    for c in range(times):
        shift = c * size
        for s in edition.sections:
            sid = s.id if c == 0 else f"{s.id}-{c + 1}"
            paragraphs = []
            for p in s.paragraphs:
                paragraph_n += 1
                pid = f"p{paragraph_n}"
                sentences = tuple(
                    dataclasses.replace(
                        t,
                        id=f"{pid}.{t.n}",
                        paragraph_id=pid,
                        lines=tuple(k + shift for k in t.lines),
                    )
                    for t in p.sentences
                )
                paragraphs.append(
                    dataclasses.replace(
                        p,
                        id=pid,
                        n=paragraph_n,
                        section_id=sid,
                        spans=tuple((a + shift, b + shift) for a, b in p.spans),
                        line_offsets=tuple((k + shift, a, b) for k, a, b in p.line_offsets),
                        sentences=sentences,
                    )
                )
            sections.append(
                dataclasses.replace(
                    s,
                    id=sid,
                    n=s.n + c * len(edition.sections),
                    heading_lines=tuple(k + shift for k in s.heading_lines),
                    paragraphs=tuple(paragraphs),
                )
            )
    return dataclasses.replace(
        edition, witness=witness, decisions=decisions, sections=tuple(sections), apparatus=()
    )


def fingerprint(edition: Any) -> str:
    """A digest of the section, paragraph and sentence ids and the sentence texts."""
    digest = hashlib.sha256()
    for s in edition.sections:
        for p in s.paragraphs:
            for t in p.sentences:
                digest.update(f"{s.id}\0{p.id}\0{t.id}\0{t.text}\n".encode())
    return digest.hexdigest()[:16]


# --------------------------------------------------------------------------- measuring


@dataclasses.dataclass
class Measure:
    """The outcome of one stage at one scale: the best wall and CPU times of its runs."""

    wall: float | None = None
    cpu: float | None = None
    peak: int | None = None
    note: str = ""
    lower_bound: bool = False
    runs: int = 0

    def add(self, wall: float, cpu: float) -> None:
        """Count one more run, keeping the fastest times."""
        self.wall = wall if self.wall is None else min(self.wall, wall)
        self.cpu = cpu if self.cpu is None else min(self.cpu, cpu)
        self.runs += 1


def _timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """Run ``fn``; return its result, wall time and CPU time (of this process)."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def _enough(m: Measure, spent: float) -> bool:
    return m.runs >= REPEAT and (spent >= MIN_TOTAL or m.runs >= MAX_REPEAT)


def peak_memory(fn: Callable[[], Any]) -> int:
    """Run ``fn`` under tracemalloc and return the peak of memory allocated, in bytes."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def measure(fn: Callable[[], Any], *, memory: bool) -> tuple[Any, Measure]:
    """Time ``fn``, then (if ``memory``) run it once more under tracemalloc for its peak.

    The times are the fastest of at least :data:`REPEAT` runs, and of more
    until they have taken :data:`MIN_TOTAL` seconds in all (at most
    :data:`MAX_REPEAT`): other work on the machine only ever adds time, so the
    minimum is the steadiest estimate, and quick stages get the most runs.
    """
    m, spent = Measure(), 0.0
    while not _enough(m, spent):
        result, wall, cpu = _timed(fn)
        m.add(wall, cpu)
        spent += wall
    m.peak = peak_memory(fn) if memory else None
    return result, m


def _cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _build_child(conn: Any, times: int, memory: bool, cpu_limit: float) -> None:
    """In a child process: build the edition of the sources repeated ``times`` over.

    The child may spend ``cpu_limit`` CPU seconds on the builds: then the
    kernel stops it (RLIMIT_CPU). It sends ``("started", None)``, then
    ``("run", (wall, cpu, fingerprint))`` after each timed run (the fingerprint
    of the edition after the first only) and ``("peak", bytes)``.
    """
    from analysis import paths
    from analysis.text.decisions import load_decisions
    from analysis.text.edition import build_edition
    from analysis.text.witness import load_witness

    decisions = load_decisions(paths.DECISIONS)
    witness = load_witness(decisions.witness_path, sha256=decisions.witness_sha256)
    if times > 1:
        witness, decisions = repeated_sources(witness, decisions, times)
    hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
    soft = math.ceil(_cpu_used() + cpu_limit)
    resource.setrlimit(resource.RLIMIT_CPU, (soft if hard < 0 else min(soft, hard), hard))
    conn.send(("started", None))
    m, spent = Measure(), 0.0
    while not _enough(m, spent):
        edition, wall, cpu = _timed(lambda: build_edition(witness, decisions))
        m.add(wall, cpu)
        spent += wall
        conn.send(("run", (wall, cpu, fingerprint(edition) if m.runs == 1 else None)))
        del edition
    if memory:
        conn.send(("peak", peak_memory(lambda: build_edition(witness, decisions))))


def measure_build(times: int, *, memory: bool, limit: float) -> tuple[Measure, str | None]:
    """Time ``build_edition`` on the repeated sources in a child limited to ``limit`` CPU s.

    If not even one build finishes, the times are lower bounds: the CPU limit
    and the wall time until the child was stopped. A child still running after
    four times the limit in wall time (a very busy machine) is stopped too.
    """
    context = mp.get_context("spawn")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_build_child, args=(child, times, memory, limit), daemon=True)
    process.start()
    child.close()
    m, digest, started = Measure(), None, None
    deadline = time.monotonic() + 60  # the child imports and reads the sources first
    while True:
        if not parent.poll(max(0.0, deadline - time.monotonic())):
            m.note = "the child did not start" if started is None else "stopped (wall time)"
            break
        try:
            kind, value = parent.recv()
        except EOFError:  # the child has finished, or the CPU limit stopped it
            break
        if kind == "started":
            started = time.monotonic()
            deadline = started + 4 * limit
        elif kind == "run":
            m.add(value[0], value[1])
            digest = digest or value[2]
        elif kind == "peak":
            m.peak = value
    if process.is_alive():
        process.terminate()
    process.join()
    stopped = process.exitcode not in (0, None)
    if started is not None and m.runs == 0:
        m.wall, m.cpu, m.lower_bound = time.monotonic() - started, limit, True
        m.note = f"stopped at the limit of {limit:.0f} CPU s without finishing a build"
    elif stopped and not m.note:
        m.note = f"the child stopped (exit code {process.exitcode})"
    return m, digest


# --------------------------------------------------------------------------- the stages


def _sentences(m: Any, c: dict[str, Any]) -> Any:
    texts = [p.text for p in c["edition"].paragraphs]
    tokenizer = m.sentence_tokenizer("\n\n".join(texts))
    return [m.sentence_spans(tokenizer, text) for text in texts]


def _network(m: Any, c: dict[str, Any]) -> Any:
    graph = m.comention_graph(c["actor table"], c["co-mentions"])
    return graph, m.network_measures(graph), m.layout(graph)


def _statistics(m: Any, c: dict[str, Any]) -> Any:
    return m.section_statistics(c["edition"], mentions=c["mentions"], keyness=c["keyness"])


def _proposal(m: Any, c: dict[str, Any]) -> Any:
    proposal = m.propose(c["edition"].witness)
    return m.decisions_mapping(proposal, witness=c["edition"].witness, witness_path="w.txt")


#: Seconds the whole proposal of the reading order may take on the witness.
PROPOSAL_LIMIT = 10.0

Stage = Callable[[Any, dict[str, Any]], Any]

#: (name, module imported before timing, results of other stages it needs, function of the
#: module and the context of results so far). The edition build is timed in a child process.
STAGES: list[tuple[str, str, tuple[str, ...], Stage]] = [
    ("sentences", "analysis.text.sentences", (), _sentences),
    ("edition build", "analysis.text.edition", (), lambda m, c: None),
    (
        "term units",
        "analysis.measures.units",
        ("register",),
        lambda m, c: m.term_units(c["edition"], c["register"]),
    ),
    (
        "term frequencies",
        "analysis.measures.terms",
        ("term units",),
        lambda m, c: m.term_frequencies(c["edition"], c["term units"]),
    ),
    (
        "keyness",
        "analysis.measures.terms",
        ("term units",),
        lambda m, c: m.keyness(c["edition"], c["term units"]),
    ),
    (
        "english keyness",
        "analysis.measures.terms",
        ("term units",),
        lambda m, c: m.english_keyness(c["edition"], c["term units"]),
    ),
    (
        "collocations",
        "analysis.measures.terms",
        ("term units",),
        lambda m, c: m.collocations(c["edition"], c["term units"]),
    ),
    (
        "mentions",
        "analysis.measures.mentions",
        ("register",),
        lambda m, c: m.find_mentions(c["edition"], c["register"]),
    ),
    (
        "actor table",
        "analysis.measures.mentions",
        ("register", "mentions"),
        lambda m, c: m.actor_table(c["edition"], c["register"], c["mentions"]),
    ),
    (
        "co-mentions",
        "analysis.measures.comentions",
        ("mentions",),
        lambda m, c: m.comentions(c["mentions"], edition=c["edition"]),
    ),
    ("network", "analysis.measures.network", ("actor table", "co-mentions"), _network),
    ("summaries", "analysis.measures.summaries", (), lambda m, c: m.summarize(c["edition"])),
    ("section statistics", "analysis.measures.statistics", ("mentions", "keyness"), _statistics),
    ("reorder proposal", "analysis.text.proposal", (), _proposal),
]


def _run_stage(
    name: str,
    module_name: str,
    needs: tuple[str, ...],
    fn: Stage,
    ctx: dict[str, Any],
    *,
    times: int,
    memory: bool,
    build_cpu: float,
) -> Measure:
    """Measure one stage, storing its result in ``ctx`` under its name."""
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        return Measure(note=f"not available ({exc})")
    missing = [n for n in needs if n not in ctx]
    if missing:
        return Measure(note=f"not available (needs {', '.join(missing)})")
    if name == "reorder proposal" and times != 1:
        return Measure(note="timed on the witness itself (1x) only: it orders one witness")
    if name == "edition build":
        result, digest = measure_build(times, memory=memory, limit=build_cpu)
        if digest is not None:
            same = "yes" if digest == fingerprint(ctx["edition"]) else "NO"
            result.note = f"same sentences as the assembled edition: {same}"
        return result
    try:
        ctx[name], result = measure(lambda: fn(module, ctx), memory=memory)
    except AttributeError as exc:  # the module exists but not (yet) this function
        return Measure(note=f"not available ({exc})")
    if name == "reorder proposal" and result.wall is not None:
        verdict = "yes" if result.wall < PROPOSAL_LIMIT else "NO"
        result.note = f"blocks, joins, layout, decisions; under {PROPOSAL_LIMIT:.0f} s: {verdict}"
    return result


def run_scale(edition: Any, times: int, *, memory: bool, build_cpu: float) -> dict[str, Measure]:
    """Measure every stage on ``edition`` (the essay repeated ``times`` over)."""
    ctx: dict[str, Any] = {"edition": edition}
    try:
        ctx["register"] = importlib.import_module("analysis.text.register").load_register()
    except (ImportError, AttributeError) as exc:
        print(f"  (register not available: {exc})")
    results: dict[str, Measure] = {}
    for name, module_name, needs, fn in STAGES:
        results[name] = _run_stage(
            name, module_name, needs, fn, ctx, times=times, memory=memory, build_cpu=build_cpu
        )
        print_row(name, results[name])
    return results


# --------------------------------------------------------------------------- reporting


def print_row(name: str, m: Measure) -> None:
    bound = ">" if m.lower_bound else ""
    wall = "" if m.wall is None else f"{bound}{m.wall:.3f}"
    cpu = "" if m.cpu is None else f"{bound}{m.cpu:.3f}"
    peak = "" if m.peak is None else f"{m.peak / MIB:.1f}"
    runs = str(m.runs) if m.runs else ""
    line = f"  {name:<20} {wall:>9} {cpu:>9} {runs:>5} {peak:>11}   {m.note}"
    print(line.rstrip(), flush=True)


def _ratio(small: Measure, large: Measure, growth: float) -> tuple[str, bool]:
    """The ratio of CPU time from ``small`` to ``large`` (``growth`` times the text), a flag."""
    if small.cpu is None or large.cpu is None or small.lower_bound:
        return "n/a", False
    ratio = large.cpu / max(small.cpu, 1e-9)
    exponent = math.log(ratio) / math.log(growth) if ratio > 0 else float("nan")
    bound = ">" if large.lower_bound else ""
    noisy = small.cpu < NOISE_FLOOR
    text = f"{bound}{ratio:.1f} (n^{bound}{exponent:.2f}){'*' if noisy else ''}"
    return text, exponent > FLAG_EXPONENT and not noisy


def print_growth(scales: list[int], results: dict[int, dict[str, Measure]]) -> None:
    """One line per stage: the time ratio of each step up in scale and over the whole range.

    A stage is flagged when its exponent exceeds :data:`FLAG_EXPONENT` on the
    last step (where fixed overhead matters least) or over the whole range; a
    stage above it on an earlier step only is marked irregular (a load spike on
    the machine, most likely: run again).
    """
    pairs = list(itertools.pairwise(scales))
    if len(pairs) > 1:
        pairs.append((scales[0], scales[-1]))
    print(
        "\nGrowth of CPU time (ratio, and the exponent k of n^k if the text grows n-fold).\n"
        "CPU time of the process is used because other work on a shared machine disturbs\n"
        "it far less than wall time; on a quiet machine the two agree."
    )
    head = "".join(f"{f'{b}x/{a}x':>22}" for a, b in pairs)
    print(f"  {'stage':<20}{head}")
    flagged = []
    for name, *_ in STAGES:
        cells, bad = [], []
        for a, b in pairs:
            text, flag = _ratio(results[a][name], results[b][name], b / a)
            cells.append(f"{text:>22}")
            bad.append(flag)
        if bad[-1] or (len(pairs) > 1 and bad[-2]):
            mark = "   SUPERLINEAR"
            flagged.append(name)
        else:
            mark = "   irregular: rerun" if any(bad) else ""
        print(f"  {name:<20}{''.join(cells)}{mark}")
    print(
        f"  (* the smaller time is under {NOISE_FLOOR * 1000:.0f} ms, mostly fixed overhead.\n"
        f"  Flagged: exponent above {FLAG_EXPONENT} on the last step or overall.)"
    )
    if flagged:
        print(f"\nGrowing clearly worse than linear: {', '.join(flagged)}.")
    else:
        print("\nNo stage grows clearly worse than linear.")


def describe(edition: Any) -> str:
    per_section = [sum(len(p.sentences) for p in s.paragraphs) for s in edition.sections]
    return (
        f"{len(edition.sections)} sections, {len(edition.paragraphs)} paragraphs, "
        f"{sum(per_section)} sentences, {min(per_section)}-{max(per_section)} sentences "
        "per section"
    )


def print_reorder(essay: Any) -> None:
    """The proposed order against the editor's and on synthetic scrambles, with their times."""
    from analysis.measures.reordering import (
        SEEDS,
        editor_agreement,
        synthetic_scores,
        synthetic_summary,
    )
    from analysis.text.proposal import decisions_mapping, propose

    def whole() -> Any:
        proposal = propose(essay.witness)
        decisions_mapping(proposal, witness=essay.witness, witness_path="w.txt")
        return proposal

    proposal, timed = measure(whole, memory=False)
    verdict = "yes" if timed.wall is not None and timed.wall < PROPOSAL_LIMIT else "NO"
    print(f"\nProposed reading order (python -m analysis reorder): the witness, {timed.wall:.3f} s")
    print(f"  (wall, fastest of {timed.runs}; under {PROPOSAL_LIMIT:.0f} s: {verdict})")
    agreement = editor_agreement(essay, proposal)
    for row in agreement.itertuples():
        print(f"  {row.measure:<30} {row.reproduced:>3} of {row.total:<3} {row.share:.3f}")
    start = time.perf_counter()
    summary = synthetic_summary(synthetic_scores(SEEDS))
    spent = time.perf_counter() - start
    print(f"Synthetic scrambles: {len(SEEDS)} seeds, {spent:.1f} s")
    print(f"  {'measure':<20} {'mean':>6} {'std':>6} {'min':>6} {'max':>6}")
    for row in summary.itertuples():
        print(
            f"  {row.measure:<20} {row.mean:>6.3f} {row.std:>6.3f} {row.min:>6.3f} {row.max:>6.3f}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="repetitions of the essay")
    parser.add_argument(
        "--build-cpu",
        type=float,
        default=30.0,
        help="CPU seconds allowed to the edition build at each scale (default 30)",
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc runs")
    parser.add_argument(
        "--reorder", action="store_true", help="only the proposed reading order and its evaluation"
    )
    args = parser.parse_args(argv)
    scales = sorted({int(s) for s in args.scales.split(",")})

    from analysis.text.edition import load_edition

    essay = load_edition()
    if args.reorder:
        print_reorder(essay)
        return
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"Analysis stages of the edition: Python {platform.python_version()}, {cpus} CPU(s)")
    print(
        "Longer texts repeat the whole essay as NEW SECTIONS of normal size (copy c adds\n"
        "its six sections again, ids suffixed -c), so sentences per section stay as in the\n"
        "essay and TextRank's pairwise comparisons cost the same per section. Repetition\n"
        "adds no new words: stages whose cost grows with the vocabulary (keyness tests each\n"
        "term in each section) would grow faster on a genuinely longer text."
    )
    print(
        "Columns: wall and CPU time in seconds, the fastest of 'runs' runs; peak of\n"
        "memory allocated during one more run, traced by tracemalloc (MiB)."
    )
    results: dict[int, dict[str, Measure]] = {}
    for times in scales:
        if times == 1:
            edition = essay
        else:
            witness, decisions = repeated_sources(essay.witness, essay.decisions, times)
            edition = repeated_edition(essay, witness, decisions, times)
        print(f"\n{times}x: {describe(edition)}")
        print(f"  {'stage':<20} {'wall (s)':>9} {'cpu (s)':>9} {'runs':>5} {'peak (MiB)':>11}")
        results[times] = run_scale(
            edition, times, memory=not args.no_memory, build_cpu=args.build_cpu
        )
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  max resident set size of this process so far: {rss:.0f} MiB")
        del edition
    if len(scales) > 1:
        print_growth(scales, results)
    print_reorder(essay)


if __name__ == "__main__":
    sys.exit(main())
