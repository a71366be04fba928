"""Small editions made by hand, shared by the tests of the measures."""

from __future__ import annotations

from analysis.text.edition import Edition, Paragraph, Section, Sentence


def toy_edition(sections: dict[str, list[list[str]]]) -> Edition:
    """An edition of ``sections`` (id -> paragraphs -> sentences), sentences joined by a space.

    Each sentence is one witness line, and the lines are numbered backwards,
    so W's order is the reverse of the reading order. Sections are headed by
    their id in title case. No witness, decisions or apparatus.
    """
    line = sum(len(p) for paragraphs in sections.values() for p in paragraphs) + 1
    built, n = [], 0
    for k, (sid, paragraphs) in enumerate(sections.items(), start=1):
        paras = []
        for sentences in paragraphs:
            n += 1
            pid, text, offsets, sents = f"p{n}", "", [], []
            for j, sentence in enumerate(sentences, start=1):
                line -= 1
                start = len(text) + 1 if text else 0
                text = f"{text} {sentence}" if text else sentence
                offsets.append((line, start, len(text)))
                sents.append(Sentence(f"{pid}.{j}", j, pid, sentence, start, len(text), (line,)))
            paras.append(
                Paragraph(pid, n, sid, ((line, offsets[0][0]),), text, tuple(offsets), tuple(sents))
            )
        built.append(Section(sid, k, sid.title(), (), tuple(paras)))
    return Edition(
        witness=None,
        decisions=None,  # type: ignore[arg-type]
        sections=tuple(built),
        apparatus=(),
    )


STAR = {
    "one": [
        ["Guzman dug tunnels.", "The cartel paid bribes."],
        ["Guzman paid bribes for tunnels.", "It rained in Sinaloa."],
    ],
    "two": [["Short section."]],
}
