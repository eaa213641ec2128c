"""``python -m schedula_nb install-kernel|uninstall-kernel --prefix PATH``
writes and removes the kernel spec; its python is this interpreter."""

import json
import subprocess
import sys


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "schedula_nb", *args], capture_output=True, text=True
    )


def test_install_then_uninstall(tmp_path):
    out = cli("install-kernel", "--prefix", str(tmp_path))
    assert out.returncode == 0, out.stderr
    spec_dir = tmp_path / "share" / "jupyter" / "kernels" / "schedula_nb"
    spec = json.loads((spec_dir / "kernel.json").read_text())
    assert spec["display_name"] == "Python 3 + schedula_nb magics"
    assert spec["argv"][0] == sys.executable
    assert "--InteractiveShellApp.extra_extensions=schedula_nb" in spec["argv"]
    assert "{connection_file}" in spec["argv"]

    out = cli("uninstall-kernel", "--prefix", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert not spec_dir.exists()
    out = cli("uninstall-kernel", "--prefix", str(tmp_path))
    assert out.returncode == 1 and "no kernel spec 'schedula_nb'" in out.stderr


def test_locations_are_exclusive():
    out = cli("install-kernel", "--user", "--sys-prefix")
    assert out.returncode == 2 and "not allowed with" in out.stderr
