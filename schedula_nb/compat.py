"""Where schedula_nb deliberately differs from the reference, and the switch
that follows the reference instead (turned on by ``schedula_nb.alias()``).

Differences that code written for ``schedula`` may rely on, and what the
switch does about each (the docs page "Differences from schedula" has the
full list, with the reasons):

- ``dispatch(outputs=[...])`` with an output that is not in the model raises
  ``ModelError`` here (a typo would otherwise give an empty answer); the
  reference leaves it out. With the switch on, it is left out.

>>> import schedula_nb as sh
>>> from schedula_nb import compat
>>> dsp = sh.Dispatcher()
>>> dsp.add_function('f', abs, ['a'], ['b'])
'f'
>>> compat.follow_reference(True)
>>> dsp({'a': -1}, outputs=['b', 'typo'])
Solution({'a': -1, 'b': 1})
>>> compat.follow_reference(False)
>>> compat.follows_reference()
False
"""

from __future__ import annotations

from .core._compat import STATE as _state

__all__ = ["follow_reference", "follows_reference"]


def follow_reference(on: bool = True) -> None:
    """Follow the reference where this project deliberately differs."""
    _state["reference"] = bool(on)


def follows_reference() -> bool:
    """Whether :func:`follow_reference` is on."""
    return _state["reference"]
