"""Helpers for the explorer's browser tests (and its browser benchmark): read
and click the cytoscape graph the explorer draws.

cytoscape.js keeps its instance on its container as ``el._cyreg.cy``; the
explorer's nodes carry ``label`` and ``classes`` in it. Positions are read
again before every click (layouts move nodes).
"""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page

#: JavaScript: the cytoscape instances of the page, in document order.
_CYS = """() => [...document.querySelectorAll('div')]
    .filter((d) => d._cyreg && d._cyreg.cy).map((d) => d._cyreg.cy)"""


def write_notebook(path: Path, cells: list[str]) -> Path:
    """A notebook of code cells (Python 3 kernel) at ``path``."""
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": f"cell{i}",
                "metadata": {},
                "outputs": [],
                "source": source,
            }
            for i, source in enumerate(cells)
        ],
        "metadata": {
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.write_text(json.dumps(nb))
    return path


def wait_for_graph(page: Page, min_nodes: int, index: int = 0, timeout: float = 60):
    """Wait until graph ``index`` is drawn with at least ``min_nodes`` nodes,
    laid out (not all at the origin)."""
    page.wait_for_function(
        f"""([index, n]) => {{
            const cys = ({_CYS})();
            const cy = cys[index];
            if (!cy || cy.nodes().length < n) return false;
            const xs = new Set(cy.nodes().map((v) => Math.round(v.position('x'))));
            return xs.size > 1 && cy.container().getBoundingClientRect().width > 50;
        }}""",
        arg=[index, min_nodes],
        timeout=timeout * 1000,
        polling=100,
    )


def node_classes(page: Page, label: str, index: int = 0) -> list[str]:
    """The classes of the node labelled ``label`` in graph ``index``."""
    return page.evaluate(
        f"""([index, label]) => {{
            const cy = ({_CYS})()[index];
            const node = cy.nodes().filter((v) => v.data('label') === label)[0];
            return node ? node.classes() : null;
        }}""",
        [index, label],
    )


def labels(page: Page, index: int = 0) -> list[str]:
    """The labels of the visible nodes of graph ``index``."""
    return page.evaluate(
        f"""(index) => ({_CYS})()[index].nodes(':visible').map((v) => v.data('label'))""",
        index,
    )


def wait_for_class(page: Page, label: str, cls: str, index: int = 0, timeout=30):
    """Wait until the node labelled ``label`` has class ``cls``."""
    page.wait_for_function(
        f"""([index, label, cls]) => {{
            const cy = ({_CYS})()[index];
            if (!cy) return false;
            const node = cy.nodes().filter((v) => v.data('label') === label)[0];
            return !!node && node.hasClass(cls);
        }}""",
        arg=[index, label, cls],
        timeout=timeout * 1000,
        polling=100,
    )


def click_node(page: Page, label: str, index: int = 0) -> None:
    """Click the node labelled ``label`` where the browser draws it."""
    where = node_on_screen(page, label, index)
    page.mouse.click(where["x"], where["y"])


def node_on_screen(page: Page, label: str, index: int = 0) -> dict:
    """Where the browser draws the node labelled ``label`` (page pixels)."""
    where = page.evaluate(
        f"""([index, label]) => {{
            const cy = ({_CYS})()[index];
            const node = cy.nodes().filter((v) => v.data('label') === label)[0];
            if (!node) return null;
            const box = cy.container().getBoundingClientRect();
            const pos = node.renderedPosition();
            return {{x: box.x + pos.x, y: box.y + pos.y}};
        }}""",
        [index, label],
    )
    assert where is not None, f"no node labelled {label!r} is drawn"
    return where


def scroll_graph_into_view(page: Page, index: int = 0) -> None:
    """Scroll the page so that graph ``index`` is on screen (clicks need it)."""
    page.evaluate(
        f"""(index) => ({_CYS})()[index].container().scrollIntoView({{block: 'center'}})""",
        index,
    )


def node_style(page: Page, label: str, prop: str, index: int = 0) -> str:
    """The computed style ``prop`` (e.g. ``background-color``) of a node."""
    return page.evaluate(
        f"""([index, label, prop]) => {{
            const cy = ({_CYS})()[index];
            const node = cy.nodes().filter((v) => v.data('label') === label)[0];
            return node ? node.style(prop) : null;
        }}""",
        [index, label, prop],
    )


def show_in_voila(
    voila, folder: Path, page: Page, name: str, cells: list[str], min_nodes: int
):
    """Write ``cells`` as notebook ``name`` in ``folder``, open it in Voila
    (the ``voila`` fixture) and wait until its graph is drawn and settled
    (the graph scrolled into view); returns the server."""
    write_notebook(folder / name, cells)
    server = voila(name)
    page.goto(server.page(""), timeout=120_000)
    wait_for_graph(page, min_nodes=min_nodes, timeout=120)
    page.wait_for_timeout(500)  # a restyle (the edges' routes) lands after the draw
    scroll_graph_into_view(page)
    return server
