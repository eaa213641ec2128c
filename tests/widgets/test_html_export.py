"""The state of the last view exports as one static HTML file (ipywidgets embed,
with the drawing as a fallback) for people without a kernel."""

import json
import re
import shutil

import pytest

import schedula_nb as sh


def test_export_holds_the_state_and_the_drawing(fragile, tmp_path):
    if shutil.which("dot") is None:
        pytest.skip("graphviz's dot is not installed")
    ex = sh.explore(fragile({"x": 0})).select("invert")
    path = ex.export_html(tmp_path / "explorer.html")
    page = path.read_text()
    state = re.search(
        r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>',
        page,
        re.S,
    )
    models = json.loads(state.group(1))["state"]
    names = {m["model_name"] for m in models.values()}
    assert {"CytoscapeModel", "NodeModel", "EdgeModel", "HTMLModel"} <= names
    classes = [
        m["state"].get("classes")
        for m in models.values()
        if m["model_name"] == "NodeModel"
    ]
    assert "sh-function sh-failed sh-selected" in classes  # the last view
    assert "ZeroDivisionError" in page  # the details pane's text
    assert 'src="data:image/png' in page and "sh-static" in page  # the fallback drawing
    assert '<script type="application/vnd.jupyter.widget-view+json">' in page
