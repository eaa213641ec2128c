"""The magics of ``%load_ext schedula_nb``: ``%%dsp``, ``%dispatch``, ``%explore``.

Each reads its line without IPython's ``$var``/``{expr}`` expansion (nothing in
a magic's line is evaluated) and answers misuse with a ``UsageError``: one
line saying what to write, no traceback.
"""

from __future__ import annotations

import ast
import keyword
from typing import Any

from IPython.core.error import UsageError
from IPython.core.magic import (
    Magics,
    cell_magic,
    line_magic,
    magics_class,
    no_var_expand,
)
from IPython.core.magic_arguments import argument, magic_arguments, parse_argstring
from IPython.display import display

from ..core import Dispatcher, ModelError, Solution
from ._args import parse_dispatch_line
from ._cells import model_from_cell
from ._display import EXPLORER_MISSING, SchedulaNb, explorer, full_bundle

__all__ = ["SchedulaNbMagics"]


@magics_class
class SchedulaNbMagics(Magics):
    """``%%dsp``, ``%dispatch`` and ``%explore``; ``settings`` holds the display
    hook they were loaded with."""

    def __init__(self, shell: Any, settings: SchedulaNb) -> None:
        super().__init__(shell)
        self.settings = settings
        #: what each of our names meant before we were loaded (None: nothing)
        self.previous: dict[str, dict[str, Any]] = {}

    @no_var_expand
    @cell_magic
    @magic_arguments()
    @argument("name", help="the model's name, and the variable it is bound to")
    @argument("--description", default="", help="a sentence on what the model computes")
    def dsp(self, line: str, cell: str) -> None:
        """Build a model from the functions the cell defines.

        Usage::

            %%dsp NAME [--description "what it computes"]
            def area(width, height):
                return width * height

            def price(area, price_per_m2) -> 'cost':
                return area * price_per_m2

        The cell runs in the notebook; then each of its top-level ``def`` is a
        step of a new model ``NAME``, in the cell's order (``async def`` and
        names starting with ``_`` are left out). A step's inputs are its
        parameter names without a default value. Its output is its name, unless
        the return annotation names it: ``-> 'cost'``, ``-> ('x', 'y')`` for a
        returned pair, ``-> None`` for none (a type such as ``-> float`` is
        ignored). The model is bound to ``NAME`` and displayed.
        """
        args = parse_argstring(self.dsp, line)
        name = args.name
        if not name.isidentifier() or keyword.iskeyword(name):
            raise UsageError(f"%%dsp {name}: the model's name must be a Python name")
        shell = self.shell
        code = shell.transform_cell(cell)
        filename = shell.compile.cache(code, shell.execution_count, raw_code=cell)
        exec(shell.compile(code, filename, "exec"), shell.user_global_ns, shell.user_ns)
        try:
            description = _unquote(args.description)
            dsp = model_from_cell(name, code, shell.user_ns, description)
        except (ValueError, ModelError) as err:
            raise UsageError(f"%%dsp {name}: {err}") from None
        shell.user_ns[name] = dsp
        display(dsp)

    @no_var_expand
    @line_magic
    def dispatch(self, line: str) -> Solution:
        """Dispatch a model and show the solution.

        Usage::

            %dispatch MODEL [name=value ...] [$inputs] [--outputs a,b]

        Examples::

            %dispatch household meter_start=1200 meter_end=1530 tariff=0.3
            sol = %dispatch household readings=[1200, 1530] --outputs cost,co2
            %dispatch household start=$start          # a variable of the notebook
            %dispatch model $inputs                   # a dict of inputs

        Values are Python literals (numbers, 'texts', [lists], {dicts}, True,
        None ...), never evaluated code; ``$x`` reads the variable ``x``. The
        solution is returned: it displays as the cell's result (end the line
        with ``;`` to hide it) or can be kept, ``sol = %dispatch ...``.
        A step decorated with ``@sh.cache`` in the ``%%dsp`` cell (or added
        with ``cache=``) runs once per argument values across ``%dispatch``
        lines (see docs/reuse.md).
        """
        name, inputs, outputs = parse_dispatch_line(line, self.shell.user_ns)
        dsp = self._lookup("dispatch", name, (Dispatcher,))
        unknown = [k for k in inputs if k not in dsp.data_nodes]
        if unknown:
            known = ", ".join(sorted(map(str, dsp.data_nodes))[:20])
            raise UsageError(
                f"%dispatch {name}: not in the model: {', '.join(map(str, unknown))}"
                f" (its data: {known})"
            )
        try:
            return dsp.dispatch(inputs=inputs, outputs=outputs)
        except ModelError as err:
            raise UsageError(f"%dispatch {name}: {err}") from None

    @no_var_expand
    @line_magic
    def explore(self, line: str) -> Any:
        """Open the interactive explorer on a model or a solution.

        Usage::

            %explore MODEL_OR_SOLUTION

        The explorer is not part of this version yet: until it is, this shows
        the drawing (and says so).
        """
        name = line.strip()
        obj = self._lookup("explore", name, (Dispatcher, Solution))
        factory = explorer()
        if factory is not None:
            return factory(obj)
        print(EXPLORER_MISSING)
        display(full_bundle(obj), raw=True)
        return None

    def _lookup(self, magic: str, name: str, kinds: tuple) -> Any:
        """The notebook's variable ``name`` if it is one of ``kinds``."""
        what = "model" if kinds == (Dispatcher,) else "model or solution"
        if not name:
            raise UsageError(f"%{magic}: give a {what}, e.g. %{magic} dsp")
        if not name.isidentifier():
            raise UsageError(f"%{magic} {name}: write the name of a variable")
        try:
            obj = self.shell.user_ns[name]
        except KeyError:
            raise UsageError(
                f"%{magic} {name}: no variable {name!r} in the notebook "
                f"(build a model first, e.g. with %%dsp {name})"
            ) from None
        if not isinstance(obj, kinds):
            raise UsageError(
                f"%{magic} {name}: {name} is a {type(obj).__name__}, not a "
                f"schedula_nb {what}"
            )
        return obj


def _unquote(text: str) -> str:
    """IPython's argument split keeps the quotes: ``'a flat'`` -> ``a flat``."""
    if len(text) > 1 and text[0] == text[-1] and text[0] in "'\"":
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            return text
        return value if isinstance(value, str) else text
    return text
