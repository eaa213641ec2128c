"""Edges follow the routes dot computed: in the page, no drawn edge passes
under a node that is not one of its ends (straight edges between dot's
positions did: start -> kg_co2_per_kwh ran under meter_end and
from_appliances in the household model), in the explorer and in the app."""

import pytest

from .conftest import screenshot
from .explorer_fixtures import show_in_voila

EXPLORER = """from household import build_household
month = build_household()(inputs={"meter_start": 12410, "meter_end": 12690})
month.explore(height="460px")"""

APP = """from household import household_app
household_app()"""

#: JavaScript: [edge source, edge target, node crossed] of every edge whose
#: drawn path (its segment points, or the straight line) crosses a node box
#: that is not one of its ends
CROSSINGS = """() => {
    const cy = [...document.querySelectorAll('div')]
        .filter((d) => d._cyreg && d._cyreg.cy).map((d) => d._cyreg.cy)[0];
    const crosses = (a, b, box) => {  // Liang-Barsky: segment a-b meets box?
        let t0 = 0, t1 = 1;
        const dx = b.x - a.x, dy = b.y - a.y;
        const sides = [[-dx, a.x - box.x1], [dx, box.x2 - a.x],
                       [-dy, a.y - box.y1], [dy, box.y2 - a.y]];
        for (const [p, q] of sides) {
            if (p === 0) { if (q < 0) return false; continue; }
            const r = q / p;
            if (p < 0) { if (r > t1) return false; if (r > t0) t0 = r; }
            else { if (r < t0) return false; if (r < t1) t1 = r; }
        }
        return true;
    };
    const out = [];
    cy.edges(':visible').forEach((e) => {
        const pts = [e.sourceEndpoint(), ...(e.segmentPoints() || []),
                     e.targetEndpoint()];
        cy.nodes(':visible').forEach((n) => {
            if (n.same(e.source()) || n.same(e.target()) || n.isParent()) return;
            const b = n.boundingBox({includeLabels: false});
            const box = {x1: b.x1 + 3, x2: b.x2 - 3, y1: b.y1 + 3, y2: b.y2 - 3};
            for (let i = 0; i + 1 < pts.length; i++) {
                if (crosses(pts[i], pts[i + 1], box)) {
                    out.push([e.source().data('label'), e.target().data('label'),
                              n.data('label')]);
                    return;
                }
            }
        });
    });
    return out;
}"""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("shown", ["explorer", "app"])
def test_no_edge_passes_under_a_node(voila, notebooks_copy, page, shown):
    cell = EXPLORER if shown == "explorer" else APP
    show_in_voila(voila, notebooks_copy, page, f"{shown}.ipynb", [cell], 9)
    screenshot(page, f"edges-{shown}")
    assert page.evaluate(CROSSINGS) == []
