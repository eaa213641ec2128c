"""Links between documents of a symlinked folder (``docs/notebooks`` is a
symlink to ``../notebooks``).

Sphinx knows those documents by their path under the source folder
(``notebooks/tutorial``), but resolves a link's target to its real path: a
notebook's ``[the tutorial](tutorial.ipynb)`` names
``<repo>/notebooks/tutorial.ipynb``, outside the source folder, and the link
is reported missing. This extension tells Sphinx the real path of each such
document too, once the documents are found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def map_real_paths(app: Any, env: Any, docnames: list) -> None:
    """Real path -> document, for the documents reached through a symlink."""
    table = getattr(env.project, "_path_to_docname", None)
    if table is None:  # another Sphinx: tests/docs notices the links warning
        return
    for docname in env.found_docs:
        path = Path(env.doc2path(docname))
        real = path.resolve()
        if real != path:
            table[real] = docname


def setup(app: Any) -> dict[str, Any]:
    app.connect("env-before-read-docs", map_real_paths)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
