"""Helpers of the notebook-environment tests."""


def run(ip, code):
    """Run ``code`` as a cell; return (result, captured output)."""
    from IPython.utils.capture import capture_output

    with capture_output() as out:
        result = ip.run_cell(code)
    return result, out


HOUSE = """\
def area(width, height):
    return width * height

def price(area, price_per_m2) -> 'cost':
    return area * price_per_m2

def _helper(x):
    return x
"""
