"""``PoolExecutor``: what a dispatch talks to (the core's ``NodeExecutor``).

It sends each call to one of two ``concurrent.futures`` executors, as the
reference does: sub-models (``SubDispatch`` wrappers, dispatchers) to the
thread executor, other functions to the process executor when there is one
(all of them with ``parallel=True``). Calls sent to processes travel as
cloudpickle bytes (while the reference is followed, a forked ``multiprocess``
worker of a ``ProcessExecutor`` inherits its call instead: see
``_workers.reference_fork``). Waiting polls the dispatch's stopper and honours the
node's timeout; a thread call not started yet when the search needs it runs
in the dispatching thread instead, unless a timeout or a stopper must be
able to interrupt the wait (nested dispatches never wait on a full pool). A process pool broken by a dying worker re-runs the call alone in a
fresh process: the call that kills its process fails with ``WorkerLost``,
the others get their values.
"""

from __future__ import annotations

import concurrent.futures as cf
import functools
import threading
from collections.abc import Callable, Hashable
from time import perf_counter
from typing import Any

from ..core._functions import parent_func
from ._payload import dumps_call, loads_outcome, run_call, run_payload
from ._waiting import ExecutorShutdown, NodeTimeout, WorkerLost, wait_done
from ._workers import (
    Executor,
    ProcessExecutor,
    ProcessPoolExecutor,
    ThreadExecutor,
    reference_fork,
)

__all__ = ["PoolExecutor"]

_PROCESS_KINDS = (cf.ProcessPoolExecutor, ProcessExecutor, ProcessPoolExecutor)
_THREADS = (cf.ThreadPoolExecutor, ThreadExecutor)
_IN_PROCESS = (*_THREADS, Executor)


def _is_sub_model(fn: Callable) -> bool:
    from ..core._dispatcher import Dispatcher
    from ..core._wrappers import SubDispatch

    return isinstance(parent_func(fn), (SubDispatch, Dispatcher))


def _is_sub_dispatch(fn: Callable) -> bool:
    from ..core._wrappers import SubDispatch

    return isinstance(fn, SubDispatch)


class _Call:
    """One submitted call: the future of its run on a worker (``future``),
    the future the dispatch waits on (``outer``: failed with
    ``ExecutorShutdown`` if the executor is shut down first) and what a re-run
    needs."""

    __slots__ = (
        "node",
        "fn",
        "args",
        "future",
        "outer",
        "target",
        "payload",
        "packed",
        "times",
        "task",
        "started",
    )

    def __init__(self, node: Hashable, fn: Callable, args: list) -> None:
        self.node, self.fn, self.args = node, fn, args
        self.future: Any = None
        self.outer: cf.Future = cf.Future()
        self.target: Any = None
        self.payload: bytes | None = None  # set when the call travels as bytes
        self.packed = False  # its outcome comes back as bytes (a process)
        #: of a call to a process: set once its process was started
        self.started: threading.Event | None = None
        self.times: tuple | None = None  # (start, end) of the call
        self.task: Any = None  # the thread running it, if in this process


def _run_timed(call: _Call) -> Any:
    call.task = threading.current_thread()
    t0 = perf_counter()
    try:
        return call.fn(*call.args)
    finally:
        call.times = t0, perf_counter()


def _settle(outer: cf.Future, inner: cf.Future) -> None:
    """Copy ``inner``'s outcome to ``outer`` unless ``outer`` is done."""
    if outer.done():
        return
    try:
        if inner.cancelled():
            outer.set_exception(cf.CancelledError())
        elif inner.exception() is not None:
            outer.set_exception(inner.exception())
        else:
            outer.set_result(inner.result())
    except cf.InvalidStateError:  # set by a shutdown meanwhile
        pass


class PoolExecutor:
    """Runs a dispatch's calls on a thread and/or a process executor.

    ``asynchronous`` (the default, as the reference's): a dispatch on it
    returns at once, its values futures until ``sol.result()``.

    >>> import schedula_nb as sh
    >>> exe = sh.PoolExecutor(sh.ThreadExecutor())
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> dsp.dispatch({'a': -3}, executor=exe).result()
    Solution({'a': -3, 'b': 3})
    >>> sorted(exe.shutdown())
    ['executor', 'tasks']
    """

    def __init__(
        self,
        thread_executor: cf.Executor | None,
        process_executor: cf.Executor | None = None,
        parallel: bool | None = None,
        *,
        name: str = "",
        asynchronous: bool = True,
    ) -> None:
        self._thread = thread_executor
        self._process = process_executor
        self._parallel = parallel
        self._isolated: ProcessExecutor | None = None  # re-runs after a crash
        self.name = name or type(self).__name__
        self.asynchronous = asynchronous
        self._calls: set[_Call] = set()  # submitted, not finished
        self._dispatches: set[cf.Future] = set()  # pending dispatches on it
        self._lock = threading.Lock()
        self._closed = False

    def __repr__(self) -> str:
        return f"<PoolExecutor {self.name!r}>"

    # -- the NodeExecutor protocol ------------------------------------------
    def submit(self, node: Hashable, fn: Callable, args: list) -> _Call:
        """Start ``fn(*args)`` for ``node``; the handle goes to ``result``."""
        call = _Call(node, fn, args)
        process = self._process
        if process is not None and (self._parallel or not _is_sub_model(fn)):
            target = process
        else:
            target = self._thread if self._thread is not None else process
        if target is None or self._closed:
            raise ExecutorShutdown(
                f"node {node!r}: executor {self.name!r} has been shut down",
                node_id=node,
            )
        call.target = target
        try:
            if isinstance(target, _PROCESS_KINDS):
                call.packed = True
                if isinstance(target, ProcessExecutor) and reference_fork():
                    # the reference's fork: the new process inherits the call
                    submit = functools.partial(target.submit, run_call, fn, tuple(args))
                else:
                    call.payload = dumps_call(node, self.name, fn, args)
                    submit = functools.partial(target.submit, run_payload, call.payload)
                # Known before its process starts (it may run at once): a
                # shutdown meanwhile waits for it to be started, then ends
                # it and reports its process (see _abandon).
                call.started = threading.Event()
                with self._lock:
                    self._calls.add(call)
                try:
                    call.future = submit()
                finally:
                    call.started.set()
            elif isinstance(target, _IN_PROCESS):
                if _is_sub_dispatch(fn):  # its own branches use this executor too
                    call.fn = functools.partial(fn, _executor=self)
                call.future = target.submit(_run_timed, call)
            else:  # another kind of executor: it ships the call its own way
                call.future = target.submit(fn, *args)
        except RuntimeError as ex:  # submitted after shutdown
            self._forget(call)
            raise ExecutorShutdown(
                f"node {node!r}: executor {self.name!r} cannot take calls: {ex}",
                node_id=node,
            ) from ex
        with self._lock:
            self._calls.add(call)
        call.outer.add_done_callback(lambda _: self._forget(call))
        call.future.add_done_callback(functools.partial(_settle, call.outer))
        return call

    def _forget(self, call: _Call) -> None:
        with self._lock:
            self._calls.discard(call)

    def result(self, call: _Call, timeout: float | None, stopper: Any) -> Any:
        """The call's value (or its exception raised again)."""
        fut = call.outer
        if (
            timeout is None
            and stopper is None
            and isinstance(call.target, _THREADS)
            and call.future.cancel()
        ):  # not started yet: run it here, now (an inline call cannot be
            # interrupted, so not when a timeout or a stopper may need to)
            return _run_timed(call)
        try:
            wait_done(
                fut.done,
                lambda s: cf.wait((fut,), s),
                timeout,
                stopper,
                call.node,
                self.name,
            )
        except NodeTimeout:
            self.cancel(call)
            raise
        try:
            value = fut.result()
        except cf.process.BrokenProcessPool:
            value = self._rerun_alone(call, timeout, stopper)
        except WorkerLost as ex:
            raise WorkerLost(
                f"node {call.node!r} on executor {self.name!r}: {ex}"
            ) from None
        except ExecutorShutdown as ex:
            ex.node_id = call.node
            raise
        if not call.packed:
            return value
        value, call.times = loads_outcome(value)
        return value

    def call_times(self, call: _Call) -> tuple | None:
        """``(start, end)`` of a finished call (``perf_counter``), if known."""
        return call.times

    def cancel(self, call: _Call) -> None:
        """Drop a call whose result is not needed (stop it if it can be):
        nobody waits for it any more, ``shutdown(wait=True)`` included."""
        call.outer.cancel()
        if not call.future.cancel():
            kill = getattr(call.target, "kill", None)
            if kill is not None:
                kill(call.future)

    def discard(self, call: _Call) -> None:
        """Drop a call the search did not need: as ``cancel``, but a call
        already running in a pool of processes ends on its own (ending the
        pool's workers would cost a new pool); ``shutdown`` ends it if it
        still runs then."""
        if isinstance(call.target, ProcessPoolExecutor):
            call.outer.cancel()
            call.future.cancel()
            return
        self.cancel(call)

    def track(self, dispatch: cf.Future) -> None:
        """A dispatch returned at once runs on this executor until
        ``dispatch`` is done: ``shutdown(wait=True)`` waits for it."""
        with self._lock:
            self._dispatches.add(dispatch)
        dispatch.add_done_callback(self._untrack)

    def _untrack(self, dispatch: cf.Future) -> None:
        with self._lock:
            self._dispatches.discard(dispatch)

    # -- the reference's pool interface ---------------------------------------
    def shutdown(self, wait: bool = True) -> dict:
        """Release the workers. ``wait``: let the running dispatches and the
        calls they wait for finish first; else the calls still running fail
        with ``ExecutorShutdown``. Either way the calls nobody waits for are
        ended if they run in a process (a thread cannot be stopped: it runs
        on unseen, and does not keep the program from exiting). Returns the reference's
        ``{'executor': self, 'tasks': {'thread': {future: Thread},
        'process': {future: Process}}}`` of the calls cut short."""
        if wait:  # the dispatches, then the calls someone waits for
            with self._lock:
                dispatches = list(self._dispatches)
            cf.wait(dispatches)
            with self._lock:
                calls = list(self._calls)
            cf.wait([call.outer for call in calls])
        self._closed = True
        tasks: dict = {"thread": {}, "process": {}}
        if not wait:
            with self._lock:
                calls = list(self._calls)
            for call in calls:
                self._abandon(call, tasks)
        # What runs still was abandoned (an abort, a timeout): processes are
        # ended, threads (which cannot be) run on unseen as daemons.
        for exe in (self._thread, self._process, self._isolated):
            if exe is not None:
                exe.shutdown(wait=False, cancel_futures=True)
        self._thread = self._process = self._isolated = None
        return {"executor": self, "tasks": {k: v for k, v in tasks.items() if v}}

    def _abandon(self, call: _Call, tasks: dict) -> None:
        """Fail a running call with ``ExecutorShutdown`` and stop its work."""
        if call.started is not None:
            call.started.wait()  # its process is being started
        if call.future is None:  # it could not be
            return
        try:
            call.outer.set_exception(
                ExecutorShutdown(
                    f"node {call.node!r}: executor {self.name!r} was shut down "
                    "before the call ended",
                    node_id=call.node,
                )
            )
        except cf.InvalidStateError:  # it ended meanwhile
            return
        process = getattr(call.target, "process_of", lambda f: None)(call.future)
        if process is not None:
            tasks["process"][call.outer] = process
        elif call.task is not None:
            tasks["thread"][call.outer] = call.task
        self.cancel(call)

    def _rerun_alone(self, call: _Call, timeout: float | None, stopper: Any) -> Any:
        """A worker of the pool died: run this call again in its own process."""
        if self._isolated is None:
            self._isolated = ProcessExecutor()
        alone = _Call(call.node, call.fn, call.args)
        alone.target, alone.payload = self._isolated, call.payload
        alone.future = self._isolated.submit(run_payload, call.payload)
        try:
            wait_done(
                alone.future.done,
                lambda s: cf.wait((alone.future,), s),
                timeout,
                stopper,
                call.node,
                self.name,
            )
            return alone.future.result()
        except WorkerLost as ex:
            raise WorkerLost(
                f"node {call.node!r} on executor {self.name!r}: the worker "
                f"process running it died; alone in a new process, {ex}"
            ) from None
        finally:
            self.cancel(alone)
