"""The explorer's graph as one ``anywidget`` widget, with cytoscape.js and
cytoscape-dagre bundled in the package (``static/graph.js``, built from
``js/`` by ``make widgets-js``; nothing is fetched at run time).

:class:`BundledGraphView` has the API of ``_cyto.GraphView`` (``draw``,
``update``, ``restyle``, ``set_data``, ``classes``, ``on_click``,
``on_hover``, ``set_layout``, ``relayout``, ``wheel_zoom``), and the same
stylesheet and layouts. The difference is what travels: ipycytoscape makes
every node and edge a widget of its own (a comm and a message each: 2,000 for
a 1,000-node model, about 2 s in the kernel and the browser), this widget
sends its elements as one list. The explorer uses it for big levels (see
``_cyto.graph_view``); its element objects (``elements[id].data``,
``.classes``) read like ipycytoscape's.

A live re-dispatch changes the classes and data of a few elements of the same
graph: then only those travel, in the ``patch`` trait (element id ->
``{data, classes}``: the elements this update changed), and the browser sets
them in place; both sides also fold the patch into ``elements`` (in place, not
sent), so a view made later and the saved widget state show it. The whole
list is sent again only when the set of elements changes, or when most of
them changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ._cyto import LaidOutView, stylesheet

__all__ = ["BundledGraphView", "BUNDLE", "available", "patch"]

#: the ESM bundle the widget runs in the browser
BUNDLE = Path(__file__).parent / "static" / "graph.js"


def available() -> bool:
    """Whether ``anywidget`` is installed and the bundle is in the package."""
    try:
        import anywidget  # noqa: F401
    except ImportError:
        return False
    return BUNDLE.is_file()


class Element:
    """One drawn node or edge: its ``data`` and ``classes`` (what the browser shows)."""

    __slots__ = ("group", "data", "classes")

    def __init__(self, group: str, data: dict, classes: str) -> None:
        self.group, self.data, self.classes = group, data, classes

    def json(self) -> dict[str, Any]:
        return {"group": self.group, "data": self.data, "classes": self.classes}


_WIDGET: Any = None


def _widget_class() -> Any:
    """The anywidget class, made on first use (anywidget is imported then)."""
    global _WIDGET
    if _WIDGET is None:
        import anywidget
        import traitlets as t

        class CytoscapeGraph(anywidget.AnyWidget):
            _esm = BUNDLE
            elements = t.List().tag(sync=True)
            patch = t.Dict().tag(sync=True)
            revision = t.Int(0).tag(sync=True)
            cytoscape_layout = t.Dict().tag(sync=True)
            cytoscape_style = t.List().tag(sync=True)
            user_zooming_enabled = t.Bool(False).tag(sync=True)
            wheel_sensitivity = t.Float(0.2).tag(sync=True)
            min_zoom = t.Float(0.05).tag(sync=True)
            max_zoom = t.Float(4.0).tag(sync=True)

        _WIDGET = CytoscapeGraph
    return _WIDGET


class BundledGraphView(LaidOutView):
    """A cytoscape graph of element dicts in one widget (see the module docstring)."""

    def __init__(self, layout: str = "dot", height: str = "480px") -> None:
        self.widget = _widget_class()(
            layout={"height": height, "width": "100%"},
            cytoscape_style=stylesheet(),
        )
        self.layout_name = ""
        self._size = 0
        self.positions: dict[str, Any] | None = None
        self.set_layout(layout)
        #: element id -> :class:`Element`
        self.elements: dict[str, Element] = {}
        #: element id -> (data, classes) as the browser has them
        self._base: dict[str, tuple[dict, str]] = {}
        self._index: dict[str, int] = {}  # element id -> its place in ``elements``
        self._held: list[bool] | None = None  # sends asked for in a batch
        #: how many times every element was sent (a new graph, or most changed)
        self.full_sends = 0
        self._click: list[Callable[[str], None]] = []
        self._hover: list[Callable[[str], None]] = []
        self.widget.on_msg(self._message)

    def _send(self, replace: bool = False) -> None:
        """Tell the browser: every element when ``replace`` (a new graph),
        when the set of elements changed or when most of them did; else only
        the changed ones (see :func:`patch`), folded into ``elements``."""
        if self._held is not None:  # in a batch: sent once, at its end
            self._held.append(replace)
            return
        changes = None if replace else patch(self._base, self.elements)
        with self.widget.hold_sync():
            if changes is None or len(changes) > len(self.elements) // 2:
                if replace:
                    self.widget.revision += 1
                self.widget.patch = {}
                self.widget.elements = [el.json() for el in self.elements.values()]
                self._index = {k: i for i, k in enumerate(self.elements)}
                self._base = {
                    k: (dict(e.data), e.classes) for k, e in self.elements.items()
                }
                self.full_sends += 1
                return
            self.widget.patch = changes
            sent = self.widget.elements  # the list as synced: changed in place
            for eid, change in changes.items():
                self._base[eid] = (change["data"], change["classes"])
                sent[self._index[eid]] = {**sent[self._index[eid]], **change}

    @contextmanager
    def batch(self) -> Iterator[None]:
        """A context in which the widget's changes go out as one message, the
        changed elements in one patch (a live re-dispatch updates the data,
        then the classes)."""
        if self._held is not None:
            yield
            return
        self._held = []
        try:
            with self.widget.hold_sync():
                yield
                held, self._held = self._held, None
                if held:
                    self._send(replace=any(held))
        finally:
            self._held = None

    def draw(
        self,
        nodes: Iterable[Mapping],
        edges: Iterable[Mapping],
        positions: Mapping[str, Any] | None = None,
    ) -> None:
        """Replace what is drawn (one message)."""
        nodes = list(nodes)
        self._size = len(nodes)
        self.elements = {el["id"]: _element("nodes", el) for el in nodes}
        self.elements.update((el["id"], _element("edges", el)) for el in edges)
        with self.widget.hold_sync():
            self.set_layout(self.layout_name, positions)
            self._send(replace=True)

    def update(self, nodes: Iterable[Mapping], edges: Iterable[Mapping]) -> int:
        """A new state of the same view: data updated in place, new elements
        added, missing ones hidden; returns how many were added."""
        nodes, edges = list(nodes), list(edges)
        present = {el["id"] for el in (*nodes, *edges)}
        for eid, el in self.elements.items():
            if eid not in present and "sh-hidden" not in el.classes:
                el.classes += " sh-hidden"
        added = 0
        for group, els in (("nodes", nodes), ("edges", edges)):
            for el in els:
                found = self.elements.get(el["id"])
                if found is None:
                    self.elements[el["id"]] = _element(group, el)
                    added += 1
                elif group == "nodes":
                    found.data = {**found.data, "tooltip": el["tooltip"]}
                    found.data["status"] = el["status"]
        self._send()
        return added

    def classes(self) -> dict[str, str]:
        """Element id -> its current classes (what the browser shows)."""
        return {k: e.classes for k, e in self.elements.items()}

    def restyle(self, classes: Mapping[str, str]) -> int:
        """Set the classes of the elements whose classes changed; how many did."""
        changed = 0
        for eid, cls in classes.items():
            el = self.elements.get(eid)
            if el is not None and el.classes != cls:
                el.classes = cls
                changed += 1
        if changed:
            self._send()
        return changed

    def set_data(self, eid: str, **data: Any) -> None:
        """Update data fields (e.g. ``tooltip``) of one element in place."""
        el = self.elements[eid]
        if any(el.data.get(k) != v for k, v in data.items()):
            el.data = {**el.data, **data}
            self._send()

    def _set_style(self, rules: list[dict[str, Any]]) -> None:
        self.widget.cytoscape_style = rules

    def on_click(self, callback: Callable[[str], None]) -> None:
        """Call ``callback(element_id)`` when a node is clicked in the browser."""
        self._click.append(callback)

    def on_hover(self, callback: Callable[[str], None]) -> None:
        """Call ``callback(element_id)`` when the pointer enters a node, and
        ``callback('')`` when it leaves it."""
        self._hover.append(callback)

    def _message(self, _widget: Any, content: Mapping, _buffers: Any) -> None:
        callbacks = {"click": self._click, "mouseover": self._hover}
        for callback in callbacks.get(content.get("event"), ()):
            callback(content["id"])

    def relayout(self) -> None:
        """Run the layout again (e.g. after hiding nodes)."""
        self.widget.send({"type": "relayout"})

    def wheel_zoom(self, on: bool) -> None:
        """Let the mouse wheel (and pinch) zoom the graph, or the page scroll."""
        self.widget.user_zooming_enabled = bool(on)


def patch(
    base: Mapping[str, tuple[dict, str]], elements: Mapping[str, Element]
) -> dict[str, dict[str, Any]] | None:
    """What to send so that the browser, holding ``base`` (element id ->
    (data, classes)), shows ``elements``: element id -> ``{data, classes}``
    of every element that differs; ``None`` when the set of elements is not
    the same (everything must be sent).

    >>> base = {"a": ({"id": "a", "status": "ran"}, "sh-ran"),
    ...         "b": ({"id": "b", "status": "ran"}, "sh-ran")}
    >>> now = {k: Element("nodes", dict(d), c) for k, (d, c) in base.items()}
    >>> patch(base, now)
    {}
    >>> now["b"].classes = "sh-ran sh-reused"
    >>> patch(base, now)
    {'b': {'data': {'id': 'b', 'status': 'ran'}, 'classes': 'sh-ran sh-reused'}}
    >>> now["c"] = Element("nodes", {"id": "c"}, "")
    >>> patch(base, now) is None
    True
    """
    if len(base) != len(elements) or base.keys() != elements.keys():
        return None
    return {
        eid: {"data": dict(el.data), "classes": el.classes}
        for eid, el in elements.items()
        if base[eid] != (el.data, el.classes)
    }


def _element(group: str, el: Mapping) -> Element:
    keys = ("id", "label", "kind", "status", "tooltip", "source", "target", "parent")
    return Element(group, {k: el[k] for k in keys if k in el}, el["classes"])
