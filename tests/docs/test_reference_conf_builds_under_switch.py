"""A ``conf.py`` written for schedula (``extensions =
['schedula.ext.dispatcher']``) builds on schedula_nb: ``schedula.ext.dispatcher``
is the thin door :mod:`schedula_nb.ext.dispatcher` to this project's
extension."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap

from .conftest import tables

MODEL = textwrap.dedent(
    """
    import schedula as sh

    dsp = sh.Dispatcher(name="written for schedula")
    dsp.add_function("neg", lambda v: -v, ["v"], ["w"])
    """
)

CONF = textwrap.dedent(
    """
    import sys, os
    sys.path.insert(0, os.path.dirname(__file__))
    extensions = ["schedula.ext.dispatcher"]
    dispatchers_out_dir = "_build/_dispatchers"  # the reference's setting
    """
)

# the options as schedula's and formulas' docstrings write them
PAGE = textwrap.dedent(
    """
    .. dispatcher:: model.dsp
       :func:

    .. dispatcher:: built
       :opt: graph_attr={'ratio': '1'}, depth=-1, workflow=True
       :code:

       >>> import schedula as sh
       >>> built = sh.Dispatcher(name='in the page')
       >>> built.add_function('twice', lambda x: 2 * x, ['x'], ['y'])
       'twice'
    """
)


def test_a_reference_conf_builds_through_the_switch(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "conf.py").write_text(CONF)
    (src / "model.py").write_text(MODEL)
    (src / "index.rst").write_text(PAGE)
    done = subprocess.run(
        [sys.executable, "-m", "schedula_nb", "run", "-m", "sphinx"]
        + ["-b", "html", "-q", str(src), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", done.stderr)
    if shutil.which("dot") is None:  # the drawing's warning, nothing else
        warnings = "\n".join(w for w in warnings.splitlines() if "dot" not in w)
    assert "WARNING" not in warnings and "ERROR" not in warnings, warnings
    html = (out / "index.html").read_text(encoding="utf-8")
    assert tables(html, "functions")[0][1][0] == "neg"
    assert html.count("<svg") == (2 if shutil.which("dot") else 0)  # the drawings
    assert "in the page" in html and "twice" in html  # the code, shown


def test_the_door_loads_our_extension_once_beside_it(build):
    # Without the switch, by our name; listed beside schedula_nb.sphinx, the
    # directives are registered once (no "overriding" warning).
    extensions = ["schedula_nb.sphinx", "schedula_nb.ext.dispatcher"]
    out = build(".. dispatcher:: tiny_models.flat\n   :func:\n", extensions=extensions)
    assert out.warnings == ""
    assert tables(out.page(), "functions")[0][1][0] == "neg"
    loaded = out.app.extensions
    assert {"sphinx.ext.autodoc", "sphinx.ext.graphviz"} <= set(loaded)
    assert out.app.config.dispatchers_out_dir == "_build/_dispatchers"
