"""A critical edition of Patrick Radden Keefe's essay "The Chapo Conundrum".

The package turns the witness in ``seeds/`` and the editor's decisions about
it into the edition and its analyses; the book's pages import it and display
what it computes. Each module handles one concern (see DEVELOPING.md).
"""

__version__ = "0.1.0"
