"""Stopping a server started for a test also stops the kernels it started
(they run in sessions of their own, out of the server's process group)."""

import json
import urllib.request

import pytest

from .servers import _alive, start_server


@pytest.mark.browser
def test_lab_stops_with_its_kernel(tmp_path):
    (tmp_path / "root").mkdir()
    server = start_server("lab", tmp_path / "root", tmp_path / "home")
    try:
        request = urllib.request.Request(
            server.page("api/kernels"),
            data=json.dumps({"name": "python3"}).encode(),
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=30) as resp:
            assert resp.status == 201
        kernels = server.kernel_pids()
        assert kernels, "the kernel is not among the server's processes"
    finally:
        server.stop()
    assert server.proc.returncode is not None
    assert [pid for pid in kernels if _alive(pid)] == []
