"""The explorer of the household-energy model in Voila (the modeller's view;
the viewers' app is ``sh.app``, see ``test_app_in_voila.py``): only the
explorer and its form are shown (no code), it draws, and a form change
re-dispatches and re-colours the graph."""

import pytest
from playwright.sync_api import expect

from .conftest import screenshot
from .explorer_fixtures import (
    labels,
    node_classes,
    node_style,
    scroll_graph_into_view,
    wait_for_class,
    wait_for_graph,
    write_notebook,
)

EXPLORER = """from household import build_household
household = build_household()
month = household(inputs={"meter_start": 12410, "meter_end": 12690})
month.explore(live=True, height="420px")"""


@pytest.mark.browser
@pytest.mark.slow
def test_explorer_answers_a_form_change(voila, notebooks_copy, page):
    write_notebook(notebooks_copy / "explorer_app.ipynb", [EXPLORER])
    server = voila("explorer_app.ipynb")
    page.goto(server.page(""), timeout=120_000)
    wait_for_graph(page, min_nodes=10, timeout=120)
    assert {"from_meter", "from_appliances", "kwh", "cost"} <= set(labels(page))
    assert "import schedula_nb" not in page.inner_text("body")  # no code shown
    assert "sh-ran" in node_classes(page, "from_meter")
    scroll_graph_into_view(page)
    screenshot(page, "explorer-voila-app")

    # A typing mistake in the end reading: the meter step is out of domain.
    field = page.locator(".widget-text:has(label:text-is('meter_end')) input")
    field.fill("1269")
    field.press("Enter")
    wait_for_class(page, "from_meter", "sh-domain")
    assert node_style(page, "from_meter", "background-color") == "rgb(255,159,64)"
    # The status line is its own widget: its update may land after the
    # graph's, so wait for it rather than read it once.
    expect(page.locator(".sh-status")).to_contain_text(
        "1 out of domain", timeout=20_000
    )
    scroll_graph_into_view(page)
    screenshot(page, "explorer-voila-app-after-change")
