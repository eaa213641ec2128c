"""``sh.explore(obj)``, ``dsp.explore()`` and ``sol.explore()`` return an
``Explorer`` (an ipywidgets container); anything else is refused clearly."""

import ipywidgets
import pytest

import schedula_nb as sh
from schedula_nb.widgets import Explorer


def test_three_doors(fragile):
    sol = fragile({"x": 2})
    for ex in (sh.explore(fragile), fragile.explore(), sol.explore(), sh.explore(sol)):
        assert isinstance(ex, Explorer) and isinstance(ex, ipywidgets.VBox)
    assert sol.explore().solution is sol and fragile.explore().solution is None
    assert sh.explore(fragile, layout="grid").graph.layout_name == "grid"
    assert "explore" in sh.__all__


def test_refuses_other_objects():
    with pytest.raises(TypeError, match="Dispatcher or a Solution"):
        sh.explore({"a": 1})
    with pytest.raises(ValueError, match="unknown layout"):
        sh.explore(sh.Dispatcher(), layout="spiral")


def test_graph_built_with_one_call_each(fragile, monkeypatch):
    import ipycytoscape

    calls = []
    for name in (
        "add_node",
        "add_nodes",
        "add_edge",
        "add_edges",
        "add_graph_from_json",
    ):
        original = getattr(ipycytoscape.Graph, name)
        monkeypatch.setattr(
            ipycytoscape.Graph,
            name,
            lambda self, *a, _n=name, _o=original, **k: (
                calls.append(_n) or _o(self, *a, **k)
            ),
        )
    sh.explore(fragile({"x": 1}))
    assert calls == ["add_nodes", "add_edges"]
