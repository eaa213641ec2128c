"""``Plot``: the drawing ``plot()`` returns. It displays itself as SVG in a
notebook and renders to files: SVG, PNG or PDF, one page per (sub-)model,
linked together, with an ``index.html``.

The ``dot`` program runs in a subprocess with a timeout; models bigger than
``max_nodes`` are not laid out (dot's time grows quickly with the number of
nodes, see ``MAX_NODES``), and the display then says so in one line.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_function('f', abs, ['a'], ['b'])
'f'
>>> p = dsp.plot()
>>> p
<Plot of 'demo': 3 nodes>
>>> '<svg' in p.pipe('svg').decode()
True
"""

from __future__ import annotations

import base64
import html
import re
import tempfile
import webbrowser
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import graph, summary
from .dot import TIMEOUT, DrawingUnavailable, reason, run_dot
from .picture import picture

__all__ = [
    "Plot",
    "DrawingUnavailable",
    "run_dot",
    "MAX_NODES",
    "FAST_ABOVE",
    "FAST_LAYOUT",
    "TIMEOUT",
]

#: Above this many nodes a drawing is not laid out unless asked for
#: (``max_nodes=None``). Timings of dot 2.43 on the benchmark models (one core),
#: with ``FAST_LAYOUT`` (which applies above ``FAST_ABOVE`` nodes):
#: chain-1000 (2,002 nodes) 0.5 s, layered-1000 (2,026 nodes) 1.0 s,
#: vehicle-700 (1,078 nodes, 2,166 edges) 5.5 s, vehicle-1000 (1,517 nodes,
#: 3,102 edges) 10 s; without it vehicle-300 (489 nodes) already takes 23 s and
#: vehicle-1000 more than 15 minutes.
MAX_NODES = 3_000
#: Above this many nodes, dot trades layout quality for time (``FAST_LAYOUT``).
FAST_ABOVE = 200
#: dot settings for big models: few network-simplex iterations (the x-position
#: phase dominates on models with long edges), a short crossing minimisation,
#: straight edges. Any of them can be overridden with ``graph_attr``.
FAST_LAYOUT = {
    "nslimit": "1",
    "nslimit1": "1",
    "searchsize": "10",
    "mclimit": "0.05",
    "splines": "line",
}
FORMATS = ("svg", "png", "pdf")


class Plot:
    """A drawing of a model, or of a solution over its model.

    Parameters
    ----------
    dsp
        The model to draw.
    solution
        Its solution: statuses, colours and the chosen path (optional).
    index
        Number the visited nodes in their execution order.
    workflow_only
        Draw only the nodes the dispatch reached.
    depth
        Levels of sub-models that get their own page in :meth:`render`
        (``-1``: all, ``0``: none).
    engine, max_nodes, timeout, graph_attr
        The graphviz program; the size guard (``None``: no guard, ``"auto"``:
        ``schedula_nb.render.plot.MAX_NODES``); dot's time limit in seconds;
        extra graph attributes (``rankdir='TB'`` ...).
    """

    def __init__(
        self,
        dsp: Any,
        solution: Any = None,
        *,
        index: bool = False,
        workflow_only: bool = False,
        depth: int = -1,
        engine: str = "dot",
        max_nodes: int | str | None = "auto",
        timeout: float = TIMEOUT,
        graph_attr: Mapping[str, str] | None = None,
    ) -> None:
        self.dsp = dsp
        self.solution = solution
        self.index = index
        self.workflow_only = workflow_only
        self.depth = depth
        self.engine = engine
        #: ``"auto"``: the module's ``MAX_NODES`` when the plot is made
        self.max_nodes = MAX_NODES if max_nodes == "auto" else max_nodes
        self.timeout = timeout
        self.graph_attr = dict(graph_attr or {})
        self._graph: Any = None

    def __repr__(self) -> str:
        return f"<Plot of {self.dsp.name!r}: {len(self.dsp.dmap.nodes)} nodes>"

    # -- the graph -----------------------------------------------------------
    def _build(self, dsp: Any, solution: Any, links: Mapping | None = None) -> Any:
        big = len(dsp.dmap.nodes) > FAST_ABOVE
        return graph.model_graph(
            dsp,
            solution,
            index=self.index,
            workflow_only=self.workflow_only,
            links=links,
            graph_attr={**(FAST_LAYOUT if big else {}), **self.graph_attr},
        )

    @property
    def graph(self) -> Any:
        """The ``graphviz.Digraph`` of the top page (built once)."""
        if self._graph is None:
            self._check_size(self.dsp)
            self._graph = self._build(self.dsp, self.solution)
        return self._graph

    @property
    def source(self) -> str:
        """The dot source of the top page."""
        return self.graph.source

    def _check_size(self, dsp: Any) -> None:
        n = len(dsp.dmap.nodes)
        if self.max_nodes is not None and n > self.max_nodes:
            raise DrawingUnavailable(
                f"{dsp.name or 'the model'!s} has {n} nodes, more than "
                f"max_nodes={self.max_nodes}: not drawn (plot(max_nodes=None) "
                "draws it anyway; dsp.get_sub_dsp(...) draws a part)"
            )

    # -- output --------------------------------------------------------------
    def pipe(self, format: str = "svg") -> bytes:
        """The top page rendered by graphviz (``'svg'``, ``'png'``, ``'pdf'`` ...)."""
        return run_dot(self.source, format, self.engine, self.timeout)

    def render(
        self,
        directory: str | Path | None = None,
        format: str = "svg",
        view: bool = False,
    ) -> Path:
        """Write one file per (sub-)model into ``directory`` (a new temporary
        folder if ``None``), linked together, and an ``index.html`` listing
        them; return the top page's path.

        >>> import schedula_nb as sh, tempfile
        >>> dsp = sh.Dispatcher(name='demo')
        >>> dsp.add_function('f', abs, ['a'], ['b'])
        'f'
        >>> path = dsp.plot().render(tempfile.mkdtemp(), format='png')
        >>> path.name, sorted(p.name for p in path.parent.iterdir())
        ('demo.png', ['demo.png', 'index.html'])
        """
        if format not in FORMATS:
            raise ValueError(f"render: format must be one of {FORMATS}, not {format!r}")
        folder = Path(directory or tempfile.mkdtemp(prefix="schedula_nb-"))
        folder.mkdir(parents=True, exist_ok=True)
        parts = [self.dsp.name or "model"]
        pages = self._pages(self.dsp, self.solution, self.depth, format, parts, set())
        for filename, _, g in pages:
            (folder / filename).write_bytes(
                run_dot(g.source, format, self.engine, self.timeout)
            )
        (folder / "index.html").write_text(_index_html(pages, format, folder))
        if view:
            webbrowser.open((folder / "index.html").as_uri())
        return folder / pages[0][0]

    def view(self, directory: str | Path | None = None) -> Path:
        """Render as SVG pages and open the index in the web browser."""
        return self.render(directory, "svg", view=True)

    def _pages(
        self,
        dsp: Any,
        solution: Any,
        depth: int,
        fmt: str,
        parts: list,
        used: set,
        chain: frozenset = frozenset(),
    ) -> list[tuple[str, str, Any]]:
        """``(filename, title, graph)`` of ``dsp``'s page, then its sub-models'
        (``parts``: the model's name and the sub-model nodes leading here)."""
        self._check_size(dsp)
        filename = _unique(_slug(parts), used) + f".{fmt}"
        chain = chain | {id(dsp)}
        subs = {} if depth == 0 else graph.sub_models(dsp)
        sub_pages = {
            node: self._pages(
                inner,
                graph.sub_solution(solution, node),
                depth - 1,
                fmt,
                [*parts, node],
                used,
                chain,
            )
            for node, inner in subs.items()
            if id(inner) not in chain  # a model inside itself: one page
        }
        links = {node: pages[0][0] for node, pages in sub_pages.items()}
        title = " / ".join(summary.name(p) for p in parts)
        pages = [(filename, title, self._build(dsp, solution, links))]
        for sub in sub_pages.values():
            pages += sub
        return pages

    # -- notebook display ----------------------------------------------------
    def _repr_svg_(self) -> str | None:
        try:
            return self.pipe("svg").decode()
        except Exception:
            return None

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict:
        """``image/svg+xml``, ``image/png`` (what untrusted notebooks show) and
        ``text/plain``; when the drawing cannot be made,
        ``text/html`` and ``text/plain`` saying why. Never raises."""
        text = repr(self)
        try:
            pic = picture(self)
            return {
                "image/svg+xml": pic.svg,
                "image/png": base64.b64encode(pic.png).decode(),
                "text/plain": text,
            }
        except Exception as err:
            why = f"No drawing: {reason(err)}"
            return {
                "text/html": f'<div class="sh-note">{html.escape(why)}</div>',
                "text/plain": f"{text}\n{why}",
            }


def _slug(parts: list) -> str:
    text = ".".join(summary.name(p, 40) for p in parts)
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_.") or "model"


def _unique(stem: str, used: set) -> str:
    out, n = stem, 0
    while out.lower() in used or out.lower() == "index":
        n += 1
        out = f"{stem}-{n}"
    used.add(out.lower())
    return out


def _index_html(pages: list, fmt: str, folder: Path) -> str:
    """The index page: the top drawing (inline for SVG, so its links work) and
    a list of every page."""
    top, title, _ = pages[0]
    if fmt == "svg":
        svg = (folder / top).read_text()
        shown = svg[svg.find("<svg") :]
    elif fmt == "png":
        shown = f'<img src="{html.escape(top)}" alt="{html.escape(title)}">'
    else:
        shown = f'<a href="{html.escape(top)}">{html.escape(top)}</a>'
    items = "".join(
        f'<li><a href="{html.escape(f)}">{html.escape(t)}</a></li>' for f, t, _ in pages
    )
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title></head><body>"
        f"<h1>{html.escape(title)}</h1>{shown}<h2>Pages</h2><ul>{items}</ul>"
        "</body></html>\n"
    )
