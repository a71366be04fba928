"""The website: one Sphinx extension, the pages, the figures and their display.

The last stage of the flow. :mod:`~analysis.site.extension` is the one Sphinx
extension that ``_config.yml`` lists; it registers the directives of
:mod:`~analysis.site.directives` (the edition's pages, made in
:mod:`analysis.site.pages`), the data page of :mod:`~analysis.site.downloads`,
the methods page's role and bibliography style
(:mod:`~analysis.site.pages.methods`) and the plotly display of
:mod:`~analysis.site.display`. Notebook pages build their inputs through
:mod:`~analysis.site.cache`, draw with :mod:`analysis.site.figures` and show
escaped fragments of :mod:`~analysis.site.markup`. It may import every earlier
stage; none of them imports it.
"""

__all__: list[str] = []
