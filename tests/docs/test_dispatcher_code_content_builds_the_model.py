"""Content: the directive runs it (doctest or plain code) and documents the
object it names; ``:code:`` shows it."""

from .conftest import tables


def test_doctest_content_is_run_and_shown(build):
    src = """
.. dispatcher:: demo
   :code:
   :func:

   >>> import schedula_nb as sh
   >>> demo = sh.Dispatcher(name='demo')
   >>> demo.add_function('double', lambda a: 2 * a, ['a'], ['b'])
   'double'
"""
    out = build(src)
    html = out.page()
    assert out.warnings == ""
    assert [row[0] for row in tables(html, "functions")[0][1:]] == ["double"]
    code = html[html.index("sh-dispatcher-code") :]
    assert "highlight-pycon" in html[: html.index("sh-dispatcher-code") + 80]
    assert "add_function" in code


def test_plain_code_content_and_a_dotted_name(build):
    src = """
.. dispatcher:: box.model
   :data:

   import types
   import schedula_nb as sh
   box = types.SimpleNamespace(model=sh.Dispatcher(name='m'))
   box.model.add_data('speed', default_value=3)
"""
    out = build(src)
    assert out.warnings == ""
    assert tables(out.page(), "data")[0][1:] == [["speed", "", "3"]]


def test_failing_content_is_a_warning(build):
    out = build(".. dispatcher:: demo\n\n   demo = 1 / 0\n\nAfter.\n")
    assert "cannot find 'demo': ZeroDivisionError" in out.warnings
    assert "After." in out.page()
