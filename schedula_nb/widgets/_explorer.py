"""The ``Explorer``: a graph of a model (and its workflow), a details pane, a
breadcrumb into sub-models, an inputs form with live re-dispatch, a results
table and a status line, in one ipywidgets container.

Every user action is a Python method (``select``, ``enter``, ``back``,
``set_inputs``, ``set_outputs``, ``dispatch``, ``search``, ...); the widget
handlers only pass through to them, and the state is held in observable traits
(``selected``, ``path``, ``live``, ``color_by``, ``hide_unreached``, ``hops``,
``query``), so tests and notebooks drive it without a browser.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_function('f', lambda a: 1 / a, ['a'], ['b'])
'f'
>>> ex = sh.explore(dsp({'a': 0}))
>>> ex.select('f').classes()['f']
'sh-function sh-failed sh-selected'
>>> ex.set_inputs(a=4); ex.dispatch()['b']
0.25
>>> ex.classes()['f']
'sh-function sh-ran sh-selected'
"""

from __future__ import annotations

import html
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import ipywidgets as w
import traitlets

from ..core._solution import Solution
from ..core._tokens import EMPTY
from ..render import summary
from . import _controls
from ._cyto import LAYOUTS, graph_view
from ._decisions import decisions
from ._details import EMPTY_PANE, details_html
from ._form import Debouncer, InputsForm, form_fields
from ._level import Level as _Level
from ._table import results_table, show_table
from ._view_model import View, matches, sub_model, sub_solution
from ._visible import draw_window, visible_classes, window_elements

__all__ = ["Explorer"]


class Explorer(w.VBox):
    """An interactive view of a model or a solution (see the module docstring).

    Parameters
    ----------
    obj
        A ``Dispatcher`` or a ``Solution``.
    layout
        The graph layout, one of ``'dot'`` (the default: graphviz's layout,
        left to right, the same as the static drawing's), ``'dagre'`` (left to
        right, laid out in the browser), ``'breadthfirst'``,
        ``'cose'``, ``'grid'``, ``'circle'``, ``'concentric'``.
    live
        Re-dispatch on every change of an input (after ``delay`` seconds).
    reuse
        Each dispatch reuses the last solution shown (``dispatch(...,
        reuse=...)``): only the functions a changed input reaches run again;
        the others are drawn with a dashed border (``show_reused``) and the
        status line counts them beside the dispatch's time.
    fields
        The data nodes the inputs form offers (default: the model's sources,
        the nodes with a default value and the solution's inputs).
    height
        CSS height of the graph.
    max_nodes
        Draw at most this many nodes. A bigger level is drawn in part: the
        nodes the dispatch reached (or the first ones, for a model), or, once
        a node is selected with ``hops`` set, its neighbourhood; the status
        line says so. A browser draws and pans thousands of nodes slowly
        (see ``benchmarks/explorer_browser.py``).
    backend
        The graph widget: ``'ipycytoscape'`` (a widget per node and edge),
        ``'anywidget'`` (cytoscape.js bundled in the package, the elements
        sent as one list: needs ``anywidget``), or ``'auto'``: the second for
        a top level of more than ``_cyto.BUNDLED_ABOVE`` (300) nodes.

    Methods: ``select(node)``, ``enter(sub_model)``, ``back()``, ``go(depth)``,
    ``expand(sub_model)``, ``collapse(sub_model)``, ``set_inputs(...)``,
    ``set_outputs(...)``, ``inputs()``, ``dispatch()``, ``search(text)``,
    ``set_view(...)``, ``decisions(node)``, ``classes()``, ``export_html(path)``;
    properties ``dsp``, ``solution``, ``view``, ``table``.
    """

    #: the selected node of the current level (``None``: nothing selected)
    selected = traitlets.Any(None, allow_none=True)
    #: the sub-model nodes walked into, from the top model
    path = traitlets.List()
    #: re-dispatch (debounced) whenever an input changes
    live = traitlets.Bool(False)
    #: ``'status'`` (the drawings' colours) or ``'time'`` (elapsed time)
    color_by = traitlets.Enum(("status", "time"), "status")
    #: hide the nodes the dispatch did not reach
    hide_unreached = traitlets.Bool(False)
    #: show only the nodes within this many edges of the selected one (0: all)
    hops = traitlets.Int(0, min=0)
    #: search text: matching nodes are highlighted
    query = traitlets.Unicode("")
    #: mark the functions a dispatch with reuse took over (dashed border)
    show_reused = traitlets.Bool(True)

    def __init__(
        self,
        obj: Any,
        *,
        layout: str = "dot",
        live: bool = False,
        reuse: bool = True,
        delay: float = 0.3,
        fields: Iterable[Hashable] | None = None,
        height: str = "480px",
        max_nodes: int = 1500,
        backend: str = "auto",
    ) -> None:
        super().__init__()
        if isinstance(obj, Solution):
            if obj.dsp is None:
                raise ValueError("this solution has no model to explore")
            model, solution = obj.dsp, obj
        elif hasattr(obj, "dmap"):
            model, solution = obj, None
        else:
            raise TypeError(
                f"explore() takes a Dispatcher or a Solution, not {type(obj).__name__}"
            )
        self.model = model
        self.reuse = reuse
        self.max_nodes = max_nodes
        #: the nodes drawn when the level is too big to draw whole (else None)
        self.window: set | None = None
        self.levels = [_Level(model, solution)]
        self.graph = graph_view(
            layout, height, backend, min(len(self.levels[0].view.nodes), max_nodes)
        )
        self.debounce = Debouncer(delay)
        self._table_shown: Any = None  # the DataFrame the table shows
        given = dict(solution.inputs) if solution is not None else {}
        chosen = form_fields(model, given) if fields is None else list(fields)
        self.form = InputsForm(model, chosen, given)
        self.ui = _controls.build(self, list(LAYOUTS), layout)
        self.children = self.ui.children
        self.graph.on_click(self._clicked)
        self.graph.on_hover(self._hovered)
        self.form.on_change(self._input_edited)
        if solution is not None and solution.outputs:
            self.set_outputs(solution.outputs)
        self.live = live
        self._draw()

    def __repr__(self) -> str:
        level = self.levels[-1]
        return f"<Explorer of {summary.name(level.dsp.name or 'model')!r}: {len(level.view.nodes)} nodes>"

    # -- what is shown ---------------------------------------------------------
    @property
    def dsp(self) -> Any:
        """The model of the current level."""
        return self.levels[-1].dsp

    @property
    def solution(self) -> Any:
        """The solution of the current level (``None`` for a model)."""
        return self.levels[-1].solution

    @property
    def view(self) -> View:
        return self.levels[-1].view

    def classes(self) -> dict[Hashable, str]:
        """Model node -> CSS classes it has in the graph now (what is drawn)."""
        drawn = self.graph.classes()
        return {n: drawn[eid] for n, eid in self.view.ids.items() if eid in drawn}

    @property
    def table(self) -> Any:
        """The results table (a pandas DataFrame) of the current level."""
        return results_table(self.dsp, self.solution)

    def _state_classes(self) -> dict[str, str]:
        return visible_classes(
            self.view,
            selected=self.selected,
            hide_unreached=self.hide_unreached,
            hops=self.hops,
            color_by=self.color_by,
            query=self.query,
            show_reused=self.show_reused,
        )

    def _window(self) -> set | None:
        return draw_window(self.view, self.max_nodes, self.selected, self.hops)

    def _elements(self) -> tuple[list, list]:
        return window_elements(self.view, self.window)

    def _draw(self) -> None:
        """Draw the current level from scratch (a level change)."""
        self.ui.hover.value = ""  # its node may not be on this level
        self.window = self._window()
        nodes, edges = self._elements()
        positions = self._positions(nodes, edges)
        self._set_routes(positions)
        self.graph.draw(nodes, edges, positions)
        self._refresh()

    def _set_routes(self, positions: dict | None) -> None:
        """Edges along dot's routes when dot placed the nodes, else straight."""
        self.graph.set_routes(
            self.levels[-1].route_rules(self.window) if positions else []
        )

    def _positions(self, nodes: list, edges: list, layout: str = "") -> dict | None:
        """Where dot puts the drawn elements, when the layout (default: the
        graph's) is ``dot``."""
        if (layout or self.graph.layout_name) != "dot":
            return None
        return self.levels[-1].layout(self.window, nodes, edges)

    def _refresh(self) -> None:
        """Recolour in place and update the panes (no redraw)."""
        self.graph.restyle(self._state_classes())
        self._update_panes()

    def _update_panes(self) -> None:
        """The status line, the breadcrumb, the details and the table."""
        line = self.view.status_line()
        if self.window is not None:
            line += (
                f" · showing {len(self.window)} of {len(self.view.nodes)} nodes"
                " (select a node and set hops to see its neighbourhood)"
            )
        self.ui.status.value = html.escape(line)
        _controls.update_crumbs(self)
        self._update_details()
        self._update_table()

    def _update_details(self) -> None:
        node = self.selected
        if node is None or node not in self.view.ids:
            self.ui.details.value = EMPTY_PANE
        else:
            self.ui.details.value = details_html(self.dsp, self.solution, node)

    def _update_table(self) -> None:
        frame = None if self.solution is None else self.table
        self._table_shown = show_table(self.ui.table, frame, self._table_shown)

    # -- actions ---------------------------------------------------------------
    def select(self, node: Hashable) -> Explorer:
        """Select ``node`` of the current level: its details, and for a data
        node the path that produced it (``None`` clears the selection)."""
        if node is not None and node not in self.view.ids:
            raise KeyError(
                f"{node!r} is not a node of {self.dsp.name or 'the model'!r}"
            )
        self.selected = node
        if self.window is not None and self._window() != self.window:
            self._draw()  # a big level: draw the new neighbourhood
        else:
            self._refresh()
        return self

    def enter(self, node: Hashable) -> Explorer:
        """Open sub-model ``node`` of the current level (with its sub-solution
        when it ran)."""
        inner = sub_model(self.dsp, node)
        if inner is None:
            raise ValueError(f"{node!r} is not a sub-model node; see sub_models()")
        self.levels.append(_Level(inner, sub_solution(self.solution, node), node))
        self.path = [*self.path, node]
        self.selected = None
        self._draw()
        return self

    def back(self) -> Explorer:
        """Go up one level (from a sub-model to the model that holds it)."""
        if len(self.levels) == 1:
            raise ValueError("already at the top model: nothing to go back to")
        return self.go(len(self.levels) - 2)

    def go(self, depth: int) -> Explorer:
        """Go to level ``depth`` of the breadcrumb (0: the top model)."""
        if not 0 <= depth < len(self.levels):
            raise IndexError(f"no level {depth}: the breadcrumb has {len(self.levels)}")
        left = self.levels[depth + 1 : depth + 2]
        del self.levels[depth + 1 :]
        self.path = self.path[:depth]
        self.selected = left[0].node if left else self.selected
        self._draw()
        return self

    def expand(self, node: Hashable = None) -> Explorer:
        """Draw sub-model ``node`` (default: every sub-model of the level) open,
        its nodes inside it; ``collapse`` closes it again."""
        nodes = self.sub_models() if node is None else [node]
        for n in nodes:
            if n not in self.view.subs:
                raise ValueError(f"{n!r} is not a sub-model node; see sub_models()")
        opened = [
            *self.view.expanded,
            *(n for n in nodes if n not in self.view.expanded),
        ]
        return self._reopen(opened)

    def collapse(self, node: Hashable = None) -> Explorer:
        """Close expanded sub-model ``node`` (default: all of them)."""
        opened = [] if node is None else [n for n in self.view.expanded if n != node]
        return self._reopen(opened)

    def _reopen(self, expanded: list) -> Explorer:
        level = self.levels[-1]
        self.levels[-1] = _Level(level.dsp, level.solution, level.node, expanded)
        self._draw()
        return self

    def decisions(self, node: Hashable = None) -> list[dict]:
        """The dispatcher's decisions at ``node`` (default: the selected one);
        see ``schedula_nb.widgets._decisions.decisions``."""
        node = self.selected if node is None else node
        if node not in self.view.ids:
            raise KeyError(f"{node!r} is not a node of the current level")
        return decisions(self.dsp, self.solution, node)

    def sub_models(self) -> list[Hashable]:
        """The sub-model nodes of the current level."""
        return list(self.view.subs)

    def search(self, text: str) -> list[Hashable]:
        """Highlight the nodes whose id contains ``text``; return them."""
        self.query = text
        self.ui.search.value = text
        self._refresh()
        return matches(self.dsp, text)

    def set_view(self, **options: Any) -> Explorer:
        """Change how the graph is shown: ``color_by``, ``hide_unreached``,
        ``hops``, ``show_reused``, ``layout``."""
        layout = options.pop("layout", None)
        for name, value in options.items():
            if name not in ("color_by", "hide_unreached", "hops", "show_reused"):
                raise TypeError(f"set_view() got an unknown option {name!r}")
            setattr(self, name, value)
        if layout is not None:
            positions = self._positions(*self._elements(), layout)
            self._set_routes(positions)
            self.graph.set_layout(layout, positions)
            self.ui.layout.value = layout
        self._refresh()
        return self

    def set_inputs(self, values: Mapping | None = None, **kw: Any) -> None:
        """Fill input fields (``sh.EMPTY`` clears one); with ``live`` on, this
        re-dispatches at once (edits in the browser wait ``delay`` seconds)."""
        for node, value in {**(values or {}), **kw}.items():
            if node not in self.model.dmap.nodes:
                raise KeyError(f"{node!r} is not a node of the model")
            self.form.fill(node, EMPTY if value is EMPTY else value)
        if self.live:
            self.dispatch()

    def set_outputs(self, outputs: Iterable[Hashable] | None) -> None:
        """Ask only for ``outputs`` (``None``: everything reachable)."""
        outputs = list(outputs or ())
        options = {value for _, value in self.form.outputs.options}
        unknown = [o for o in outputs if o not in options]
        if unknown:
            raise KeyError(f"not data nodes of the model: {unknown!r}")
        self.form.outputs.value = tuple(outputs)

    def inputs(self) -> dict:
        """The inputs the form holds now (raises ``ValueError`` on a bad field)."""
        values, errors = self.form.read()
        if errors:
            raise ValueError(_errors_text(errors))
        return values

    def dispatch(self) -> Solution | None:
        """Dispatch the top model with the form's inputs and outputs and show the
        new solution in place; ``None`` (and the fields marked) if a field is bad.
        With ``reuse`` (the default) what did not change is taken over from
        the solution shown (see ``docs/reuse.md``)."""
        self.debounce.cancel()
        values, errors = self.form.read()
        if errors:
            self.ui.status.value = html.escape(
                "not dispatched: " + _errors_text(errors)
            )
            return None
        outputs = list(self.form.outputs.value) or None
        last = self.levels[0].solution if self.reuse else None
        sol = self.model.dispatch(inputs=values, outputs=outputs, reuse=last)
        self._show_solution(sol)
        return sol

    def _show_solution(self, sol: Solution) -> None:
        """Put a new top solution under the same levels and recolour in place."""
        opened = [lvl.view.expanded for lvl in self.levels]
        levels = [_Level(self.model, sol, None, opened[0])]
        for depth, node in enumerate(self.path, 1):
            top = levels[-1]
            inner = sub_model(top.dsp, node)
            if inner is None:
                break
            sub = sub_solution(top.solution, node)
            levels.append(_Level(inner, sub, node, opened[depth]))
        self.levels = levels
        self.path = [lvl.node for lvl in levels[1:]]
        window = self._window()
        if window != self.window:
            self._draw()
            return
        nodes, edges = self._elements()
        drawn = self.graph.elements
        if any(el["id"] not in drawn for el in (*nodes, *edges)):
            # elements new to the view: place them (before they are added,
            # which runs the layout again)
            positions = self._positions(nodes, edges)
            if positions:
                self._set_routes(positions)
                self.graph.set_layout(self.graph.layout_name, positions)
        with self.graph.batch():  # the new data and classes in one message,
            self.graph.update(nodes, edges)  # sent before the panes are made
            self.graph.restyle(self._state_classes())
        self._update_panes()

    def export_html(self, path: Any, title: str | None = None) -> Any:
        """Write the explorer's current state as a static HTML page (ipywidgets
        embed, plus the drawing as a fallback); returns the path."""
        from ._export import export_html

        return export_html(self, path, title)

    # -- browser events (pass through to the methods) --------------------------
    def _clicked(self, eid: str) -> None:
        node = self.view.node_of.get(eid)
        if node is None:
            return
        if eid not in self.view.ids.values():  # inside an expanded sub-model
            sub, inner = node
            self.enter(sub)
            if inner in self.view.ids:
                self.select(inner)
        elif node in self.view.subs:
            self.enter(node)
        else:
            self.select(node)

    def _hovered(self, eid: str) -> None:
        """The hover line: the node under the pointer ('' when it left)."""
        el = self.view.node_element(eid)
        text = "" if el is None else el["tooltip"]
        self.ui.hover.value = html.escape(text).replace("\n", " · ")

    def _dispatch_from_ui(self) -> None:
        """The Dispatch button and live edits: a dispatch that raises (e.g. a
        model built with ``raises=True``) is reported in the status line, not
        lost in the widget's log."""
        try:
            self.dispatch()
        except Exception as err:
            self.ui.status.value = html.escape(
                f"dispatch failed: {type(err).__name__}: {err}"
            )

    def _on_hops(self) -> None:
        if self.window is not None and self._window() != self.window:
            self._draw()
        else:
            self._refresh()

    def _input_edited(self, node: Hashable) -> None:
        if self.live:
            self.debounce(self._dispatch_from_ui)

    # -- notebook output -------------------------------------------------------
    def _repr_mimebundle_(self, **kwargs: Any) -> dict:
        """The widget, and a static drawing of the same view for places where
        widgets cannot run (GitHub, nbviewer)."""
        from ..render import mimebundle
        from ._layout import static_bundle

        bundle = super()._repr_mimebundle_(**kwargs) or {}
        shown = self.solution if self.solution is not None else self.dsp
        pic = self.levels[-1].static  # made with the positions: dot ran once
        static = mimebundle(shown) if pic is None else static_bundle(shown, pic)
        for key in ("image/svg+xml", "image/png", "text/html"):
            if key in static:
                bundle[key] = static[key]
        return bundle


def _errors_text(errors: Mapping) -> str:
    return "; ".join(f"{summary.name(n)}: {e}" for n, e in errors.items())
