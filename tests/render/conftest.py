"""Fixtures: the seed tutorial's model and solutions, built by running its text."""

import doctest
import shutil
from pathlib import Path

import pytest

TUTORIAL = Path(__file__).parent.parent / "data" / "seed_tutorial.txt"


@pytest.fixture
def needs_dot():
    """Skip where graphviz's ``dot`` program is not installed."""
    if shutil.which("dot") is None:
        pytest.skip("graphviz's dot is not installed")


@pytest.fixture
def tutorial(tmp_path, monkeypatch):
    """The tutorial's globals after running it (drawing calls left out):
    ``dsp``, ``sol`` (the first dispatch) and ``dsp.solution`` (the last)."""
    pytest.importorskip("cryptography")
    pytest.importorskip("graphviz")
    monkeypatch.setattr("tempfile.mkdtemp", lambda: str(tmp_path))
    examples = [
        e
        for e in doctest.DocTestParser().get_examples(TUTORIAL.read_text())
        if ".plot(" not in e.source
    ]
    test = doctest.DocTest(examples, {}, "seed_tutorial", str(TUTORIAL), 0, None)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, clear_globs=False)
    assert runner.summarize(verbose=False).failed == 0
    return test.globs


SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def svg_nodes(svg: str) -> dict:
    """Label (without its index) -> {'index', 'classes', 'fill', 'tooltip',
    'href'} of each node drawn in a graphviz SVG."""
    import re
    import xml.etree.ElementTree as ET

    nodes = {}
    for g in ET.fromstring(svg).iter(f"{SVG}g"):
        classes = set(g.get("class", "").split())
        if "node" not in classes:
            continue
        label = " ".join(t.text or "" for t in g.iter(f"{SVG}text"))
        m = re.fullmatch(r"\((\d+)\) (.*)", label)
        index, name = (int(m[1]), m[2]) if m else (None, label)
        shape = next(e for e in g.iter() if e.tag in (f"{SVG}ellipse", f"{SVG}polygon"))
        link = next(g.iter(f"{SVG}a"), None)
        nodes[name] = {
            "index": index,
            "classes": classes,
            "fill": shape.get("fill"),
            "tooltip": "" if link is None else link.get(f"{XLINK}title", ""),
            "href": None if link is None else link.get(f"{XLINK}href"),
            "shapes": sum(e.tag == f"{SVG}polygon" for e in g.iter()),
        }
    return nodes


@pytest.fixture
def parse_svg():
    """The :func:`svg_nodes` helper."""
    return svg_nodes
