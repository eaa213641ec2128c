"""A server that cannot start is reported with the end of its log, at once
(not after the start-up timeout), and leaves no process behind."""

import pytest

from .servers import ServerError, start_server


@pytest.mark.browser
def test_voila_on_a_missing_notebook_fails_with_its_log(tmp_path):
    with pytest.raises(ServerError) as info:
        start_server("voila", tmp_path / "missing.ipynb", tmp_path / "home")
    message = str(info.value)
    assert "voila exited with code" in message
    assert "neither a file nor a directory" in message  # Voila's own words
    # "exited with code": it failed on the server's exit, not on the start
    # timeout (no clock is read: a busy machine is slow, not wrong)
