"""The ``dispatcher`` and ``autodispatcher`` directives.

``.. dispatcher:: module.dsp`` documents a model: its drawing (inline SVG, the
drawing of ``plot()``), then tables of its data nodes, function nodes and
sub-models, each sub-model in a section of its own that the table and the
drawing link to. Given content, the directive runs it as Python (doctest
prompts allowed) and documents the object it names.

``.. autodispatcher:: module.dsp`` is the same inside an object description
(``py:data``): an index entry and a cross-reference target
(``:py:data:`module.dsp```), for autodoc/autosummary users.

A name that cannot be imported, an object that is not a model, a bad
``:opt:`` and a drawing that cannot be made (no ``dot``, no graphviz package)
are Sphinx warnings; the build goes on (without the drawing: the tables).
"""

from __future__ import annotations

import inspect
import sys
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..render import summary
from ..render.dot import reason
from ..render.graph import sub_models
from . import _tables
from ._drawing import drawing_svg
from ._options import plot_options
from ._resolve import NotAModel, as_model, import_object, run_code

__all__ = ["DispatcherDirective", "AutodispatcherDirective", "PARTS"]

logger = logging.getLogger(__name__)

#: the parts a flag option selects; with none of them given, all are shown
#: but the code
PARTS = ("description", "code", "data", "func", "dsp")

OPTION_SPEC: dict[str, Any] = {
    "opt": directives.unchanged,
    "description": directives.flag,
    "code": directives.flag,
    "data": directives.flag,
    "func": directives.flag,
    "dsp": directives.flag,
    "height": directives.length_or_unitless,
    "width": directives.length_or_percentage_or_unitless,
}


class DispatcherDirective(SphinxDirective):
    """``.. dispatcher:: name``: a model's drawing and tables."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = dict(OPTION_SPEC)

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        self._warned = False  # the drawing's warning: once per directive
        found = self._find(name)
        if found is None:
            return []
        dsp, module = found
        opt = self._plot_options(name)
        chosen = {p for p in PARTS if p in self.options}
        parts = chosen or set(PARTS) - {"code"}
        box = nodes.container(classes=["sh-dispatcher"])
        anchor = self._claim(f"dispatcher-{name}", box)
        if "code" in parts:
            box += self._code(name, module)
        try:
            box += self._model(dsp, anchor, parts, opt, frozenset())
        except Exception as err:  # a warning, never a failed build
            self._warn(f"{name!r}: cannot document it: {reason(err)}", "model")
        return [box]

    def _plot_options(self, name: str) -> dict:
        """``:opt:`` as a dict (``{}`` after a warning when it is malformed)."""
        try:
            opt = plot_options(self.options.get("opt"))
        except ValueError as err:
            self._warn(f"{name}: {err}; drawn with the default options", "opt")
            return {}
        depth = opt.get("depth", -1)
        if not isinstance(depth, int) or isinstance(depth, bool):
            self._warn(f"{name}: :opt: depth= must be an integer, not {depth!r}", "opt")
            opt.pop("depth")
        return opt

    # -- finding the model ---------------------------------------------------
    def _find(self, name: str) -> tuple[Any, Any] | None:
        """``(model, module or None)``, or ``None`` after a warning."""
        try:
            if self.content:
                obj, module = run_code(self.content, name, self._source()), None
            else:
                current = self.env.ref_context.get("py:module")
                obj = import_object(name, current)
                module = _module_of(name, current)
                if getattr(module, "__file__", None):  # re-read when it changes
                    self.env.note_dependency(module.__file__)
        except Exception as err:
            self._warn(f"cannot find {name!r}: {type(err).__name__}: {err}", "import")
            return None
        try:
            return as_model(obj), module
        except NotAModel as err:
            self._warn(f"{name!r}: {err}; nothing documented", "not-a-model")
            return None

    def _source(self) -> str:
        source, line = self.get_source_info()
        return f"{source}:{line}"

    # -- building the nodes --------------------------------------------------
    def _model(
        self, dsp: Any, anchor: str, parts: set, opt: dict, chain: frozenset
    ) -> list[nodes.Node]:
        """The description, drawing, tables and sub-model sections of ``dsp``."""
        chain = chain | {id(dsp)}
        depth = opt.get("depth", -1)
        subs = {} if "dsp" not in parts or depth == 0 else sub_models(dsp)
        subs = {n: m for n, m in subs.items() if id(m) not in chain}
        kinds = _tables.node_kinds(dsp)
        sections = {n: self._id(f"{anchor}-{n}") for n in subs}
        rows = {}
        if "data" in parts:
            rows = {n: self._id(f"{anchor}-data-{n}") for n in kinds["data"]}
        out: list[nodes.Node] = []
        text = getattr(dsp, "description", "") or ""
        if "description" in parts and text:
            out += [nodes.paragraph(text=str(text).strip())]
        out += self._drawing(dsp, opt, sections, anchor)
        if "data" in parts and kinds["data"]:
            table = _tables.data_table(dsp, rows)
            for row in table.findall(nodes.row):  # the rows own their ids
                self._own_ids(row)
            out += [_rubric("Data nodes"), table]
        if "func" in parts and kinds["function"]:
            out += [_rubric("Function nodes"), _tables.function_table(dsp, rows)]
        if "dsp" in parts and kinds["dispatcher"]:
            out += [_rubric("Sub-models")]
            out += [_tables.sub_model_table(dsp, sections, rows)]
        inner_opt = {**opt, "depth": depth - 1} if depth > 0 else opt
        for node, model in subs.items():
            box = nodes.container(classes=["sh-dispatcher", "sh-sub-model"])
            self._own(sections[node], box)
            title = f"Sub-model {summary.name(node, 80)}"
            if model.name and model.name != node:
                title += f" ({summary.name(model.name, 80)})"
            box += _rubric(title)
            box += self._model(model, sections[node], parts, inner_opt, chain)
            out.append(box)
        return out

    def _drawing(
        self, dsp: Any, opt: dict, sections: dict, anchor: str
    ) -> list[nodes.Node]:
        links = {n: f"#{a}" for n, a in sections.items()}
        size = {k: self.options.get(k) for k in ("width", "height")}
        try:
            svg = drawing_svg(dsp, opt, links, anchor, **size)
        except Exception as err:
            if not self._warned:  # one warning per directive, not per sub-model
                self._warned = True
                self._warn(f"{dsp.name!r} not drawn: {reason(err)}", "drawing")
            return []
        html = f'<div class="sh-dispatcher-drawing" style="overflow:auto">{svg}</div>'
        return [nodes.raw("", html, format="html")]

    def _code(self, name: str, module: Any) -> list[nodes.Node]:
        """The code that builds the model: the directive's content, or the
        source of the module it is imported from."""
        if self.content:
            text = "\n".join(self.content)
            lang = "pycon" if text.lstrip().startswith(">>>") else "python"
        else:
            try:
                text, lang = inspect.getsource(module), "python"
            except (TypeError, OSError) as err:
                self._warn(f"{name!r}: no source to show for :code: ({err})", "code")
                return []
        block = nodes.literal_block(text, text, language=lang)
        block["classes"].append("sh-dispatcher-code")
        return [block]

    # -- ids and warnings ----------------------------------------------------
    def _id(self, text: str) -> str:
        """A unique HTML id made from ``text`` (reserved in the document)."""
        doc = self.state.document
        base = nodes.make_id(text) or "dispatcher"
        out, n = base, 1
        while out in doc.ids:
            n += 1
            out = f"{base}-{n}"
        doc.ids[out] = doc  # reserved until the node that owns it is made
        return out

    def _claim(self, text: str, node: nodes.Element) -> str:
        anchor = self._id(text)
        self._own(anchor, node)
        return anchor

    def _own(self, anchor: str, node: nodes.Element) -> None:
        node["ids"].append(anchor)
        self.state.document.ids[anchor] = node

    def _own_ids(self, node: nodes.Element) -> None:
        for anchor in node["ids"]:
            self.state.document.ids[anchor] = node

    def _warn(self, message: str, subtype: str) -> None:
        logger.warning(
            f"dispatcher: {message}",
            location=self.get_location(),
            type="dispatcher",
            subtype=subtype,
        )


class AutodispatcherDirective(SphinxDirective):
    """``.. autodispatcher:: module.dsp``: a ``py:data`` description (index
    entry, cross-reference target) holding the ``dispatcher`` directive."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        **OPTION_SPEC,
        "no-index": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        # The directives are run, not written out as text to parse, so this
        # works the same from reStructuredText and from MyST Markdown.
        index = {"no-index": None} if "no-index" in self.options else {}
        desc = self._run(self.env.get_domain("py").directive("data"), "py:data", index)
        options = {k: v for k, v in self.options.items() if k != "no-index"}
        body = self._run(DispatcherDirective, "dispatcher", options, self.content)
        content = next(iter(desc[-1].findall(addnodes.desc_content)))
        content.extend(body)
        return desc

    def _run(
        self, cls: Any, name: str, options: dict, content: Any = None
    ) -> list[nodes.Node]:
        directive = cls(
            name,
            self.arguments,
            options,
            content if content is not None else StringList(),
            self.lineno,
            self.content_offset,
            self.block_text,
            self.state,
            self.state_machine,
        )
        return directive.run()


def _module_of(name: str, current: str | None) -> Any:
    """The imported module an object name starts with (for ``:code:``)."""
    for full in (f"{current}.{name}" if current else None, name):
        if not full:
            continue
        parts = full.split(".")
        for i in range(len(parts) - 1, 0, -1):
            module = sys.modules.get(".".join(parts[:i]))
            if module is not None:
                return module
    return None


def _rubric(text: str) -> nodes.rubric:
    return nodes.rubric(text=text, classes=["sh-dispatcher-heading"])
