"""Time the site's builds: cold, warm with nothing changed, after one seed file changed.

Run with ``make bench-build`` (or ``.venv/bin/python benchmarks/builds.py``).
It copies the tracked files of the project into a temporary folder (sharing
the project's ``.venv``) and times, in that copy:

* a cold ``make site`` (every page read and executed);
* a warm ``make site`` with nothing changed (target: under 3 s);
* ``make site`` after the register ``seeds/actors.yaml`` was touched (the
  pages that read it are read and executed again);
* ``make site`` after one module, ``analysis/site/pages/apparatus.py``, was touched.

With ``--test`` it also times ``make test`` in the project itself (target:
under 3 minutes on two cores). Every figure is measured, none estimated; the
pages each build read are printed beside its time.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_READING = re.compile(r"reading sources\.\.\. \[\s*\d+%\] (\S+)")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _run(args: list[str], cwd: Path) -> tuple[float, str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    log = _ANSI.sub("", result.stdout + result.stderr)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed in {cwd}:\n{log[-4000:]}")
    return elapsed, log


def _copy(target: Path) -> Path:
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, files.split("\0")):
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


def _site(repo: Path, label: str) -> float:
    elapsed, log = _run(["make", "-o", ".venv/.installed", "site"], repo)
    read = _READING.findall(log)
    print(f"{label:<44} {elapsed:7.2f} s   pages read: {len(read):>2} {' '.join(read)}")
    return elapsed


def main() -> int:
    """Print the timings; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--test", action="store_true", help="also time `make test`")
    args = parser.parse_args()
    if not (ROOT / ".venv" / ".installed").is_file():
        sys.exit("no .venv: run `make setup` first")
    print(f"cores: {os.cpu_count()}, python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="edition-builds-") as tmp:
        repo = _copy(Path(tmp) / "repo")
        _site(repo, "cold build")
        warm = min(_site(repo, f"warm build, nothing changed ({k})") for k in (1, 2, 3))
        (repo / "seeds" / "actors.yaml").touch()
        seed = _site(repo, "after touching seeds/actors.yaml")
        (repo / "analysis" / "site" / "pages" / "apparatus.py").touch()
        _site(repo, "after touching analysis/site/pages/apparatus.py")
    print(f"warm no-change build: {warm:.2f} s (target < 3 s): {'ok' if warm < 3 else 'SLOW'}")
    print(f"rebuild after touching one seed file: {seed:.2f} s")
    if args.test:
        elapsed, log = _run(["make", "test"], ROOT)
        summary = [line for line in log.splitlines() if re.search(r"\d+ passed", line)]
        print(f"make test: {elapsed:.1f} s (target < 180 s): {'ok' if elapsed < 180 else 'SLOW'}")
        print(f"  {summary[-1] if summary else 'no pytest summary'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
