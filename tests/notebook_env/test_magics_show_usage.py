"""``%magic?`` shows each magic's usage."""

import pytest

from .shells import run


@pytest.mark.parametrize(
    "query, usage",
    [
        ("%%dsp?", "%%dsp NAME [--description"),
        ("%dispatch?", "%dispatch MODEL [name=value ...]"),
        ("%explore?", "%explore MODEL_OR_SOLUTION"),
    ],
)
def test_usage_in_help(shell, query, usage):
    shell.enable_html_pager = False
    _, out = run(shell, query)
    text = out.stdout + "".join(str(o.data) for o in out.outputs)
    assert usage in text
