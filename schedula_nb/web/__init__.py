"""A model as a web API service (Flask): ``dsp.web().app()``.

``dsp.web(depth=-1, ...)`` returns a :class:`WebModel`: ``.app()`` builds the
Flask application (serve it with any WSGI server) and ``.run(host, port)``
starts Flask's development server. Flask is imported only then; without it
the error says ``pip install 'schedula_nb[web]'``.

Routes (``<model>`` is the slug of the model's name, see :mod:`._routes`):

======================  ======  ===============================================
``/``                   GET     index: the model's description and every route
``/``, ``/<model>``     POST    dispatch the model
``/<model>``            GET     description: inputs, outputs, functions, sub-models
``/<model>.svg``        GET     the model's drawing (501/503 if it cannot draw)
``/<model>/<function>`` POST    run a function node; GET describes it (only
                                the nodes listed in ``functions=``)
``/<model>/<sub>/...``  ...     the same for each sub-model, ``depth`` levels deep
======================  ======  ===============================================

Function routes are off unless listed (``dsp.web(functions=['f'])``); they
run their node in a dispatch, so its input domain and filters apply. A POST
carries JSON, either the reference's ``{"args": [...], "kwargs":
{...}}`` (answered ``{"return": ...}``, the whole solution for a model) or
``{"inputs": {...}, "outputs": [...]}`` (answered ``{"outputs": {...}}``).
Errors are ``{"error": {"status", "type", "message", ...}}`` with status
400, 404, 405, 413, 422, 500 (see :mod:`._errors`); values are encoded as
:mod:`._codec` documents, never pickled.

A function that raises ``sh.WebResponse(response)`` while it is served (in a
model's dispatch or on its own route) stops the dispatch, and the request is
answered ``response`` as it is (a Flask ``Response``, or anything a Flask view
may return); so is a function route whose function returns a ``Response``.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_function('double', lambda x: 2 * x, ['a'], ['b'])
'double'
>>> client = dsp.web(functions=['double']).app().test_client()
>>> client.post('/demo', json={'inputs': {'a': 3}, 'outputs': ['b']}).json
{'outputs': {'b': 6}}
>>> client.post('/demo/double', json={'args': [5]}).json
{'return': 10}
"""

from ._app import WebModel
from ._codec import EncodeError
from ._limits import MAX_BODY_BYTES, MAX_JSON_DEPTH

__all__ = ["WebModel", "EncodeError", "MAX_BODY_BYTES", "MAX_JSON_DEPTH"]
