"""A model from the functions a cell defines (the body of ``%%dsp``).

Every top-level ``def`` of the cell becomes a function node, in the order of
the cell, except ``async def`` and names starting with ``_`` (helpers). The
inputs are the parameter names (``Dispatcher.add_func``'s rule: the leading
parameters without a default value). The output is the function's name, unless
its return annotation names it:

- ``-> 'A'``: the output is ``A``;
- ``-> ('x', 'y')`` (or a list): the returned tuple fills ``x`` and ``y``;
- ``-> None``: no output (the function only acts, e.g. writes a file);
- any other annotation (``-> float``) is a type: the output is the name.

The annotation is read from the source, so ``from __future__ import
annotations`` changes nothing. When a function's output is its own name, the
function node gets the model's usual suffix for a taken id (``area<0>``).

>>> import textwrap
>>> cell = textwrap.dedent('''
...     def area(w, h):
...         return w * h
...     def split(a) -> ('x', 'y'):
...         return a, -a
...     def _helper(z):
...         return z
... ''')
>>> ns = {}
>>> exec(cell, ns)
>>> [(name, outputs) for name, _, outputs in cell_functions(cell, ns)]
[('area', ['area']), ('split', ['x', 'y'])]
>>> dsp = model_from_cell('shapes', cell, ns)
>>> sorted(dsp.function_nodes), dsp(inputs={'w': 2, 'h': 3, 'a': 1})['area']
(['area<0>', 'split'], 6)
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from typing import Any

from ..core import Dispatcher

__all__ = ["cell_functions", "model_from_cell", "outputs_of"]


def cell_functions(
    code: str, namespace: Mapping
) -> list[tuple[str, Callable, list | None]]:
    """``(name, function, outputs)`` of each function the (already run) cell
    defined, in the cell's order; a name defined twice counts once, where it
    was defined last."""
    defs: dict[str, ast.FunctionDef] = {}
    for node in ast.parse(code).body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            defs.pop(node.name, None)  # a redefinition moves to its new place
            defs[node.name] = node
    found = []
    for name, node in defs.items():
        func = namespace.get(name)
        if callable(func):
            found.append((name, func, outputs_of(node)))
    return found


def outputs_of(node: ast.FunctionDef) -> list | None:
    """The outputs a ``def`` names with its return annotation (see above).

    >>> outputs_of(ast.parse("def f(a) -> 'b': pass").body[0])
    ['b']
    >>> outputs_of(ast.parse("def f(a) -> float: pass").body[0])
    ['f']
    >>> outputs_of(ast.parse("def f(a) -> None: pass").body[0]) is None
    True
    """
    if node.returns is None:
        return [node.name]
    try:
        value: Any = ast.literal_eval(node.returns)
    except (ValueError, SyntaxError):
        return [node.name]  # a type, not a name
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, (tuple, list)) and all(isinstance(v, str) for v in value):
        return list(value) or None
    return [node.name]


def model_from_cell(
    name: str, code: str, namespace: Mapping, description: str = ""
) -> Dispatcher:
    """A new model named ``name`` with the functions ``code`` defined in
    ``namespace`` (``ValueError`` if it defines none; ``ModelError`` from the
    model when two of them clash)."""
    functions = cell_functions(code, namespace)
    if not functions:
        raise ValueError(
            "the cell defines no function: write one `def` per step, e.g. "
            "`def area(width, height): return width * height`"
        )
    dsp = Dispatcher(name=name, description=description)
    for fun_name, func, outputs in functions:
        if outputs and fun_name in outputs and fun_name not in dsp.dmap.nodes:
            dsp.add_data(fun_name)  # the value keeps the name, the step gets <0>
        dsp.add_func(func, outputs=outputs, function_id=fun_name)
    return dsp
