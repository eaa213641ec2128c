"""An IPython shell with ``%load_ext schedula_nb``, fresh for each test.

IPython's shell is a process-wide singleton: each test gets it with the
extension loaded and an empty namespace, and leaves it unloaded.
"""

import pytest

pytest.importorskip("IPython")


@pytest.fixture
def shell():
    from IPython.testing.globalipapp import get_ipython, start_ipython

    ip = start_ipython() or get_ipython()  # None once started
    ip.reset(new_session=False)
    ip.config.pop("SchedulaNb", None)  # a %config of an earlier test
    ip.run_line_magic("load_ext", "schedula_nb")
    try:
        yield ip
    finally:
        if "schedula_nb" in ip.extension_manager.loaded:
            ip.run_line_magic("unload_ext", "schedula_nb")
        ip.reset(new_session=False)
