"""The results table: a pandas DataFrame of a solution's values and statuses.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher()
>>> dsp.add_function('f', lambda a: 1 / a, ['a'], ['b'])
'f'
>>> results_table(dsp, dsp({'a': 2}))[['node', 'value', 'status', 'producer']]
  node value    status producer
0    a     2     input    start
1    b   0.5  computed        f
"""

from __future__ import annotations

from typing import Any

from ..core._tokens import SINK, START
from ..render import style, summary

__all__ = ["results_table", "show_table", "ROWS"]

ROWS = 200  # rows shown in the widget (the DataFrame has them all)


def results_table(dsp: Any, sol: Any) -> Any:
    """One row per data node with a value (in the order they were reached),
    then the failed and out-of-domain nodes: ``node``, ``value`` (short text),
    ``status``, ``distance``, ``producer`` (the function that supplied it)."""
    import pandas as pd

    columns = ["node", "value", "status", "distance", "producer"]
    if sol is None:
        return pd.DataFrame(columns=columns)
    rows = []
    for node, value in sol.items():
        if node is START or node is SINK:
            continue
        est = sol.estimates(node)
        producer = sol.chosen.get(node) or (next(iter(est)) if len(est) == 1 else None)
        if node in sol.inputs:
            producer = START
        rows.append(
            (
                summary.name(node),
                summary.short(value),
                style.node_status(node, sol),
                sol.visit.get(node),
                summary.name(producer) if producer is not None else "",
            )
        )
    for node, failure in sol.failures.items():
        status = "domain" if failure.kind == "domain" else "failed"
        rows.append((summary.name(node), "", status, sol.visit.get(node), ""))
    return pd.DataFrame(rows, columns=columns)


def show_table(pane: Any, frame: Any, shown: Any = None) -> Any:
    """Show ``frame`` (a :func:`results_table`; ``None``: no solution yet) in
    the HTML widget ``pane``, which shows ``shown`` now; returns what it
    shows. The HTML is made only when the table changed (selecting a node or
    searching keeps it; a live edit usually changes a few values).

    >>> import ipywidgets, pandas as pd
    >>> pane = ipywidgets.HTML()
    >>> frame = pd.DataFrame({"node": ["a"], "value": ["2"]})
    >>> shown = show_table(pane, frame)
    >>> pane.value = "untouched"
    >>> show_table(pane, frame.copy(), shown) is shown, pane.value
    (True, 'untouched')
    >>> show_table(pane, None), pane.value
    (None, '<i>No solution yet: dispatch to see results.</i>')
    """
    if frame is None:
        pane.value = "<i>No solution yet: dispatch to see results.</i>"
        return None
    if shown is not None and frame.equals(shown):
        return shown
    pane.value = frame.to_html(index=False, max_rows=ROWS, border=0)
    return frame
