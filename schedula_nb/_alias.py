"""The switch that runs code written for ``schedula`` on schedula_nb, unchanged.

After :func:`alias`, ``import schedula`` gives ``schedula_nb`` and every
``schedula.<path>`` gives ``schedula_nb.<path>`` (``schedula.utils.dsp`` is
``schedula_nb.utils.dsp``, a thin module over this project's core): the
*same* module objects under two names, never a second copy, so classes and
constants are identical whichever name imported them (``__version__`` then
says 1.6.15, the version of schedula whose behaviour the switch follows, for
code that checks it; ``schedula_nb.VERSION`` is this project's). Libraries
built on schedula (``formulas``, say) then run on schedula_nb without being
edited.

The switch also turns on the reference's behaviour where this project
deliberately differs (``schedula_nb.compat``): outputs that are not in the
model are left out instead of raising, as code written for the reference
expects. See the docs page "Differences from schedula".

Three doors, one mechanism:

- ``schedula_nb.alias()`` before the first ``import schedula`` (a notebook's
  first cell, a script's first lines);
- ``python -m schedula_nb run script.py [args]`` or
  ``python -m schedula_nb run -m module [args]`` (``-m pytest`` runs a
  library's test suite on schedula_nb);
- ``SCHEDULA_NB_ALIAS=1`` in the environment of a Python whose
  ``sitecustomize`` or kernel start-up imports ``schedula_nb`` (the kernel
  spec of ``kernel_ext`` does).

In a fresh process (the reference, if installed, must not be imported yet):

>>> import subprocess, sys
>>> program = (
...     "import schedula_nb; schedula_nb.alias(); import schedula.utils.dsp; "
...     "print(schedula.utils.dsp.SubDispatchFunction is "
...     "schedula_nb.SubDispatchFunction)"
... )
>>> subprocess.run([sys.executable, "-c", program], capture_output=True,
...                text=True, check=True).stdout
'True\\n'
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from types import ModuleType

__all__ = ["alias", "unalias", "is_aliased", "ENVIRONMENT_VARIABLE"]

#: the name code written for the reference imports
ALIASED = "schedula"
#: the version of schedula whose behaviour the switch follows: under the
#: switch ``schedula.__version__`` says it (``schedula_nb.VERSION`` is ours)
REFERENCE_VERSION = "1.6.15"
#: the package that answers to it
TARGET = "schedula_nb"
#: set to ``1`` to alias when ``schedula_nb`` is first imported
ENVIRONMENT_VARIABLE = "SCHEDULA_NB_ALIAS"


class _AliasLoader(importlib.abc.Loader):
    """Loads ``schedula.<path>`` as the already imported ``schedula_nb.<path>``."""

    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module(self.target)
        self.own_spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run (the target ran when it was imported): only give the
        module back its own spec, which the import system overwrote."""
        module.__spec__ = self.own_spec


class _AliasFinder(importlib.abc.MetaPathFinder):
    """First on ``sys.meta_path``: ``schedula[.x]`` -> ``schedula_nb[.x]``.

    It must come before the path finder: otherwise ``schedula.utils`` would
    be found in ``schedula_nb``'s folder and run again as a second module.
    """

    def find_spec(self, fullname, path=None, target=None):
        if fullname != ALIASED and not fullname.startswith(ALIASED + "."):
            return None
        real = TARGET + fullname[len(ALIASED) :]
        try:
            if importlib.util.find_spec(real) is None:
                return None
        except ModuleNotFoundError:
            return None
        return importlib.machinery.ModuleSpec(
            fullname, _AliasLoader(real), is_package=True
        )


_FINDER = _AliasFinder()


def is_aliased() -> bool:
    """Whether ``import schedula`` gives schedula_nb now."""
    return _FINDER in sys.meta_path


def alias() -> None:
    """Make ``import schedula`` (and its submodules) give schedula_nb.

    Call it before code written for schedula imports it. It refuses when the
    reference ``schedula`` is already imported: two dispatchers in one
    program would mix their classes. Calling it twice is harmless.
    """
    loaded = sys.modules.get(ALIASED)
    if loaded is not None and not _is_ours(loaded):
        raise RuntimeError(
            "schedula_nb.alias(): the reference 'schedula' is already imported "
            f"(from {getattr(loaded, '__file__', '?')}); call alias() before "
            "the first 'import schedula' (a fresh kernel or process)"
        )
    if not is_aliased():
        sys.meta_path.insert(0, _FINDER)
    from . import compat

    compat.follow_reference(True)
    importlib.invalidate_caches()
    ours = [n for n in sys.modules if n == TARGET or n.startswith(TARGET + ".")]
    for name in ours:
        sys.modules.setdefault(ALIASED + name[len(TARGET) :], sys.modules[name])


def unalias() -> None:
    """Undo :func:`alias`: ``import schedula`` finds the reference again."""
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
    for name in [n for n in sys.modules if n == ALIASED or n.startswith(ALIASED + ".")]:
        if _is_ours(sys.modules[name]):
            del sys.modules[name]
    from . import compat

    compat.follow_reference(False)


def alias_from_environment() -> None:
    """Alias when ``SCHEDULA_NB_ALIAS`` is set to a true value (1, true, yes)."""
    if os.environ.get(ENVIRONMENT_VARIABLE, "").strip().lower() in {"1", "true", "yes"}:
        alias()


def _is_ours(module: ModuleType) -> bool:
    name = getattr(module, "__name__", "")
    return name == TARGET or name.startswith(TARGET + ".")
