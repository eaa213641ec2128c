"""``.. dispatcher:: name``: the drawing and the tables of data nodes,
function nodes and sub-models."""

import re

from .conftest import tables


def test_default_shows_description_drawing_and_every_table(build, needs_dot):
    out = build("Tiny\n====\n\n.. dispatcher:: tiny_models.dsp\n")
    html = out.page()
    assert out.warnings == ""
    assert "A tiny model to document." in html
    drawing = html[html.index('class="sh-dispatcher-drawing"') :]
    assert drawing.index("<svg") < drawing.index("</svg>") < drawing.index("</div>")

    data, inner_data = tables(html, "data")
    assert data[0] == ["id", "description", "default"]
    assert data[1:] == [
        ["a", "the first input", "1"],
        ["b", "", ""],
        ["c", "", ""],
        ["d", "", ""],
    ]
    assert inner_data[1:] == [["x", "", ""], ["y", "", ""]]
    # the sub-model's own data table comes after the parent's
    [functions, inner_functions] = tables(html, "functions")
    assert functions[0] == ["id", "description", "inputs", "outputs", "domain"]
    assert functions[1:] == [["add", "Add a and b.", "a, b", "c", "positive"]]
    assert inner_functions[1:] == [["double", "", "x", "y", ""]]
    [subs] = tables(html, "sub-models")
    assert subs[1:] == [["twice", "Doubles its input.", "c → x", "d → y", ""]]


def test_ids_in_function_rows_link_to_their_data_rows(build):
    html = build(".. dispatcher:: tiny_models.dsp\n").page()
    anchor = "dispatcher-tiny-models-dsp-data-"
    for node in "abcd":
        assert re.search(f'<tr [^>]*id="{anchor}{node}"', html)
    assert f'href="#{anchor}a"' in html and f'href="#{anchor}c"' in html


def test_two_directives_on_a_page_get_distinct_ids(build, needs_dot):
    html = build(
        ".. dispatcher:: tiny_models.flat\n\n.. dispatcher:: tiny_models.flat\n"
    ).page()
    assert 'id="dispatcher-tiny-models-flat"' in html
    assert 'id="dispatcher-tiny-models-flat-2"' in html
    assert 'id="dispatcher-tiny-models-flat-graph0"' in html  # SVG ids prefixed too
    assert 'id="dispatcher-tiny-models-flat-2-graph0"' in html
