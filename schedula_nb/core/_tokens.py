"""Sentinel node ids and values: ``START``, ``SINK``, ``SELF``, ``END``, ``PLOT``,
``NONE`` and ``EMPTY``.

A token prints as its name (``start``) but is equal only to itself, so a user's
data node called ``'start'`` never collides with ``START``.

>>> from schedula_nb.core._tokens import START
>>> START, START == 'start', str(START)
(start, False, 'start')
"""

from __future__ import annotations

__all__ = ["Token", "START", "SINK", "SELF", "END", "PLOT", "NONE", "EMPTY"]


class Token(str):
    """A named sentinel: a ``str`` by type and print, unique by identity."""

    def __repr__(self) -> str:
        return str.__str__(self)

    def __str__(self) -> str:
        return str.__str__(self)

    def __eq__(self, other: object) -> bool:
        return self is other

    def __ne__(self, other: object) -> bool:
        return self is not other

    __hash__ = object.__hash__

    def __reduce__(self):  # tokens stay singletons through pickle
        return _token, (str.__str__(self),)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _token(name: str) -> Token:
    return _REGISTRY[name]


START = Token("start")
START.__doc__ = "Starting node that identifies initial inputs of the workflow."
SINK = Token("sink")
SINK.__doc__ = "Sink node of the dispatcher that collects all unused outputs."
SELF = Token("self")
SELF.__doc__ = "Self node of the dispatcher: its value is the dispatcher itself."
END = Token("end")
END.__doc__ = "Ending node of a workflow."
PLOT = Token("plot")
PLOT.__doc__ = "Plot node: reserved id for drawings inside a workflow."
NONE = Token("none")
NONE.__doc__ = "A value that means 'no value': it is not stored nor passed on."
EMPTY = Token("empty")
EMPTY.__doc__ = "An argument not given (e.g. no default value)."

_REGISTRY = {str.__str__(t): t for t in (START, SINK, SELF, END, PLOT, NONE, EMPTY)}
