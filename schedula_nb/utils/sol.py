"""``schedula.utils.sol``: the :class:`Solution` of a dispatch.

>>> from schedula_nb.utils.sol import Solution
>>> import schedula_nb as sh
>>> isinstance(sh.Dispatcher()({'a': 1}), Solution)
True
"""

from ..core._solution import Solution

__all__ = ["Solution"]
