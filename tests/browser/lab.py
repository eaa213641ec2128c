"""Driving a notebook in JupyterLab from Playwright: open, run all, save.

The selectors and menu commands are the ones that worked with JupyterLab 4
here (``/work/shared/notes/browser-testing.md``): every notebook is opened in a
fresh workspace, so Lab does not reopen old tabs, and every selector is scoped
to the visible notebook panel.
"""

from __future__ import annotations

import time
import uuid

from playwright.sync_api import Page

from .servers import Server

#: The notebook panel on screen (Lab keeps hidden panels in the page).
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

#: Seconds for a kernel to start and for a whole notebook to run.
KERNEL_TIMEOUT = 90.0
RUN_TIMEOUT = 240.0


def open_notebook(page: Page, server: Server, name: str) -> None:
    """Open ``name`` (relative to the server's root) and wait for its kernel."""
    workspace = f"test-{uuid.uuid4().hex[:8]}"
    page.goto(server.page(f"lab/workspaces/{workspace}/tree/{name}", reset=""))
    page.wait_for_selector(f"{PANEL} .jp-Notebook", timeout=KERNEL_TIMEOUT * 1000)
    # The indicator says "idle" before a kernel is attached too ("No Kernel"):
    # cells run then are silently dropped.
    page.wait_for_function(
        """(panel) => {
            const name = document.querySelector(panel + ' .jp-KernelName');
            const status = document.querySelector(
                panel + ' .jp-Notebook-ExecutionIndicator');
            return name && status && status.dataset.status === 'idle'
                && !/^(No Kernel|Kernel|)$/.test(name.textContent.trim());
        }""",
        arg=PANEL,
        timeout=KERNEL_TIMEOUT * 1000,
        polling=250,
    )


def kernel_name(page: Page) -> str:
    """The display name of the kernel the visible notebook runs on."""
    return page.locator(f"{PANEL} .jp-KernelName").inner_text().strip()


def wait_for_idle(page: Page, timeout: float = RUN_TIMEOUT) -> None:
    """Wait until the visible notebook's kernel is idle."""
    page.wait_for_selector(
        f'{PANEL} .jp-Notebook-ExecutionIndicator[data-status="idle"]',
        timeout=timeout * 1000,
    )


def run_all_cells(page: Page, timeout: float = RUN_TIMEOUT) -> None:
    """Clear all outputs, Run > Run All Cells, wait until every code cell ran.

    "Idle" alone is not enough (the kernel is idle for a moment between two
    cells, and before the first one starts): this waits until no cell is
    queued (``[*]``) and every code cell with code has an execution count.
    """
    # The file may hold execution counts of an earlier run: clear them first.
    page.click('.lm-MenuBar-itemLabel:text-is("Edit")')
    page.click('.lm-Menu-itemLabel:text-is("Clear Outputs of All Cells")')
    page.wait_for_function(
        """(panel) => ![...document.querySelectorAll(panel + ' .jp-InputPrompt')]
            .some((p) => /\\[[\\d*]+\\]/.test(p.textContent))""",
        arg=PANEL,
        timeout=10_000,
    )
    page.click('.lm-MenuBar-itemLabel:text-is("Run")')
    page.click('.lm-Menu-itemLabel:text-is("Run All Cells")')
    page.wait_for_function(
        """(panel) => {
            const nb = document.querySelector(panel);
            if (!nb) return false;
            const cells = nb.querySelectorAll('.jp-CodeCell');
            for (const cell of cells) {
                const code = cell.querySelector('.cm-content');
                if (!code || !code.textContent.trim()) continue;
                const prompt = cell.querySelector('.jp-InputPrompt');
                if (!prompt || !/\\[\\d+\\]/.test(prompt.textContent)) return false;
            }
            const busy = nb.querySelector('.jp-Notebook-ExecutionIndicator');
            return !busy || busy.dataset.status === 'idle';
        }""",
        arg=PANEL,
        timeout=timeout * 1000,
        polling=250,
    )


def save_notebook(page: Page, server: Server, name: str) -> dict:
    """File > Save Notebook; return the notebook as saved (nbformat JSON).

    Waits until the server's copy changed, and reads it through the server's
    API (reading the file directly can catch it half-written).
    """

    def last_modified() -> str:
        return server.get_json(f"api/contents/{name}", content="0")["last_modified"]

    before = last_modified()
    page.click('.lm-MenuBar-itemLabel:text-is("File")')
    page.click('.lm-Menu-itemLabel:text-is("Save Notebook")')
    deadline = time.monotonic() + 30
    while last_modified() == before:
        if time.monotonic() > deadline:
            raise TimeoutError(f"JupyterLab did not save {name} within 30 s")
        time.sleep(0.2)
    return server.get_json(f"api/contents/{name}")["content"]


def wait_for_images(page: Page, timeout: float = 30.0) -> None:
    """Wait until every image in the visible notebook's outputs is decoded.

    JupyterLab shows SVG outputs as ``<img src="data:...">``; their size is
    0 until the browser has decoded them.
    """
    page.wait_for_function(
        """(panel) => [...document.querySelectorAll(
                panel + ' .jp-OutputArea-output img')]
            .every((img) => img.complete && img.naturalWidth > 0)""",
        arg=PANEL,
        timeout=timeout * 1000,
        polling=250,
    )


def error_outputs(page: Page) -> list[str]:
    """The text of every stderr output in the visible notebook.

    JupyterLab shows tracebacks and stderr streams alike (same MIME type), so
    this is both: a warning on stderr counts too. The saved notebook tells
    errors apart (``output_type == "error"``), see :func:`save_notebook`.
    """
    return page.locator(
        f'{PANEL} .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
    ).all_inner_texts()
