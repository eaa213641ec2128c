"""How models and solutions display while the extension is loaded, and the
door to the explorer.

One setting, ``SchedulaNb.display``, set with IPython's ``%config``::

    %config SchedulaNb.display = 'text'      # the one-line summaries only
    %config SchedulaNb.display = 'drawing'   # the default: drawing + summary
    %config SchedulaNb.display = 'explorer'  # the interactive explorer

or in a profile's ``ipython_config.py`` (``c.SchedulaNb.display = 'text'``),
or on a kernel's command line (``--SchedulaNb.display=text``). ``%config
SchedulaNb`` shows the current value. Until the explorer exists,
``'explorer'`` shows the drawing.

The hook is a printer of IPython's mimebundle formatter for ``Dispatcher`` and
``Solution``; unloading the extension puts back what was there before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from traitlets import CaselessStrEnum, observe
from traitlets.config import Configurable

from ..core import Dispatcher, Solution

__all__ = ["EXPLORER_MISSING", "SchedulaNb", "explorer", "full_bundle"]

EXPLORER_MISSING = (
    "The interactive explorer is not available yet in this version of "
    "schedula_nb; showing the drawing instead."
)

_TYPES = (Dispatcher, Solution)


def explorer() -> Callable | None:
    """The explorer's factory, ``schedula_nb.explore``, or ``None`` while the
    package has none: the one place the magics and the hook look for it."""
    import schedula_nb

    return getattr(schedula_nb, "explore", None)


def full_bundle(obj: Any) -> dict:
    """The object's own rich display: drawing, HTML summary and text."""
    return obj._repr_mimebundle_()


class SchedulaNb(Configurable):
    """schedula_nb's notebook settings (``%config SchedulaNb``)."""

    display = CaselessStrEnum(
        ("drawing", "explorer", "text"),
        default_value="drawing",
        help="How models and solutions display: 'drawing' (SVG drawing and "
        "summary), 'explorer' (the interactive explorer; the drawing while it "
        "is not available) or 'text' (one-line summaries).",
    ).tag(config=True)

    def __init__(self, shell: Any, **kwargs: Any) -> None:
        super().__init__(parent=shell, **kwargs)
        self.shell = shell
        #: the printers found for each type before ours, put back on uninstall
        self._previous: dict[type, Any] = {}

    def install(self) -> None:
        """Hook the display of models and solutions; expose ``%config``."""
        formatter = self.shell.display_formatter.mimebundle_formatter
        for cls in _TYPES:
            self._previous[cls] = formatter.for_type(cls, self.format)
        if self not in self.shell.configurables:
            self.shell.configurables.append(self)

    def uninstall(self) -> None:
        """Undo :meth:`install`."""
        formatter = self.shell.display_formatter.mimebundle_formatter
        for cls, previous in self._previous.items():
            formatter.pop(cls, None)
            if previous is not None:
                formatter.for_type(cls, previous)
        self._previous.clear()
        if self in self.shell.configurables:
            self.shell.configurables.remove(self)

    def format(self, obj: Any) -> dict:
        """The mimebundle of a model or a solution, by the ``display`` setting."""
        mode = self.display
        if mode == "text":
            from ..render import summary

            text = (
                summary.solution_text
                if isinstance(obj, Solution)
                else summary.model_text
            )
            return {"text/plain": text(obj)}
        factory = explorer() if mode == "explorer" else None
        if factory is not None:
            return factory(obj)._repr_mimebundle_()
        return full_bundle(obj)

    @observe("display")
    def _display_changed(self, change: dict) -> None:
        if change["new"] == "explorer" and explorer() is None:
            print(EXPLORER_MISSING)
