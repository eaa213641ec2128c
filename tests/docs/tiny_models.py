"""Models the directive documents in the tiny Sphinx projects of these tests."""

import schedula_nb as sh

inner = sh.Dispatcher(name="inner", description="Doubles its input.")
inner.add_function("double", lambda x: 2 * x, ["x"], ["y"])


def add(a, b):
    """Add a and b.

    A second paragraph the table leaves out."""
    return a + b


def positive(a, b):
    return a > 0


dsp = sh.Dispatcher(name="tiny", description="A tiny model to document.")
dsp.add_data("a", default_value=1, description="the first input")
dsp.add_function("add", add, ["a", "b"], ["c"], input_domain=positive)
dsp.add_dispatcher(inner, inputs={"c": "x"}, outputs={"y": "d"}, dsp_id="twice")

flat = sh.Dispatcher(name="flat")
flat.add_function("neg", lambda v: -v, ["v"], ["w"])

not_a_model = {"a": 1}
