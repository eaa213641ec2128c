"""Sub-models: a section each, linked from the sub-models table and from the
sub-model's node in the drawing."""

import re

from .conftest import section, tables

TWICE = "dispatcher-tiny-models-dsp-twice"


def test_table_and_drawing_link_to_the_sub_model_section(build, needs_dot):
    html = build(".. dispatcher:: tiny_models.dsp\n").page()
    sub = section(html, TWICE)
    assert sub.startswith(f'id="{TWICE}"')
    assert "Sub-model twice (inner)" in sub
    assert f'href="#{TWICE}"' in html  # the table's link
    top_svg = html[html.index("<svg") : html.index("</svg>")]
    assert f'xlink:href="#{TWICE}"' in top_svg  # the drawing's link
    # the section has its own drawing and tables, ids under its anchor
    assert "<svg" in sub and f'id="{TWICE}-graph0"' in sub
    assert re.search(f'<tr [^>]*id="{TWICE}-data-x"', sub)
    assert tables(sub, "functions")[0][1][0] == "double"


def test_a_model_inside_itself_gets_one_section(build):
    src = """
.. dispatcher:: loop

   >>> import schedula_nb as sh
   >>> loop = sh.Dispatcher(name='loop')
   >>> loop.add_function('f', abs, ['a'], ['b'])
   'f'
   >>> inner = sh.Dispatcher(name='inner')
   >>> inner.add_function('g', abs, ['x'], ['y'])
   'g'
   >>> _ = inner.add_dispatcher(loop, inputs={'y': 'a'}, outputs={'b': 'z'}, dsp_id='back')
   >>> _ = loop.add_dispatcher(inner, inputs={'b': 'x'}, outputs={'y': 'c'}, dsp_id='in')
"""
    out = build(src)
    html = out.page()
    assert out.warnings == ""
    assert "Sub-model in (inner)" in html
    assert "Sub-model back" not in html  # back to the outer model: no new section
    assert html.count('class="sh-dispatcher sh-sub-model') == 1
