"""``schedula_nb`` offers ``load_ipython_extension`` without importing IPython;
IPython loads with the extension."""

import subprocess
import sys


def test_entry_points_do_not_import_ipython():
    code = (
        "import sys, schedula_nb as sh\n"
        "assert callable(sh.load_ipython_extension)\n"
        "assert callable(sh.unload_ipython_extension)\n"
        "print('IPython' in sys.modules, 'schedula_nb.ipython' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "False"]
