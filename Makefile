# Build, test and maintenance commands of the edition. See README.md.
#
#   make site   the website in _build/html (sets up .venv first if needed)
#   make test   the site, then every test, browser tests included
#   make lab    JupyterLab, to rerun the pages as notebooks
#
# Everything runs from the virtual environment .venv, created from
# requirements.lock; it is reinstalled whenever the lock or pyproject.toml
# changes (the stamp .venv/.installed records the last install). The lock holds
# every package with its hashes, so pip installs it as it stands (--no-deps) and
# `pip check` then confirms that it is complete and consistent.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := site
.DELETE_ON_ERROR:

# Python 3.11 or later; `make` stops with what to install when there is none.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
  command -v $$p >/dev/null && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  2>/dev/null && { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUILD := _build
SITE := $(BUILD)/html

# The venv's kernelspec comes first, whatever the user has installed, and
# Jupyter uses its current paths without warning about the old ones.
export JUPYTER_PATH := $(CURDIR)/$(VENV)/share/jupyter
export JUPYTER_PLATFORM_DIRS := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1

# This machine's pip configuration names local indexes that may not exist;
# their "is ignored" notes are dropped from the install log.
PIP_QUIET := { grep -v "is ignored: it is neither a file nor a directory" || true; }

.PHONY: venv setup site browser test lint lab lock export bench bench-build dist clean

venv setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@if [ -z "$(PYTHON)" ]; then \
	  echo "make: the edition needs Python 3.11 or later with venv and pip" \
	    "(Debian: apt-get install python3 python3-venv; or set PYTHON=/path/to/python3.11)" >&2; \
	  exit 1; \
	fi
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock 2>&1 | $(PIP_QUIET)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . 2>&1 | $(PIP_QUIET)
	$(BIN)/python -m pip check
	touch $@

# An incremental build: Sphinx reads (and executes) again only the pages whose
# source, modules of analysis/ or files of seeds/ changed since the last build
# (analysis.site.dependencies); with nothing changed it reads nothing.
site: $(STAMP)
	$(BIN)/jupyter-book build book --warningiserror --keep-going

# The browser tests drive Debian's Chromium; as root with apt, install it when missing.
# CHROMIUM names the browser for this Makefile and for the tests (tests/browser).
export CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get update && apt-get install -y --no-install-recommends chromium; \
	  else \
	    echo "make test: the browser tests need Debian's chromium at $(CHROMIUM) (apt-get install chromium)" >&2; \
	    exit 1; \
	  fi; \
	fi

# Lint first (seconds), then the site and the browser, then every test.
# The tests run on two workers (pytest-xdist), all the tests of a file on one
# worker, so that a file's browser, site or JupyterLab server starts once.
test: lint site browser
	$(BIN)/python -m pytest -n 2 --dist loadfile

# JupyterLab, from .venv and with its kernel (python3 is the venv's Python),
# set up by lab/jupyter_lab_config.py: 127.0.0.1 only, the MyST pages open as
# notebooks, nothing fetched. jupytext's settings ([tool.jupytext] in
# pyproject.toml) keep a page byte-identical when it is opened, run and saved
# without an edit. LAB_PORT chooses the port.
LAB_PORT ?= 8888
lab: $(STAMP)
	$(BIN)/jupyter lab --config=lab/jupyter_lab_config.py --ServerApp.port=$(LAB_PORT)

LINTED := $(wildcard analysis tests benchmarks lab)

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

# Regenerates requirements.lock, with the hash of every file, from
# pyproject.toml (runtime deps, the dev and the lab extras) for Python 3.11 on Linux.
# uv, pinned here, is a tool of this target only: it is installed into the
# venv here and is not part of the lock.
UV_VERSION := 0.13.9
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION) 2>&1 | $(PIP_QUIET)
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra lab --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu --custom-compile-command "make lock" \
	  --generate-hashes --quiet -o requirements.lock

export: $(STAMP)
	$(BIN)/python -m analysis export --out $(BUILD)/data

# A versioned archive of the site (the data files and inputs are inside it, in
# _downloads/), ready for any static host, with the checksum of every file in
# it (SHA256SUMS at its root) and of the archive itself beside it. The version
# is the edition's (seeds/decisions.yaml); the archive is the same, byte for
# byte, for the same site (sorted names, fixed dates and owners).
DIST := $(BUILD)/dist
dist: site
	@version=$$($(BIN)/python -c "from analysis.text.edition import load_edition; \
	  print(load_edition().decisions.edition['version'])"); \
	name=chapo-edition-$$version; rm -rf $(DIST)/$$name; mkdir -p $(DIST)/$$name; \
	cp -r $(SITE)/. $(DIST)/$$name/; rm -rf $(DIST)/$$name/.buildinfo $(DIST)/$$name/.doctrees; \
	(cd $(DIST)/$$name && find . -type f ! -path ./SHA256SUMS -printf '%P\n' | LC_ALL=C sort \
	  | xargs -d '\n' sha256sum > SHA256SUMS); \
	tar --sort=name --mtime='2000-01-01 00:00Z' --owner=0 --group=0 --numeric-owner \
	  -C $(DIST) -cf - $$name | gzip -n > $(DIST)/$$name.tar.gz; \
	(cd $(DIST) && sha256sum $$name.tar.gz > $$name.tar.gz.sha256); \
	rm -rf $(DIST)/$$name; \
	echo "$(DIST)/$$name.tar.gz: $$(cut -d' ' -f1 $(DIST)/$$name.tar.gz.sha256)"

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

# The build timings: cold, warm with nothing changed, after a seed changed, and make test.
bench-build: $(STAMP)
	$(BIN)/python benchmarks/builds.py --test

clean:
	rm -rf $(BUILD) .pytest_cache .ruff_cache .hypothesis .coverage
	find analysis tests benchmarks -name __pycache__ -type d -prune -exec rm -rf {} + 2>/dev/null || true
