"""The reference's module paths (``schedula.utils.dsp``, ``.sol``, ``.blue``
...), for code written for schedula.

Each module here is a thin door over this project's own implementation
(``schedula_nb.core``, ``schedula_nb.execution``): the same objects under
the reference's names, never a second copy. ``schedula_nb.alias()`` makes
``import schedula.utils.dsp`` give ``schedula_nb.utils.dsp``.

>>> from schedula_nb.utils.dsp import SubDispatchFunction
>>> import schedula_nb
>>> SubDispatchFunction is schedula_nb.SubDispatchFunction
True
"""
