"""The switch's state: follow the reference where schedula_nb deliberately
differs (public door: ``schedula_nb.compat``). One dict, read where a
difference lives, so the check costs a dict lookup."""

#: ``reference``: True while code written for schedula is served
STATE = {"reference": False}
