"""The explorer's status line follows the level in the page: into a
sub-model by a click, and back by the breadcrumb, it shows each level's own
counts (after ``back()`` it was reported stale)."""

import pytest
from playwright.sync_api import expect

from .conftest import screenshot
from .explorer_fixtures import click_node, show_in_voila

CELL = """import schedula_nb as sh
inner = sh.Dispatcher(name="inner")
inner.add_function("halve", lambda a: a / 2, ["a"], ["h"])
inner.add_function("double_it", lambda h: h * 2, ["h"], ["d"])
model = sh.Dispatcher(name="top")
model.add_function("invert", lambda x: 1 / x, ["x"], ["y"])
model.add_function("negate", lambda y: -y, ["y"], ["w"])
model.add_dispatcher(inner, inputs={"x": "a"}, outputs={"d": "half"}, dsp_id="sub")
ex = model({"x": 2}).explore(height="380px")
ex"""


@pytest.mark.browser
@pytest.mark.slow
def test_status_line_after_enter_and_back(voila, notebooks_copy, page):
    show_in_voila(voila, notebooks_copy, page, "levels.ipynb", [CELL], 5)
    status = page.locator(".sh-status")
    expect(status).to_contain_text("1 input · 3 computed", timeout=20_000)
    top = status.inner_text()
    click_node(page, "sub")
    expect(status).to_contain_text("1 input · 2 computed", timeout=20_000)
    page.locator(".sh-breadcrumb button:text-is('top')").click()
    expect(status).to_have_text(top, timeout=20_000)
    screenshot(page, "explorer-status-after-back")
