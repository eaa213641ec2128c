"""One level of the explorer's breadcrumb: a model, its solution, how it was
reached, its view model, and where ``dot`` puts its nodes (computed once per
level and window, with the static drawing kept for the notebook output)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from ..render.dot import DrawingUnavailable
from ._layout import drawing_and_positions, element_positions
from ._view_model import View

__all__ = ["Level"]


class Level:
    """One step of the breadcrumb: a model, its solution, and how it was named."""

    __slots__ = ("dsp", "solution", "node", "view", "static", "positions")

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
                else:
                    pos = element_positions(nodes, edges)
            except (DrawingUnavailable, ImportError):
                pos = None
            self.positions[key] = pos
        return self.positions[key]
