"""Running graphviz's ``dot`` program: in a subprocess, with a time limit,
and errors that say in one line why there is no drawing.

>>> run_dot('digraph { a -> b }')[:5]
b'<?xml'
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence

from . import summary
from .graph import INSTALL_HINT

__all__ = ["DrawingUnavailable", "run_dot", "reason", "TIMEOUT", "DOT_HINT"]

#: Seconds dot may take before the drawing is given up.
TIMEOUT = 60.0
DOT_HINT = (
    "install graphviz: apt-get install graphviz (Debian/Ubuntu), "
    "brew install graphviz (macOS), winget install graphviz (Windows)"
)


class DrawingUnavailable(RuntimeError):
    """The drawing could not be made; the message says why (one line)."""


def run_dot(
    source: str,
    fmt: str = "svg",
    engine: str = "dot",
    timeout: float = TIMEOUT,
    args: Sequence[str] = (),
) -> bytes:
    """Lay out and render dot ``source`` with the graphviz program ``engine``
    (``args``: more command-line arguments, e.g. ``('-Tpng',)`` for a second
    output after the first on stdout).

    Raises :class:`DrawingUnavailable` when the program is missing, fails or
    takes longer than ``timeout`` seconds.

    >>> run_dot('digraph { a -> b }', 'plain').startswith(b'graph ')
    True
    """
    exe = shutil.which(engine)
    if exe is None:
        raise DrawingUnavailable(
            f"the graphviz program {engine!r} is not on PATH; {DOT_HINT}"
        )
    try:
        proc = subprocess.run(
            [exe, f"-T{fmt}", *args],
            input=source.encode(),
            capture_output=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as err:
        raise DrawingUnavailable(
            f"{engine} took more than {timeout:g} s; draw a smaller part "
            "(dsp.get_sub_dsp(...)) or raise timeout="
        ) from err
    if proc.returncode:
        first = proc.stderr.decode(errors="replace").strip() or "no message"
        raise DrawingUnavailable(f"{engine} failed: {first.splitlines()[0]}")
    return proc.stdout


def reason(err: BaseException) -> str:
    """One line saying why a drawing is missing."""
    if isinstance(err, DrawingUnavailable):
        return str(err)
    if isinstance(err, ImportError):
        return str(err) or INSTALL_HINT
    return f"{type(err).__name__}: {summary.short(str(err), 200)}"
