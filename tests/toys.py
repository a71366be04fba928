"""Small editions made by hand, shared by the tests of the summaries and the statistics."""

from __future__ import annotations

from analysis.text.edition import Edition, Paragraph, Section, Sentence


def toy_edition(sections: dict[str, list[list[str]]]) -> Edition:
    """An edition of ``sections`` (id -> paragraphs -> sentences), sentences joined by a space.

    Only what the summaries and the statistics read is filled in: no witness,
    decisions or apparatus.
    """
    built, n = [], 0
    for k, (sid, paragraphs) in enumerate(sections.items(), start=1):
        paras = []
        for sentences in paragraphs:
            n += 1
            pid, text, sents = f"p{n}", "", []
            for j, sentence in enumerate(sentences, start=1):
                start = len(text) + 1 if text else 0
                text = f"{text} {sentence}" if text else sentence
                sents.append(Sentence(f"{pid}.{j}", j, pid, sentence, start, len(text), ()))
            paras.append(Paragraph(pid, n, sid, (), text, (), tuple(sents)))
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
