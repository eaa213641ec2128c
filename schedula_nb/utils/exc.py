"""``schedula.utils.exc``: the exceptions a dispatch raises.

Unlike the reference's, none derives from ``BaseException`` (see the docs
page "Differences from schedula").

>>> from schedula_nb.utils.exc import DispatcherError, DispatcherAbort
>>> issubclass(DispatcherAbort, DispatcherError)
True
"""

from ..core._exceptions import DispatcherAbort, DispatcherError, SkipNode
from ..execution._waiting import ExecutorShutdown

__all__ = ["DispatcherAbort", "DispatcherError", "ExecutorShutdown", "SkipNode"]
