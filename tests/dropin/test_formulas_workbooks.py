"""formulas computing this project's own workbooks gives the reference's values.

The workbooks of ``workbooks.py`` (arithmetic, logic and errors, lookups,
text, dates, sheets with defined names, a circular loop, HEX2DEC and array
formulas, 3,000 cells) are built with openpyxl, then formulas 1.3.4 runs unchanged in two fresh
interpreters, on the reference and through ``python -m schedula_nb run``:
``ExcelModel().loads(path).finish(circular=...)``, ``calculate()``,
``write()``, ``from_dict(to_dict())`` calculated again, and
``compile(inputs, outputs)`` called with new inputs. Every cell's value, every
written cell and every call's answer must be the same on both sides (compared
in a JSON-safe string form that keeps the type: ``float:1.5``,
``XlError:#DIV/0!``); the first differing cells are shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .workbooks import BOOKS, build_all

pytestmark = [pytest.mark.compat, pytest.mark.slow]

SIDE = Path(__file__).with_name("workbooks.py")


def _side(on_schedula_nb: bool, folder: Path) -> dict:
    """formulas on every workbook in ``folder``, in a fresh interpreter."""
    door = ["-m", "schedula_nb", "run"] if on_schedula_nb else []
    env = {k: v for k, v in os.environ.items() if k != "SCHEDULA_NB_ALIAS"}
    done = subprocess.run(
        [sys.executable, *door, str(SIDE), str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**env, "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
    )
    side = "schedula_nb" if on_schedula_nb else "the reference"
    assert done.returncode == 0, f"formulas on {side} crashed:\n{done.stderr[-3000:]}"
    result = json.loads(done.stdout.strip().splitlines()[-1])
    expected = "schedula_nb" if on_schedula_nb else "schedula"
    assert result["schedula"] == expected, f"{side} ran on {result['schedula']}"
    return result["books"]


@pytest.fixture(scope="module")
def sides(tmp_path_factory) -> dict:
    """``{'ref': books, 'nb': books}``, the two sides run side by side."""
    pytest.importorskip("formulas")
    pytest.importorskip("schedula")  # the reference
    pytest.importorskip("openpyxl")
    folder = tmp_path_factory.mktemp("workbooks")
    build_all(folder)
    with ThreadPoolExecutor(2) as pool:
        ref, nb = pool.map(lambda on_nb: _side(on_nb, folder), (False, True))
    return {"ref": ref, "nb": nb}


def _book(sides: dict, name: str) -> tuple[dict, dict]:
    ref, nb = sides["ref"][name], sides["nb"][name]
    assert "error" not in ref, f"the workbook is broken on the reference: {ref}"
    assert "error" not in nb, f"formulas fails on schedula_nb only: {nb['error']}"
    return ref, nb


def first_differences(ref: dict, nb: dict, count: int = 5) -> list[str]:
    """The first ``count`` cells whose values differ, one line each.

    >>> first_differences({"A1": "int:1", "A2": "int:2"}, {"A1": "int:1", "A3": "int:3"})
    ["A2: reference 'int:2', schedula_nb None", "A3: reference None, schedula_nb 'int:3'"]
    """
    keys = sorted(set(ref) | set(nb))
    lines = [
        f"{k}: reference {ref.get(k)!r}, schedula_nb {nb.get(k)!r}"
        for k in keys
        if ref.get(k) != nb.get(k)
    ]
    return lines[:count] + (
        [f"... {len(lines) - count} more"] if len(lines) > count else []
    )


@pytest.mark.parametrize("name", list(BOOKS))
@pytest.mark.parametrize(
    "part",
    [
        "cells",  # ExcelModel().loads(path).finish().calculate()
        "written",  # the values ExcelModel.write() puts in the book
        "from_dict",  # ExcelModel().from_dict(model.to_dict()).calculate()
    ],
)
def test_every_cell_has_the_reference_value(sides, name, part):
    ref, nb = _book(sides, name)
    assert ref[part], f"{name}: the reference computed no {part}"
    differences = first_differences(ref[part], nb[part])
    assert not differences, f"{name} ({part}): cells differ:\n" + "\n".join(differences)


@pytest.mark.parametrize("name", list(BOOKS))
def test_compiled_calls_give_the_reference_answers(sides, name):
    ref, nb = _book(sides, name)
    assert len(ref["calls"]) == len(BOOKS[name].calls) > 0
    calls = {f"call {i} {BOOKS[name].calls[i]}": c for i, c in enumerate(ref["calls"])}
    mine = {f"call {i} {BOOKS[name].calls[i]}": c for i, c in enumerate(nb["calls"])}
    differences = first_differences(calls, mine)
    assert not differences, f"{name}: compiled answers differ:\n" + "\n".join(
        differences
    )


def _value(book: dict, cell: str) -> list:
    """The cells of one computed node, found by the end of its id."""
    (node,) = [v for k, v in book["cells"].items() if k.endswith(cell)]
    return node["value"]["cells"]


def test_the_workbooks_exercise_what_they_are_for(sides):
    """The workbooks stay what they claim (a formula formulas stopped
    understanding would make both sides agree on nothing useful)."""
    books = sides["ref"]
    assert _value(books["LOGIC.xlsx"], "LOGIC'!B2") == ["XlError:#DIV/0!"]
    assert _value(books["LOGIC.xlsx"], "LOGIC'!H2") == ["XlError:#N/A"]
    assert _value(books["LOGIC.xlsx"], "LOGIC'!H3") == ["str:missing"]
    assert _value(books["LOOKUPS.xlsx"], "TABLE'!K2") == ["int:30"]
    assert _value(books["LOOKUPS.xlsx"], "TABLE'!K7") == ["str:date"]
    assert _value(books["TEXT.xlsx"], "TEXT'!G2") == ["str:1234.57"]
    assert _value(books["DATES.xlsx"], "DATES'!F3") == ["int:2021"]
    assert _value(books["SHEETS.xlsx"], "RATE") == ["float:0.05"]
    assert _value(books["CIRCULAR.xlsx"], "LOOP'!C1") == ["XlCircular:#CIRC!"]
    assert _value(books["CIRCULAR.xlsx"], "LOOP'!B2") == ["float64:300.0"]
    assert _value(books["CONVERSIONS.xlsx"], "CONV'!E1") == ["str:1F40"]
    assert _value(books["CONVERSIONS.xlsx"], "CONV'!G1:G4") == [
        f"float:{v}" for v in (11.0, 18.0, 7.0, 10.0)
    ]
    assert len(books["LARGE.xlsx"]["cells"]) >= 3000


def test_the_workbooks_are_saved_with_their_sheets(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    paths = build_all(tmp_path)
    assert sorted(paths) == sorted(BOOKS)
    sheets = openpyxl.load_workbook(paths["SHEETS.xlsx"]).sheetnames
    assert sheets == ["INPUTS", "CALC", "REPORT"]
    names = openpyxl.load_workbook(paths["SHEETS.xlsx"]).defined_names
    assert {"RATE", "ITEMS"} <= set(names)
