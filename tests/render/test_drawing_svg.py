"""The tutorial's model draws itself as SVG: every node is there, with its shape."""

import pytest

import schedula_nb as sh
from schedula_nb.render import style

pytestmark = pytest.mark.usefixtures("needs_dot")


def test_model_svg_holds_every_node_id(tutorial, parse_svg):
    dsp = tutorial["dsp"]
    svg = dsp.plot().pipe("svg").decode()
    nodes = parse_svg(svg)
    assert set(nodes) == {str(n) for n in dsp.dmap.nodes}
    assert "sh-function" in nodes["read_key"]["classes"]
    assert "sh-data" in nodes["key"]["classes"]
    assert {"sh-start", "sh-model"} <= nodes["start"]["classes"]
    assert all(n["index"] is None for n in nodes.values())  # no index asked


def test_model_display_is_the_drawing_plus_summary(tutorial):
    bundle = tutorial["dsp"]._repr_mimebundle_()
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml")
    assert (
        'src="data:image/png;base64,' in bundle["text/html"]
        and "symmetric_cryptography" in bundle["text/html"]
    )
    assert bundle["text/plain"].startswith("<Dispatcher 'symmetric_cryptography'")


def test_kinds_have_their_shapes(parse_svg):
    dsp = sh.Dispatcher(name="shapes")
    dsp.add_function("f", abs, ["a"], ["b"])
    inner = sh.Dispatcher(name="inner")
    dsp.dmap.add_node("sub", type="dispatcher", function=inner, inputs={}, outputs={})
    nodes = parse_svg(dsp.plot().pipe("svg").decode())
    assert nodes["f"]["shapes"] == 1 and nodes["sub"]["shapes"] == 2  # double box
    assert nodes["a"]["fill"] == style.KIND_FILL["data"]
    assert "sh-dispatcher" in nodes["sub"]["classes"]


def test_awkward_node_ids_are_drawn_as_text(parse_svg):
    dsp = sh.Dispatcher(name="<odd>")
    dsp.add_function(function=lambda x: x, inputs=["a:b"], outputs=[("t", 1)])
    nodes = parse_svg(dsp.plot().pipe("svg").decode())
    assert set(nodes) == {"a:b", "<lambda>", "('t', 1)"}
