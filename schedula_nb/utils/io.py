"""``schedula.utils.io``: saving and loading models, defaults and maps.

Loading a file runs code from it (pickle): load only files you trust.

>>> from schedula_nb.utils.io import save_dispatcher, load_dispatcher
>>> callable(save_dispatcher) and callable(load_dispatcher)
True
"""

from ..core._io import (
    load_default_values,
    load_dispatcher,
    load_map,
    save_default_values,
    save_dispatcher,
    save_map,
)

__all__ = [
    "load_default_values",
    "load_dispatcher",
    "load_map",
    "save_default_values",
    "save_dispatcher",
    "save_map",
]
