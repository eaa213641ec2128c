"""The explorer's notebook output carries the widget and a static SVG of the same
view, so a saved notebook still shows the graph where no widget runs."""

import shutil

import pytest

import schedula_nb as sh


@pytest.fixture(autouse=True)
def _needs_dot():
    if shutil.which("dot") is None:
        pytest.skip("graphviz's dot is not installed")


def test_bundle_has_widget_and_svg(fragile):
    ex = sh.explore(fragile({"x": 0}))
    bundle = ex._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == ex.model_id
    svg = bundle["image/svg+xml"]
    assert svg.lstrip().startswith("<?xml") or "<svg" in svg
    assert "sh&#45;function sh&#45;failed" in svg  # the same statuses, drawn
    assert "sh-drawing" in bundle["text/html"]


def test_bundle_follows_the_current_level(nested):
    from .models import nested_inputs

    ex = nested(nested_inputs(4)).explore().enter("middle")
    svg = ex._repr_mimebundle_()["image/svg+xml"]
    assert ">plus<" in svg and ">params<" not in svg


def test_display_hook_shows_it(fragile):
    from IPython.core.formatters import DisplayFormatter

    data, _ = DisplayFormatter().format(sh.explore(fragile))
    assert (
        "image/svg+xml" in data and "application/vnd.jupyter.widget-view+json" in data
    )
