"""``schedula.utils.base``: ``Base``, what models, wrappers and solutions
share (drawings, the web service, node look-up); here the core's doors.

>>> from schedula_nb.utils.base import Base
>>> import schedula_nb as sh
>>> isinstance(sh.Dispatcher(), Base)
True
"""

from __future__ import annotations

import os.path as osp
import sys

from ..core._doors import Doors as Base

__all__ = ["Base", "get_loaded_module_name_from_filename"]


def get_loaded_module_name_from_filename(filename: str) -> str | None:
    """The name of the imported module whose file is ``filename``, or None."""
    filename = osp.abspath(filename)
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if path and osp.abspath(path) == filename:
            return name
    return None
