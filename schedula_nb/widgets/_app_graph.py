"""The app's graph: the explorer's elements (``_view_model.View``) and graph
adapter (``_cyto.graph_view``) in the viewer's words: labels instead of ids,
the start and sink tokens left out, and the path that produced each answer
highlighted (``_view_model.provenance``). Laid out by ``dot`` from the
elements themselves, so the boxes fit their labels."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import ipywidgets as w

from ..render.dot import DrawingUnavailable
from ._app_model import label_of, readable
from ._cyto import BUNDLED_ABOVE, graph_view
from ._layout import element_plain, parse_plain
from ._routes import parse_routes, route_styles
from ._view_model import View, provenance

__all__ = ["AppGraph", "CAPTION"]

CAPTION = (
    "How the answers are worked out: boxes are steps, ovals are values. "
    "Blue lines show the path that gave each answer; orange marks a step "
    "that failed or did not apply."
)
_TOKENS = ("start", "sink")
#: (x, y) stretch of dot's positions (room around the app's bigger labels)
SPREAD = (1.0, 1.1)


class AppGraph:
    """The graph below the app's fields; ``widget`` is what is displayed."""

    def __init__(self, dsp: Any, labels: Mapping, height: str) -> None:
        self.dsp, self.labels = dsp, labels
        self.view: View | None = None
        # the bundled cytoscape.js widget (one message per change; no
        # ipycytoscape, pandas or networkx to import), where it is installed
        self.graph = graph_view("dot", height, "auto", BUNDLED_ABOVE + 1)
        self.caption_text = CAPTION
        caption = w.HTML(f"<p class='sh-caption'>{CAPTION}</p>")
        self.widget = w.VBox([caption, self.graph.widget], layout={"width": "100%"})

    def label(self, node: Hashable) -> str:
        """A node's label in the graph: a value's label, a step's name."""
        attr = self.dsp.dmap.nodes.get(node, {})
        if attr.get("type") == "data":
            return label_of(self.dsp, node, self.labels)
        return str(self.labels.get(node, readable(node)))

    def elements(self, view: View) -> tuple[list[dict], list[dict]]:
        """The view's nodes (relabelled) and edges, tokens left out."""
        gone = {el["id"] for el in view.nodes if el["kind"] in _TOKENS}
        nodes = [
            {**el, "label": self.label(view.node_of[el["id"]])}
            for el in view.nodes
            if el["id"] not in gone
        ]
        edges = [
            el
            for el in view.edges
            if el["source"] not in gone and el["target"] not in gone
        ]
        return nodes, edges

    def _layout(self, nodes: list, edges: list) -> tuple[dict | None, list]:
        """dot's positions of the elements and the rules that bend the edges
        along its routes, spread (dot sized boxes of 11 px text; the app's
        ovals are taller); ``(None, [])`` without dot (dagre, straight)."""
        try:
            plain = element_plain(nodes, edges)
        except (DrawingUnavailable, ImportError):
            return None, []
        sx, sy = SPREAD
        positions = {
            k: {"x": p["x"] * sx, "y": p["y"] * sy}
            for k, p in parse_plain(plain).items()
        }
        routes = {
            ends: [(x * sx, y * sy) for x, y in points]
            for ends, points in parse_routes(plain).items()
        }
        ends = [(e["source"], e["target"]) for e in edges]
        return positions, route_styles(routes, positions, ends)

    def show(self, sol: Any, answers: Iterable[Hashable]) -> None:
        """Colour the graph by ``sol``, the path to each answer highlighted."""
        view = View(self.dsp, sol)
        nodes, edges = self.elements(view)
        first = self.view is None or any(
            view.ids.get(n) != eid for n, eid in self.view.ids.items()
        )
        path: set = set()
        for node in answers:
            if node in sol:
                path |= provenance(sol, node)
        classes = view.classes(highlight=path)
        drawn = {el["id"] for el in (*nodes, *edges)}
        with self.graph.batch():  # the new data and classes: one message
            if first:
                positions, routes = self._layout(nodes, edges)
                self.graph.set_routes(routes)
                self.graph.draw(nodes, edges, positions)
            else:
                self.graph.update(nodes, edges)
            self.graph.restyle({k: v for k, v in classes.items() if k in drawn})
        self.view = view
