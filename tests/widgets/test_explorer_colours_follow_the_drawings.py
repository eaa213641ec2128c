"""The explorer's nodes carry the drawings' kinds and statuses as classes, and
its stylesheet paints them with the drawings' palette (failed and out of
domain orange, unreached faded)."""

import schedula_nb as sh
from schedula_nb.render import style
from schedula_nb.widgets._cyto import stylesheet


def test_tutorial_solution_classes(tutorial):
    ex = sh.explore(tutorial["sol"])
    classes = ex.classes()
    assert classes["read_key"] == "sh-function sh-domain"
    assert classes["read_encrypted"] == "sh-function sh-domain"
    assert classes["generate_key"] == "sh-function sh-ran"
    assert classes["key"] == "sh-data sh-computed"
    assert classes["key_fpath"] == "sh-data sh-input"
    assert classes["read_decrypted"] == "sh-function sh-unreached"
    assert classes[sh.START] == "sh-start sh-input"


def test_classes_equal_the_drawings_statuses(tutorial):
    sol = tutorial["sol"]
    ex = sol.explore()
    for node, cls in ex.classes().items():
        assert cls.split()[1] == "sh-" + style.node_status(node, sol)


def test_failed_node_is_orange_with_its_reason(fragile):
    ex = sh.explore(fragile({"x": 0}))
    assert ex.classes()["invert"] == "sh-function sh-failed"
    el = {e["label"]: e for e in ex.view.nodes}["invert"]
    assert "ZeroDivisionError" in el["tooltip"]  # the reason, on hover
    ex = sh.explore(fragile({"x": -4}))
    assert ex.classes()["root"] == "sh-function sh-domain"


def test_edges_on_the_path_and_off_it(fragile):
    ex = fragile({"x": 2}).explore()
    drawn = ex.graph.classes()
    ids = ex.view.ids
    assert drawn[f"{ids['x']}-{ids['invert']}"].startswith("sh-edge sh-path")
    ex = fragile({"x": 0}).explore()
    drawn = ex.graph.classes()
    assert drawn[f"{ids['y']}-{ids['double']}"] == "sh-edge sh-unreached"


def test_stylesheet_uses_the_palette():
    rules = {}
    for rule in stylesheet():
        rules.setdefault(rule["selector"], {}).update(rule["style"])
    for kind in style.KINDS:
        for status in style.STATUSES:
            lk = style.look(kind, status)
            got = rules[f'node[kind = "{kind}"][status = "{status}"]']
            assert got["background-color"] == lk["fill"]
            assert got["border-color"] == lk["stroke"]
    failed = 'node[kind = "function"][status = "failed"]'
    domain = 'node[kind = "function"][status = "domain"]'
    assert rules[failed]["background-color"] == style.ORANGE
    assert rules[domain]["background-color"] == style.ORANGE
    # cytoscape.js 3.21 does not match two-class selectors: none is used
    assert not [s for s in rules if s.count(".") > 1]
    assert rules["edge.sh-unreached"]["line-style"] == "dashed"


def test_model_without_solution(fragile):
    ex = sh.explore(fragile)
    assert set(c.split()[1] for c in ex.classes().values()) == {"sh-model"}
    assert (
        ex.view.status_line()
        == "model: 4 data nodes · 3 function nodes · 0 dispatcher nodes"
    )
