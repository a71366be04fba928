"""What each page of the site shows: Sphinx directives and escaped HTML fragments.

One module per page. The pages of the edition are made by directives that
``analysis.directives`` registers: :mod:`~analysis.pages.text` (the reading
text), :mod:`~analysis.pages.witness`, :mod:`~analysis.pages.apparatus`,
:mod:`~analysis.pages.register` and :mod:`~analysis.pages.record` (the
bibliographic record), on the shared base of :mod:`~analysis.pages.base`.
The analysis pages are notebooks that display the escaped fragments of
:mod:`~analysis.pages.terms`, :mod:`~analysis.pages.actors`,
:mod:`~analysis.pages.pairs` and :mod:`~analysis.pages.sections`; the
methods page quotes :mod:`~analysis.pages.methods`.

Text of the witness or of the register reaches HTML only as docutils text
nodes or escaped with :func:`html.escape` (directly or through
:mod:`analysis.markup`).
"""

__all__: list[str] = []
