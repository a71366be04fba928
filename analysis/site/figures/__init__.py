"""Plotly figures of the edition; each takes frames computed elsewhere in the package.

One module per subject (``order``, ``terms``, ``actors``, ``network``,
``sections``, ``comparison``); every figure function returns a
:class:`plotly.graph_objects.Figure` named through
:func:`analysis.site.display.name_figure` so that its HTML id is stable. Their data
colours come from ``palette`` (a light and a dark value each).
"""
