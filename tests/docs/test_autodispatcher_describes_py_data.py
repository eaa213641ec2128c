"""``.. autodispatcher::``: the directive inside a ``py:data`` description,
an index entry and a cross-reference target."""

from .conftest import tables


def test_autodispatcher_is_a_py_data_target(build):
    src = """
.. autodispatcher:: tiny_models.flat
   :func:

See :py:data:`tiny_models.flat`.
"""
    out = build(src)
    assert out.warnings == ""
    html = out.page()
    assert '<dl class="py data">' in html and 'id="tiny_models.flat"' in html
    assert 'href="#tiny_models.flat"' in html  # the reference resolved
    assert tables(html, "functions")[0][1][0] == "neg"
    assert "tiny_models.flat" in out.page("genindex")


def test_no_index_skips_the_target(build):
    out = build(".. autodispatcher:: tiny_models.flat\n   :no-index:\n   :data:\n")
    assert out.warnings == ""
    html = out.page()
    assert 'id="tiny_models.flat"' not in html and tables(html, "data")
