"""Sub-models opened in place (``expand()``) are readable in the page: no
two drawn nodes overlap, and labels are drawn at a readable size (dot laid
the elements out at its own small node sizes: nodes overlapped once
cytoscape drew them bigger)."""

import pytest

from .conftest import screenshot
from .explorer_fixtures import show_in_voila

CELL = """import schedula_nb as sh
inner = sh.Dispatcher(name="inner")
inner.add_function("halve", lambda a: a / 2, ["a"], ["h"])
inner.add_function("double_it", lambda h: h * 2, ["h"], ["d"])
model = sh.Dispatcher(name="checked")
model.add_data("x", default_value=2)
model.add_function("invert", lambda x: 1 / x, ["x"], ["y"])
model.add_function("root", lambda x: x ** 0.5, ["x"], ["r"])
model.add_dispatcher(inner, inputs={"x": "a"}, outputs={"d": "half"}, dsp_id="sub")
model({"x": 2}).explore(height="460px").expand()"""

#: JavaScript: overlapping pairs of drawn (non-compound) nodes, and the
#: smallest label size on screen (font size x zoom)
PROBE = """() => {
    const cy = [...document.querySelectorAll('div')]
        .filter((d) => d._cyreg && d._cyreg.cy).map((d) => d._cyreg.cy)[0];
    const nodes = cy.nodes(':visible').filter((n) => !n.isParent());
    const over = [];
    nodes.forEach((a, i) => nodes.forEach((b, j) => {
        if (j <= i) return;
        const p = a.boundingBox({includeLabels: false});
        const q = b.boundingBox({includeLabels: false});
        if (p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2)
            over.push([a.data('label'), b.data('label')]);
    }));
    const sizes = nodes.map((n) => parseFloat(n.style('font-size')) * cy.zoom());
    return {over, smallest: Math.min(...sizes)};
}"""


@pytest.mark.browser
@pytest.mark.slow
def test_open_sub_model_has_no_overlaps(voila, notebooks_copy, page):
    show_in_voila(voila, notebooks_copy, page, "expanded.ipynb", [CELL], 12)
    screenshot(page, "explorer-sub-model-open")
    found = page.evaluate(PROBE)
    assert found["over"] == []
    assert found["smallest"] >= 8  # px on screen ("start" is drawn at 8 px x zoom)
