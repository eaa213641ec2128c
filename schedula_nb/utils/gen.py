"""``schedula.utils.gen``: tokens and counters.

>>> from schedula_nb.utils.gen import Token, counter
>>> c = counter(1, 2)
>>> c(), c()
(1, 3)
>>> Token('x') == 'x'
False
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from ..core._tokens import Token

__all__ = ["Token", "counter"]


def counter(start: float = 0, step: float = 1) -> Callable[[], float]:
    """A callable that returns ``start``, ``start + step`` ... on each call."""
    return itertools.count(start, step).__next__
