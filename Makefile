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

# The Launcher's name of the venv's kernel, the one the notebooks are saved with
# (the other one, "Python 3 + schedula_nb magics", loads %load_ext by itself).
KERNEL_NAME := Python 3 (schedula_nb): pick this one

# The stamp's name carries a hash of pyproject.toml's [build-system] and
# [project] tables (everything before the first [tool.*] table) and of the
# kernel's name: editing the dependencies (or renaming the kernel) re-runs the
# install; touching the file or retuning ruff/pytest does not.
PYPROJECT_HASH := $(shell { sed -n '/^\[tool\./q;p' pyproject.toml 2>/dev/null; \
                    echo '$(KERNEL_NAME)'; } | sha256sum | cut -c1-16)
STAMP := $(VENV)/.stamp-install-$(PYPROJECT_HASH)

# Playwright drives the system Chromium; it must never try to download one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# Quieter Jupyter/kernel start-up (no frozen-modules debugger warning, new dirs).
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export JUPYTER_PLATFORM_DIRS := 1

# JupyterLab refuses to start as root unless told so; a normal user needs nothing.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Debian packages for what pip cannot bring: graphviz's `dot` (drawings; every
# target), and for the browser tests only Chromium and its driver (they use
# executable_path='/usr/bin/chromium'): `make lab` never installs those.
# Set SKIP_SYSTEM_DEPS=1 to skip this step (e.g. on a machine without apt).
SKIP_SYSTEM_DEPS ?=

.PHONY: help setup system-deps browser-deps python-deps lab test lint format \
        pytest notebooks bench compat docs widgets-js clean distclean

help:
	@echo "make lab        set up, then open JupyterLab on notebooks/tutorial.ipynb"
	@echo "make test       set up (and Chromium), then ruff, pytest, nbval"
	@echo "make setup      create $(VENV), install '.[all,test]' and graphviz"
	@echo "make lint       ruff check ."
	@echo "make format     ruff format . and ruff check --fix ."
	@echo "make bench      run benchmarks/run.py and benchmarks/search_floor.py"
	@echo "make compat     schedula's and formulas' own test suites, on the reference and on schedula_nb"
	@echo "make docs       build the documentation site into docs/_build/html"
	@echo "make widgets-js rebuild the explorer's bundled graph (npm: cytoscape.js + dagre)"
	@echo "make clean      remove caches and build output (distclean: also $(VENV))"

setup: system-deps python-deps

# --- system pieces ----------------------------------------------------------
# Installs the Debian packages listed in the shell variable `missing` (nothing
# when it is empty), or says what to run where apt or root is missing.
define APT_INSTALL
if [ -n "$(SKIP_SYSTEM_DEPS)" ]; then \
  echo "setup: SKIP_SYSTEM_DEPS set, not installing:$$missing"; exit 0; \
fi; \
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
  apt-get install -y -qq --no-install-recommends $$missing
endef

# graphviz's `dot`: the drawings (make lab, make test, make docs).
system-deps:
	@missing=""; \
	command -v dot >/dev/null 2>&1 || missing=" graphviz"; \
	$(APT_INSTALL); \
	command -v dot >/dev/null || { \
	  echo "setup: ERROR: apt-get ran but dot is still missing" >&2; exit 1; }

# Chromium and its driver: only the browser tests (make test) use them.
browser-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	[ -x /usr/bin/chromedriver ] || missing="$$missing chromium-driver"; \
	$(APT_INSTALL); \
	[ -x /usr/bin/chromium ] || { \
	  echo "setup: ERROR: apt-get ran but /usr/bin/chromium is still missing" >&2; \
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
	  --display-name "$(KERNEL_NAME)" >/dev/null
	@# ... and the kernel that loads %load_ext schedula_nb by itself.
	$(PY) -m schedula_nb install-kernel --sys-prefix >/dev/null
	touch $@

python-deps: $(STAMP)

# --- run --------------------------------------------------------------------
# JupyterLab opens on the tutorial itself, and the URL it prints is the
# tutorial's (the server's default page), not the Launcher's. Only what Lab
# needs is installed: Chromium is the browser tests' (make test).
TUTORIAL := /lab/tree/notebooks/tutorial.ipynb

lab: setup
	$(BIN)/jupyter trust notebooks/*.ipynb
	$(BIN)/jupyter lab --ip=127.0.0.1 $(ALLOW_ROOT) --ServerApp.root_dir="$(CURDIR)" \
	  --LabApp.default_url=$(TUTORIAL)

# --- checks -----------------------------------------------------------------
# Every check runs even when an earlier one fails (one run shows all problems);
# the target fails if any of them did.
test: setup browser-deps
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
