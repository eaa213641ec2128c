"""The one module the explorer reaches its graph widget through: a graph
behind a small API.

The explorer talks to a graph view only (``draw``, ``update``, ``restyle``,
``set_data``, ``on_click``, ``on_hover``, ``set_layout``, ``relayout``,
``wheel_zoom``), made by :func:`graph_view`: :class:`GraphView` here
(ipycytoscape) or ``_cytojs.BundledGraphView`` (an ``anywidget`` with
cytoscape.js bundled in the package) for big levels, where ipycytoscape's
widget per node and edge is too slow. Both share the stylesheet and layouts
below, so the explorer's Python API is the same on either.

The default layout, ``dot``, places the nodes where graphviz's dot put them
(left to right, computed in Python by ``_layout`` in the dot run that also
makes the static drawing): cytoscape's ``preset`` layout, no layout work in
the browser. ``dagre`` (in the browser) stands in when dot is missing.

ipycytoscape's ``zoom`` trait does not reach the browser, so zooming is the
user's (wheel or pinch), and off by default: :meth:`GraphView.wheel_zoom`
turns it on, and the page scrolls past the graph otherwise.

Two facts about ipycytoscape 1.3.3 shape :class:`GraphView`: the front-end
re-runs the whole layout on every ``add_node``/``add_edge`` call, so a view is
built from ``Node``/``Edge`` objects that already carry their data and classes
(edges their ``directed`` class too: ``add_edges`` would send a message per
edge to add it), added with one ``add_nodes`` and one ``add_edges`` call; and
recolouring only changes the ``classes`` of the elements that changed (one
small message each), never rebuilds the graph.

The stylesheet is made from :mod:`schedula_nb.render.style`, so the explorer's
colours are the drawings' colours. Its status colours select on the elements'
``kind`` and ``status`` data (``node[kind = "function"][status = "ran"]``):
the cytoscape.js bundled with ipycytoscape does not match selectors of two
classes (``node.sh-function.sh-ran``), checked in Chromium. Elements carry
the same kind and status as classes too (``sh-function sh-ran``), which the
single-class rules (shapes, overlays, time colours) use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..render import style
from ._view_model import TIME_BUCKETS

__all__ = [
    "GraphView",
    "LaidOutView",
    "graph_view",
    "stylesheet",
    "LAYOUTS",
    "BACKENDS",
    "BUNDLED_ABOVE",
    "layout_options",
    "require_widgets",
    "check_widgets",
]

#: the graph widgets the explorer can draw with (``auto`` picks by size)
BACKENDS = ("auto", "ipycytoscape", "anywidget")
#: with ``backend='auto'``, a level of more nodes than this is drawn by the
#: bundled cytoscape.js widget (``_cytojs``) when anywidget is installed:
#: ipycytoscape's widget per element costs about 1 ms each in the kernel and
#: the browser, 2 s for a 1,000-node model
BUNDLED_ABOVE = 300

INSTALL_HINT = (
    "the explorer needs ipywidgets, ipycytoscape and pandas: "
    "pip install 'schedula_nb[widgets]'"
)

#: layout name -> cytoscape layout options. ``dot`` (the default) places the
#: nodes where graphviz's dot put them, left to right (positions computed in
#: Python, see ``_layout``); without positions it falls back to ``dagre``.
LAYOUTS: dict[str, dict[str, Any]] = {
    "dot": {"name": "preset", "fit": True, "padding": 10},
    "dagre": {
        "name": "dagre",
        "rankDir": "LR",
        "nodeSep": 12,
        "rankSep": 40,
        "ranker": "network-simplex",
    },
    "breadthfirst": {"name": "breadthfirst", "directed": True, "spacingFactor": 0.9},
    "cose": {"name": "cose", "animate": False},
    "grid": {"name": "grid"},
    "circle": {"name": "circle"},
    "concentric": {"name": "concentric"},
}

#: neutral shape (style.SHAPES) -> cytoscape node style
_SHAPES: dict[str, dict[str, Any]] = {
    "round": {"shape": "ellipse", "width": "label", "padding": "8px"},
    "box": {"shape": "rectangle", "width": "label", "padding": "6px"},
    "double-box": {
        "shape": "rectangle",
        "width": "label",
        "padding": "8px",
        "border-style": "double",
        "border-width": 4,
    },
    # sized to the label, as the drawing's circle: a fixed 14 px clipped "start"
    "small": {
        "shape": "ellipse",
        "width": "label",
        "height": 16,
        "padding": "3px",
        "font-size": 8,
    },
}

_OVERLAYS: list[dict[str, Any]] = [
    {"selector": "node.sh-match", "style": {"underlay-color": "#ffe600"}},
    {
        "selector": "node.sh-match",
        "style": {"underlay-opacity": 0.6, "underlay-padding": 6},
    },
    {
        "selector": ".sh-provenance",
        "style": {"line-color": "#3182bd", "target-arrow-color": "#3182bd"},
    },
    {"selector": "node.sh-provenance", "style": {"border-color": "#3182bd"}},
    {"selector": "node.sh-provenance", "style": {"border-width": 3}},
    {"selector": "edge.sh-provenance", "style": {"width": 3}},
    # functions whose outcome a dispatch with reuse= took over (not called)
    {"selector": "node.sh-reused", "style": {"border-style": "dashed"}},
    {"selector": "node.sh-reused", "style": {"background-opacity": 0.55}},
    {"selector": "node.sh-selected", "style": {"border-width": 4}},
    {"selector": "node.sh-selected", "style": {"border-color": "#000000"}},
    {"selector": ".sh-hidden", "style": {"display": "none"}},
    {
        "selector": "node:parent",
        "style": {
            "text-valign": "top",
            "background-opacity": 0.35,
            "padding": "12px",
        },
    },
]


#: the data key ipycytoscape's click popup reads: no element has it
NO_POPUP = "sh-no-popup"
#: above this many nodes dagre ranks with ``longest-path``: 1,000 nodes are
#: laid out about 1.5 s sooner in Chromium than with ``network-simplex``,
#: whose more compact ranks are kept for smaller graphs
BIG = 300


def layout_options(
    name: str, nodes: int = 0, positions: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The cytoscape options of layout ``name`` for a graph of ``nodes`` nodes
    (``positions``: element id -> ``{'x', 'y'}``, for ``dot``).

    >>> layout_options('dagre')['ranker'], layout_options('dagre', 1000)['ranker']
    ('network-simplex', 'longest-path')
    >>> layout_options('dot', 2, {'n0': {'x': 0, 'y': 0}})['name']
    'preset'
    >>> layout_options('dot', 2)['name']  # no positions: dagre
    'dagre'
    """
    if name == "dot":
        if not positions:
            return layout_options("dagre", nodes)
        return {**LAYOUTS[name], "positions": dict(positions)}
    options = dict(LAYOUTS[name])
    if name == "dagre" and nodes > BIG:
        options["ranker"] = "longest-path"
    return options


def graph_view(
    layout: str = "dot", height: str = "480px", backend: str = "auto", nodes: int = 0
) -> Any:
    """The graph widget of an explorer: :class:`GraphView` (ipycytoscape) or
    ``_cytojs.BundledGraphView`` (anywidget); ``auto`` takes the second for
    more than :data:`BUNDLED_ABOVE` ``nodes`` when anywidget is installed.

    >>> type(graph_view(nodes=10)).__name__
    'GraphView'
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; choose one of {BACKENDS}")
    if backend != "ipycytoscape":
        from . import _cytojs

        if backend == "anywidget" and not _cytojs.available():
            raise ImportError(
                "backend='anywidget' needs anywidget: pip install 'schedula_nb[widgets]'"
            )
        if backend == "anywidget" or (nodes > BUNDLED_ABOVE and _cytojs.available()):
            return _cytojs.BundledGraphView(layout, height)
    return GraphView(layout, height)


def check_widgets() -> None:
    """Raise an ``ImportError`` with the install hint when ipywidgets or
    ipycytoscape is missing, without importing them: ipycytoscape imports
    pandas and networkx (~0.35 s), which an app drawn with the bundled
    graph never needs (its first paint in Voila pays for every import)."""
    from importlib.util import find_spec

    if find_spec("ipycytoscape") is None or find_spec("ipywidgets") is None:
        raise ImportError(INSTALL_HINT)


def require_widgets() -> Any:
    """The ``ipycytoscape`` module, or an ``ImportError`` with the install hint."""
    try:
        import ipycytoscape
        import ipywidgets  # noqa: F401
    except ImportError as err:
        raise ImportError(INSTALL_HINT) from err
    return ipycytoscape


def stylesheet() -> list[dict[str, Any]]:
    """The cytoscape stylesheet: one rule per kind and status, from
    :func:`schedula_nb.render.style.look`, then the time colours and overlays.

    >>> rules = {r['selector']: r['style'] for r in stylesheet()}
    >>> rules['node[kind = "function"][status = "failed"]']['background-color']
    '#ff9f40'

    """
    rules: list[dict[str, Any]] = [
        {
            "selector": "node",
            "style": {
                "label": "data(label)",
                "text-valign": "center",
                "text-halign": "center",
                "font-size": 11,
                "font-family": "Helvetica, Arial, sans-serif",
                "border-width": 1,
                "height": 24,
                # labels smaller than this on screen are not drawn: the first
                # paint of a zoomed-out 1,000-node graph is ~40% cheaper
                "min-zoomed-font-size": 5,
            },
        },
        {
            "selector": "edge",
            "style": {
                "curve-style": "bezier",
                "target-arrow-shape": "triangle",
                "arrow-scale": 0.8,
            },
        },
    ]
    for kind in style.KINDS:
        shape = _SHAPES[style.SHAPES[kind]]
        rules.append({"selector": f"node.sh-{kind}", "style": dict(shape)})
        for status in style.STATUSES:
            lk = style.look(kind, status)
            rules.append(
                {
                    "selector": f'node[kind = "{kind}"][status = "{status}"]',
                    "style": {
                        "background-color": lk["fill"],
                        "border-color": lk["stroke"],
                        "color": lk["text"],
                    },
                }
            )
    for status, lk in style.EDGE_LOOK.items():
        rules.append(
            {
                "selector": f"edge.sh-{status}",
                "style": {
                    "line-color": lk["color"],
                    "target-arrow-color": lk["color"],
                    "width": lk["width"],
                    "line-style": "dashed" if lk["dashed"] else "solid",
                },
            }
        )
    for i, colour in enumerate(TIME_BUCKETS):
        rules.append(
            {"selector": f"node.sh-time{i}", "style": {"background-color": colour}}
        )
    rules.append(
        {
            "selector": "node.sh-notime",
            "style": {"background-color": "#ffffff", "border-color": style.FADED},
        }
    )
    return rules + _OVERLAYS


class LaidOutView:
    """What both graph widgets share: the layout, set by name, on a
    ``widget`` with a ``cytoscape_layout`` trait."""

    widget: Any
    positions: dict[str, Any] | None
    _size: int

    def set_layout(self, name: str, positions: Mapping[str, Any] | None = None) -> None:
        """Lay the graph out with one of :data:`LAYOUTS` (``positions``: new
        positions for ``dot``, else the last ones given)."""
        if name not in LAYOUTS:
            raise ValueError(f"unknown layout {name!r}; choose one of {list(LAYOUTS)}")
        if positions is not None:
            self.positions = dict(positions)
        self.layout_name = name
        self.widget.cytoscape_layout = layout_options(name, self._size, self.positions)

    def set_routes(self, rules: list[dict[str, Any]]) -> None:
        """Bend the edges along dot's routes (``_routes.route_styles``; ``[]``:
        straight edges): the stylesheet plus one rule per bent edge."""
        if rules != getattr(self, "_routes", []):
            self._routes = list(rules)
            self._set_style(stylesheet() + self._routes)

    def batch(self) -> Any:
        """A context in which the widget's changes go out as one message
        (a live re-dispatch updates and restyles the elements: sent once)."""
        return self.widget.hold_sync()


class GraphView(LaidOutView):
    """A cytoscape graph of element dicts (see ``_view_model.View``).

    ``widget`` is the ipywidgets object to put in a layout. The graph does not
    capture the page's scroll: the mouse wheel zooms only after
    ``wheel_zoom(True)``, so scrolling the notebook past it works.
    """

    def __init__(self, layout: str = "dot", height: str = "480px") -> None:
        cyto = require_widgets()
        self._cyto = cyto
        self.widget = cyto.CytoscapeWidget(
            layout={"height": height, "width": "100%"},
            user_zooming_enabled=False,
            wheel_sensitivity=0.2,
            min_zoom=0.05,
            max_zoom=4.0,
            box_selection_enabled=False,
            # ipycytoscape pops a node's ``tooltip`` up on click and never
            # takes it down (it stayed over the form, outlived the view, sat
            # ~300 px off in JupyterLab): no popup; the explorer's hover line
            # shows the same text while the pointer is on the node
            tooltip_source=NO_POPUP,
        )
        self.widget.set_style(stylesheet())
        self.layout_name = ""
        self._size = 0  # nodes drawn: big graphs get a cheaper dagre ranking
        #: element id -> position for the ``dot`` layout (``None``: not known)
        self.positions: dict[str, Any] | None = None
        self.set_layout(layout)
        #: element id -> ipycytoscape Node or Edge
        self.elements: dict[str, Any] = {}

    def draw(
        self,
        nodes: Iterable[Mapping],
        edges: Iterable[Mapping],
        positions: Mapping[str, Any] | None = None,
    ) -> None:
        """Replace what is drawn: one ``add_nodes`` and one ``add_edges`` call
        (``positions``: where the ``dot`` layout puts the nodes)."""
        cyto = self._cyto
        graph = self.widget.graph
        nodes = list(nodes)
        self._size = len(nodes)
        self.set_layout(self.layout_name, positions)  # sends nothing when unchanged
        new_nodes = [cyto.Node(data=_data(el), classes=el["classes"]) for el in nodes]
        new_edges = [_edge(cyto, el) for el in edges]
        old = list(self.elements.values())
        self.elements = {e.data["id"]: e for e in (*new_nodes, *new_edges)}
        if graph.nodes or graph.edges:
            # its own message: new elements reuse the ids of the old ones, and
            # cytoscape refuses an id that is still drawn
            graph.clear()
        # ipycytoscape sends its whole adjacency dict after each node and edge
        # it records (quadratic, and a message each): hold the sync, send once.
        with graph.hold_sync():
            graph.add_nodes(new_nodes)
            graph.add_edges(new_edges, directed=True)
        for el in old:  # no longer drawn: free their comms on both sides
            el.close()

    def update(self, nodes: Iterable[Mapping], edges: Iterable[Mapping]) -> int:
        """Show a new state of the same view without a redraw: data of the
        drawn elements updated in place, elements new to the view added (one
        call each for nodes and edges), drawn ones missing from it hidden.
        Returns how many elements were added."""
        cyto = self._cyto
        nodes, edges = list(nodes), list(edges)
        present = {el["id"] for el in (*nodes, *edges)}
        for eid, el in self.elements.items():
            if eid not in present and "sh-hidden" not in el.classes:
                el.classes = el.classes + " sh-hidden"
        new_nodes, new_edges = [], []
        for el in nodes:
            if el["id"] in self.elements:
                self.set_data(el["id"], tooltip=el["tooltip"], status=el["status"])
            else:
                new_nodes.append(cyto.Node(data=_data(el), classes=el["classes"]))
        for el in edges:
            if el["id"] not in self.elements:
                new_edges.append(_edge(cyto, el))
        self.elements.update((e.data["id"], e) for e in (*new_nodes, *new_edges))
        graph = self.widget.graph
        with graph.hold_sync():
            if new_nodes:
                graph.add_nodes(new_nodes)
            if new_edges:
                graph.add_edges(new_edges, directed=True)
        return len(new_nodes) + len(new_edges)

    def classes(self) -> dict[str, str]:
        """Element id -> its current classes (what the browser shows)."""
        return {k: _clean(e.classes) for k, e in self.elements.items()}

    def restyle(self, classes: Mapping[str, str]) -> int:
        """Set the classes of the elements whose classes changed; how many did."""
        changed = 0
        for eid, cls in classes.items():
            el = self.elements.get(eid)
            if el is not None and _clean(el.classes) != cls:
                el.classes = cls + (" directed" if "source" in el.data else "")
                changed += 1
        return changed

    def set_data(self, eid: str, **data: Any) -> None:
        """Update data fields (e.g. ``tooltip``) of one element in place."""
        el = self.elements[eid]
        if any(el.data.get(k) != v for k, v in data.items()):
            # a new dict: the one given to the constructor is not observed
            el.data = {**el.data, **data}

    def _set_style(self, rules: list[dict[str, Any]]) -> None:
        self.widget.set_style(rules)

    def on_click(self, callback: Callable[[str], None]) -> None:
        """Call ``callback(element_id)`` when a node is clicked in the browser."""
        self.widget.on("node", "click", lambda event: callback(event["data"]["id"]))

    def on_hover(self, callback: Callable[[str], None]) -> None:
        """Call ``callback(element_id)`` when the pointer enters a node, and
        ``callback('')`` when it leaves it."""
        self.widget.on("node", "mouseover", lambda e: callback(e["data"]["id"]))
        self.widget.on("node", "mouseout", lambda e: callback(""))

    def relayout(self) -> None:
        """Run the layout again (e.g. after hiding nodes)."""
        self.widget.relayout()

    def wheel_zoom(self, on: bool) -> None:
        """Let the mouse wheel (and pinch) zoom the graph, or the page scroll."""
        self.widget.user_zooming_enabled = bool(on)


def _edge(cyto: Any, el: Mapping) -> Any:
    # "directed" given here: ``add_edges(directed=True)`` appends it to the
    # classes of an edge without it, one more message per edge
    return cyto.Edge(data=_data(el), classes=el["classes"] + " directed")


def _data(el: Mapping) -> dict[str, Any]:
    """The JSON-safe data an element carries to the browser."""
    keys = ("id", "label", "kind", "status", "tooltip", "source", "target", "parent")
    return {k: el[k] for k in keys if k in el}


def _clean(classes: str) -> str:
    return " ".join(w for w in classes.split() if w != "directed")
