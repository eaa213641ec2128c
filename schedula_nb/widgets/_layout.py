"""Where the explorer's nodes go: graphviz's ``dot`` lays a level out once,
left to right, and the browser only places the nodes (cytoscape's ``preset``
layout).

Laying 1,000 nodes out with dagre in the browser took 2-2.5 s of a 5.7 s draw
(``benchmarks/results/explorer.md``). The notebook output already needs
``dot`` for its static drawing, so for a whole level one ``dot`` run gives
both: ``dot -Tsvg -Tplain -Tpng`` writes the SVG, the positions, then the PNG
(:func:`drawing_and_positions`). A level drawn in part or with sub-models open
is laid out from its own elements (:func:`element_positions`).

Positions are cytoscape's: pixels, ``y`` growing downwards.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_function('f', abs, ['a'], ['b'])
'f'
>>> pic, pos = drawing_and_positions(dsp)
>>> '<svg' in pic.svg, pos['n1']['x'] < pos['n0']['x'] < pos['n2']['x']  # a -> f -> b
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..render.dot import run_dot

__all__ = [
    "drawing_and_positions",
    "element_positions",
    "element_plain",
    "parse_plain",
    "static_bundle",
]

#: points (dot's unit, 1/72 inch) to cytoscape pixels
SCALE = 1.0
#: dot settings for elements laid out without the drawing (the drawing's own
#: settings apply to :func:`drawing_and_positions`)
#: node sizes are cytoscape's (``_cyto``: 24 px high, 8 px padding: 40 px,
#: 0.56 in; the label's width plus the padding), so nodes placed side by side
#: do not overlap once drawn (at dot's own small sizes open sub-models did)
_HEAD = (
    "digraph {\n rankdir=LR; nodesep=0.2; ranksep=0.45;\n"
    ' node [shape=box fontsize=11 fontname="Helvetica,Arial,sans-serif"'
    ' height=0.56 margin="0.14,0.02"];\n'
)
#: above this many nodes dot trades quality for time, as the drawings do
_FAST = " nslimit=1; mclimit=0.05; splines=line; searchsize=10;\n"


def parse_plain(text: str) -> dict[str, dict[str, float]]:
    """Node name -> ``{'x', 'y'}`` in pixels (``y`` down) from dot's ``-Tplain``.

    >>> parse_plain('graph 1 2 1\\nnode a 0.5 0.75 1 0.5 a box\\nstop\\n')
    {'a': {'x': 36.0, 'y': 18.0}}
    """
    out: dict[str, dict[str, float]] = {}
    height = 0.0
    for line in text.splitlines():
        if line.startswith("node "):
            # node names of the explorer are plain (n12, n3/n0): no quoting
            _, name, x, y, *_ = line.split(" ", 5)
            out[name.strip('"')] = {
                "x": round(float(x) * 72 * SCALE, 1),
                "y": round((height - float(y)) * 72 * SCALE, 1),
            }
        elif line.startswith("graph "):
            height = float(line.split()[3])
    return out


def drawing_and_positions(dsp: Any, solution: Any = None) -> tuple[Any, dict]:
    """The static drawing (a ``render.picture.Picture``: SVG and PNG) of
    ``dsp`` (coloured by ``solution``) and the positions of its nodes, from
    one ``dot`` run.

    The drawing names its nodes ``n0``, ``n1`` ... in the order of
    ``render.graph.drawn_nodes``, as the explorer's elements are named, so the
    positions are the elements'. Raises ``DrawingUnavailable`` (or
    ``ImportError`` without the graphviz package) when there is no drawing.
    """
    from ..render.picture import picture
    from ..render.plot import Plot

    pic = picture(Plot(dsp, solution), plain=True)
    return pic, parse_plain(pic.plain)


def element_positions(nodes: Iterable[Mapping], edges: Iterable[Mapping]) -> dict:
    """Positions of the explorer's elements laid out by ``dot`` from the
    elements themselves (a level drawn in part, or with sub-models open: their
    nodes in a cluster)."""
    return parse_plain(element_plain(nodes, edges))


def element_plain(nodes: Iterable[Mapping], edges: Iterable[Mapping]) -> str:
    """dot's ``-Tplain`` layout of the elements (nodes and edge routes)."""
    return run_dot(element_source(nodes, edges), "plain").decode()


def element_source(nodes: Iterable[Mapping], edges: Iterable[Mapping]) -> str:
    """The dot source of the elements (see :func:`element_positions`)."""
    nodes = list(nodes)
    parents = {el["parent"] for el in nodes if "parent" in el}
    inside: dict[str, str] = {}  # open sub-model -> one node inside it
    lines, clusters = [], {}
    for el in nodes:
        if el["id"] in parents:
            continue  # a compound node: cytoscape sizes it around its children
        label = str(el.get("label", el["id"])).replace("\\", "\\\\").replace('"', '\\"')
        line = f' "{el["id"]}" [label="{label}"];'
        if "parent" in el:
            clusters.setdefault(el["parent"], []).append(line)
            inside.setdefault(el["parent"], el["id"])
        else:
            lines.append(line)
    for i, members in enumerate(clusters.values()):
        # the margin: cytoscape's compound padding (12 px) and its label
        lines.append(
            f" subgraph cluster_{i} {{\n margin=24;\n" + "\n".join(members) + "\n }"
        )
    for el in edges:
        u, v = (
            inside.get(el["source"], el["source"]),
            inside.get(el["target"], el["target"]),
        )
        if u in parents or v in parents:
            continue  # an open sub-model without nodes
        lines.append(f' "{u}" -> "{v}";')
    fast = _FAST if len(nodes) > 200 else ""
    return _HEAD + fast + "\n".join(lines) + "\n}\n"


def static_bundle(obj: Any, pic: Any) -> dict[str, str]:
    """The display of a model or solution ``obj`` with a drawing already made
    (``pic``), as ``render.mimebundle`` gives it."""
    from ..render.display import bundle_of

    return bundle_of(obj, pic)
