"""``python -m schedula_nb app MODULE:OBJECT``: a model's app served with
Voila, for presenting (one command, no notebook to write).

``OBJECT`` is a ``Dispatcher``, a ``Solution``, an ``App``, or a function of
no arguments that returns one of them (called in the app's kernel). The
object is imported here first, so a wrong name fails at once with a plain
line; then a one-cell notebook that shows ``sh.app(OBJECT)`` is written to a
temporary folder and Voila serves it (its code hidden).

>>> nb = app_notebook('household:household_app', '/home/me/models')
>>> print(nb['cells'][0]['source'])
import sys
sys.path.insert(0, '/home/me/models')
from schedula_nb._serve import app_for
app_for('household:household_app')
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["load", "app_for", "app_notebook", "serve"]


def load(target: str) -> Any:
    """The object ``MODULE:OBJECT`` names (``OBJECT`` may be dotted).

    >>> load('schedula_nb:Dispatcher').__name__
    'Dispatcher'
    >>> load('schedula_nb')
    Traceback (most recent call last):
    ...
    ValueError: 'schedula_nb' is not MODULE:OBJECT (e.g. household:build_household)
    """
    module, sep, name = target.partition(":")
    if not sep or not module or not name:
        raise ValueError(
            f"{target!r} is not MODULE:OBJECT (e.g. household:build_household)"
        )
    obj: Any = importlib.import_module(module)
    for part in name.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise ValueError(f"{module!r} has no {name!r}") from None
    return obj


def app_for(target: str) -> Any:
    """The app of the object ``target`` names: an ``App`` as it is; a
    function of no arguments is called first; anything else goes to
    ``sh.app``.

    >>> app_for('schedula_nb:Dispatcher')  # a class is called: an empty model
    <App of 'Model': 0 inputs, 0 answers>
    """
    from .widgets import App, app

    obj = load(target)
    if callable(obj) and not hasattr(obj, "dmap") and not isinstance(obj, App):
        obj = obj()
    return obj if isinstance(obj, App) else app(obj)


def app_notebook(target: str, path: str) -> dict:
    """The notebook (nbformat 4 JSON) that shows ``target``'s app, with
    ``path`` (where ``MODULE`` is found) first on ``sys.path``."""
    code = "\n".join(
        [
            "import sys",
            f"sys.path.insert(0, {path!r})",
            "from schedula_nb._serve import app_for",
            f"app_for({target!r})",
        ]
    )
    return {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "metadata": {},
                "outputs": [],
                "source": code,
            }
        ],
        "metadata": {
            "kernelspec": {
                "name": "python3",
                "display_name": "Python 3",
                "language": "python",
            },
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def serve(target: str, voila_args: list[str] = ()) -> int:
    """Check ``target``, then run Voila on its app until it is stopped; the
    exit status of Voila (2 when ``target`` cannot be loaded)."""
    here = os.getcwd()
    sys.path.insert(0, here)
    try:
        load(target)
    except (ImportError, ValueError) as err:
        print(f"python -m schedula_nb app: {err}", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="schedula_nb-app-"))
    name = target.partition(":")[2].rsplit(".", 1)[-1] or "app"
    notebook = folder / f"{name}.ipynb"
    notebook.write_text(json.dumps(app_notebook(target, here), indent=1))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            p for p in (here, os.environ.get("PYTHONPATH", "")) if p
        ),
    }
    command = [sys.executable, "-m", "voila", str(notebook), *voila_args]
    try:
        return subprocess.call(command, env=env)
    except KeyboardInterrupt:
        return 0
