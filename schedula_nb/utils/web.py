"""``schedula.utils.web``: the model as a web API (Flask), under the
reference's names.

``WebMap`` is :class:`schedula_nb.web.WebModel`, what ``dsp.web()`` returns
(``.app()`` is the Flask application); ``WebResponse`` is the exception a
served function raises to answer a request with a response of its own. The
reference's site-map parts (``WebFolder``, ``WebNode``, ``FolderNodeWeb``)
are not here: this service is not built on drawings' site maps (see the docs
page "Differences from schedula"). Flask is imported only when an
application is built.

>>> import schedula_nb as sh
>>> from schedula_nb.utils.web import WebMap, WebResponse
>>> dsp = sh.Dispatcher(name='demo')
>>> dsp.add_function('f', abs, ['a'], ['b'])
'f'
>>> web = dsp.web(run=False)  # the reference's way to get it without a server
>>> isinstance(web, WebMap), WebResponse is sh.WebResponse
(True, True)
>>> web.app().test_client().post('/', json={'args': [{'a': -2}]}).json
{'return': {'a': -2, 'b': 2}}
"""

from ..core._exceptions import WebResponse
from ..web import WebModel as WebMap

__all__ = ["WebMap", "WebResponse"]
