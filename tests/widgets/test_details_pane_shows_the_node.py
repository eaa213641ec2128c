"""Clicking (selecting) a node fills the details pane: id, kind, description or
docstring, signature, inputs and outputs, value (a DataFrame as a table, long
values shortened), distance, and for a failed node the exception and traceback."""

import pandas as pd

import schedula_nb as sh


def test_function_details(fragile):
    ex = sh.explore(fragile({"x": 0}))
    ex.select("invert")
    page = ex.ui.details.value
    assert "invert" in page and "(function, failed)" in page
    assert "One over x." in page  # the docstring
    assert "invert(x: float) -&gt; float" in page  # the signature
    assert "ZeroDivisionError" in page and "Traceback (most recent call last)" in page
    assert "<code>x</code>" in page and "<code>y</code>" in page


def test_data_details_value_and_distance(fragile):
    ex = sh.explore(fragile({"x": 4}))
    ex.select("y")
    page = ex.ui.details.value
    assert "(data, computed)" in page and "0.25" in page
    assert "distance" in page
    ex.select("x")
    assert "the number" in ex.ui.details.value  # the data node's description


def test_long_value_is_shortened_and_escaped():
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda a: "<b>" + "x" * 10_000, ["a"], ["b"])
    ex = sh.explore(dsp({"a": 1}))
    page = ex.select("b").ui.details.value
    assert "x" * 300 in page and "x" * 1000 not in page
    assert "<b>x" not in page and "&lt;b&gt;" in page


def test_dataframe_value_is_a_table():
    dsp = sh.Dispatcher()
    dsp.add_function("frame", lambda n: pd.DataFrame({"v": range(n)}), ["n"], ["df"])
    ex = sh.explore(dsp({"n": 100}))
    page = ex.select("df").ui.details.value
    assert "<table" in page and "shape (100, 1)" in page
    assert page.count("<tr>") < 30  # the first rows only


def test_selection_is_observable_and_checked(fragile):
    ex = sh.explore(fragile)
    seen = []
    ex.observe(lambda change: seen.append(change["new"]), "selected")
    ex.select("root")
    assert seen == ["root"] and ex.selected == "root"
    assert "sh-selected" in ex.classes()["root"]
    try:
        ex.select("nope")
    except KeyError as err:
        assert "nope" in str(err)
    else:
        raise AssertionError("an unknown node must raise")
    ex.select(None)
    assert "Click a node" in ex.ui.details.value


def test_click_in_the_browser_passes_through(fragile):
    ex = sh.explore(fragile({"x": 1}))
    eid = ex.view.ids["double"]
    ex.graph.widget._handle_interaction(
        None, {"widget": "node", "event": "click", "data": {"data": {"id": eid}}}, []
    )
    assert ex.selected == "double" and "double" in ex.ui.details.value
    ex.graph.widget._handle_interaction(
        None,
        {"widget": "node", "event": "mouseover", "data": {"data": {"id": eid}}},
        [],
    )
    assert "double" in ex.ui.hover.value


def test_sub_model_details_use_its_description():
    inner = sh.Dispatcher(name="inner", description="Halves things.")
    inner.add_function("halve", lambda a: a / 2, ["a"], ["h"])
    top = sh.Dispatcher(name="top")
    top.add_dispatcher(inner, inputs={"x": "a"}, outputs={"h": "y"}, dsp_id="sub")
    page = sh.explore(top({"x": 2})).select("sub").ui.details.value
    assert "Halves things." in page and "(dispatcher, " in page
    assert "Dispatcher(" not in page  # not the class's own docstring


def test_start_and_sink_have_details():
    dsp = sh.Dispatcher()
    dsp.add_function("show", lambda a: None, ["a"])  # no outputs: to SINK
    ex = sh.explore(dsp({"a": 1}))
    assert "(start, input)" in ex.select(sh.START).ui.details.value
    page = ex.select(sh.SINK).ui.details.value
    assert "(sink, " in page and "<code>show</code>" in page
