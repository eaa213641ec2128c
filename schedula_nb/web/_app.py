"""``WebModel``: the Flask application of a model, and its development server.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_function('inc', lambda x: x + 1, ['a'], ['b'])
'inc'
>>> web = dsp.web(functions=['inc'])
>>> web
<WebModel 'demo': 2 routes>
>>> client = web.app().test_client()
>>> r = client.post('/demo', json={'inputs': {'a': 1}, 'outputs': ['c']})
>>> r.status_code, r.json['error']['type']
(400, 'unknown_outputs')
>>> r = client.get('/nowhere')
>>> r.status_code, r.json['error']['message']
(404, 'no route /nowhere: GET / lists them')
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from ..core import Solution, WebResponse
from ._calls import answer
from ._codec import decode_body, dumps
from ._describe import describe, index
from ._errors import DrawingError, WebError, error_payload
from ._limits import MAX_BODY_BYTES, MAX_JSON_DEPTH
from ._routes import Route, build_routes

__all__ = ["WebModel"]

INSTALL_HINT = "the web service needs Flask: pip install 'schedula_nb[web]'"
log = logging.getLogger("schedula_nb.web")


def _flask() -> Any:
    try:
        import flask
    except ImportError as err:
        raise ImportError(INSTALL_HINT) from err
    return flask


class WebModel:
    """A model (or the model of a solution) served as a JSON web API.

    Parameters
    ----------
    model
        A ``Dispatcher``, or a ``Solution`` (its model is served).
    depth
        Levels of sub-models that get routes (``-1``: all, ``0``: none).
    functions
        The function nodes that get a route of their own (``POST`` runs that
        node alone, its input domain and filters applied as in a dispatch):
        node ids of the model, or route paths (``'/model/sub/f'``) for nodes
        of sub-models. None by default: a client reaches only the model's
        dispatch, with the model's declared inputs.
    max_body_bytes
        Larger request bodies are answered 413 unread.
    max_depth
        Deeper JSON (in a request or an answer) is refused.
    encoder
        Called with any value the codec does not know (``_codec``); returns
        a JSON-able replacement or raises ``TypeError``.
    debug
        Add tracebacks to 500 answers and to failures; never on in production
        (it does not turn on Flask's interactive debugger).
    """

    def __init__(
        self,
        model: Any,
        depth: int = -1,
        *,
        functions: Iterable[Hashable] = (),
        max_body_bytes: int = MAX_BODY_BYTES,
        max_depth: int = MAX_JSON_DEPTH,
        encoder: Callable[[Any], Any] | None = None,
        debug: bool = False,
    ) -> None:
        self.dsp = model.dsp if isinstance(model, Solution) else model
        self.depth = depth
        if isinstance(functions, (str, bytes)) or not isinstance(functions, Iterable):
            raise TypeError(
                f"functions must be a list of function node ids, not {functions!r}"
            )
        self.functions = list(functions)
        self._check_functions()
        self.max_body_bytes = max_body_bytes
        self.max_depth = max_depth
        self.encoder = encoder
        self.debug = debug

    def __repr__(self) -> str:
        return f"<WebModel {self.dsp.name!r}: {len(self.routes)} routes>"

    @property
    def routes(self) -> list[Route]:
        """The model's routes as they would be built now (model first): the
        models and sub-models, and the function nodes allowed by
        ``functions``. A function's path is the same whichever are allowed."""
        routes = build_routes(self.dsp, self.depth)
        served = [r for r in routes if r.kind == "model" or self._allowed(r)]
        kept = set(map(id, served))
        for route in served:
            route.children = [c for c in route.children if id(c) in kept]
        return served

    def _allowed(self, route: Route) -> bool:
        """Whether the allow-list names this function route."""
        return any(self._names(f, route) for f in self.functions)

    def _names(self, entry: Any, route: Route) -> bool:
        """Whether an allow-list entry is this route's path or (a node of the
        served model itself) its node id."""
        if entry == route.path:
            return True
        return route.dsp is self.dsp and _same_id(entry, route.node_id)

    def _check_functions(self) -> None:
        """Every entry of ``functions`` names a function route (ValueError)."""
        if not self.functions:
            return
        routes = [r for r in build_routes(self.dsp, self.depth) if r.kind == "function"]
        unknown = [
            f for f in self.functions if not any(self._names(f, r) for r in routes)
        ]
        if unknown:
            raise ValueError(
                f"functions: {unknown!r} are not function nodes of {self.dsp.name!r} "
                "(give node ids, or route paths such as '/model/sub/f')"
            )

    def app(self) -> Any:
        """A new Flask application serving the model's routes as they are now.

        Build it after the model is complete: routes are fixed when it is made.
        """
        flask = _flask()
        app = flask.Flask("schedula_nb.web", static_folder=None)
        app.config["MAX_CONTENT_LENGTH"] = self.max_body_bytes
        app.url_map.merge_slashes = False  # "//" is a 404, not an HTML redirect
        routes = self.routes
        for route in routes:
            app.add_url_rule(
                route.path,
                f"node:{route.path}",
                self._view(route),
                methods=["GET", "POST"],
            )
            if route.kind == "model":
                app.add_url_rule(
                    route.path + ".svg", f"svg:{route.path}", self._svg_view(route)
                )
        root = self._view(routes[0], on_get=lambda: index(routes))
        app.add_url_rule("/", "index", root, methods=["GET", "POST"])
        self._error_handlers(app)
        return app

    def run(self, host: str = "127.0.0.1", port: int = 5000, **options: Any) -> None:
        """Serve the model with Flask's development server (threaded) until
        interrupted. For production give :meth:`app` to a WSGI server
        (``gunicorn``, ``waitress`` ...), see the README."""
        options.setdefault("threaded", True)
        self.app().run(host=host, port=port, debug=False, **options)

    # -- views ----------------------------------------------------------------
    def _view(self, route: Route, on_get: Callable | None = None) -> Callable:
        flask = _flask()

        def view() -> Any:
            request = flask.request
            if request.method == "GET":
                payload = on_get() if on_get else describe(route)
            else:
                body = decode_body(self._read_body(request), self.max_depth)
                payload = answer(route, body, self)
            return _json(flask, 200, payload)

        return view

    def _read_body(self, request: Any) -> bytes:
        """The body; 413 over the limit. Werkzeug refuses a Content-Length
        over it, and cuts a streamed (chunked) body at it: one that reaches
        the limit is taken as over it."""
        data = request.get_data(cache=False)
        if request.content_length is None and len(data) >= self.max_body_bytes:
            from werkzeug.exceptions import RequestEntityTooLarge

            raise RequestEntityTooLarge()
        return data

    def _svg_view(self, route: Route) -> Callable:
        flask = _flask()

        def view() -> Any:
            svg = _drawing(route.dsp)
            return flask.Response(svg, status=200, mimetype="image/svg+xml")

        return view

    def _error_handlers(self, app: Any) -> None:
        flask = _flask()
        from werkzeug.exceptions import HTTPException

        @app.errorhandler(WebError)
        def web_error(err: WebError) -> Any:
            return _json(flask, err.status, err.payload())

        @app.errorhandler(WebResponse)
        def web_response(err: WebResponse) -> Any:
            return _as_is(flask, app, err)

        @app.errorhandler(HTTPException)
        def http_error(err: HTTPException) -> Any:
            status = err.code or 500
            message = _http_message(flask.request, status, self.max_body_bytes, err)
            kind = (err.name or "error").lower().replace(" ", "_")
            resp = _json(flask, status, error_payload(status, kind, message))
            if status == 405:
                resp.headers["Allow"] = ", ".join(err.valid_methods or ())
            return resp

        @app.errorhandler(Exception)
        def internal_error(err: Exception) -> Any:
            log.error("internal error on %s", flask.request.path, exc_info=err)
            if not self.debug:
                message = f"internal error ({type(err).__name__})"
                return _json(flask, 500, error_payload(500, "internal_error", message))
            text = "".join(
                traceback.format_exception(type(err), err, err.__traceback__)
            )
            payload = error_payload(
                500, "internal_error", f"{type(err).__name__}: {err}", traceback=text
            )
            return _json(flask, 500, payload)


def _as_is(flask: Any, app: Any, err: WebResponse) -> Any:
    """The response a function raised, as it is; a short 500 when it carries
    nothing Flask can answer (the operator's log names it)."""
    try:
        return app.make_response(err.response)
    except TypeError as bad:
        log.error("a function raised %r on %s: %s", err, flask.request.path, bad)
        message = (
            f"a function raised a WebResponse carrying "
            f"{type(err.response).__name__}, not a response Flask can answer"
        )
        return _json(flask, 500, error_payload(500, "bad_web_response", message))


def _same_id(entry: Any, node_id: Any) -> bool:
    """``entry == node_id``, False where they cannot be compared."""
    try:
        return bool(entry == node_id)
    except Exception:
        return False


def _json(flask: Any, status: int, payload: dict) -> Any:
    return flask.Response(dumps(payload), status=status, mimetype="application/json")


def _http_message(request: Any, status: int, limit: int, err: Any) -> str:
    if status == 404:
        return f"no route {request.path}: GET / lists them"
    if status == 405:
        return f"{request.method} is not allowed on {request.path}"
    if status == 413:
        return f"the body is larger than {limit} bytes"
    return str(err.description or err.name)


def _drawing(dsp: Any) -> bytes:
    """The model's SVG, or a DrawingError saying why there is none."""
    plot = getattr(dsp, "plot", None)
    if not callable(plot):
        raise DrawingError(501, "this installation cannot draw models")
    try:
        return plot().pipe(format="svg")
    except ImportError as err:
        raise DrawingError(
            503, f"drawings need graphviz: pip install 'schedula_nb[plot]' ({err})"
        ) from None
    except Exception as err:
        if type(err).__name__ in ("DrawingUnavailable", "ExecutableNotFound"):
            raise DrawingError(503, f"no drawing: {err}") from None
        raise
