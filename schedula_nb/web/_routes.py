"""The route tree: one URL per model, sub-model and function node.

A model's route is ``/<model>``; its function nodes and sub-models hang under
it (``/<model>/<function>``, ``/<model>/<sub-model>/<function>`` ...), down to
``depth`` levels of sub-models (``-1``: all). Each path segment is a *slug* of
the node id: ASCII letters, digits, ``_`` and ``-`` only, so it is URL-safe
and never contains ``.`` (``<model>.svg`` is the drawing's route, and cannot
collide with a node). Siblings whose slugs collide are told apart by insertion
order: the first keeps the slug, the next get ``-2``, ``-3`` ...

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='my model')
>>> dsp.add_function('f<0>', abs, ['a'], ['b'])
'f<0>'
>>> dsp.add_function('f 0', abs, ['b'], ['c'])
'f 0'
>>> [(r.path, r.kind, r.node_id) for r in build_routes(dsp)]
[('/my-model', 'model', None), ('/my-model/f-0', 'function', 'f<0>'), ('/my-model/f-0-2', 'function', 'f 0')]
"""

from __future__ import annotations

import re
import threading
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Route", "build_routes", "slug", "node_key", "node_keys"]

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def slug(node_id: Hashable, fallback: str = "node") -> str:
    """A URL-safe path segment for a node id (``fallback`` if nothing is left).

    >>> slug('read key'), slug(('a', 1)), slug('écrire'), slug('<>')
    ('read-key', 'a-1', 'crire', 'node')
    """
    text = _UNSAFE.sub("-", str(node_id)).strip("-")
    return text or fallback


def node_key(node_id: Hashable) -> str:
    """The JSON key of a node id: a ``str`` id as it is, any other as its repr.

    >>> node_key('a'), node_key(('a', 1)), node_key(3)
    ('a', "('a', 1)", '3')
    """
    return str(node_id) if isinstance(node_id, str) else repr(node_id)


def node_keys(nodes: Any) -> dict[str, Hashable]:
    """JSON key -> node id for ``nodes`` (ids in order); a key two ids share
    goes to the first, which is a ``str`` id whenever one is involved.

    >>> node_keys(['1', 1, 'b'])
    {'1': '1', 'b': 'b'}
    """
    keys: dict[str, Hashable] = {}
    for node_id in sorted(nodes, key=lambda n: not isinstance(n, str)):
        keys.setdefault(node_key(node_id), node_id)
    return keys


@dataclass(eq=False)
class Route:
    """One URL of the service.

    ``kind`` is ``'model'`` (``dsp`` is the model to dispatch) or
    ``'function'`` (``dsp`` is the model holding function node ``node_id``).
    ``children`` are the routes just under a model's route.
    """

    path: str
    kind: str
    dsp: Any
    node_id: Hashable = None
    children: list[Route] = field(default_factory=list)
    #: shared by all the routes of one service: its dispatches run one at a
    #: time, as the core's plan caches are not thread-safe and a sub-model is
    #: also dispatched by its parent (scale with processes, see the README)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    #: a function route's one-node model (built on its first inputs-form call)
    sub: Any = field(default=None, repr=False)

    @property
    def attr(self) -> dict:
        """The node's attributes (a function route), or ``{}``."""
        return self.dsp.nodes[self.node_id] if self.kind == "function" else {}


def build_routes(dsp: Any, depth: int = -1, prefix: str = "") -> list[Route]:
    """The routes of ``dsp`` and of its nodes, model first, then in node order."""
    root = Route(f"{prefix}/{slug(dsp.name, 'model')}", "model", dsp)
    return _walk(root, depth)


def _walk(route: Route, depth: int) -> list[Route]:
    """``route`` and the routes under it; children share the route's lock."""
    dsp = route.dsp
    routes = [route]
    taken: set[str] = set()
    nodes = dsp.nodes
    for node_id in sorted(nodes, key=lambda n: nodes[n].get("index", ())):
        attr = nodes[node_id]
        kind = attr.get("type")
        if kind not in ("function", "dispatcher"):
            continue
        if kind == "dispatcher" and depth == 0:
            continue
        path = f"{route.path}/{_free(slug(node_id), taken)}"
        if kind == "function":
            child = Route(path, "function", dsp, node_id, lock=route.lock)
            routes.append(child)
        else:
            child = Route(path, "model", attr["function"], node_id, lock=route.lock)
            routes.extend(_walk(child, depth - 1))
        route.children.append(child)
    return routes


def _free(name: str, taken: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3`` ... whichever is not taken yet."""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}-{n}"
    taken.add(candidate)
    return candidate
