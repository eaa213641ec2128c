"""The ``:opt:`` option: keyword arguments of ``plot()`` written as Python
literals, parsed safely (``ast.literal_eval``, never ``eval``).

>>> from schedula_nb.sphinx._options import plot_options
>>> plot_options("graph_attr={'rankdir': 'TB'}, depth=0")
{'graph_attr': {'rankdir': 'TB'}, 'depth': 0}
"""

from __future__ import annotations

import ast
from typing import Any

__all__ = ["plot_options"]


def plot_options(text: str | None) -> dict[str, Any]:
    """``name=value, ...`` -> a dict; the values must be Python literals.

    >>> plot_options('')
    {}
    >>> plot_options('max_nodes=None, index=True')
    {'max_nodes': None, 'index': True}
    >>> plot_options('depth=os.system("x")')
    Traceback (most recent call last):
    ...
    ValueError: :opt: depth= must be a Python literal (a number, 'text', [list], {dict} ...)
    >>> plot_options("'TB'")
    Traceback (most recent call last):
    ...
    ValueError: :opt: takes keyword arguments only (name=value, ...), not 'TB'
    """
    text = (text or "").strip()
    if not text:
        return {}
    try:
        call = ast.parse(f"f({text})", mode="eval").body
    except SyntaxError as err:
        raise ValueError(f":opt: is not name=value, ...: {err.msg}") from None
    assert isinstance(call, ast.Call)  # f(...) parses as a call or not at all
    if call.args or any(k.arg is None for k in call.keywords):
        raise ValueError(
            f":opt: takes keyword arguments only (name=value, ...), not {text}"
        )
    out = {}
    for kw in call.keywords:
        try:
            out[kw.arg] = ast.literal_eval(kw.value)
        except ValueError:
            raise ValueError(
                f":opt: {kw.arg}= must be a Python literal "
                "(a number, 'text', [list], {dict} ...)"
            ) from None
    return out
