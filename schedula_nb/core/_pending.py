"""A dispatch that returns at once: the reference's asynchronous executors.

With an asynchronous executor (``'async'``, ``'parallel'``,
``'parallel-pool'``, ``'parallel-dispatch'``, a ``PoolExecutor``)
``dsp.dispatch`` returns a *pending* solution at once: its values are
``concurrent.futures.Future`` objects, and ``sol.result(timeout)`` waits for
the dispatch, fills the solution with the final values and records, and
raises what made it fail. The search itself is the sequential one (failures
still fall back to alternatives); it runs in a thread of its own, its calls on
the executor, while the caller goes on.

What ``result()`` raises, first match wins:

- the dispatch's own error (``DispatcherAbort`` after the stopper,
  ``ExecutorShutdown`` after ``shutdown_executors(False)``, a
  ``DispatcherError`` of ``raises=True``); the solution keeps what was
  computed before it;
- the exception of the first failed call that left one of its outputs
  without a value (the reference raises every failed call's exception,
  because it cannot fall back; here a failure that an alternative recovered
  raises nothing). A node past its ``await_result`` timeout is not such a
  failure: as in the reference, the search itself skipped it.
"""

from __future__ import annotations

import concurrent.futures as cf
import threading
from collections.abc import Callable
from typing import Any

from ._exceptions import NodeTimeout

__all__ = ["StopEither", "settle", "start_pending"]


class StopEither:
    """A stopper set when the caller's is, or by ``set()`` (an interrupted
    ``result()`` stops the dispatch it was waiting for)."""

    __slots__ = ("own", "user")

    def __init__(self, user: Any) -> None:
        self.own, self.user = threading.Event(), user

    def set(self) -> None:
        self.own.set()

    def is_set(self) -> bool:
        return self.own.is_set() or (self.user is not None and self.user.is_set())


def _done(value: Any) -> cf.Future:
    fut: cf.Future = cf.Future()
    fut.set_result(value)
    return fut


def start_pending(front: Any, run: Callable[[], Any], executor: Any) -> None:
    """Run ``run()`` (the search, filling a solution) in a thread of its own;
    ``front`` shows the inputs as futures until :func:`settle`."""
    for key in list(front):
        dict.__setitem__(front, key, _done(dict.__getitem__(front, key)))
    fut: cf.Future = cf.Future()
    fut.set_running_or_notify_cancel()

    def target() -> None:
        try:
            fut.set_result(run())
        except BaseException as ex:  # noqa: BLE001 - result() raises it
            fut.set_exception(ex)

    front.pending = fut
    track = getattr(executor, "track", None)
    if track is not None:  # shutdown(wait=True) waits for the whole dispatch
        track(fut)
    name = f"schedula_nb dispatch {front.name!r}"
    threading.Thread(target=target, name=name, daemon=True).start()


def settle(front: Any, timeout: float | None, raise_failures: bool = True) -> Any:
    """Wait for ``front``'s dispatch and take its final state (see module doc).

    A ``TimeoutError`` past ``timeout`` leaves ``front`` pending;
    ``raise_failures=False``: node failures are left in the solution's
    records (as a blocking dispatch leaves them)."""
    fut = front.pending
    try:
        real = fut.result(timeout)
    except cf.TimeoutError:
        raise
    except KeyboardInterrupt:  # Ctrl-C: the dispatch stops, its calls too
        stop = getattr(front, "stop", None)
        if stop is not None:
            stop.set()
        raise
    except BaseException as ex:
        partial = getattr(ex, "sol", None)
        if partial is not None and type(partial) is type(front):
            root = _root(partial)
            _adopt(front, root)
            if partial is root:
                ex.sol = front
        else:
            front.pending = None
            for key in list(front):
                dict.__delitem__(front, key)
        raise
    _adopt(front, real)
    error = first_unrecovered(front) if raise_failures else None
    if error is not None:
        raise error
    return front


def _root(sol: Any) -> Any:
    """The top solution of the dispatch an error's solution belongs to."""
    return sol.sub_sol.get((-1,), sol)


def _adopt(front: Any, real: Any) -> None:
    """``front`` becomes ``real``: same values, same records."""
    dict.clear(front)
    dict.update(front, real)
    own = front.__dict__
    for name in real.CLASS_DEFAULTS:  # real has the class's value: so must front
        if name not in real.__dict__:
            own.pop(name, None)
    own.update(real.__dict__)
    front.pending = None
    subs = front.sub_sol
    for key, sol in list(subs.items()):
        if sol is real:
            subs[key] = front


def first_unrecovered(sol: Any) -> BaseException | None:
    """The exception of the first failed call (at any level) that left one of
    its outputs without a value, or None.

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', lambda a: 1 / a, ['a'], ['b'])
    'f'
    >>> first_unrecovered(dsp.dispatch({'a': 0}))
    ZeroDivisionError('division by zero')
    """
    levels = list(sol.sub_sol.values())
    if not any(level is sol for level in levels):
        levels.insert(0, sol)
    for level in levels:
        nodes = level.tables.nodes if level.tables is not None else {}
        for node, failure in level.failures.items():
            if failure.exception is None or isinstance(failure.exception, NodeTimeout):
                continue
            outputs = nodes.get(node, {}).get("outputs", ())
            if not outputs or any(o not in level for o in outputs):
                return failure.exception
    return None
