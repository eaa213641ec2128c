"""The reference's worker pools, as ``concurrent.futures.Executor`` classes.

- :class:`Executor`: runs each call at once, in the calling thread;
- :class:`ThreadExecutor`: a pool of threads (I/O-bound work, calls that
  release the GIL, sub-models);
- :class:`ProcessExecutor`: one fresh process per call (isolation: a call
  that crashes its process fails alone);
- :class:`ProcessPoolExecutor`: a pool of worker processes (CPU-bound work),
  rebuilt after a worker died.

A :class:`~schedula_nb.execution.PoolExecutor` drives them for a dispatch.
Calls to the process executors travel as bytes (``_payload``): submit
``run_payload`` with the bytes of ``dumps_call``.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import queue
import threading
import weakref
from collections.abc import Callable
from typing import Any

__all__ = [
    "Executor",
    "ProcessExecutor",
    "ProcessPoolExecutor",
    "ThreadExecutor",
    "reference_fork",
]


_PRELOAD = ["__main__", "schedula_nb.execution._payload", "cloudpickle"]


def reference_fork() -> Any:
    """The context the reference's workers use, while the reference is
    followed (``schedula_nb.compat``) and its ``multiprocess`` package (dill,
    fork) is installed: ``multiprocess``'s fork context; else None.

    A forked worker inherits the call (no pickling: a ``multiprocess.Value``
    or ``Lock`` closed over by the function reaches it, as in the
    reference). Forking a process whose other threads hold a lock leaves that
    lock held in the child: the reference takes that risk, this project does
    not outside the switch (see ``_context``)."""
    from ..core._compat import STATE

    if not STATE["reference"]:
        return None
    try:
        import multiprocess
    except ImportError:  # not a dependency: used only when present
        return None
    if "fork" not in multiprocess.get_all_start_methods():
        return None
    return multiprocess.get_context("fork")


def _context() -> Any:
    """forkserver: safe with the threads a dispatch runs (fork is not), and a
    new process costs a few ms once the server has imported what the calls
    need (spawn elsewhere). As with any of them, a script that dispatches
    must guard its top level with ``if __name__ == '__main__':``. While the
    reference is followed: :func:`reference_fork`, if available."""
    forked = reference_fork()
    if forked is not None:
        return forked
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    from multiprocessing import forkserver

    if forkserver._forkserver._forkserver_pid is None:  # not started yet
        ctx.set_forkserver_preload(_PRELOAD)
    return ctx


class Executor(cf.Executor):
    """Runs each call at once in the calling thread (the ``'sync'`` executor).

    >>> from schedula_nb.execution import Executor
    >>> Executor().submit(divmod, 7, 2).result()
    (3, 1)
    """

    def submit(self, fn: Callable, /, *args: Any, **kwargs: Any) -> cf.Future:
        """Run ``fn(*args, **kwargs)``; a future of its result."""
        fut: cf.Future = cf.Future()
        fut.set_running_or_notify_cancel()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as ex:  # noqa: BLE001 - stored in the future
            fut.set_exception(ex)
        return fut


class ThreadExecutor(cf.Executor):
    """A pool of daemon threads; ``max_workers`` defaults to 32 (calls that
    wait on I/O are the reason to use threads, not the number of cores).

    A thread cannot be stopped: a call whose result is no longer wanted (an
    abort, a timeout, Ctrl-C, a shutdown without wait) runs on unseen until
    it returns. Unlike ``concurrent.futures.ThreadPoolExecutor``, whose
    threads the interpreter waits for at exit, these are daemons: the program
    still exits, ending them.

    >>> from schedula_nb.execution import ThreadExecutor
    >>> with ThreadExecutor() as pool:
    ...     pool.submit(pow, 2, 10).result()
    1024
    """

    def __init__(
        self, max_workers: int | None = 32, thread_name_prefix: str = ""
    ) -> None:
        self._max = max_workers or 32
        self._prefix = thread_name_prefix or f"ThreadExecutor-{id(self):x}"
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._idle = threading.Semaphore(0)
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, fn: Callable, /, *args: Any, **kwargs: Any) -> cf.Future:
        """Run ``fn(*args, **kwargs)`` in a thread; a future of its result."""
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot submit after shutdown")
            fut: cf.Future = cf.Future()
            self._queue.put((fut, fn, args, kwargs))
            if (
                not self._idle.acquire(blocking=False)
                and len(self._threads) < self._max
            ):
                name = f"{self._prefix}_{len(self._threads)}"
                thread = threading.Thread(target=self._work, name=name, daemon=True)
                self._threads.append(thread)
                thread.start()
        return fut

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:  # shut down
                return
            fut, fn, args, kwargs = item
            if fut.set_running_or_notify_cancel():
                try:
                    fut.set_result(fn(*args, **kwargs))
                except BaseException as ex:  # noqa: BLE001 - stored in the future
                    fut.set_exception(ex)
            del item, fut, fn, args, kwargs
            self._idle.release()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """No more calls; ``cancel_futures``: drop the queued ones; ``wait``:
        join the threads (after their running calls)."""
        with self._lock:
            self._closed = True
            threads = list(self._threads)
        if cancel_futures:
            while True:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    item[0].cancel()
        for _ in threads:
            self._queue.put(None)
        if wait:
            for thread in threads:
                thread.join()


class ProcessExecutor(cf.Executor):
    """One new process per call (a crash kills only its own call).

    >>> from schedula_nb.execution import ProcessExecutor
    >>> from schedula_nb.execution._payload import dumps_call, loads_outcome, run_payload
    >>> exe = ProcessExecutor()
    >>> fut = exe.submit(run_payload, dumps_call('n', 'doc', max, [1, 2]))
    >>> loads_outcome(fut.result())[0]
    2
    >>> exe.shutdown()
    """

    def __init__(self) -> None:
        self._procs: dict[cf.Future, Any] = {}
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, fn: Callable, /, *args: Any, **kwargs: Any) -> cf.Future:
        """Run ``fn(*args, **kwargs)``; a future of its result."""
        if self._closed:
            raise RuntimeError("cannot submit after shutdown")
        ctx = _context()
        recv, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(send, fn, args, kwargs), daemon=True)
        fut: cf.Future = cf.Future()
        fut.set_running_or_notify_cancel()
        with self._lock:  # known before it runs (see process_of)
            self._procs[fut] = proc
        proc.start()
        send.close()  # the child holds the only writing end: EOF when it dies
        threading.Thread(
            target=self._collect, args=(fut, proc, recv), daemon=True
        ).start()
        return fut

    def _collect(self, fut: cf.Future, proc: Any, recv: Any) -> None:
        from ._waiting import WorkerLost

        try:
            value = recv.recv()
        except (EOFError, OSError):
            proc.join()
            if not fut.done():
                fut.set_exception(
                    WorkerLost(f"its process died (exit code {proc.exitcode})")
                )
        else:
            if not fut.done():
                fut.set_result(value)
            proc.join()
        finally:
            recv.close()
            with self._lock:
                self._procs.pop(fut, None)

    def process_of(self, fut: cf.Future) -> Any:
        """The process running ``fut`` (None once it ended)."""
        with self._lock:
            return self._procs.get(fut)

    def kill(self, fut: cf.Future) -> None:
        """Stop the process running ``fut`` (its result is not needed)."""
        with self._lock:
            proc = self._procs.get(fut)
        if proc is not None and proc.is_alive():
            proc.terminate()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._closed = True
        with self._lock:
            procs = list(self._procs.values())
        for proc in procs:
            if wait and not cancel_futures:
                proc.join()
            elif proc.is_alive():
                proc.terminate()


def _child(send: Any, fn: Callable, args: tuple, kwargs: dict) -> None:
    send.send(fn(*args, **kwargs))
    send.close()


class ProcessPoolExecutor(cf.Executor):
    """A pool of worker processes that is rebuilt after a worker died.

    ``concurrent.futures.ProcessPoolExecutor`` breaks for good when one of
    its workers dies; this one starts a new pool at the next call.

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('f', abs, ['a'], ['b'])
    'f'
    >>> exe = sh.PoolExecutor(None, sh.ProcessPoolExecutor(1))
    >>> dsp.dispatch({'a': -3}, executor=exe).result()
    Solution({'a': -3, 'b': 3})
    >>> exe.shutdown()['executor']
    <PoolExecutor 'PoolExecutor'>
    """

    def __init__(self, max_workers: int | None = None, **kwargs: Any) -> None:
        self._args = dict(max_workers=max_workers or os.cpu_count() or 1, **kwargs)
        self._args.setdefault("mp_context", _context())
        self._pool: cf.ProcessPoolExecutor | None = None
        self._pools: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def submit(self, fn: Callable, /, *args: Any, **kwargs: Any) -> cf.Future:
        """Run ``fn(*args, **kwargs)``; a future of its result."""
        from concurrent.futures.process import BrokenProcessPool

        with self._lock:
            for _ in range(2):
                if self._pool is None:
                    self._pool = cf.ProcessPoolExecutor(**self._args)
                try:
                    fut = self._pool.submit(fn, *args, **kwargs)
                    self._pools[fut] = self._pool
                    return fut
                except BrokenProcessPool:
                    self._pool.shutdown(wait=False, cancel_futures=True)
                    self._pool = None
            raise BrokenProcessPool("could not start a pool of worker processes")

    def kill(self, fut: cf.Future) -> None:
        """Stop the call of ``fut`` (its result is not needed): if it already
        runs, the pool's workers are ended and a new pool serves the next
        calls (the other calls running there fail with ``BrokenProcessPool``,
        which ``PoolExecutor`` answers by running each again alone)."""
        if fut.cancel() or fut.done():
            return
        pool = self._pools.get(fut)
        if pool is None:
            return
        with self._lock:
            if self._pool is pool:
                self._pool = None
        _end_workers(pool)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """``wait``: let the running calls end; else end the workers now."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is None:
            return
        if not wait:
            _end_workers(pool)
        pool.shutdown(wait=wait, cancel_futures=cancel_futures)


def _end_workers(pool: cf.ProcessPoolExecutor) -> None:
    """Terminate a pool's worker processes (their calls are abandoned)."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        if proc.is_alive():
            proc.terminate()
