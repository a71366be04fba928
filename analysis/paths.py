"""Every project path, defined once."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ACTORS", "BUILD", "DATA", "DECISIONS", "ROOT", "SEEDS"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DECISIONS = SEEDS / "decisions.yaml"
ACTORS = SEEDS / "actors.yaml"
BUILD = ROOT / "_build"
DATA = BUILD / "data"
