"""The same little program, written for schedula, serves a model whose
function raises ``WebResponse``: run on the reference and on schedula_nb
through the switch, both answer the raised response (status, body, its own
header) and the same JSON otherwise.

Each side runs in a fresh interpreter (the switch refuses to alias over an
imported reference). The reference sets ``Content-Type: application/json``
on every answer, a raised response's too; schedula_nb answers the response
as it is (docs/differences.md), so that header is not compared.
"""

import json
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.compat

PROGRAM = textwrap.dedent(
    """
    import json
    import schedula as sh
    from flask import Response
    from schedula.utils.exc import WebResponse
    from schedula.utils.web import WebMap

    def guarded(a):
        if a < 0:
            raise WebResponse(Response("no negatives", 418, {"X-Why": "neg"}))
        return a + 1

    dsp = sh.Dispatcher(name="m")
    dsp.add_function("guarded", guarded, ["a"], ["b"])
    dsp.add_function("fallback", lambda a: 0, ["a"], ["b"], weight=10)
    web = dsp.web(run=False)
    assert isinstance(web, WebMap)
    client = web.app().test_client()
    answers = []
    for a in (-1, 2):
        r = client.post("/", json={"args": [{"a": a}]})
        answers.append([r.status_code, r.get_data(as_text=True),
                        r.headers.get("X-Why")])
    print(json.dumps(answers))
    """
)


def _answers(*command):
    done = subprocess.run(
        [sys.executable, *command], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_raised_response_is_answered_alike(tmp_path):
    pytest.importorskip("schedula")
    pytest.importorskip("flask")
    script = tmp_path / "serve.py"
    script.write_text(PROGRAM)
    ref = _answers(str(script))
    nb = _answers("-m", "schedula_nb", "run", str(script))
    assert ref[0] == [418, "no negatives", "neg"]
    assert json.loads(ref[1][1]) == {"return": {"a": 2, "b": 3}}
    assert nb[0] == ref[0]
    assert json.loads(nb[1][1]) == json.loads(ref[1][1])
    assert nb[1][0] == ref[1][0] == 200
