"""A live edit in a big explorer (the bundled graph widget, > 300 nodes) in
JupyterLab: the graph shows the new statuses and colours (out of domain
orange, reused functions dashed), and the update came as a patch of the few
changed elements: the page re-read the whole graph only once, when it was
drawn, and kept its elements."""

from pathlib import Path

import pytest

from .conftest import screenshot
from .explorer_fixtures import (
    node_classes,
    node_style,
    scroll_graph_into_view,
    wait_for_class,
    wait_for_graph,
    write_notebook,
)
from .lab import PANEL, error_outputs, open_notebook, run_all_cells

ROOT = Path(__file__).resolve().parents[2]

SHOW = f"""\
import sys
sys.path.insert(0, {str(ROOT)!r})
import schedula_nb as sh
from tests.widgets.models import wide_inputs, wide_model
ex = sh.explore(wide_model(sh)(wide_inputs()), live=True, delay=0, height="500px")
ex
"""

#: JavaScript: the graph's element count and how its updates came (the
#: counters the widget keeps on its container)
_LOADS = """() => {
    const cy = [...document.querySelectorAll('div')]
        .filter((d) => d._cyreg && d._cyreg.cy)[0]._cyreg.cy;
    const data = cy.container().closest('.sh-graph').dataset;
    return {
        elements: cy.elements().length,
        full: Number(data.fullLoads || 0),
        patches: Number(data.patches || 0),
    };
}"""

ORANGE = "rgb(255,159,64)"

#: JavaScript: zoom the graph onto the first chains and the gate
_CLOSE_UP = """() => {
    const cy = [...document.querySelectorAll('div')]
        .filter((d) => d._cyreg && d._cyreg.cy)[0]._cyreg.cy;
    cy.fit(cy.nodes().filter((v) => /^(x[0-2]_|inc[0-2]_|gate)/.test(v.data('label'))));
}"""


@pytest.mark.browser
@pytest.mark.slow
def test_live_edit_patches_the_big_graph(jupyterlab, notebooks_copy, page):
    write_notebook(notebooks_copy / "live_patch.ipynb", [SHOW])
    server = jupyterlab()
    page.set_viewport_size({"width": 1440, "height": 900})
    open_notebook(page, server, "live_patch.ipynb")
    run_all_cells(page)
    assert error_outputs(page) == []
    wait_for_graph(page, min_nodes=362)  # 40 chains of 4 and a gate
    scroll_graph_into_view(page)
    drawn = page.evaluate(_LOADS)
    assert drawn["elements"] > 700 and drawn["full"] >= 1  # nodes and edges

    # 40 input fields: each keeps a field's height, the box scrolls (they
    # were squashed to a few pixels each)
    heights = page.locator(f"{PANEL} .sh-form-row").evaluate_all(
        "(rows) => rows.map((r) => r.getBoundingClientRect().height)"
    )
    assert len(heights) >= 40 and min(heights) >= 20, heights
    field = page.locator(f"{PANEL} .widget-text:has(label:text-is('x0_0')) input")
    field.fill("-1")
    field.press("Enter")
    wait_for_class(page, "gate", "sh-domain")
    # what the person sees: gate out of its domain (orange), chain 0 ran
    # again, the other chains taken over from the last dispatch (dashed)
    assert node_style(page, "gate", "background-color") == ORANGE
    assert "sh-reused" not in node_classes(page, "inc0_0")
    assert "sh-reused" in node_classes(page, "inc5_0")
    assert node_style(page, "inc5_0", "border-style") == "dashed"
    status = page.locator(f"{PANEL} .sh-status").inner_text()
    assert "reused" in status
    screenshot(page, "live-patch-domain")
    page.evaluate(_CLOSE_UP)
    page.wait_for_timeout(300)
    screenshot(page, "live-patch-domain-close-up")  # chains 0-2 and gate

    field.fill("7")
    field.press("Enter")
    wait_for_class(page, "gate", "sh-ran")
    assert node_style(page, "gate", "background-color") != ORANGE
    assert "sh-reused" in node_classes(page, "inc5_0")
    after = page.evaluate(_LOADS)
    # two patches, no new full load, the same elements
    assert after["full"] == drawn["full"]
    assert after["patches"] >= drawn["patches"] + 2
    assert after["elements"] == drawn["elements"]
    assert page.console_errors == []
