"""What each page of the site shows: Sphinx directives and escaped HTML fragments.

One module per page. The pages of the edition are made by directives that
``analysis.site.extension`` registers: :mod:`~analysis.site.pages.text` (the reading
text), :mod:`~analysis.site.pages.witness`, :mod:`~analysis.site.pages.apparatus`,
:mod:`~analysis.site.pages.register` and :mod:`~analysis.site.pages.record` (the
bibliographic record), on the shared base of :mod:`~analysis.site.pages.base`.
The analysis pages are notebooks that display the escaped fragments of
:mod:`~analysis.site.pages.terms`, :mod:`~analysis.site.pages.actors`,
:mod:`~analysis.site.pages.pairs` and :mod:`~analysis.site.pages.sections`; the
methods page quotes :mod:`~analysis.site.pages.methods`.

Text of the witness or of the register reaches HTML only as docutils text
nodes or escaped with :func:`analysis.site.markup.escape` (directly or through
:mod:`analysis.site.markup`).
"""

__all__: list[str] = []
