"""``render(directory, format)`` writes SVG, PNG or PDF pages, one per
(sub-)model, linked, and an index page."""

import pytest

import schedula_nb as sh

pytestmark = pytest.mark.usefixtures("needs_dot")

MAGIC = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF"}


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_render_writes_the_format_and_an_index(tutorial, tmp_path, fmt):
    path = tutorial["sol"].plot(index=True).render(tmp_path / "out", format=fmt)
    assert path == tmp_path / "out" / f"symmetric_cryptography.{fmt}"
    assert path.read_bytes().startswith(MAGIC[fmt])
    index = (tmp_path / "out" / "index.html").read_text()
    assert f'href="symmetric_cryptography.{fmt}"' in index


def _nested():
    inner = sh.Dispatcher(name="inner")
    inner.add_function("g", abs, ["x"], ["y"])
    dsp = sh.Dispatcher(name="outer")
    dsp.add_function("f", abs, ["a"], ["b"])
    dsp.dmap.add_node("sub", type="dispatcher", function=inner, inputs={}, outputs={})
    dsp.dmap.add_node("self", type="dispatcher", function=dsp, inputs={}, outputs={})
    return dsp


def test_a_folder_of_linked_pages_one_per_sub_model(tmp_path, parse_svg):
    path = _nested().plot().render(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "index.html",
        "outer.sub.svg",
        "outer.svg",
    ]
    nodes = parse_svg(path.read_text())
    assert nodes["sub"]["href"] == "outer.sub.svg"
    assert nodes["self"]["href"] is None  # a model inside itself: no new page
    index = (tmp_path / "index.html").read_text()
    assert "<svg" in index and "outer / sub" in index
    assert "g" in parse_svg((tmp_path / "outer.sub.svg").read_text())


def test_depth_zero_draws_no_sub_model_page(tmp_path):
    _nested().plot(depth=0).render(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html", "outer.svg"]


def test_render_rejects_unknown_formats(tmp_path):
    with pytest.raises(ValueError, match="format must be one of"):
        _nested().plot().render(tmp_path, format="gif")


def test_view_opens_the_index_page_in_a_browser(monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    path = _nested().plot().view(tmp_path)
    assert opened == [(tmp_path / "index.html").as_uri()] and path.exists()
    monkeypatch.setattr("tempfile.mkdtemp", lambda **kw: str(tmp_path / "v"))
    _nested().plot(view=True)
    assert opened[-1] == (tmp_path / "v" / "index.html").as_uri()
