"""The ``schedula_nb`` Jupyter kernel: a Python kernel that loads the extension
by itself (no ``%load_ext`` needed).

The spec's template is ``schedula_nb/kernel_ext_data/kernel.json`` (shipped in
the package; ``kernel_ext/README.md`` explains it): its argv starts the usual
``ipykernel_launcher`` with ``--InteractiveShellApp.extra_extensions=schedula_nb``,
and ``{python}`` becomes this interpreter at install time. jupyter_client is
imported only by these functions.

>>> spec = kernel_spec()
>>> spec['display_name'], spec['argv'][0] == sys.executable
('Python 3 + schedula_nb magics', True)
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["KERNEL_NAME", "install_kernel", "kernel_spec", "uninstall_kernel"]

KERNEL_NAME = "schedula_nb"


def kernel_spec(python: str | None = None) -> dict[str, Any]:
    """The kernel.json for ``python`` (default: this interpreter)."""
    text = resources.files(__package__).joinpath("kernel_ext_data", "kernel.json")
    spec = json.loads(text.read_text(encoding="utf-8"))
    python = python or sys.executable
    spec["argv"] = [python if a == "{python}" else a for a in spec["argv"]]
    return spec


def install_kernel(
    *,
    user: bool = False,
    prefix: str | None = None,
    name: str = KERNEL_NAME,
    display_name: str | None = None,
) -> Path:
    """Install the kernel spec and return its folder.

    ``user``: in the user's Jupyter data folder; ``prefix``: under
    ``PREFIX/share/jupyter/kernels`` (``sys.prefix`` for the active
    environment); neither: system-wide.
    """
    manager = _manager()
    spec = kernel_spec()
    if display_name:
        spec["display_name"] = display_name
    with tempfile.TemporaryDirectory() as tmp:
        _copy_logos(Path(tmp))
        Path(tmp, "kernel.json").write_text(json.dumps(spec, indent=1) + "\n")
        dest = manager.install_kernel_spec(
            tmp, kernel_name=name, user=user, prefix=prefix
        )
    return Path(dest)


def uninstall_kernel(
    *, user: bool = False, prefix: str | None = None, name: str = KERNEL_NAME
) -> Path:
    """Remove the kernel spec installed with the same options; return the
    removed folder (``FileNotFoundError`` if there is none)."""
    dest = _destination(_manager(), name, user, prefix)
    if not (dest / "kernel.json").is_file():
        raise FileNotFoundError(f"no kernel spec {name!r} in {dest.parent}")
    shutil.rmtree(dest)
    return dest


def _destination(manager: Any, name: str, user: bool, prefix: str | None) -> Path:
    """Where ``install_kernel_spec`` puts a spec with these options."""
    if user:
        return Path(manager.user_kernel_dir, name)
    if prefix:
        return Path(prefix).resolve() / "share" / "jupyter" / "kernels" / name
    from jupyter_core.paths import SYSTEM_JUPYTER_PATH

    return Path(SYSTEM_JUPYTER_PATH[0], "kernels", name)


def _manager() -> Any:
    try:
        from jupyter_client.kernelspec import KernelSpecManager
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            "installing the kernel needs jupyter_client and ipykernel: "
            "pip install 'schedula_nb[notebook]'"
        ) from err
    return KernelSpecManager()


def _copy_logos(folder: Path) -> None:
    """ipykernel's Python logos, when ipykernel is there (they are optional)."""
    try:
        from ipykernel.kernelspec import RESOURCES
    except ImportError:
        return
    for logo in Path(RESOURCES).glob("logo-*"):
        shutil.copy(logo, folder / logo.name)
