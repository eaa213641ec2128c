"""The reference's ``schedula.utils.asy.factory``: the registry of executors.

``ExecutorFactory`` is the class of :data:`EXECUTORS`, the registry every
dispatch reads: executor name -> a factory of the executor, with
``set_executor(name, executor)`` and ``_executors`` (the running ones), as
the reference's.

>>> from schedula_nb.utils.asy.factory import EXECUTORS, ExecutorFactory
>>> isinstance(EXECUTORS, ExecutorFactory), 'parallel-pool' in EXECUTORS
(True, True)

The reference's other methods (``executor_id``, ``get_executor``,
``set_active``, ``pop_active``, ``shutdown_executor``) track the executors
per solution inside its dispatch; here the dispatch does it, and
``schedula_nb.shutdown_executor(name)`` shuts one down.
"""

from __future__ import annotations

from ... import execution  # noqa: F401 (fills EXECUTORS with the names)
from ...core._prefetch import EXECUTORS
from ...core._prefetch import ExecutorRegistry as ExecutorFactory

__all__ = ["EXECUTORS", "ExecutorFactory"]
