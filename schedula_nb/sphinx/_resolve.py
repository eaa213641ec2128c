"""Finding the model a directive documents: by its dotted name, or by running
the directive's code (the reference's doctest style) and taking a name from it.

Nothing here imports Sphinx: the functions are plain Python, tested directly.

>>> from schedula_nb.sphinx._resolve import as_model, import_object
>>> import schedula_nb as sh
>>> as_model(sh.Dispatcher(name='m')).name
'm'
>>> import_object('schedula_nb.render.plot.MAX_NODES')
3000
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

__all__ = ["NotAModel", "as_model", "import_object", "run_code", "code_lines"]


class NotAModel(TypeError):
    """The object named by a directive is not a model (a ``Dispatcher``)."""


def is_model(obj: Any) -> bool:
    """A ``Dispatcher`` (anything with a ``dmap`` graph, a ``name`` and
    ``default_values``)."""
    return all(hasattr(obj, a) for a in ("dmap", "name", "default_values"))


def as_model(obj: Any) -> Any:
    """The model ``obj`` is or builds: a model itself, the model a
    ``Blueprint`` registers, or the model a wrapper (``SubDispatch`` ...) runs.

    >>> import schedula_nb as sh
    >>> inner = sh.Dispatcher(name='inner')
    >>> as_model(sh.SubDispatchFunction(inner, 'f', [], [])).name
    'inner'
    >>> try:
    ...     as_model(42)
    ... except NotAModel as err:
    ...     print(err)
    int is not a model (a schedula_nb.Dispatcher)
    """
    if is_model(obj):
        return obj
    if callable(getattr(obj, "register", None)) and hasattr(obj, "deferred"):
        built = obj.register(memo={})  # a Blueprint
        if is_model(built):
            return built
    inner = getattr(obj, "dsp", None)
    if is_model(inner):
        return inner
    raise NotAModel(f"{type(obj).__name__} is not a model (a schedula_nb.Dispatcher)")


def import_object(name: str, module: str | None = None) -> Any:
    """The object at dotted ``name``: the longest importable module prefix,
    then attributes. A name without a module is looked up in ``module``
    first (the page's ``currentmodule``).

    >>> import_object('Dispatcher', module='schedula_nb').__name__
    'Dispatcher'
    >>> import_object('schedula_nb.nothing_here')
    Traceback (most recent call last):
    ...
    ImportError: cannot import 'schedula_nb.nothing_here': no attribute 'nothing_here' in module 'schedula_nb'
    """
    tries = [f"{module}.{name}", name] if module else [name]
    errors = []
    for full in tries:
        try:
            return _import_dotted(full)
        except ImportError as err:
            errors.append(err)
    raise errors[-1]


def _import_dotted(name: str) -> Any:
    parts = name.split(".")
    for i in range(len(parts), 0, -1):
        modname = ".".join(parts[:i])
        try:
            obj = importlib.import_module(modname)
        except ModuleNotFoundError as err:
            if err.name and modname.startswith(err.name) and i > 1:
                continue  # not a module: try a shorter prefix
            raise ImportError(f"cannot import {name!r}: {err}") from err
        for attr in parts[i:]:
            if not hasattr(obj, attr):
                kind = "module" if isinstance(obj, ModuleType) else "object"
                raise ImportError(
                    f"cannot import {name!r}: no attribute {attr!r} in "
                    f"{kind} {modname!r}"
                )
            obj = getattr(obj, attr)
            modname = f"{modname}.{attr}"
        return obj
    raise ImportError(f"cannot import {name!r}")


def code_lines(content: list[str]) -> list[str]:
    """The Python code of a directive's content: doctest prompts removed and
    the expected output dropped; plain code as it is.

    >>> code_lines(['>>> a = 1', '>>> if a:', '...     b = 2', '>>> a', '1'])
    ['a = 1', 'if a:', '    b = 2', 'a']
    >>> code_lines(['x = 1', '', 'y = 2'])
    ['x = 1', '', 'y = 2']
    """
    if not any(line.lstrip().startswith(">>>") for line in content):
        return list(content)
    out = []
    for line in content:
        text = line.strip()
        if text.startswith(">>>") or text.startswith("..."):
            out.append(text[4:] if len(text) > 3 else "")
    return out


def run_code(content: list[str], name: str, filename: str = "<directive>") -> Any:
    """Run the directive's code in a fresh namespace and return the object
    called ``name`` in it (a dotted name reads attributes).

    >>> run_code(['>>> import schedula_nb as sh', ">>> d = sh.Dispatcher(name='x')"], 'd.name')
    'x'
    """
    namespace: dict[str, Any] = {"__name__": "__sphinx_dispatcher__"}
    code = compile("\n".join(code_lines(content)) + "\n", filename, "exec")
    exec(code, namespace)  # the documentation's own code, as conf.py is
    first, *rest = name.split(".")
    if first not in namespace:
        raise NameError(f"the directive's code does not define {first!r}")
    obj = namespace[first]
    for attr in rest:
        obj = getattr(obj, attr)
    return obj
