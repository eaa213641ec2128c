"""Calls shipped to another process: ``(fn, args)`` pickled with cloudpickle
(so lambdas, closures and functions defined in a notebook travel), the
outcome pickled back. Errors keep the worker's traceback as a note.
"""

from __future__ import annotations

import pickle
import traceback
from collections.abc import Callable, Hashable
from time import perf_counter
from typing import Any

from ..core._exceptions import ExecutorError

__all__ = ["dumps_call", "loads_outcome", "run_call", "run_payload"]


def _pickler() -> Any:
    try:
        import cloudpickle
    except ImportError:  # plain pickle: module-level functions only
        return pickle
    return cloudpickle


def dumps_call(node: Hashable, executor: str, fn: Callable, args: list) -> bytes:
    """The call as bytes, or an ``ExecutorError`` naming the node and executor."""
    try:
        return _pickler().dumps((fn, tuple(args)))
    except Exception as ex:  # noqa: BLE001 - any pickling failure
        raise ExecutorError(
            f"node {node!r}: its function or arguments cannot be sent to the "
            f"worker processes of executor {executor!r} ({type(ex).__name__}: "
            f"{ex}); make them picklable, or use executor='thread'",
            ex=ex,
            node_id=node,
        ) from ex


def run_payload(payload: bytes) -> bytes:
    """In the worker: run the call, return its pickled outcome and its start
    and end (``perf_counter``: one clock for the processes of a machine)."""
    try:
        fn, args = pickle.loads(payload)
    except BaseException as ex:  # noqa: BLE001 - everything goes back to the parent
        return _failed(ex)
    return run_call(fn, args)


def run_call(fn: Callable, args: tuple) -> bytes:
    """In the worker: run ``fn(*args)`` (a forked worker inherits them, see
    ``_workers.reference_fork``); its outcome as :func:`run_payload` gives it.

    >>> loads_outcome(run_call(divmod, (7, 2)))[0]
    (3, 1)
    """
    try:
        t0 = perf_counter()
        value = fn(*args)
        return _pickler().dumps((True, value, t0, perf_counter()))
    except BaseException as ex:  # noqa: BLE001 - everything goes back to the parent
        return _failed(ex)


def _failed(ex: BaseException) -> bytes:
    dumps, text = _pickler().dumps, traceback.format_exc()
    try:
        return dumps((False, ex, text))
    except Exception:  # noqa: BLE001 - an exception that does not pickle
        return dumps((False, RuntimeError(repr(ex)), text))


def loads_outcome(data: bytes) -> tuple:
    """In the parent: ``(value, (start, end))``, or the exception raised again."""
    outcome = pickle.loads(data)
    if outcome[0]:
        return outcome[1], outcome[2:]
    ex, text = outcome[1], outcome[2]
    if hasattr(ex, "add_note"):
        ex.add_note(f"In the worker process:\n{text}")
    raise ex
