"""One level of the explorer's breadcrumb: a model, its solution, how it was
reached, its view model, and where ``dot`` puts its nodes (computed once per
level and window, with the static drawing kept for the notebook output)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from ..render.dot import DrawingUnavailable
from ._layout import drawing_and_positions, element_plain, parse_plain
from ._routes import parse_routes, route_styles
from ._view_model import View

__all__ = ["Level"]


class Level:
    """One step of the breadcrumb: a model, its solution, and how it was named."""

    __slots__ = ("dsp", "solution", "node", "view", "static", "positions", "routes")

    def __init__(
        self, dsp: Any, solution: Any, node: Hashable = None, expanded: Any = ()
    ) -> None:
        self.dsp, self.solution, self.node = dsp, solution, node
        self.view = View(dsp, solution, expanded)
        #: the static drawing (``render.picture.Picture``) made with the
        #: positions, if it was
        self.static: Any = None
        #: window (``None``: the whole level) -> element positions from dot
        self.positions: dict[Any, dict | None] = {}
        #: window -> stylesheet rules bending the edges along dot's routes
        self.routes: dict[Any, list] = {}

    def layout(self, window: set | None, nodes: list, edges: list) -> dict | None:
        """Positions of the elements drawn (``None`` where dot cannot run).

        The whole level is laid out by the dot run of its static drawing,
        which is kept for the notebook output; a part of it (or a level with
        sub-models open) from its elements."""
        key = None if window is None else frozenset(window)
        if key not in self.positions:
            try:
                if key is None and not self.view.expanded:
                    self.static, pos = drawing_and_positions(self.dsp, self.solution)
                    plain = self.static.plain
                else:
                    plain = element_plain(nodes, edges)
                    pos = parse_plain(plain)
            except (DrawingUnavailable, ImportError):
                pos, plain = None, ""
            self.positions[key] = pos
            ends = [(e["source"], e["target"]) for e in edges]
            self.routes[key] = route_styles(parse_routes(plain), pos or {}, ends)
        return self.positions[key]

    def route_rules(self, window: set | None) -> list:
        """The edges' routes of the layout of ``window`` (after :meth:`layout`)."""
        return self.routes.get(None if window is None else frozenset(window), [])
