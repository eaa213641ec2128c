"""Display never raises: without dot (or without graphviz) a model and a
solution still show their HTML and text, with one line saying why."""

import html
import sys

import pytest

import schedula_nb as sh
from schedula_nb.render import DrawingUnavailable


def _model():
    dsp = sh.Dispatcher(name="nodot")
    dsp.add_function("f", abs, ["a"], ["b"])
    return dsp


@pytest.fixture
def no_dot(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no dot on PATH


@pytest.mark.usefixtures("no_dot")
def test_model_and_solution_show_html_and_text_with_the_reason():
    dsp = _model()
    for obj in (dsp, dsp({"a": -1})):
        bundle = obj._repr_mimebundle_()
        assert set(bundle) == {"text/html", "text/plain"}
        page = html.unescape(bundle["text/html"])
        assert "No drawing: the graphviz program 'dot' is not on PATH" in page
        assert "brew install graphviz" in bundle["text/plain"].splitlines()[-1]
    assert "1 data" not in bundle["text/html"] and "2 values" in bundle["text/html"]


@pytest.mark.usefixtures("no_dot")
def test_plot_displays_the_reason_and_pipe_raises_it():
    plot = _model().plot()
    bundle = plot._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    assert "not on PATH" in bundle["text/plain"]
    assert plot._repr_svg_() is None
    with pytest.raises(DrawingUnavailable, match="not on PATH"):
        plot.pipe()


def test_without_the_graphviz_package_the_hint_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "graphviz", None)  # import graphviz fails
    bundle = _model()._repr_mimebundle_()
    assert "pip install &#x27;schedula_nb[plot]&#x27;" in bundle["text/html"]
    with pytest.raises(ImportError, match=r"schedula_nb\[plot\]"):
        _model().plot().pipe()


def test_a_solution_without_a_model_still_displays():
    bundle = sh.Solution()._repr_mimebundle_()
    assert "no model to draw" in bundle["text/plain"]


def test_dot_timing_out_is_a_reason_not_a_hang():
    plot = _model().plot(timeout=1e-9)
    assert "took more than" in plot._repr_mimebundle_()["text/plain"]
