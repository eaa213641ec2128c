"""``notebooks/household.py`` (the model of the Voila app and the explorer
tour) is the model ``household_energy.ipynb`` builds in front of the reader:
the same nodes, edges, attributes and defaults, and the same answers."""

import importlib.util
import json
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"

CASES = [
    {"meter_start": 12410, "meter_end": 12690},
    {"appliances": {"fridge": (150, 9.6), "lights": (60, 5)}},
    {"meter_start": 12410, "meter_end": 1269, "appliances": {"tv": (100, 3)}},
    {"meter_start": 1, "meter_end": 5, "days": 7, "price_per_kwh": 0.5},
]


def _notebook_model():
    cells = json.loads((NOTEBOOKS / "household_energy.ipynb").read_text())["cells"]
    first_code = next(c for c in cells if c["cell_type"] == "code")
    namespace = {}
    exec(
        compile("".join(first_code["source"]), "household_energy.ipynb", "exec"),
        namespace,
    )
    return namespace["household"]


def _module_model():
    spec = importlib.util.spec_from_file_location(
        "household", NOTEBOOKS / "household.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_household()


def _shape(dsp):
    def attrs(a):
        return {k: v for k, v in a.items() if k not in ("function", "input_domain")}

    return (
        dsp.name,
        {n: attrs(a) for n, a in dsp.dmap.nodes.items()},
        sorted(map(str, dsp.dmap.edges)),
        {k: dict(v) for k, v in dsp.default_values.items()},
    )


def test_same_nodes_edges_and_defaults():
    assert _shape(_module_model()) == _shape(_notebook_model())


@pytest.mark.parametrize("inputs", CASES)
def test_same_answers(inputs):
    mine, theirs = _module_model()(inputs), _notebook_model()(inputs)
    assert dict(mine) == dict(theirs)
    assert set(mine.failures) == set(theirs.failures)
