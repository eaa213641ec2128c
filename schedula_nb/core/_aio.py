"""Awaiting a dispatch from a running event loop (``Dispatcher.dispatch_async``).

The search is synchronous; it runs in a worker thread while the loop awaits
it. A cancelled await sets the dispatch's ``stopper``, so the thread stops at
its next node instead of running on unseen.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import Any

from ._pending import StopEither

__all__ = ["dispatch_in_thread"]


def _to_the_end(dispatch: Callable, *args: Any, **kwargs: Any) -> Any:
    """The dispatch's final solution (a pending one waited for)."""
    sol = dispatch(*args, **kwargs)
    if getattr(sol, "pending", None) is not None:
        from ._pending import settle

        settle(sol, None, raise_failures=False)
    return sol


async def dispatch_in_thread(dispatch: Callable, args: tuple, kwargs: dict) -> Any:
    """Run ``dispatch(*args, **kwargs)`` in a thread and await its result."""
    stopper = StopEither(kwargs.pop("stopper", None))
    loop = asyncio.get_running_loop()
    call = partial(_to_the_end, dispatch, *args, stopper=stopper, **kwargs)
    future = loop.run_in_executor(None, call)
    try:
        return await asyncio.shield(future)
    except asyncio.CancelledError:
        stopper.own.set()  # the thread sees it at its next node
        # Its DispatcherAbort is expected: retrieve it, so it is not logged.
        future.add_done_callback(lambda f: f.cancelled() or f.exception())
        raise
