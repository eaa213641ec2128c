"""The tutorial notebook runs top to bottom in JupyterLab, in Chromium, on the
venv's kernel: no error output, and its drawings are on screen (SVG with the
model's node labels)."""

import pytest

from .conftest import screenshot
from .lab import (
    PANEL,
    error_outputs,
    open_notebook,
    run_all_cells,
    save_notebook,
    wait_for_images,
)

#: Labels the tutorial's drawings must show: its functions (one of them
#: reused under a new name) and its data nodes.
LABELS = {
    "generate_key",
    "read_key",
    "read_encrypted",
    "encrypt_message",
    "key_fpath",
    "encrypted",
}


def drawn_svgs(page) -> list[dict]:
    """Every SVG drawing in the notebook's outputs, as the browser shows it.

    JupyterLab shows ``image/svg+xml`` outputs as ``<img src="data:...">``:
    the labels are read back by parsing the image's source in the page.
    """
    return page.locator(f"{PANEL} .jp-RenderedSVG img").evaluate_all(
        """(imgs) => imgs.map((img) => {
            const src = decodeURIComponent(img.src.slice(img.src.indexOf(',') + 1));
            const svg = new DOMParser().parseFromString(src, 'image/svg+xml');
            return {
                naturalWidth: img.naturalWidth,
                height: img.getBoundingClientRect().height,
                texts: [...svg.querySelectorAll('text')].map((t) => t.textContent),
            };
        })"""
    )


@pytest.mark.browser
@pytest.mark.slow
def test_tutorial_runs_with_its_drawings(jupyterlab, page):
    server = jupyterlab()
    open_notebook(page, server, "tutorial.ipynb")
    [session] = server.get_json("api/sessions")
    assert session["kernel"]["name"] == "python3"  # the venv's, as in the file
    run_all_cells(page)

    assert error_outputs(page) == []
    wait_for_images(page)
    drawings = drawn_svgs(page)
    assert len(drawings) >= 3  # the model, its solution, the latest workflow
    for drawing in drawings:
        # Decoded and laid out by the browser: a picture, not a broken image.
        assert drawing["naturalWidth"] > 100 and drawing["height"] > 50, drawing
    labels = {text.strip() for d in drawings for text in d["texts"]}
    assert LABELS <= labels, LABELS - labels
    page.locator(f"{PANEL} .jp-RenderedSVG img").first.scroll_into_view_if_needed()
    screenshot(page, "tutorial-in-jupyterlab")

    # What the kernel computed, read from the saved file: no error anywhere,
    # and the check cell of section 3 answered True.
    saved = save_notebook(page, server, "tutorial.ipynb")
    outputs = [o for c in saved["cells"] for o in c.get("outputs", [])]
    assert [o for o in outputs if o["output_type"] == "error"] == []
    check = next(
        c for c in saved["cells"] if "NBVAL_CHECK_OUTPUT" in "".join(c["source"])
    )
    assert "".join(check["outputs"][0]["data"]["text/plain"]) == "True"
