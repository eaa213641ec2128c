"""Errors raised by the dispatcher.

The tree::

    Exception
    +-- DispatcherError      a dispatch failed; carries the solution (``sol``)
    |   |                    and the original exception (``ex``)
    |   +-- DispatcherAbort  the ``stopper`` asked the dispatch to stop
    |   +-- ExecutorError    an executor cannot run a node (unknown name, a
    |                        function it cannot send, shut down)
    +-- SkipNode             raised by a node's function to skip it silently
    +-- WebResponse          raised by a node's function served on the web:
                             the dispatch stops and the service answers its
                             ``response`` as it is (see ``schedula_nb.web``)
    ValueError
    +-- ModelError           a model was built or called with bad arguments
    +-- LoadError            a saved file cannot be loaded (corrupt, truncated,
                             not what the loader reads); names the file
    TimeoutError
    +-- NodeTimeout          a node's call ran past its ``await_result``
                             seconds (raised by the executors)

Unlike the reference, none derives from ``BaseException``: an ``except
Exception`` in user code sees them all. The dispatch itself records a
function's exception as that node's failure and tries the alternatives, but
a ``WebResponse`` it lets through unrecorded and unlogged, whatever
``raises`` says (``_nodes.fail``): it is an answer, not a failure.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "DispatcherError",
    "DispatcherAbort",
    "ExecutorError",
    "SkipNode",
    "WebResponse",
    "ModelError",
    "LoadError",
    "NodeTimeout",
]


class DispatcherError(Exception):
    """A dispatch failed.

    ``sol`` is the solution as far as it got, ``ex`` the original exception
    (also chained as ``__cause__``), ``node_id`` the node that failed.
    """

    def __init__(
        self,
        *args: Any,
        sol: Any = None,
        ex: BaseException | None = None,
        node_id: Any = None,
    ) -> None:
        super().__init__(*args)
        self.sol = sol
        self.ex = ex
        self.node_id = node_id

    def __reduce__(self):  # the solution is not pickled with the error
        return type(self), self.args

    def update(self, sol: Any) -> None:
        """Attach the solution the error belongs to."""
        self.sol = sol


class DispatcherAbort(DispatcherError):
    """The dispatch was stopped by its ``stopper``."""


class ExecutorError(DispatcherError):
    """An executor cannot run a node: an unknown executor name, a function or
    arguments it cannot send to its workers, an executor shut down."""


class SkipNode(Exception):
    """Raised inside a node's function: the node is skipped without an error."""

    def __init__(self, *args: Any, ex: BaseException | None = None) -> None:
        super().__init__(*args)
        self.ex = ex


class WebResponse(Exception):
    """Raised by a node's function to answer a web request with ``response``
    as it is (a Flask ``Response``, or anything a Flask view may return).

    The dispatch does not take it for a failure: no alternative is tried,
    nothing is logged, ``raises`` does not wrap it; it leaves the dispatch as
    raised, and the web service (``dsp.web()``) answers its ``response``
    instead of the JSON one. Outside the service it is an exception like any.

    >>> err = WebResponse('teapot')
    >>> err.response, isinstance(err, Exception)
    ('teapot', True)
    """

    def __init__(self, response: Any) -> None:
        super().__init__(response)
        self.response = response


class ModelError(ValueError):
    """A model was built or dispatched with arguments that make no sense."""


class LoadError(ValueError):
    """A file given to ``load_dispatcher``, ``load_map`` or
    ``load_default_values`` cannot be loaded: ``path`` is the file; the
    message says why (corrupt, truncated, written by another program, not a
    model...). The model given to the loader is left as it was."""

    def __init__(self, message: str, *, path: Any = None) -> None:
        super().__init__(message)
        self.path = path


class NodeTimeout(TimeoutError):
    """A node's call ran longer than its ``await_result`` timeout."""
