"""The explorer's form in JupyterLab at 1,440 px with the file browser open
(a ~1,000 px notebook column): no field row scrolls sideways, no label is
clipped, and an error message does not push the row wider than the column,
nor the form sideways (it wraps in the form's own column)."""

import pytest

from .conftest import screenshot
from .explorer_fixtures import wait_for_graph, write_notebook
from .lab import PANEL, error_outputs, open_notebook, run_all_cells

SHOW = """\
import schedula_nb as sh
model = sh.Dispatcher(name="long names")
model.add_function("total", lambda a, b: a + b,
                   ["a_rather_long_input_name_of_a_model", "b"], ["total_amount"])
ex = model({"a_rather_long_input_name_of_a_model": 1, "b": 2}).explore(live=True, delay=0)
ex
"""

_ROWS_FIT = """(panel) => [...document.querySelectorAll(panel + ' .sh-form-row')].map(
    (row) => ({
        row: row.scrollWidth <= row.clientWidth + 1,
        label: [...row.querySelectorAll('label')].every(
            (l) => l.scrollWidth <= l.clientWidth + 1),
        inColumn: row.getBoundingClientRect().right <=
            document.querySelector(panel + ' .jp-Cell-outputArea')
                .getBoundingClientRect().right + 1,
    }))"""


_FORM_LEFT = """(panel) => document.querySelector(panel + ' .sh-form')
    .getBoundingClientRect().left"""


@pytest.mark.browser
@pytest.mark.slow
def test_form_rows_fit_the_column(jupyterlab, notebooks_copy, page):
    page.set_viewport_size({"width": 1440, "height": 900})
    write_notebook(notebooks_copy / "form_fit.ipynb", [SHOW])
    server = jupyterlab()
    open_notebook(page, server, "form_fit.ipynb")
    assert page.locator(".jp-FileBrowser").is_visible()  # the file browser is open
    run_all_cells(page)
    assert error_outputs(page) == []
    wait_for_graph(page, min_nodes=4)
    rows = page.evaluate(_ROWS_FIT, PANEL)
    assert len(rows) == 2 and all(all(r.values()) for r in rows), rows
    left = page.evaluate(_FORM_LEFT, PANEL)
    field = page.locator(f"{PANEL} .sh-form-row input").first
    field.fill("not a value (")
    field.press("Enter")
    page.locator(f"{PANEL} .sh-field-error").first.wait_for(timeout=20_000)
    rows = page.evaluate(_ROWS_FIT, PANEL)
    assert all(all(r.values()) for r in rows), rows
    # the message wraps in the form's column: the form does not jump sideways
    assert abs(page.evaluate(_FORM_LEFT, PANEL) - left) <= 1, left
    page.locator(f"{PANEL} .sh-form").scroll_into_view_if_needed()
    screenshot(page, "explorer-form-1440-file-browser")
