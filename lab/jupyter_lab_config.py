"""JupyterLab for rerunning the edition's pages as notebooks (`make lab`, tests/browser).

Paths are the project's, wherever it lies: the server serves the project
folder on 127.0.0.1 only; JupyterLab's settings come from this folder
(``overrides.json``: the MyST pages open as jupytext notebooks, and nothing
is fetched for news or updates); checkpoints go to ``_build/lab``, so that
opening and saving a page adds no file to ``book/``.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

c = get_config()  # noqa: F821 (given by Jupyter when it reads this file)
c.ServerApp.ip = "127.0.0.1"
c.ServerApp.root_dir = str(ROOT)
c.LabApp.app_settings_dir = str(ROOT / "lab")
c.LabApp.default_url = "/lab/tree/book/analyses/terms.md"
c.FileCheckpoints.checkpoint_dir = str(ROOT / "_build" / "lab" / "checkpoints")
# The extension manager would ask PyPI for extensions: read-only, nothing fetched.
c.LabApp.extension_manager = "readonly"
# As root (CI, containers) too: the server listens on the loopback only.
c.ServerApp.allow_root = True
