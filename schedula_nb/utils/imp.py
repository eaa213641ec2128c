"""``schedula.utils.imp``: the reference's import helpers have no public
names; the module exists so that code importing it runs.

>>> import schedula_nb.utils.imp
"""
