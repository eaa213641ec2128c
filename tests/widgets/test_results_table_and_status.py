"""A pandas table of the solution's values with their status, and a status line
(inputs, computed, failed, out of domain, elapsed time)."""

import pandas as pd

import schedula_nb as sh


def test_table_of_the_tutorial(tutorial):
    ex = tutorial["sol"].explore()
    table = ex.table
    assert isinstance(table, pd.DataFrame)
    assert list(table.columns) == ["node", "value", "status", "distance", "producer"]
    rows = table.set_index("node")
    assert rows.loc["key", "status"] == "computed"
    assert rows.loc["key", "producer"] == "generate_key"
    assert rows.loc["decrypted", "status"] == "input"
    assert rows.loc["read_key", "status"] == "domain"
    assert "generate_key" in ex.ui.table.value and "<table" in ex.ui.table.value


def test_status_line(tutorial, fragile):
    ex = tutorial["sol"].explore()
    line = ex.ui.status.value
    assert line.startswith("3 input · 2 computed · 0 failed · 2 out of domain · ")
    assert line.endswith(" ms")
    ex = sh.explore(fragile({"x": 0}))
    assert "1 failed · 0 out of domain" in ex.ui.status.value
    rows = ex.table.set_index("node")
    assert rows.loc["invert", "status"] == "failed"


def test_model_has_an_empty_table(fragile):
    ex = sh.explore(fragile)
    assert ex.table.empty and "No solution yet" in ex.ui.table.value
    ex.dispatch()
    assert not ex.table.empty
