"""``schedula.utils.exc``: the exceptions a dispatch raises.

Unlike the reference's, none derives from ``BaseException`` (see the docs
page "Differences from schedula"); ``WebResponse`` gets past the dispatch's
failure handling all the same (see the web service's page).

>>> from schedula_nb.utils.exc import DispatcherError, DispatcherAbort
>>> issubclass(DispatcherAbort, DispatcherError)
True
"""

from ..core._exceptions import (
    DispatcherAbort,
    DispatcherError,
    SkipNode,
    WebResponse,
)
from ..execution._waiting import ExecutorShutdown

__all__ = [
    "DispatcherAbort",
    "DispatcherError",
    "ExecutorShutdown",
    "SkipNode",
    "WebResponse",
]
