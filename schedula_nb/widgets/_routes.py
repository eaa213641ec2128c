"""Edges along the routes ``dot`` computed, not straight across the graph.

A straight edge between two placed nodes runs under the nodes in between,
where it reads as a connection that does not exist (the static drawing, with
dot's curves, routes it around them). Dot's ``-Tplain`` output has every
edge's spline (cubic Bezier control points); here each spline is sampled into
points on the curve, and each point is given to cytoscape as a *segment*
point: its position along the line between the two node centres (a weight)
and its distance off that line (``curve-style: segments``, ``edge-distances:
node-position``). The result is one stylesheet rule per bent edge, which
both graph widgets take as they take the rest of the stylesheet.

Coordinates are cytoscape's (pixels, ``y`` down), as ``_layout.parse_plain``
gives the node positions.

>>> plain = '''graph 1 3 1
... node a 0.5 0.5 0.75 0.5 a solid ellipse black lightgrey
... node b 2.5 0.5 0.75 0.5 b solid ellipse black lightgrey
... edge a b 4 0.9 0.5 1.3 1.5 1.7 1.5 2.1 0.5 solid black
... stop'''
>>> routes = parse_routes(plain)
>>> [(round(x), round(y)) for x, y in routes[('a', 'b')]]
[(86, -4), (108, -18), (130, -4)]
>>> [rule] = route_styles(routes, {'a': {'x': 36, 'y': 36}, 'b': {'x': 180, 'y': 36}})
>>> rule['selector'], rule['style']['segment-weights']
('edge[id = "a-b"]', '0.35 0.5 0.65')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ._layout import SCALE

__all__ = ["parse_routes", "route_styles", "STRAIGHT"]

#: an edge whose route stays within this many pixels of the straight line
#: between its nodes is left straight (no rule)
STRAIGHT = 3.0
_SAMPLES = (0.25, 0.5, 0.75)  # points taken on each Bezier piece


def _on_curve(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Points on a piecewise cubic Bezier (control points ``points``): a few
    inside each piece, and the joints between pieces."""
    out = []
    for k in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[k : k + 4]
        if k:
            out.append(p0)
        for t in _SAMPLES:
            s = 1 - t
            out.append(
                tuple(
                    s**3 * a + 3 * s * s * t * b + 3 * s * t * t * c + t**3 * d
                    for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
                )
            )
    return out


def parse_routes(text: str) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """``(tail, head)`` -> points along dot's route of that edge, from
    ``-Tplain`` output (pixels, ``y`` down)."""
    out: dict[tuple[str, str], list[tuple[float, float]]] = {}
    height = 0.0
    for line in text.splitlines():
        if line.startswith("graph "):
            height = float(line.split()[3])
        elif line.startswith("edge "):
            parts = line.split()
            n = int(parts[3])
            points = [
                (float(parts[4 + 2 * i]), float(parts[5 + 2 * i])) for i in range(n)
            ]
            out[(parts[1].strip('"'), parts[2].strip('"'))] = [
                (x * 72 * SCALE, (height - y) * 72 * SCALE)
                for x, y in _on_curve(points)
            ]
    return out


def route_styles(
    routes: Mapping[tuple[str, str], list[tuple[float, float]]],
    positions: Mapping[str, Mapping[str, float]],
    edges: Iterable[tuple[str, str]] | None = None,
) -> list[dict[str, Any]]:
    """Stylesheet rules that bend each edge of ``routes`` along its points,
    relative to the node ``positions`` (only the ``edges`` given, when
    given: an edge dot drew between other ends is left straight)."""
    keep = None if edges is None else set(edges)
    rules = []
    for (u, v), points in routes.items():
        if (keep is not None and (u, v) not in keep) or u == v:
            continue
        if u not in positions or v not in positions or not points:
            continue
        sx, sy = positions[u]["x"], positions[u]["y"]
        dx, dy = positions[v]["x"] - sx, positions[v]["y"] - sy
        length2 = dx * dx + dy * dy
        if length2 == 0:
            continue
        length = length2**0.5
        weights, distances = [], []
        for px, py in points:
            weights.append((px - sx) * dx / length2 + (py - sy) * dy / length2)
            distances.append(((py - sy) * dx - (px - sx) * dy) / length)
        if max(abs(d) for d in distances) < STRAIGHT:
            continue
        rules.append(
            {
                "selector": f'edge[id = "{u}-{v}"]',
                "style": {
                    "curve-style": "segments",
                    "edge-distances": "node-position",
                    "segment-weights": " ".join(f"{w:.3g}" for w in weights),
                    "segment-distances": " ".join(f"{d:.1f}" for d in distances),
                },
            }
        )
    return rules
