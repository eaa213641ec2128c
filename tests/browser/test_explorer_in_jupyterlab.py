"""The explorer in JupyterLab (Chromium): it draws; clicking a function node
shows its details; changing an input with live on re-colours the graph;
clicking a sub-model node opens it. Screenshots go to ``.artifacts/browser/``."""

import pytest
from playwright.sync_api import expect

from .conftest import screenshot
from .explorer_fixtures import (
    click_node,
    labels,
    node_classes,
    node_style,
    scroll_graph_into_view,
    wait_for_class,
    wait_for_graph,
    write_notebook,
)
from .lab import PANEL, error_outputs, open_notebook, run_all_cells

MODEL = '''\
import schedula_nb as sh

inner = sh.Dispatcher(name="inner")
inner.add_function("halve", lambda a: a / 2, ["a"], ["h"])

model = sh.Dispatcher(name="checked")
model.add_data("x", default_value=2)

def invert(x):
    """One over x."""
    return 1 / x

model.add_function("invert", invert, ["x"], ["y"])
model.add_function("root", lambda x: x ** 0.5, ["x"], ["r"],
                   input_domain=lambda x: x >= 0)
model.add_dispatcher(inner, inputs={"x": "a"}, outputs={"h": "half"}, dsp_id="sub")
'''

SHOW = """\
ex = model({"x": 2}).explore(live=True, delay=0.05, height="420px")
ex
"""


@pytest.mark.browser
@pytest.mark.slow
def test_explorer_draws_clicks_and_recolours(jupyterlab, notebooks_copy, page):
    write_notebook(notebooks_copy / "explorer_check.ipynb", [MODEL, SHOW])
    server = jupyterlab()
    open_notebook(page, server, "explorer_check.ipynb")
    run_all_cells(page)
    assert error_outputs(page) == []

    # Drawn: the model's nodes, coloured like the drawings.
    wait_for_graph(page, min_nodes=8)
    assert {"x", "invert", "y", "root", "r", "sub", "half"} <= set(labels(page))
    assert "sh-ran" in node_classes(page, "invert")
    # The drawings' palette (render.style): ran, computed, input.
    assert node_style(page, "invert", "background-color") == "rgb(217,240,211)"
    assert node_style(page, "y", "background-color") == "rgb(161,217,155)"
    assert node_style(page, "x", "background-color") == "rgb(158,202,225)"
    assert "sh-dispatcher" in node_classes(page, "sub")
    canvases = page.locator(f"{PANEL} .jp-OutputArea-output canvas").count()
    assert canvases >= 3
    scroll_graph_into_view(page)
    screenshot(page, "explorer-drawn")

    # Click a function node: its details.
    click_node(page, "invert")
    details = page.locator(f"{PANEL} .sh-details-pane")
    details.locator("text=One over x.").wait_for(timeout=20_000)
    assert "invert" in details.inner_text()
    wait_for_class(page, "invert", "sh-selected")
    screenshot(page, "explorer-details")

    # Live: type 0 in the x field; the graph re-colours in place.
    field = page.locator(f"{PANEL} .widget-text:has(label:text-is('x')) input")
    field.fill("0")
    field.press("Enter")
    wait_for_class(page, "invert", "sh-failed")
    assert node_style(page, "invert", "background-color") == "rgb(255,159,64)"
    assert "sh-unreached" in node_classes(page, "y")
    # The status line is its own widget: wait for its update (see the Voila test).
    expect(page.locator(f"{PANEL} .sh-status")).to_contain_text(
        "1 failed", timeout=20_000
    )
    scroll_graph_into_view(page)
    screenshot(page, "explorer-live-recoloured")

    # Click the sub-model node: it opens, with its own nodes and a breadcrumb.
    click_node(page, "sub")
    page.wait_for_function(
        """() => [...document.querySelectorAll('div')]
            .filter((d) => d._cyreg && d._cyreg.cy)
            .some((d) => d._cyreg.cy.nodes().some((v) => v.data('label') === 'halve'))""",
        timeout=30_000,
    )
    wait_for_graph(page, min_nodes=3)
    crumbs = page.locator(f"{PANEL} .sh-breadcrumb button")
    crumbs.filter(has_text="sub").wait_for(timeout=20_000)  # sent after the graph
    crumbs = crumbs.all_inner_texts()
    assert crumbs == ["checked", "sub"]
    screenshot(page, "explorer-sub-model")

    # Back up with the breadcrumb, then open the sub-model in place.
    page.locator(f"{PANEL} .sh-breadcrumb button", has_text="checked").click()
    wait_for_graph(page, min_nodes=8)
    page.locator(f"{PANEL} button", has_text="open sub-models").click()
    page.wait_for_function(
        """() => [...document.querySelectorAll('div')]
            .filter((d) => d._cyreg && d._cyreg.cy)
            .some((d) => d._cyreg.cy.nodes(':parent').some(
                (v) => v.data('label') === 'sub'
                    && v.children().some((c) => c.data('label') === 'halve')))""",
        timeout=30_000,
    )
    scroll_graph_into_view(page)
    screenshot(page, "explorer-sub-model-open")

    # The wheel over the graph scrolls the page, it does not zoom the graph.
    zoom = page.evaluate(
        """() => [...document.querySelectorAll('div')]
            .filter((d) => d._cyreg && d._cyreg.cy)[0]._cyreg.cy.zoom()"""
    )
    box = page.locator(f"{PANEL} .jp-OutputArea-output canvas").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(300)
    assert (
        page.evaluate(
            """() => [...document.querySelectorAll('div')]
                .filter((d) => d._cyreg && d._cyreg.cy)[0]._cyreg.cy.zoom()"""
        )
        == zoom
    )

    # Redraws (into the sub-model, back, opened in place) closed the old
    # elements without a browser error.
    assert page.console_errors == []
