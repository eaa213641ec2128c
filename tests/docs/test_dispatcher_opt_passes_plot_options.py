"""``:opt:``: keyword arguments of ``plot()``, parsed as literals."""

import re

from .conftest import tables


def svg_size(html: str) -> tuple[float, float]:
    svg = html[html.index("<svg") :]
    w, h = re.search(r'viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) ([0-9.]+)"', svg).groups()
    return float(w), float(h)


def test_graph_attr_reaches_the_drawing(build, needs_dot):
    wide = svg_size(build(".. dispatcher:: tiny_models.flat\n").page())
    tall = svg_size(
        build(
            ".. dispatcher:: tiny_models.flat\n   :opt: graph_attr={'rankdir': 'TB'}\n"
        ).page()
    )
    assert wide[0] > wide[1] and tall[1] > tall[0]


def test_index_numbers_nodes_of_the_last_solution(build, needs_dot):
    src = """
.. dispatcher:: m
   :opt: workflow=True, index=True

   import schedula_nb as sh
   m = sh.Dispatcher(name='m')
   m.add_function('neg', lambda v: -v, ['v'], ['w'])
   m({'v': 1})
"""
    html = build(src).page()
    assert "(1) v" in html and "(2) neg" in html


def test_depth_zero_leaves_out_sub_model_sections(build):
    out = build(".. dispatcher:: tiny_models.dsp\n   :opt: depth=0\n")
    html = out.page()
    assert out.warnings == ""
    assert 'class="sh-dispatcher sh-sub-model' not in html
    assert "xlink:href=" not in html
    assert tables(html, "sub-models")[0][1][0] == "twice"  # listed, not expanded


def test_code_in_opt_is_refused_with_a_warning(build, needs_dot):
    out = build(".. dispatcher:: tiny_models.flat\n   :opt: depth=__import__('os')\n")
    assert ":opt: depth= must be a Python literal" in out.warnings
    assert "<svg" in out.page()  # drawn with the default options


def test_unknown_plot_option_is_a_warning_and_tables_remain(build):
    out = build(".. dispatcher:: tiny_models.flat\n   :opt: colour='red'\n")
    assert "'flat' not drawn" in out.warnings and "colour" in out.warnings
    html = out.page()
    assert "<svg" not in html and tables(html, "functions")


def test_non_integer_depth_is_a_warning(build):
    out = build(".. dispatcher:: tiny_models.dsp\n   :opt: depth='x'\n")
    assert ":opt: depth= must be an integer, not 'x'" in out.warnings
    assert 'class="sh-dispatcher sh-sub-model' in out.page()  # default depth
