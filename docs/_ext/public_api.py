"""``.. public-api:: module``: the API reference of ``module.__all__``, made
at build time, so a name added to ``__all__`` is documented without editing
a page: a summary table, then one autodoc entry per name, grouped by kind.
"""

from __future__ import annotations

import concurrent.futures as cf
import importlib
import inspect
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

#: (title, test, autodoc directive and its options), in page order
GROUPS = (
    (
        "Exceptions",
        lambda o: inspect.isclass(o) and issubclass(o, BaseException),
        ["autoexception"],
    ),
    (
        # concurrent.futures executors: their own members only (the base's
        # docstrings are not reStructuredText)
        "Executors",
        lambda o: inspect.isclass(o) and issubclass(o, cf.Executor),
        ["autoclass", ":members:"],
    ),
    (
        "Classes",
        inspect.isclass,
        ["autoclass", ":members:", ":inherited-members: dict, object"],
    ),
    ("Functions", callable, ["autofunction"]),
    ("Constants", lambda o: True, ["autodata", ":annotation:"]),
)


def grouped(module: Any) -> list[tuple[str, list[str], list[str]]]:
    """``(title, names, directive lines)`` of the public names by kind."""
    left = list(module.__all__)
    out = []
    for title, test, directive in GROUPS:
        names = [n for n in left if test(getattr(module, n))]
        left = [n for n in left if n not in names]
        if names:
            out.append((title, names, directive))
    return out


class PublicApi(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        modname = self.arguments[0]
        module = importlib.import_module(modname)
        groups = grouped(module)
        lines = [f".. currentmodule:: {modname}", "", ".. autosummary::"]
        lines += ["   :nosignatures:", ""]
        lines += [f"   {n}" for _, names, _ in groups for n in names]
        for title, names, (directive, *options) in groups:
            lines += ["", title, "-" * len(title), ""]
            for n in names:
                lines += [f".. {directive}:: {n}"]
                lines += [f"   {o}" for o in options]
                lines += [""]
        source, line = self.get_source_info()
        content = StringList(lines, items=[(source, line)] * len(lines))
        holder = nodes.section()
        holder.document = self.state.document
        nested_parse_with_titles(self.state, content, holder)
        return holder.children


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("public-api", PublicApi)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
