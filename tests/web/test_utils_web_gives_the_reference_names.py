"""``schedula_nb.utils.web`` (``schedula.utils.web`` under the switch) gives
``WebMap``, what ``dsp.web()`` returns, and ``WebResponse``; ``web()`` takes
the reference's ``run=False`` and refuses to start a server it does not."""

import pytest

import schedula_nb as sh
from schedula_nb.utils import web as utils_web


def test_web_returns_a_web_map():
    dsp = sh.Dispatcher(name="m")
    dsp.add_function("f", abs, ["a"], ["b"])
    assert isinstance(dsp.web(), utils_web.WebMap)
    assert isinstance(dsp({"a": -1}).web(run=False), utils_web.WebMap)
    assert utils_web.WebResponse is sh.WebResponse
    assert sorted(utils_web.__all__) == ["WebMap", "WebResponse"]


@pytest.mark.parametrize("run", [True, "yes"])
def test_web_run_asking_for_a_server_is_refused(run):
    with pytest.raises(ValueError, match=rf"web\(run={run!r}\): web\(\) starts no"):
        sh.Dispatcher(name="m").web(run=run)
