"""What the directive documents: a model, the model a ``Blueprint`` builds, the
model inside a wrapper; names relative to the page's ``currentmodule``."""

from .conftest import tables


def test_blueprint_is_registered_and_documented(build):
    src = """
.. dispatcher:: blue
   :func:

   import schedula_nb as sh
   blue = sh.BlueDispatcher(name='blue')
   blue.add_function('inc', lambda x: x + 1, ['x'], ['y'])
"""
    out = build(src)
    assert out.warnings == ""
    assert tables(out.page(), "functions")[0][1][:4] == ["inc", "", "x", "y"]


def test_wrapper_documents_its_model(build):
    src = """
.. dispatcher:: f
   :data:

   import schedula_nb as sh
   m = sh.Dispatcher(name='m')
   m.add_function('add', lambda a, b: a + b, ['a', 'b'], ['c'])
   f = sh.SubDispatchFunction(m, 'f', ['a', 'b'], ['c'])
"""
    out = build(src)
    assert out.warnings == ""
    assert sorted(r[0] for r in tables(out.page(), "data")[0][1:]) == ["a", "b", "c"]


def test_name_relative_to_currentmodule(build):
    out = build(".. currentmodule:: tiny_models\n\n.. dispatcher:: flat\n   :func:\n")
    assert out.warnings == ""
    assert tables(out.page(), "functions")[0][1][0] == "neg"
