"""A link from one notebook to another (``[x](other.ipynb)``) resolves when
the notebooks reach the site through a symlinked folder, as ``docs/notebooks``
does (docs/_ext/symlinked_sources.py)."""

from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

EXT = Path(__file__).resolve().parents[2] / "docs" / "_ext"


def test_relative_link_through_a_symlink_resolves(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(EXT))
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.md").write_text("# A\n\nSee [b](b.md) and [b's part](b.md#part).\n")
    (real / "b.md").write_text("# B\n\n## Part\n")
    src = tmp_path / "src"
    src.mkdir()
    (src / "nbs").symlink_to(real, target_is_directory=True)
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "symlinked_sources"]\nmyst_heading_anchors = 2\n'
    )
    (src / "index.md").write_text("# Index\n\n```{toctree}\n:glob:\n\nnbs/*\n```\n")
    warnings = StringIO()
    app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings.getvalue() == ""
    html = (Path(app.outdir) / "nbs" / "a.html").read_text()
    assert 'href="b.html"' in html and 'href="b.html#part"' in html
