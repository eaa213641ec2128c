"""In a real IPython kernel (the one a notebook runs), a cell can ``await``
a dispatch: the kernel's event loop is running, as in JupyterLab."""

import os
from pathlib import Path

import pytest

pytest.importorskip("ipykernel")
manager = pytest.importorskip("jupyter_client.manager")

ROOT = Path(__file__).resolve().parents[2]

CELL = """\
import time, schedula_nb as sh
dsp = sh.Dispatcher()
for i in range(4):
    dsp.add_function(f'nap{i}', lambda a: time.sleep(0.3) or a + 1, ['a'], [f'b{i}'])
sol = await dsp.dispatch_async({'a': 1}, executor='async')
starts = [sol.times[f'nap{i}'][0] for i in range(4)]
ends = [sol.times[f'nap{i}'][1] for i in range(4)]
print(sorted(sol.items()), max(starts) < min(ends))  # all four at once
"""


@pytest.mark.slow
def test_a_cell_awaits_a_dispatch():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    km, kc = manager.start_new_kernel(startup_timeout=120, env=env)
    out = []

    def hook(msg):
        if msg["header"]["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["header"]["msg_type"] == "error":
            out.append("\n".join(msg["content"]["traceback"]))

    try:
        reply = kc.execute_interactive(CELL, timeout=120, output_hook=hook)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert reply["content"]["status"] == "ok", "".join(out)
    text = "".join(out)
    assert "('b0', 2), ('b1', 2), ('b2', 2), ('b3', 2)" in text and "True" in text
