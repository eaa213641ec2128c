"""The explorer's widgets and their wiring: every handler passes through to an
``Explorer`` method or trait, so the browser and Python do the same thing.

Layout, top to bottom: a toolbar (search, layout, colour by time, hide
unreached, N hops, wheel zoom, fit), the breadcrumb, the graph, the hover line,
the details pane beside the inputs form with the Dispatch button and the live
toggle, the status line, the results table.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import ipywidgets as w

from ..render import summary

__all__ = ["build", "crumbs", "update_crumbs"]


def _toolbar(ex: Any, layouts: list, layout: str) -> SimpleNamespace:
    search = w.Text(
        placeholder="search nodes by id",
        continuous_update=False,
        layout={"width": "180px"},
    )
    search.observe(lambda c: ex.search(c["new"]), "value")
    choose = w.Dropdown(options=layouts, value=layout, layout={"width": "130px"})
    choose.observe(lambda c: ex.set_view(layout=c["new"]), "value")
    by_time = w.ToggleButton(description="colour by time", tooltip="elapsed time")
    by_time.observe(
        lambda c: ex.set_view(color_by="time" if c["new"] else "status"), "value"
    )
    ex.observe(lambda c: setattr(by_time, "value", c["new"] == "time"), "color_by")
    hide = w.Checkbox(description="hide unreached", indent=False)
    w.link((ex, "hide_unreached"), (hide, "value"))
    hops = w.BoundedIntText(
        value=0,
        min=0,
        max=50,
        description="hops",
        tooltip="only the nodes within N edges of the selected one (0: all)",
        layout={"width": "110px"},
        style={"description_width": "35px"},
    )
    w.link((ex, "hops"), (hops, "value"))
    zoom = w.ToggleButton(description="wheel zoom", tooltip="let the wheel zoom")
    zoom.observe(lambda c: ex.graph.wheel_zoom(c["new"]), "value")
    expand = w.ToggleButton(description="open sub-models", tooltip="draw inside")
    expand.observe(lambda c: ex.expand() if c["new"] else ex.collapse(), "value")
    fit = w.Button(description="fit", tooltip="lay out and fit again")
    fit.on_click(lambda _: ex.graph.relayout())
    ex.observe(lambda c: ex._refresh(), ["color_by", "hide_unreached", "query"])
    ex.observe(lambda c: ex._on_hops(), "hops")
    bar = w.HBox(
        [search, choose, by_time, hide, hops, expand, zoom, fit],
        layout={"flex_flow": "row wrap"},
    )
    return SimpleNamespace(bar=bar, search=search, layout=choose)


def build(ex: Any, layouts: list, layout: str) -> SimpleNamespace:
    """The widgets of ``ex`` (an ``Explorer``), wired to its methods."""
    tools = _toolbar(ex, layouts, layout)
    details = w.HTML(layout={"overflow": "auto", "max_height": "480px"})
    details.add_class("sh-details-pane")
    # The graph takes the whole width: ipycytoscape fits the layout to the
    # width its element has when first drawn, and does not refit when a
    # neighbour in a row shrinks it (seen in Voila).
    side = w.Box([details], layout={"width": "50%", "padding": "0 8px 0 0"})
    dispatch = w.Button(description="Dispatch", button_style="primary")
    dispatch.on_click(lambda _: ex._dispatch_from_ui())
    live = w.Checkbox(description="live", indent=False, tooltip="re-dispatch on change")
    w.link((ex, "live"), (live, "value"))
    status = w.HTML()
    status.add_class("sh-status")
    hover = w.HTML(layout={"min_height": "1.5em"})
    hover.add_class("sh-hover")
    table = w.HTML(layout={"overflow": "auto", "max_height": "300px"})
    table.add_class("sh-results")
    crumb_box = w.HBox()
    crumb_box.add_class("sh-breadcrumb")
    children = (
        tools.bar,
        crumb_box,
        ex.graph.widget,
        hover,
        w.HBox(
            [side, ex.form.widget, w.VBox([dispatch, live])],
            layout={"width": "100%"},
        ),
        status,
        w.Accordion([table], titles=("Results",), selected_index=0),
    )
    return SimpleNamespace(
        children=children,
        details=details,
        status=status,
        hover=hover,
        table=table,
        crumbs=crumb_box,
        search=tools.search,
        layout=tools.layout,
        dispatch=dispatch,
        live=live,
    )


def _crumb_names(ex: Any) -> list[str]:
    return [ex.model.name or "model", *(summary.name(n, 30) for n in ex.path)]


def update_crumbs(ex: Any) -> None:
    """New breadcrumb buttons when the levels' names changed (a live edit
    keeps the level: its buttons stay, no new widgets)."""
    if [b.description for b in ex.ui.crumbs.children] != _crumb_names(ex):
        ex.ui.crumbs.children = crumbs(ex)


def crumbs(ex: Any) -> tuple:
    """One button per level of the breadcrumb; the current one disabled."""
    names = _crumb_names(ex)
    out = []
    for depth, name in enumerate(names):
        button = w.Button(
            description=name,
            disabled=depth == len(names) - 1,
            layout={"width": "auto"},
            tooltip="go to this level",
        )
        button.on_click(lambda _, d=depth: ex.go(d))
        out.append(button)
    return tuple(out)
