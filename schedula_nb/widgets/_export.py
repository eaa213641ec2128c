"""The explorer's state as a static HTML page, for people without a kernel.

The page holds the ipywidgets embed of the explorer (its widgets' state, drawn
by the ipywidgets HTML manager and the widgets' front-end code, which the page
loads from the jsDelivr CDN the way ``ipywidgets.embed`` does) and, above it,
the static drawing of the same view, which shows without any script.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

__all__ = ["export_html"]

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>{title}</title>
{manager}
</head>
<body>
<h1>{title}</h1>
<p>{status}</p>
<details class="sh-static"><summary>Static drawing</summary>{drawing}</details>
{widget}
{state}
</body>
</html>
"""


def export_html(explorer: Any, path: Any, title: str | None = None) -> Path:
    """Write ``explorer`` (its current state) to ``path`` as one HTML file."""
    from ipywidgets.embed import embed_snippet

    from ..render import mimebundle

    shown = explorer.solution if explorer.solution is not None else explorer.dsp
    drawing = mimebundle(shown, include=("text/html",)).get("text/html", "")
    snippet = embed_snippet(views=[explorer])
    # embed_snippet: the manager's <script> tags, then the state and the view.
    cut = snippet.find('<script type="application/vnd.jupyter.widget-state+json">')
    manager, rest = (snippet[:cut], snippet[cut:]) if cut >= 0 else ("", snippet)
    title = title or f"Explorer: {explorer.dsp.name or 'model'}"
    page = _PAGE.format(
        title=html.escape(title),
        manager=manager,
        status=html.escape(explorer.view.status_line()),
        drawing=drawing,
        widget="",
        state=rest,
    )
    out = Path(path)
    out.write_text(page, encoding="utf-8")
    return out
