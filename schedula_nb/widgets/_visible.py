"""What the explorer shows of a level, as pure functions of its view model
and the view options: the nodes' classes (hidden, highlighted, matched,
selected) and, for a level too big to draw whole, the window of nodes drawn."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from ._view_model import View, matches, neighbourhood, provenance

__all__ = ["visible_classes", "draw_window", "window_elements"]


def visible_classes(
    view: View,
    *,
    selected: Hashable = None,
    hide_unreached: bool = False,
    hops: int = 0,
    color_by: str = "status",
    query: str = "",
    show_reused: bool = True,
) -> dict[str, str]:
    """Element id -> classes of ``view`` under these options.

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> view = View(dsp, dsp({'a': -1}))
    >>> visible_classes(view, selected='b')[view.ids['b']]
    'sh-data sh-computed sh-selected sh-provenance'
    """
    sol, dsp = view.solution, view.dsp
    hidden: set = set()
    if hide_unreached and sol is not None:
        hidden = {
            view.node_of[el["id"]] for el in view.nodes if el["status"] == "unreached"
        }
    if hops and selected in view.ids:
        hidden |= set(view.ids) - neighbourhood(dsp, selected, hops)
        hidden.discard(selected)
    highlight: set = set()
    if sol is not None and selected in view.ids:
        if view.attrs.get(selected, {}).get("type") == "data":
            highlight = provenance(sol, selected)
    return view.classes(
        by_time=color_by == "time",
        selected=selected,
        highlight=highlight,
        matched=matches(dsp, query),
        hidden=hidden,
        reused=show_reused,
    )


def draw_window(
    view: View, max_nodes: int, selected: Hashable = None, hops: int = 0
) -> set | None:
    """The nodes to draw when ``view`` has more than ``max_nodes`` (``None``:
    all of them): the selected node's neighbourhood when ``hops`` is set, else
    the reached nodes, else the first ``max_nodes``."""
    if len(view.nodes) <= max_nodes:
        return None
    if hops and selected in view.ids:
        near = neighbourhood(view.dsp, selected, hops)
        return set(list(near)[:max_nodes]) | {selected}
    reached = [
        view.node_of[el["id"]] for el in view.nodes if el["status"] != "unreached"
    ]
    if view.solution is not None and len(reached) <= max_nodes:
        return set(reached)
    return {view.node_of[el["id"]] for el in view.nodes[:max_nodes]}


def window_elements(view: View, window: set | None) -> tuple[list, Any]:
    """The view's node and edge elements inside ``window`` (all without one)."""
    if window is None:
        return view.nodes, view.edges
    ids = {view.ids[n] for n in window if n in view.ids}
    nodes = [el for el in view.nodes if el["id"] in ids]
    edges = [e for e in view.edges if e["source"] in ids and e["target"] in ids]
    return nodes, edges
