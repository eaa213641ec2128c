"""Big models: above FAST_ABOVE nodes dot gets the fast settings; above
max_nodes the display says the model is too big instead of laying it out."""

import schedula_nb as sh
from schedula_nb.render import plot as plot_mod


def _chain(n):
    dsp = sh.Dispatcher(name="chain")
    for i in range(n):
        dsp.add_function(f"f{i}", abs, [f"d{i}"], [f"d{i + 1}"])
    return dsp


def test_big_models_get_the_fast_layout():
    small, big = _chain(10).plot().source, _chain(150).plot().source
    assert "nslimit" not in small and "nslimit=1" in big and "splines=line" in big
    custom = _chain(150).plot(graph_attr={"splines": "ortho"}).source
    assert "splines=ortho" in custom


def test_over_max_nodes_the_display_explains(monkeypatch):
    dsp = _chain(30)  # 61 nodes
    bundle = dsp.plot(max_nodes=50)._repr_mimebundle_()
    assert "has 61 nodes, more than max_nodes=50" in bundle["text/plain"]
    monkeypatch.setattr(plot_mod, "MAX_NODES", 50)
    bundle = dsp._repr_mimebundle_()
    assert "image/svg+xml" not in bundle
    assert "more than max_nodes=50" in bundle["text/html"]
    assert "30 functions" in bundle["text/html"]


def test_max_nodes_none_lifts_the_guard():
    assert "n60" in _chain(30).plot(max_nodes=None).source
