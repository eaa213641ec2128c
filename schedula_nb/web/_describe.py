"""What a GET answers: a model's or a function's description, and the index.

Ids are the JSON keys of :func:`._routes.node_key`; sentinel nodes (``start``,
``sink`` ...) are left out of the lists of inputs and outputs.
"""

from __future__ import annotations

from typing import Any

from ..core import Token
from ._routes import Route, node_key

__all__ = ["describe", "index"]


def describe(route: Route) -> dict:
    """The description of a model route or a function route.

    >>> import schedula_nb as sh
    >>> from schedula_nb.web._routes import build_routes
    >>> dsp = sh.Dispatcher(name='demo')
    >>> dsp.add_data('a', default_value=1)
    'a'
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> model, f = build_routes(dsp)
    >>> d = describe(model)
    >>> d['inputs'], d['defaults'], d['outputs'], d['functions'][0]['url']
    (['a', 'b'], ['a'], ['b'], '/demo/f')
    >>> describe(f)
    {'kind': 'function', 'id': 'f', 'url': '/demo/f', 'inputs': ['a'], 'outputs': ['b'], 'description': 'Return the absolute value of the argument.'}
    """
    if route.kind == "function":
        return _function(route)
    dsp = route.dsp
    nodes = dsp.nodes
    data = [k for k, a in nodes.items() if a["type"] == "data" and _shown(k)]
    produced = {
        v for k, a in nodes.items() if a["type"] != "data" for v in dsp.dmap.succ[k]
    }
    return {
        "kind": "model",
        "name": dsp.name,
        "url": route.path,
        "description": _first_line(getattr(dsp, "description", "")),
        "inputs": [node_key(k) for k in data],
        "defaults": [node_key(k) for k in data if k in dsp.default_values],
        "outputs": [node_key(k) for k in data if k in produced],
        "functions": [_function(r) for r in route.children if r.kind == "function"],
        "sub_models": [
            {"id": node_key(r.node_id), "url": r.path, "drawing": r.path + ".svg"}
            for r in route.children
            if r.kind == "model"
        ],
        "drawing": route.path + ".svg",
    }


def _function(route: Route) -> dict:
    attr = route.attr
    doc = attr.get("description") or getattr(attr["function"], "__doc__", "")
    return {
        "kind": "function",
        "id": node_key(route.node_id),
        "url": route.path,
        "inputs": [node_key(k) for k in attr["inputs"] if _shown(k)],
        "outputs": [node_key(k) for k in attr["outputs"] if _shown(k)],
        "description": _first_line(doc),
    }


def index(routes: list[Route]) -> dict:
    """``GET /``: the root model's description and every route of the service."""
    return {
        "service": "schedula_nb",
        "model": describe(routes[0]),
        "routes": [
            {
                "url": r.path,
                "kind": r.kind,
                **({} if r.node_id is None else {"id": node_key(r.node_id)}),
            }
            for r in routes
        ],
    }


def _shown(node_id: Any) -> bool:
    return not isinstance(node_id, Token)


def _first_line(text: Any) -> str:
    text = text if isinstance(text, str) else ""
    return text.strip().partition("\n")[0]
