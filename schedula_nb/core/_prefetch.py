"""Speculative prefetch: how a dispatch runs its functions on an executor and
still takes exactly the sequential dispatch's decisions.

The sequential search stays the decider. When it pushes a function node on
its heap, the node's inputs are final (every input was visited), so the call
can start at once: :meth:`Prefetch.ready` checks the ``input_domain`` (in the
dispatching thread, as the search would) and submits the call to the
executor. When the search pops the node, :meth:`Prefetch.take` waits for that
call (polling the ``stopper``, honouring the node's ``await_result`` timeout)
and ``run_function`` goes on exactly as with a value returned or an
exception raised inline. Independent branches thus run at once, and the visit
order, distances, failures and alternatives are the sequential ones. A call
submitted but never popped (the outputs were reached first) is cancelled by
:meth:`Prefetch.close`.

The executor is any object with the small protocol below (``NodeExecutor``);
the executors themselves live in ``schedula_nb.execution``, which fills the
registry of names (:data:`EXECUTORS`) and of adapters (for a
``concurrent.futures.Executor``, a Dask ``Client``...). The core imports none
of them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from time import perf_counter
from typing import Any, Protocol

from ._exceptions import DispatcherAbort, ExecutorError
from ._reuse import take_over
from ._tokens import NONE

__all__ = [
    "ADAPTERS",
    "EXECUTORS",
    "NodeExecutor",
    "Prefetch",
    "resolve_executor",
]

POLL = 0.05  # seconds between two looks at the stopper while waiting


class NodeExecutor(Protocol):
    """What a dispatch needs from an executor (see ``schedula_nb.execution``).

    ``submit`` starts ``fn(*args)`` for ``node`` and returns a handle, or
    raises :class:`ExecutorError` if the call cannot be sent (it is raised
    when, and only if, the search needs the node). ``result`` returns the
    call's value or raises its exception (a ``TimeoutError`` past
    ``timeout`` seconds, a ``DispatcherAbort`` once ``stopper`` is set).
    ``cancel`` drops a call whose result is not needed.
    """

    name: str

    def submit(self, node: Hashable, fn: Callable, args: list) -> Any: ...

    def result(self, handle: Any, timeout: float | None, stopper: Any) -> Any: ...

    def cancel(self, handle: Any) -> None: ...


#: executor name -> the running instance, created on first use
ACTIVE: dict[Any, Any] = {}


class ExecutorRegistry(dict):
    """Executor name -> ``factory() -> NodeExecutor``; the running instances
    are in :data:`ACTIVE` (the reference's ``EXECUTORS._executors``).

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> import schedula_nb as sh
    >>> from schedula_nb.core._prefetch import EXECUTORS
    >>> EXECUTORS.set_executor('mine', sh.PoolExecutor(ThreadPoolExecutor(2)))
    >>> 'mine' in EXECUTORS._executors
    True
    >>> sorted(sh.shutdown_executor('mine'))
    ['mine']
    """

    @property
    def _executors(self) -> dict:
        return ACTIVE

    def set_executor(self, name: Any, value: Any) -> None:
        """Make ``value`` the running executor of ``name`` (``None``: the
        executor of ``executor=True`` on a model whose own is ``None``)."""
        if not ADAPTERS:  # schedula_nb.execution fills them on import
            import importlib

            importlib.import_module("schedula_nb.execution")
        if value is None:
            ACTIVE.pop(name, None)
        else:
            ACTIVE[name] = _adapt(value)


#: executor name -> ``factory() -> NodeExecutor`` (filled by schedula_nb.execution)
EXECUTORS: ExecutorRegistry = ExecutorRegistry()
#: ``adapter(obj) -> NodeExecutor | None`` for objects that are not names
ADAPTERS: list[Callable[[Any], Any]] = []
_STARTING = threading.Lock()


def resolve_executor(spec: Any, model_executor: Any = False) -> Any:
    """The ``NodeExecutor`` for a dispatch's ``executor=`` (None: inline).

    ``True`` means the model's own ``executor``; a name is looked up in
    :data:`EXECUTORS` (one shared instance per name, until shut down); any
    other object goes through the :data:`ADAPTERS`.
    """
    if spec is True:
        spec = model_executor
    if spec is None:  # EXECUTORS.set_executor(None, ...) sets its executor
        return ACTIVE.setdefault(None, None)
    if spec is False or spec is True:
        return None
    if not EXECUTORS:  # schedula_nb.execution fills the registry on import
        import importlib

        importlib.import_module("schedula_nb.execution")
    if isinstance(spec, str):
        with _STARTING:  # two dispatches at once start one executor
            exe = ACTIVE.get(spec)
            if exe is None:
                factory = EXECUTORS.get(spec)
                if factory is None:
                    raise ExecutorError(
                        f"unknown executor {spec!r}; known: {sorted(EXECUTORS)} "
                        "(add one with sh.register_executor)"
                    )
                exe = ACTIVE[spec] = _adapt(factory())
        return exe
    return _adapt(spec)


def _adapt(obj: Any) -> Any:
    for adapt in ADAPTERS:
        exe = adapt(obj)
        if exe is not None:
            return exe
    if all(callable(getattr(obj, m, None)) for m in ("submit", "result", "cancel")):
        return obj
    raise ExecutorError(
        f"executor={obj!r} is neither a registered name, a "
        "concurrent.futures.Executor, a Dask Client nor a NodeExecutor"
    )


_REJECTED = object()  # the input domain refused the inputs


class _Deferred:
    """An error met while submitting, raised only if the node is popped."""

    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error


class Prefetch:
    """The calls one dispatch started ahead of the search (see module doc)."""

    __slots__ = (
        "sol",
        "tb",
        "executor",
        "stopper",
        "handles",
        "started",
        "children",
        "by_model",
    )

    def __init__(
        self, sol: Any, tb: Any, executor: Any, stopper: Any, by_model: bool = False
    ) -> None:
        self.sol, self.tb = sol, tb
        #: None: this level's calls run inline, in the search
        self.executor, self.stopper = executor, stopper
        #: ``executor=True``: each sub-model runs on its own model's executor
        self.by_model = by_model
        #: function node -> executor handle, _REJECTED or a _Deferred error
        self.handles: dict = {}
        #: function node -> perf_counter() when it was submitted
        self.started: dict = {}
        #: the prefetches of the sub-models running inside this search
        self.children: list[Prefetch] = []

    def child(self, sol: Any, tb: Any, model: Any = None) -> Prefetch:
        """The prefetch of a sub-model's solution, closed with this one: on
        this executor, or with ``executor=True`` on ``model``'s own."""
        exe = self.executor
        if self.by_model and model is not None:
            exe = resolve_executor(True, model.executor)
        new = Prefetch(sol, tb, exe, self.stopper, self.by_model)
        self.children.append(new)
        return new

    def ready(self, node: Hashable) -> None:
        """The search pushed ``node``: start its call if its inputs are final."""
        if node in self.handles or self.executor is None:
            return
        sol, attr = self.sol, self.tb.nodes[node]
        if attr.get("type") != "function" or not attr["wait_inputs"]:
            return  # sub-models and eager functions run inline, in the search
        inputs = attr["inputs"]
        if sol.wildcards and not sol.wildcards.isdisjoint(inputs):
            return  # a wildcard input's value changes when it is visited
        get = sol.get
        args = [get(k, NONE) for k in inputs]
        if any(a is NONE for a in args):
            if not sol.has_none:
                return  # an input is missing: leave the node to the search
            args = [a for a in args if a is not NONE]
        if sol.reuse is not None and take_over(sol, node, attr, args) is not None:
            return  # its outcome is taken over from the earlier solution
        domain = attr.get("input_domain")
        if domain is not None and not sol.no_domain:
            try:
                if not domain(*args):
                    self.handles[node] = _REJECTED
                    return
            except Exception as ex:  # the search records it when it pops
                self.handles[node] = _Deferred(ex)
                return
        try:
            self.started[node] = perf_counter()
            self.handles[node] = self.executor.submit(node, attr["function"], args)
        except ExecutorError as ex:
            self.handles[node] = _Deferred(ex)

    def take(self, node: Hashable) -> tuple:
        """Wait for ``node``'s call: ``(True, value)``, ``(False, exception)``
        or ``(False, None)`` when its input domain refused the inputs.

        The stopper's ``DispatcherAbort`` and an ``ExecutorError`` (the call
        could not be sent) propagate: they end the dispatch.
        """
        handle = self.handles.pop(node)
        if handle is _REJECTED:
            return False, None
        if isinstance(handle, _Deferred):
            if isinstance(handle.error, ExecutorError):
                handle.error.update(self.sol)
                raise handle.error
            return False, handle.error
        timeout = self.tb.nodes[node].get("await_result")
        if timeout is True or timeout is False:
            timeout = None
        t0 = self.started.pop(node, None)
        try:
            value = self.executor.result(handle, timeout, self.stopper)
        except ExecutorError as ex:
            ex.update(self.sol)
            raise
        except DispatcherAbort as ex:
            if self.stopper is not None and self.stopper.is_set():
                if ex.sol is None:
                    ex.update(self.sol)
                self._drop(handle)  # stop the abandoned call if it can be
                raise
            return False, ex
        except Exception as ex:  # no times, as for a call that raised inline
            return False, ex
        except BaseException:  # Ctrl-C while waiting: stop the call too
            self._drop(handle)
            raise
        self._times(node, handle, t0)
        return True, value

    def _times(self, node: Hashable, handle: Any, t0: float | None) -> None:
        """The call's own start and end if the executor knows them, else
        from its submission (``t0``) to the moment the search took its result."""
        known = getattr(self.executor, "call_times", None)
        times = known(handle) if known is not None else None
        if times is None and t0 is not None:
            times = t0, perf_counter()
        if times is not None:
            self.sol.t_start[node], self.sol.t_end[node] = times

    def _drop(self, handle: Any, gently: bool = False) -> None:
        """Cancel a call whose result is not needed (best effort). ``gently``:
        a call the search did not need, not one it gave up on: the executor's
        ``discard`` (if any) may let it end on its own where stopping it costs
        more (a pool of processes)."""
        if handle is not _REJECTED and not isinstance(handle, _Deferred):
            cancel = self.executor.cancel
            if gently:
                cancel = getattr(self.executor, "discard", cancel)
            try:
                cancel(handle)
            except Exception:  # noqa: BLE001 - best effort, the result is unused
                pass

    def close(self) -> None:
        """Cancel the calls the search never needed."""
        for handle in self.handles.values():
            self._drop(handle, gently=True)
        self.handles.clear()
        for child in self.children:
            child.close()
        self.sol.prefetch = None  # the solution keeps no executor alive
