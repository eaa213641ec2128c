"""Big models stay readable: search nodes by id, hide unreached nodes, show only
the nodes within N hops of the selected one, colour by elapsed time."""

import schedula_nb as sh

from .models import chain_model


def _hidden(ex):
    return {n for n, c in ex.classes().items() if "sh-hidden" in c}


def test_search_highlights_matches(tutorial):
    ex = tutorial["sol"].explore()
    found = ex.search("crypt")
    assert set(found) == {
        "encrypt_message",
        "decrypt_message",
        "decrypted",
        "encrypted",
        "read_decrypted",
        "read_encrypted",
        "write_decrypted",
        "write_encrypted",
        "decrypted_fpath",
        "encrypted_fpath",
    }
    marked = {n for n, c in ex.classes().items() if "sh-match" in c}
    assert marked == set(found)
    ex.ui.search.value = ""  # cleared in the browser
    assert not any("sh-match" in c for c in ex.classes().values())


def test_hide_unreached(tutorial):
    ex = tutorial["sol"].explore()
    ex.set_view(hide_unreached=True)
    assert _hidden(ex) == {"read_decrypted", "decrypted_fpath"}
    ids = ex.view.ids
    drawn = ex.graph.classes()
    assert "sh-hidden" in drawn[f"{ids['decrypted_fpath']}-{ids['read_decrypted']}"]
    ex.hide_unreached = False  # the trait, as the checkbox sets it
    assert not _hidden(ex)


def test_hops_around_the_selected_node():
    dsp = chain_model(sh, 200)
    ex = sh.explore(dsp).select("f50")
    ex.set_view(hops=2)
    visible = set(ex.view.ids) - _hidden(ex)
    assert visible == {"f49", "d50", "f50", "d51", "f51"}
    ex.set_view(hops=0)
    assert not _hidden(ex)


def test_colour_by_time(fragile):
    ex = sh.explore(fragile({"x": 2}))
    ex.set_view(color_by="time")
    classes = ex.classes()
    assert any(f"sh-time{i}" in classes["invert"] for i in range(5))
    assert "sh-notime" in classes["x"]
    ex.set_view(color_by="status")
    assert ex.classes()["invert"] == "sh-function sh-ran"


def test_layouts_and_wheel(fragile):
    ex = sh.explore(fragile, layout="dagre")
    assert ex.graph.widget.cytoscape_layout["name"] == "dagre"
    assert ex.graph.widget.cytoscape_layout["rankDir"] == "LR"
    assert ex.graph.widget.user_zooming_enabled is False  # the page keeps its scroll
    ex.set_view(layout="grid")
    assert ex.graph.widget.cytoscape_layout["name"] == "grid"
    ex.graph.wheel_zoom(True)
    assert ex.graph.widget.user_zooming_enabled is True


def test_big_level_is_drawn_in_part():
    dsp = chain_model(sh, 400)
    ex = sh.explore(dsp, max_nodes=50)
    assert len(ex.graph.elements) < 120  # 50 nodes and the edges among them
    assert ex.window is not None and len(ex.window) == 50
    assert "showing 50 of 401 nodes" in ex.ui.status.value
    ex.select("f10")
    ex.set_view(hops=2)  # the neighbourhood of the selected node is drawn
    assert ex.window == {"f9", "d10", "f10", "d11", "f11"}
    assert set(ex.classes()) == ex.window
    ex.set_view(hops=0)
    ex.set_inputs(d0=0)
    ex.set_outputs(["d3"])
    ex.dispatch()  # with a solution: the nodes it reached are drawn
    assert {"d0", "f0", "d3"} <= ex.window and "f100" not in ex.window
    assert ex.classes()["d3"] == "sh-data sh-computed"
