"""The explorer's bundled graph (anywidget + cytoscape.js from the package) in
JupyterLab: it draws with the drawings' colours, laid out left to right;
clicking a node shows its details; live edits re-colour it in place; clicking
a sub-model opens it; nothing is fetched from outside the server."""

import pytest
from playwright.sync_api import expect

from .conftest import screenshot
from .explorer_fixtures import (
    click_node,
    labels,
    node_classes,
    node_on_screen,
    node_style,
    scroll_graph_into_view,
    wait_for_class,
    wait_for_graph,
    write_notebook,
)
from .lab import PANEL, error_outputs, open_notebook, run_all_cells
from .test_explorer_in_jupyterlab import MODEL

SHOW = """\
ex = model({"x": 2}).explore(live=True, delay=0.05, height="420px", backend="anywidget")
ex
"""

_X = """(label) => {
    const cy = [...document.querySelectorAll('div')]
        .filter((d) => d._cyreg && d._cyreg.cy)[0]._cyreg.cy;
    return cy.nodes().filter((v) => v.data('label') === label)[0].position('x');
}"""

_ZOOM = """() => [...document.querySelectorAll('div')]
    .filter((d) => d._cyreg && d._cyreg.cy)[0]._cyreg.cy.zoom()"""


@pytest.mark.browser
@pytest.mark.slow
def test_bundled_graph_draws_clicks_and_recolours(jupyterlab, notebooks_copy, page):
    outside = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if "127.0.0.1" not in r.url else None,
    )
    write_notebook(notebooks_copy / "bundled_check.ipynb", [MODEL, SHOW])
    server = jupyterlab()
    open_notebook(page, server, "bundled_check.ipynb")
    run_all_cells(page)
    assert error_outputs(page) == []

    wait_for_graph(page, min_nodes=8)
    assert {"x", "invert", "y", "root", "r", "sub", "half"} <= set(labels(page))
    assert node_style(page, "invert", "background-color") == "rgb(217,240,211)"
    assert page.evaluate(_X, "x") < page.evaluate(_X, "invert") < page.evaluate(_X, "y")
    scroll_graph_into_view(page)
    screenshot(page, "bundled-drawn")

    click_node(page, "invert")
    details = page.locator(f"{PANEL} .sh-details-pane")
    details.locator("text=One over x.").wait_for(timeout=20_000)
    wait_for_class(page, "invert", "sh-selected")

    field = page.locator(f"{PANEL} .widget-text:has(label:text-is('x')) input")
    field.fill("0")
    field.press("Enter")
    wait_for_class(page, "invert", "sh-failed")
    assert node_style(page, "invert", "background-color") == "rgb(255,159,64)"
    assert "sh-unreached" in node_classes(page, "y")
    screenshot(page, "bundled-live-recoloured")

    scroll_graph_into_view(page)
    click_node(page, "sub")
    page.wait_for_function(
        """() => [...document.querySelectorAll('div')]
            .filter((d) => d._cyreg && d._cyreg.cy)
            .some((d) => d._cyreg.cy.nodes().some((v) => v.data('label') === 'halve'))""",
        timeout=30_000,
    )
    crumbs = page.locator(f"{PANEL} .sh-breadcrumb button")
    crumbs.filter(has_text="sub").wait_for(timeout=20_000)  # after the graph
    crumbs = crumbs.all_inner_texts()
    assert crumbs == ["checked", "sub"]
    # The wheel over the graph scrolls the page, it does not zoom the graph.
    zoom = page.evaluate(_ZOOM)
    box = page.locator(f"{PANEL} .sh-graph").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(300)
    assert page.evaluate(_ZOOM) == zoom
    assert outside == []  # cytoscape.js came with the package
    assert page.console_errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_bundled_graph_in_voila(voila, notebooks_copy, page):
    write_notebook(notebooks_copy / "bundled_app.ipynb", [MODEL, SHOW])
    server = voila(notebooks_copy / "bundled_app.ipynb")
    page.goto(server.page(""), timeout=120_000)
    wait_for_graph(page, min_nodes=8, timeout=120)
    assert {"x", "invert", "y", "sub"} <= set(labels(page))
    scroll_graph_into_view(page)
    # the hover line follows the pointer: on a node, then empty off it
    where = node_on_screen(page, "invert")
    page.mouse.move(where["x"], where["y"])
    expect(page.locator(".sh-hover")).to_contain_text("invert", timeout=20_000)
    corner = page.evaluate(
        """() => [...document.querySelectorAll('div')].filter((d) => d._cyreg)[0]
            .getBoundingClientRect().toJSON()"""
    )
    # an empty spot of the graph (leaving the graph, cytoscape sees nothing)
    page.mouse.move(where["x"], where["y"] - 40, steps=4)
    page.mouse.move(corner["x"] + 4, corner["y"] + 4, steps=8)
    expect(page.locator(".sh-hover")).to_have_text("", timeout=20_000)
    click_node(page, "invert")
    page.locator(".sh-details-pane").locator("text=One over x.").wait_for(
        timeout=20_000
    )
    field = page.locator(".widget-text:has(label:text-is('x')) input")
    field.fill("0")
    field.press("Enter")
    wait_for_class(page, "invert", "sh-failed")
    screenshot(page, "bundled-voila")
