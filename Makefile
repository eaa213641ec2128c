# schedula_nb: set-up, run and test.
#
#   make lab     set up, then open JupyterLab on the tutorial
#   make test    set up, then lint, format check, pytest (incl. doctests), notebooks
#
# `setup` is idempotent and fast once done: the Python install is keyed on the
# content of pyproject.toml (a stamp file inside the venv), and the system
# pieces (graphviz's `dot`, Chromium) are installed with apt only when missing.

PYTHON ?= python3
VENV   ?= .venv

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

BIN := $(VENV)/bin
PY  := $(BIN)/python

# The stamp's name carries a hash of pyproject.toml's [build-system] and
# [project] tables (everything before the first [tool.*] table): editing the
# dependencies re-runs the install; touching the file or retuning ruff/pytest
# does not.
PYPROJECT_HASH := $(shell sed -n '/^\[tool\./q;p' pyproject.toml 2>/dev/null \
                    | sha256sum | cut -c1-16)
STAMP := $(VENV)/.stamp-install-$(PYPROJECT_HASH)

# Playwright drives the system Chromium; it must never try to download one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# Quieter Jupyter/kernel start-up (no frozen-modules debugger warning, new dirs).
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export JUPYTER_PLATFORM_DIRS := 1

# JupyterLab refuses to start as root unless told so; a normal user needs nothing.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Debian packages for what pip cannot bring: graphviz's `dot`, Chromium and its
# driver (browser tests use executable_path='/usr/bin/chromium').
# Set SKIP_SYSTEM_DEPS=1 to skip this step (e.g. on a machine without apt).
SKIP_SYSTEM_DEPS ?=

.PHONY: help setup system-deps python-deps lab test lint format pytest notebooks \
        bench compat docs widgets-js clean distclean

help:
	@echo "make lab        set up, then open JupyterLab on notebooks/tutorial.ipynb"
	@echo "make test       set up, then ruff check, ruff format --check, pytest, nbval"
	@echo "make setup      create $(VENV), install '.[all,test]', graphviz and Chromium"
	@echo "make lint       ruff check ."
	@echo "make format     ruff format . and ruff check --fix ."
	@echo "make bench      run benchmarks/run.py and benchmarks/search_floor.py"
	@echo "make compat     schedula's and formulas' own test suites, on the reference and on schedula_nb"
	@echo "make docs       build the documentation site into docs/_build/html"
	@echo "make widgets-js rebuild the explorer's bundled graph (npm: cytoscape.js + dagre)"
	@echo "make clean      remove caches and build output (distclean: also $(VENV))"

setup: system-deps python-deps

# --- system pieces ----------------------------------------------------------
system-deps:
	@if [ -n "$(SKIP_SYSTEM_DEPS)" ]; then \
	  echo "setup: SKIP_SYSTEM_DEPS set, not checking graphviz/Chromium"; exit 0; \
	fi; \
	missing=""; \
	command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	[ -x /usr/bin/chromedriver ] || missing="$$missing chromium-driver"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "setup: installing system packages:$$missing"; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "setup: ERROR: apt-get not found; install these yourself:$$missing" >&2; \
	  echo "setup:        (or run with SKIP_SYSTEM_DEPS=1 to go on without them)" >&2; \
	  exit 1; \
	fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	else \
	  echo "setup: ERROR: not root and no sudo; as root run:" >&2; \
	  echo "  apt-get update && apt-get install -y$$missing" >&2; \
	  echo "setup: (or run with SKIP_SYSTEM_DEPS=1 to go on without them)" >&2; \
	  exit 1; \
	fi; \
	$$sudo apt-get update -qq; \
	$$sudo env DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -qq --no-install-recommends $$missing; \
	command -v dot >/dev/null && [ -x /usr/bin/chromium ] || { \
	  echo "setup: ERROR: apt-get ran but dot or /usr/bin/chromium is still missing" >&2; \
	  exit 1; }

# --- Python environment -----------------------------------------------------
$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): | $(PY)
	rm -f $(VENV)/.stamp-install-*
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --progress-bar off -e '.[all,test]'
	@# The venv's own `python3` kernel: JupyterLab and nbval run the notebooks
	@# with this interpreter, not whatever python3 kernel the user has.
	$(PY) -m ipykernel install --sys-prefix --name python3 \
	  --display-name "Python 3 (schedula_nb venv)" >/dev/null
	@# ... and the kernel that loads %load_ext schedula_nb by itself.
	$(PY) -m schedula_nb install-kernel --sys-prefix >/dev/null
	touch $@

python-deps: $(STAMP)

# --- run --------------------------------------------------------------------
lab: setup
	$(BIN)/jupyter lab --ip=127.0.0.1 $(ALLOW_ROOT) --ServerApp.root_dir="$(CURDIR)" \
	  notebooks/tutorial.ipynb

# --- checks -----------------------------------------------------------------
# Every check runs even when an earlier one fails (one run shows all problems);
# the target fails if any of them did.
test: setup
	@failed=""; \
	run() { echo "+ $$*"; "$$@" || failed="$$failed [$$*]"; }; \
	run $(BIN)/ruff check .; \
	run $(BIN)/ruff format --check .; \
	run $(MAKE) --no-print-directory pytest; \
	run $(MAKE) --no-print-directory notebooks; \
	if [ -n "$$failed" ]; then echo "make test: FAILED:$$failed" >&2; exit 1; fi

lint: python-deps
	$(BIN)/ruff check .

format: python-deps
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The whole suite: tests/ and the doctests of schedula_nb/ (see pyproject.toml).
pytest: python-deps
	$(BIN)/pytest

# Every notebook, run top to bottom in the venv's kernel; outputs are compared
# only in cells marked `# NBVAL_CHECK_OUTPUT`.
notebooks: python-deps
	$(BIN)/pytest --nbval-lax --nbval-current-env notebooks/

bench: python-deps
	$(PY) benchmarks/run.py
	$(PY) benchmarks/search_floor.py
	$(PY) benchmarks/formulas_workbook.py

# Code written for schedula, unchanged, on schedula_nb: the suites of schedula
# 1.6.15 and formulas 1.3.4 (from their PyPI sdists), each side's passes.
compat: python-deps
	$(PY) tests/dropin/suites.py

# The site: notebooks executed now, warnings are errors (tests/docs checks it too).
docs: python-deps
	$(BIN)/sphinx-build -W --keep-going -b html docs docs/_build/html
	@echo "docs: open docs/_build/html/index.html"

# The explorer's graph for big models: cytoscape.js and cytoscape-dagre from the
# npm registry, bundled into ONE committed ESM file (schedula_nb/widgets/static/graph.js).
widgets-js:
	cd schedula_nb/widgets/js && npm ci --no-audit --no-fund && npm run build

# --- housekeeping -----------------------------------------------------------
clean:
	rm -rf build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
	find . -path ./$(VENV) -prune -o \
	  \( -name __pycache__ -o -name .ipynb_checkpoints \) -type d -print0 \
	  | xargs -0 rm -rf

distclean: clean
	rm -rf $(VENV)
