"""The reference's module path ``schedula.dispatcher``: the :class:`Dispatcher`.

A thin door for code written for schedula (``import schedula.dispatcher``
after ``schedula_nb.alias()``); the model lives in ``schedula_nb.core``.

>>> from schedula_nb.dispatcher import Dispatcher
>>> dsp = Dispatcher(name='demo')
>>> dsp.add_function('max', max, ['a', 'b'], ['c'])
'max'
>>> dsp({'a': 1, 'b': 3})
Solution({'a': 1, 'b': 3, 'c': 3})
"""

from .core._dispatcher import Dispatcher

__all__ = ["Dispatcher"]
