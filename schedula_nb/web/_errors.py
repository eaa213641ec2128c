"""Errors the service answers with, and their JSON form.

The tree::

    Exception
    +-- WebError             answered as {"error": {...}} with its ``status``
        +-- BadRequest       400: malformed JSON, wrong types, unknown ids
        +-- Unprocessable    422: the model could not compute what was asked
        +-- Unencodable      500: a value JSON cannot carry (see ``_codec``)
        +-- DrawingError     501/503: no drawing (render or graphviz missing)

HTTP errors raised by Flask/werkzeug (404, 405, 413) get the same JSON shape
in ``_app``; anything else is a 500 whose body carries a traceback only when
the service runs with ``debug=True``.

>>> e = BadRequest('unknown_inputs', 'no such inputs: x', unknown=['x'])
>>> e.status, e.payload()
(400, {'error': {'status': 400, 'type': 'unknown_inputs', 'message': 'no such inputs: x', 'unknown': ['x']}})
"""

from __future__ import annotations

from typing import Any

from ._limits import MAX_LISTED

__all__ = [
    "WebError",
    "BadRequest",
    "Unprocessable",
    "Unencodable",
    "DrawingError",
    "error_payload",
    "listed",
]


def error_payload(status: int, type_: str, message: str, **details: Any) -> dict:
    """The JSON body of every error answer.

    >>> error_payload(404, 'not_found', 'no route /x')
    {'error': {'status': 404, 'type': 'not_found', 'message': 'no route /x'}}
    """
    return {"error": {"status": status, "type": type_, "message": message, **details}}


def listed(items: Any, limit: int = MAX_LISTED) -> str:
    """A short, readable list for a message: at most ``limit`` items.

    >>> listed(['a', 'b']), listed(range(30), limit=2)
    ("'a', 'b'", '0, 1 (and 28 more)')
    """
    items = list(items)
    text = ", ".join(map(repr, items[:limit]))
    if len(items) > limit:
        text += f" (and {len(items) - limit} more)"
    return text


class WebError(Exception):
    """An error answered as JSON; ``type`` is a stable machine-readable name."""

    status = 500

    def __init__(self, type_: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.type = type_
        self.message = message
        self.details = details

    def payload(self) -> dict:
        """The JSON body answered for this error."""
        return error_payload(self.status, self.type, self.message, **self.details)


class BadRequest(WebError):
    """400: the request itself is wrong (the client can fix it)."""

    status = 400


class Unprocessable(WebError):
    """422: a well-formed request the model could not compute."""

    status = 422


class Unencodable(WebError):
    """500: a computed value JSON cannot carry (the model's author can fix it,
    with ``dsp.web(encoder=...)``); the client cannot."""

    status = 500


class DrawingError(WebError):
    """No drawing: 501 when the model cannot draw, 503 when graphviz is missing."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__("drawing_unavailable", message)
        self.status = status
