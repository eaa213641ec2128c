"""``schedula.utils.blue``: blueprints, recipes that build models later.

>>> from schedula_nb.utils.blue import BlueDispatcher
>>> BlueDispatcher().add_data('a', 1).register().default_values['a']['value']
1
"""

from ..core._blue import BlueDispatcher, Blueprint

__all__ = ["BlueDispatcher", "Blueprint"]
