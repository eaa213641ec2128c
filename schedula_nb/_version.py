"""This project's version, and the one the switch answers with.

The reference's ``schedula._version`` path: under the switch
(:func:`schedula_nb.alias`) ``schedula._version`` is this module.
``VERSION`` is always this project's; ``__version__`` (and ``version``, its
other name in the reference) says it too, but under the switch it says the
version of schedula whose behaviour the switch follows, for code written for
schedula that checks the version it runs on.

>>> from schedula_nb import _version
>>> _version.__version__ == _version.VERSION   # no switch in this process
True
>>> _version.__title__
'schedula_nb'

The reference's ``__updated__`` (a release date), ``__author__``,
``__license__`` and ``__copyright__`` are not given: this project states
none of them in its metadata, and inventing them would be a wrong answer.
"""

from __future__ import annotations

__all__ = ["__version__", "__title__", "VERSION"]  # noqa: F822 (__getattr__)

#: this project's version (the one in pyproject.toml)
VERSION = "0.1.0"

#: the distribution's name
__title__ = "schedula_nb"


def current_version() -> str:
    """The version ``__version__`` says now: ours, or under the switch the
    reference's that the switch follows (``_alias.REFERENCE_VERSION``).

    >>> current_version() == VERSION
    True
    """
    from ._alias import REFERENCE_VERSION, is_aliased

    return REFERENCE_VERSION if is_aliased() else VERSION


def __getattr__(name: str) -> str:
    # PEP 562: read at each use, so it follows the switch as it is turned on
    # and off (alias / unalias).
    if name in ("__version__", "version"):
        return current_version()
    raise AttributeError(f"module 'schedula_nb._version' has no attribute {name!r}")
