"""No ``dot`` program: a warning saying so, and the tables without the drawing."""

from .conftest import tables


def test_no_dot_gives_tables_and_one_warning(build, monkeypatch, tmp_path):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # shutil.which('dot') finds nothing
    out = build(".. dispatcher:: tiny_models.dsp\n")
    assert out.warnings.count("WARNING") == 1  # not one per sub-model
    assert "'tiny' not drawn" in out.warnings and "'dot' is not on PATH" in out.warnings
    html = out.page()
    assert "<svg" not in html
    assert len(tables(html, "data")) == 2 and len(tables(html, "functions")) == 2
    assert tables(html, "sub-models")
