"""``sh.app`` in Voila and the system Chromium: the first paint (the page
asked for -> the answer cards on screen) and a keystroke's round trip (a
value typed in a field -> the card's new answer), on the household-energy app
and on a 1,000-node chain.

Run (Voila on 127.0.0.1, as the browser tests)::

    .venv/bin/python benchmarks/app_browser.py [--models household chain-1000]
        [--trips 10] [--paints 3] [--json FILE]

Targets (issue 17, on the 2-core machine): first paint under 3 s and a
keystroke under 300 ms on the household model; a keystroke under 1 s on a
1,000-node model.

How it is measured: the first paint is from ``page.goto`` (Voila starts a
kernel and runs the notebook) to the first ``.sh-card-value`` in the page, on
a fresh page each time, the models taken in turn (one Voila server each,
started before the first round), so the machine's load weighs on all alike. A keystroke is timed in the page: the field's value
is set and its ``input`` event fired (what typing a key does), and
``performance.now()`` is read again when the cards' text changes (a
``MutationObserver``). It includes the app's debounce (``delay``, 0.1 s by
default: what people get), the kernel's dispatch and the widgets' messages.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.explorer_fixtures import write_notebook  # noqa: E402
from tests.browser.servers import start_server  # noqa: E402

#: model name -> (notebook cell, the field typed into, values typed in turn);
#: ``floor``: one HTML widget shaped as a card, no model (Voila's own cost)
MODELS = {
    "floor": (
        "import ipywidgets as w\n"
        "w.HTML(\"<div class='sh-cards'><div class='sh-card-value'>1</div></div>\")",
        None,
        [],
    ),
    "household": (
        f"import sys\nsys.path.insert(0, {str(ROOT / 'notebooks')!r})\n"
        "from household import household_app\nhousehold_app()",
        "Meter reading at the end",
        [f"12,{890 + i}" for i in range(100)],
    ),
    "chain-1000": (
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "import schedula_nb as sh\nfrom tests.widgets.models import chain_model\n"
        "sh.app(chain_model(sh, 1000), values={'d0': 0})",
        "D0",
        [str(i + 1) for i in range(100)],
    ),
}

_TYPE = """async ([label, text]) => {
    const row = [...document.querySelectorAll('.sh-field')].find(
        (r) => r.querySelector('.sh-field-label').textContent === label);
    const input = row.querySelector('input');
    const before = document.querySelector('.sh-cards').textContent;
    let t0 = 0;
    const took = new Promise((resolve) => {
        const seen = new MutationObserver(() => {
            const now = document.querySelector('.sh-cards');
            if (now && now.textContent !== before) {
                seen.disconnect();
                resolve(performance.now() - t0);
            }
        });
        seen.observe(document.body, {subtree: true, childList: true,
                                     characterData: true});
    });
    input.value = text;
    t0 = performance.now();
    input.dispatchEvent(new Event('input', {bubbles: true}));
    return await took;
}"""


def compile_bytecode() -> None:
    """Write the bytecode of ``schedula_nb`` and the notebooks' modules, as an
    installed package has it. Where ``PYTHONDONTWRITEBYTECODE`` is set (these
    sessions set it) every kernel would compile them from source again, which
    no presenter's machine does (~0.16 s of the household app's first paint)."""
    import compileall

    for folder in ("schedula_nb", "notebooks"):
        compileall.compile_dir(ROOT / folder, quiet=1)


def first_paint(browser, server, name: str) -> tuple[float, Any]:
    """Seconds from asking for ``name``'s page to its first answer card, on
    a fresh page (returned open)."""
    page = browser.new_page(viewport={"width": 1366, "height": 800})
    start = time.perf_counter()
    page.goto(server.page(f"voila/render/{name}.ipynb"), timeout=180_000)
    page.wait_for_selector(".sh-card-value", timeout=180_000)
    return time.perf_counter() - start, page


def time_models(browser, root: Path, home: Path, names, paints: int, trips: int):
    """``{name: (first paints, keystrokes)}`` in seconds. The paints are
    interleaved (one of each model in turn, ``paints`` rounds), so a change
    in the machine's load falls on every model alike."""
    servers, out = {}, {name: ([], []) for name in names}
    try:
        for name in names:
            write_notebook(root / f"{name}.ipynb", [MODELS[name][0]])
            servers[name] = start_server("voila", root, home / name)
        for i in range(max(paints, 1)):
            for name in names:
                took, page = first_paint(browser, servers[name], name)
                out[name][0].append(took)
                _, field, texts = MODELS[name]
                if i == max(paints, 1) - 1 and field:
                    page.wait_for_timeout(500)  # the graph settles
                    for text in texts[:trips]:
                        out[name][1].append(page.evaluate(_TYPE, [field, text]) / 1000)
                page.close()
    finally:
        for server in servers.values():
            server.stop()
    return out


def _stats(values: list[float]) -> dict | None:
    if not values:
        return None
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "n": len(values),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", nargs="+", default=list(MODELS), choices=MODELS)
    parser.add_argument("--paints", type=int, default=3)
    parser.add_argument("--trips", type=int, default=10)
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument(
        "--from-source",
        action="store_true",
        help="do not write bytecode first (see compile_bytecode)",
    )
    args = parser.parse_args(argv)
    if not args.from_source:
        compile_bytecode()
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        root, home = Path(tmp) / "nb", Path(tmp) / "home"
        root.mkdir()
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"]
        )
        try:
            timed = time_models(
                browser, root, home, args.models, args.paints, args.trips
            )
            for name, (first, keys) in timed.items():
                results[name] = {
                    "first_paint": _stats(first),
                    "keystroke": _stats(keys),
                }
                for what, values in (("first paint", first), ("keystroke", keys)):
                    if values:
                        print(
                            f"{name}: {what}, {len(values)} runs: median "
                            f"{statistics.median(values) * 1e3:.0f} ms, min "
                            f"{min(values) * 1e3:.0f} ms, max {max(values) * 1e3:.0f} ms",
                            flush=True,
                        )
        finally:
            browser.close()
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
