"""Every project path, defined once."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ACTORS", "BOOK", "BUILD", "DATA", "DECISIONS", "PACKAGE", "ROOT", "SEEDS", "SUMMARIES"]

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
SEEDS = ROOT / "seeds"
BOOK = ROOT / "book"
DECISIONS = SEEDS / "decisions.yaml"
ACTORS = SEEDS / "actors.yaml"
SUMMARIES = SEEDS / "summaries.yaml"
BUILD = ROOT / "_build"
DATA = BUILD / "data"
