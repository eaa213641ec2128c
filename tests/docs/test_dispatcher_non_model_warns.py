"""An object that is not a model, or a name that does not import: a Sphinx
warning, and the build goes on."""


def test_not_a_model_is_a_warning_and_the_page_goes_on(build):
    src = """
.. dispatcher:: tiny_models.not_a_model

Between.

.. dispatcher:: tiny_models.flat
   :func:
"""
    out = build(src)
    assert "'tiny_models.not_a_model': dict is not a model" in out.warnings
    assert "[dispatcher.not-a-model]" in out.warnings
    html = out.page()
    assert "Between." in html and "sh-functions" in html


def test_missing_name_is_a_warning(build):
    out = build(".. dispatcher:: tiny_models.nowhere\n\nAfter.\n")
    assert "cannot find 'tiny_models.nowhere'" in out.warnings
    assert "no attribute 'nowhere'" in out.warnings
    assert "After." in out.page()


def test_missing_module_is_a_warning(build):
    out = build(".. dispatcher:: no_such_module_here.dsp\n\nAfter.\n")
    assert "cannot find 'no_such_module_here.dsp'" in out.warnings
    assert "After." in out.page()


def test_warnings_can_be_silenced_by_type(build):
    out = build(
        ".. dispatcher:: tiny_models.not_a_model\n", suppress_warnings=["dispatcher"]
    )
    assert out.warnings == ""


def test_a_model_that_breaks_the_tables_is_a_warning(build):
    src = """
.. dispatcher:: odd

   import schedula_nb as sh
   odd = sh.Dispatcher(name='odd')
   odd.add_data('a')
   odd.default_values = None  # not a dict: the data table cannot be read

After.
"""
    out = build(src)
    assert "'odd': cannot document it" in out.warnings
    assert "After." in out.page()
