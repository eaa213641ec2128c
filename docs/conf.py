"""Sphinx configuration of the schedula_nb documentation (``make docs``).

The notebooks of ``../notebooks`` are pages (through the ``notebooks``
symlink, so new ones appear by themselves), executed at build time by myst-nb;
the API reference is autodoc over ``schedula_nb.__all__``; models are
documented with the project's own ``dispatcher`` directive.
"""

from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)  # docs/models.py: the models the directive documents
sys.path.insert(0, os.path.join(HERE, "_ext"))  # public_api, symlinked_sources

import schedula_nb  # noqa: E402

project = "schedula_nb"
author = "the schedula_nb developers"
copyright = "the schedula_nb developers"
release = version = schedula_nb.VERSION

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "myst_nb",
    "schedula_nb.sphinx",
    "public_api",
    "symlinked_sources",
]

exclude_patterns = [
    "_build",
    "jupyter_execute",
    "**/.ipynb_checkpoints",
    "**/README.md",
    "notebooks/*/**",  # a notebook's data or helpers, not pages
]
source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}

# -- notebooks (myst-nb): run at every build, an error fails it --------------
nb_execution_mode = "force"
nb_execution_timeout = 300
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True
# A static page cannot run a live widget (the explorer): show the static view
# its output carries too (its text/html), as a notebook viewer without widgets does.
nb_mime_priority_overrides = [("*", "application/vnd.jupyter.widget-view+json", None)]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- API reference ------------------------------------------------------------
autodoc_default_options = {"member-order": "bysource"}
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autosummary_generate = False
napoleon_google_docstring = False
napoleon_numpy_docstring = True

# -- HTML ---------------------------------------------------------------------
html_theme = "furo"
html_title = f"schedula_nb {release}"
html_static_path: list[str] = []


# -- pages with code run at every build ----------------------------------------
# Sphinx re-reads only the pages whose source changed; a page that runs code
# must also run when the library changed, so it is always re-read (and run).
def _pages_with_code(app, env, added, changed, removed):
    def runs_code(docname: str) -> bool:
        path = env.doc2path(docname)
        if str(path).endswith(".ipynb"):
            return True
        return str(path).endswith(".md") and "{code-cell}" in open(path).read()

    return [d for d in env.found_docs if runs_code(d)]


def setup(app):
    app.connect("env-get-outdated", _pages_with_code)
