"""Two-level distances: ``inf(inf=k, num=x)`` sorts after every plain number
when ``k > 0``, and adds component-wise.

Arithmetic is component-wise, a plain number standing for ``inf(0, x)``
in sums and differences and for itself in products, quotients and powers
(as in the reference: ``inf(1, 2) * 2`` is ``inf(2, 4)``).

>>> d = inf(1, 2) + 3
>>> d, d > 1e300, inf.format(4) == 4
(inf(inf=1, num=5), True, True)
>>> inf(1, 2) * 2, 2 / inf(1, 2), inf(1, 2) ** 2, inf(1, 2) % 3
(inf(inf=2, num=4), inf(inf=2.0, num=1.0), inf(inf=1, num=4), inf(inf=1, num=2))
"""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass
from typing import Any

__all__ = ["inf"]


@dataclass(repr=False, frozen=True, eq=False)
class inf:
    """An infinite-aware distance ``(inf, num)``, compared lexicographically."""

    _inf: float = 0
    _num: float = 0

    @staticmethod
    def format(val: Any) -> inf:
        """A number ``x`` becomes ``inf(0, x)``; a pair ``(k, x)`` ``inf(k, x)``."""
        return (
            val
            if isinstance(val, inf)
            else inf(*val)
            if isinstance(val, tuple)
            else inf(0, val)
        )

    def __iter__(self):
        yield self._inf
        yield self._num

    def _pair(self, other: Any) -> tuple:
        return tuple(other) if isinstance(other, inf) else (0, other)

    def __repr__(self) -> str:
        return (
            str(self._num)
            if self._inf == 0
            else f"inf(inf={self._inf}, num={self._num})"
        )

    def __add__(self, other: Any) -> inf:
        a, b = self._pair(other)
        return inf(self._inf + a, self._num + b)

    __radd__ = __add__

    def __sub__(self, other: Any) -> inf:
        a, b = self._pair(other)
        return inf(self._inf - a, self._num - b)

    def __rsub__(self, other: Any) -> inf:
        a, b = self._pair(other)
        return inf(a - self._inf, b - self._num)

    def _scaled(self, other: Any, op: Any, reflected: bool = False) -> inf:
        """``op`` component-wise; a plain number applies to both components."""
        a, b = tuple(other) if isinstance(other, inf) else (other, other)
        if reflected:
            return inf(op(a, self._inf), op(b, self._num))
        return inf(op(self._inf, a), op(self._num, b))

    def __mul__(self, other: Any) -> inf:
        return self._scaled(other, operator.mul)

    def __rmul__(self, other: Any) -> inf:
        return self._scaled(other, operator.mul, True)

    def __truediv__(self, other: Any) -> inf:
        return self._scaled(other, operator.truediv)

    def __rtruediv__(self, other: Any) -> inf:
        return self._scaled(other, operator.truediv, True)

    def __floordiv__(self, other: Any) -> inf:
        return self._scaled(other, operator.floordiv)

    def __rfloordiv__(self, other: Any) -> inf:
        return self._scaled(other, operator.floordiv, True)

    def __mod__(self, other: Any) -> inf:
        return self._scaled(other, operator.mod)

    def __rmod__(self, other: Any) -> inf:
        return self._scaled(other, operator.mod, True)

    def __pow__(self, other: Any) -> inf:
        return self._scaled(other, operator.pow)

    def __rpow__(self, other: Any) -> inf:
        return self._scaled(other, operator.pow, True)

    def __trunc__(self) -> inf:
        return inf(math.trunc(self._inf), math.trunc(self._num))

    def __neg__(self) -> inf:
        return inf(-self._inf, -self._num)

    def __abs__(self) -> inf:
        return inf(abs(self._inf), abs(self._num))

    def __round__(self, n: int | None = None) -> inf:
        return inf(round(self._inf, n), round(self._num, n))

    def __floor__(self) -> inf:
        return inf(math.floor(self._inf), math.floor(self._num))

    def __ceil__(self) -> inf:
        return inf(math.ceil(self._inf), math.ceil(self._num))

    def __eq__(self, other: object) -> bool:
        return tuple(self) == self._pair(other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __lt__(self, other: Any) -> bool:
        return tuple(self) < self._pair(other)

    def __le__(self, other: Any) -> bool:
        return tuple(self) <= self._pair(other)

    def __gt__(self, other: Any) -> bool:
        return tuple(self) > self._pair(other)

    def __ge__(self, other: Any) -> bool:
        return tuple(self) >= self._pair(other)

    def __hash__(self) -> int:
        return hash(self._num) if self._inf == 0 else hash(tuple(self))
