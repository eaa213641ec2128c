"""The explorer in a real browser: time from ``explore()`` to a drawn graph for
models of 100, 1,000 and 5,000 nodes, and the round trip of a live re-dispatch
on the tutorial (an input changed in the browser -> the graph re-coloured).

Run (JupyterLab on 127.0.0.1 and the system Chromium, as the browser tests)::

    .venv/bin/python benchmarks/explorer_browser.py [--sizes 100 1000 5000] [--trips 10]
        [--backend auto|ipycytoscape|anywidget]

Targets: 1,000 nodes drawn in under 3 s; a round trip under 300 ms, also on
a model of 1,052 nodes (501 functions of ~1 ms) where the edited field reaches 2% of them
(``--slow-trips``: the live explorer re-dispatches with ``reuse``).

``--backend`` is the explorer's graph widget: ``auto`` (the default) draws a
level of more than 300 nodes with the bundled cytoscape.js widget (anywidget,
one message for the whole graph) and smaller ones with ipycytoscape (a widget
per node and edge). Results and the breakdown of where the time goes are in
``benchmarks/results/explorer.md``.

How it is measured: each size runs in a fresh kernel. The kernel records
``time.time()`` just before ``explore()``; the page records ``Date.now()`` when
cytoscape has all the nodes laid out (polled every animation frame); both clocks
are the same machine's. The round trip is from pressing Enter in an input field
(``live=True, delay=0``: no debounce) to the node's new class in the page.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.explorer_fixtures import (  # noqa: E402
    node_classes,
    scroll_graph_into_view,
    wait_for_class,
    write_notebook,
)
from tests.browser.lab import PANEL, open_notebook, run_all_cells  # noqa: E402
from tests.browser.servers import start_server  # noqa: E402

SETUP = f"""\
import sys, time
sys.path.insert(0, {str(ROOT)!r})
import schedula_nb as sh
import schedula_nb.widgets  # the one-time import of ipywidgets & co, not timed
from tests.widgets.models import chain_model
dsp = chain_model(sh, {{n}})
"""

SHOW = """\
t0 = time.time()
ex = sh.explore(dsp, height="600px", backend={backend!r})
ex
"""

TUTORIAL = f"""\
import sys
sys.path.insert(0, {str(ROOT)!r})
import schedula_nb as sh
from tests.widgets.models import tutorial_globals
g = tutorial_globals()
sol = g["sol"]
ex = sol.explore(live=True, delay=0, height="500px")
ex
"""

SLOW = f"""\
import sys
sys.path.insert(0, {str(ROOT)!r})
sys.path.insert(0, {str(ROOT / "benchmarks")!r})
import schedula_nb as sh
from reuse import slow_model
dsp = slow_model(50, 10, 0.001)
dsp.add_function("gate", abs, ["x0_0"], ["gated"], input_domain=lambda x: x >= 0)
sol = dsp({{f"x{{c}}_0": c for c in range(50)}})
ex = sol.explore(live=True, delay=0, height="500px", layout="dagre", reuse=REUSE)
import time
kernel_spans = []  # (start, end) of each live re-dispatch, ms since the epoch
_redispatch = ex._dispatch_from_ui
def _timed_redispatch():
    start = time.time() * 1e3
    _redispatch()
    kernel_spans.append((start, time.time() * 1e3))
ex._dispatch_from_ui = _timed_redispatch
ex
"""

#: the explorer's default ``max_nodes``: a bigger model is drawn in part
MAX_NODES = 1500

_DRAWN = """([n]) => {
    const cy = [...document.querySelectorAll('div')]
        .filter((d) => d._cyreg && d._cyreg.cy).map((d) => d._cyreg.cy)[0];
    if (!cy || cy.nodes().length < n) return false;
    const xs = new Set(cy.nodes().slice(0, 50).map((v) => Math.round(v.position('x'))));
    return xs.size > 1 ? Date.now() : false;
}"""


#: JavaScript: record when the graph's updates are applied (cy.batch: start,
#: end), laid out (layout run) and painted (cytoscape's ``render`` event), in
#: ms since the epoch, in ``window.__trace`` (the ``--slow-trips`` breakdown)
_TRACE = """() => {
    const cy = [...document.querySelectorAll('div')]
        .filter((d) => d._cyreg && d._cyreg.cy).map((d) => d._cyreg.cy)[0];
    const trace = (window.__trace = []);
    const batch = cy.batch.bind(cy);
    cy.batch = (f) => {
        const t = Date.now();
        const out = batch(f);
        trace.push(["batch", t, Date.now()]);
        return out;
    };
    const layout = cy.layout.bind(cy);
    cy.layout = (o) => {
        const l = layout(o);
        const run = l.run.bind(l);
        l.run = () => {
            const t = Date.now();
            run();
            trace.push(["layout", t, Date.now()]);
            return l;
        };
        return l;
    };
    cy.on("render", () => trace.push(["render", Date.now(), Date.now()]));
}"""


def _breakdown(starts: list, ends: list, kernel: list, trace: list) -> dict:
    """Median ms of each leg of the round trips (see ``_TRACE``)."""
    legs: dict[str, list] = {}

    def first(kind: str, after: float):
        return next((e for e in trace if e[0] == kind and e[1] >= after), None)

    for start, end, (k0, k1) in zip(starts, ends, kernel):
        batch = first("batch", k0)  # the graph is updated before the panes
        if batch is None or batch[1] > end:
            continue
        paint = first("render", batch[2])
        painted = paint[1] if paint and paint[1] <= end else end
        layout = first("layout", batch[2])
        times = {
            "Enter -> kernel starts the re-dispatch": k0 - start,
            "kernel starts -> browser applies the graph's update": batch[1] - k0,
            "(kernel: re-dispatch, graph and panes updated)": k1 - k0,
            "browser: cy.batch (elements re-read or patched)": batch[2] - batch[1],
            "browser: applied -> painted": painted - batch[2],
            "painted -> seen by the 100 ms poll": end - painted,
            "= Enter -> painted (what the person sees)": painted - start,
        }
        if layout is not None and layout[1] < end:
            times["browser: layout run (inside the above)"] = layout[2] - layout[1]
        for leg, ms in times.items():
            legs.setdefault(leg, []).append(ms)
    return {leg: statistics.median(ms) for leg, ms in legs.items()}


def _kernel_value(page, name: str, as_text: bool = False) -> Any:
    """Run ``print(name)`` in a new cell at the end, and read it back."""
    page.keyboard.press("Escape")
    page.click(f"{PANEL} .jp-Cell:last-child .jp-InputArea")
    page.keyboard.press("Escape")
    page.keyboard.press("b")  # a new cell below
    page.keyboard.press("Enter")
    page.keyboard.type(
        f"import json; print({name})" if as_text else f"print(repr({name}))"
    )
    page.keyboard.press("Shift+Enter")
    out = page.locator(f"{PANEL} .jp-OutputArea-output pre").last
    out.wait_for(timeout=60_000)
    text = out.inner_text().strip()
    return text if as_text else float(text)


def time_draw(
    browser, root: Path, home: Path, n: int, timeout: float, backend: str = "auto"
) -> dict:
    """Seconds from ``explore()`` to the drawn graph, for a chain of ``n`` nodes."""
    name = f"draw_{n}.ipynb"
    write_notebook(root / name, [SETUP.format(n=n), SHOW.format(backend=backend)])
    server = start_server("lab", root, home / f"lab-{n}")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        open_notebook(page, server, name)
        run_all_cells(page)
        drawn = page.wait_for_function(
            _DRAWN, arg=[min(n, MAX_NODES)], timeout=timeout * 1000, polling="raf"
        ).json_value()
        t0 = _kernel_value(page, "t0")
        nodes = page.evaluate(
            """() => [...document.querySelectorAll('div')]
                .filter((d) => d._cyreg && d._cyreg.cy)[0]._cyreg.cy.nodes().length"""
        )
        return {"nodes": nodes, "seconds": drawn / 1000 - t0}
    except Exception as err:  # not drawn in time: say so, with the reason
        return {"nodes": n, "seconds": None, "error": str(err).splitlines()[0]}
    finally:
        page.close()
        server.stop()


def time_round_trips(browser, root: Path, home: Path, trips: int) -> list[float]:
    """Seconds from Enter in the ``key_fpath`` field to ``read_key`` re-coloured."""
    # In a folder that does not exist: read_key is out of its domain, and
    # write_key cannot create the file (so the path stays bad).
    bad = repr(str(Path(tempfile.gettempdir()) / uuid.uuid4().hex / "no.key"))
    return _round_trips(
        browser, root, home, "trip", TUTORIAL, "key_fpath", "read_key", bad, None, trips
    )  # no key file yet: read_key starts out of its domain


def time_slow_round_trips(
    browser, root: Path, home: Path, trips: int, reuse: bool = True
) -> list[float]:
    """The same on a model of 1,052 nodes, 501 functions of ~1 ms
    (``benchmarks/reuse.py``'s slow model, 50 chains of 10, and ``gate``):
    the field feeds 11 of them, which the live explorer re-runs (``reuse``);
    ``gate`` shows the change. (1,000 functions are 2,100 nodes: more than the
    explorer draws whole.) ``reuse=False``: every function runs again."""
    cell = SLOW.replace("REUSE", str(reuse))
    name = f"slow-{'reuse' if reuse else 'full'}"
    return _round_trips(
        browser, root, home, name, cell, "x0_0", "gate", "-1", "7", trips
    )


def _round_trips(
    browser, root, home, name, cell, field_name, node, bad, good, trips
) -> list[float]:
    """Seconds from Enter in field ``field_name`` to ``node`` re-coloured,
    the field set to ``bad`` (``node`` out of its domain) and ``good`` (it
    runs; None: the field's first value) in turn."""
    write_notebook(root / f"{name}.ipynb", [cell])
    server = start_server("lab", root, home / f"lab-{name}")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        open_notebook(page, server, f"{name}.ipynb")
        run_all_cells(page)
        first = "sh-ran" if good is not None else "sh-domain"  # as drawn first
        wait_for_class(page, node, first, timeout=120)
        scroll_graph_into_view(page)
        field = page.locator(
            f"{PANEL} .widget-text:has(label:text-is('{field_name}')) input"
        )
        good = field.input_value() if good is None else good
        page.evaluate(_TRACE)
        out, starts, ends = [], [], []
        for i in range(trips):
            value, want = (bad, "sh-domain") if i % 2 == 0 else (good, "sh-ran")
            field.fill(value)
            start = page.evaluate("() => Date.now()")
            field.press("Enter")
            wait_for_class(page, node, want)
            starts.append(start)
            ends.append(page.evaluate("() => Date.now()"))
            out.append((ends[-1] - start) / 1000)
            assert want in node_classes(page, node)
        if "kernel_spans" in cell:  # where the time went
            kernel = json.loads(
                _kernel_value(page, "json.dumps(kernel_spans)", as_text=True)
            )
            legs = _breakdown(starts, ends, kernel, page.evaluate("window.__trace"))
            BREAKDOWN.clear()  # printed under the trips' line (_report_trips)
            BREAKDOWN.extend(f"    {leg}: {ms:.0f} ms" for leg, ms in legs.items())
        return out
    finally:
        page.close()
        server.stop()


#: the legs of the last round trips timed with a breakdown, as lines
BREAKDOWN: list[str] = []


def _report_trips(what: str, trips: list[float]) -> dict:
    print(
        f"live re-dispatch round trip ({what}), {len(trips)} trips: "
        f"median {statistics.median(trips) * 1e3:.0f} ms, "
        f"min {min(trips) * 1e3:.0f} ms, max {max(trips) * 1e3:.0f} ms",
        flush=True,
    )
    for line in BREAKDOWN:  # the legs of these trips, under their line
        print(line, flush=True)
    BREAKDOWN.clear()
    return {
        "median": statistics.median(trips),
        "min": min(trips),
        "max": max(trips),
        "n": len(trips),
        "trips": trips,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000])
    parser.add_argument("--trips", type=int, default=10)
    parser.add_argument(
        "--slow-trips",
        type=int,
        default=10,
        help="round trips on 1,052 nodes of slow functions, 2%% reached (reuse)",
    )
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument(
        "--backend", default="auto", choices=("auto", "ipycytoscape", "anywidget")
    )
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args(argv)
    results: dict = {"backend": args.backend, "draw": [], "round_trip": None}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        root, home = Path(tmp) / "nb", Path(tmp) / "home"
        root.mkdir()
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"]
        )
        try:
            for n in args.sizes:
                row = time_draw(browser, root, home, n, args.timeout, args.backend)
                results["draw"].append(row)
                shown = (
                    "not drawn: " + row["error"]
                    if row["seconds"] is None
                    else f"{row['seconds']:.2f} s"
                )
                print(
                    f"explore() -> drawn, {row['nodes']:>5} nodes: {shown}", flush=True
                )
            if args.trips:
                trips = time_round_trips(browser, root, home, args.trips)
                results["round_trip"] = _report_trips("tutorial", trips)
            for reuse in (True, False) if args.slow_trips else ():
                trips = time_slow_round_trips(
                    browser, root, home, args.slow_trips, reuse
                )
                results[f"slow_round_trip_reuse_{reuse}"] = _report_trips(
                    "1,052 nodes, 501 functions of ~1 ms, 2% reached, "
                    + ("reuse" if reuse else "no reuse"),
                    trips,
                )
        finally:
            browser.close()
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
