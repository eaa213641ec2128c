"""Workbooks for formulas, built here with openpyxl, each exercising a part of it.

formulas' own test workbooks are not in its sdist (and are not copied here):
these are this project's own, small and varied, so that formulas computing
them on the reference and on schedula_nb can be compared cell by cell
(``test_formulas_workbooks.py``).

Each :class:`Book` names its builder, whether formulas must solve circular
references (``finish(circular=True)``), and a compiled function to check:
input cells, output cells and the input values of a few calls. Cells are
given as ``SHEET!A1``; :func:`cell_id` turns them into formulas' node ids.

>>> BOOKS["CIRCULAR.xlsx"].circular, BOOKS["CIRCULAR.xlsx"].inputs
(True, ('LOOP!A1',))
>>> cell_id("SHEETS.xlsx", "CALC!B2")
"'[SHEETS.xlsx]CALC'!B2"
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Book:
    """A generated workbook and what to check on it."""

    build: Callable  #: ``build(openpyxl.Workbook)`` fills the (empty) book
    circular: bool = False  #: ``finish(circular=True)``
    inputs: tuple = ()  #: cells given to ``compile`` as inputs
    outputs: tuple = ()  #: cells it computes
    calls: tuple = field(default=())  #: input values, one tuple per call


def cell_id(filename: str, cell: str) -> str:
    """formulas' node id of ``SHEET!A1`` (or of a defined name) in ``filename``.

    >>> cell_id("BOOK.xlsx", "data!a1:b2"), cell_id("BOOK.xlsx", "Rate")
    ("'[BOOK.xlsx]DATA'!A1:B2", 'RATE')
    """
    sheet, _, ref = cell.partition("!")
    if not ref:  # a name defined on the book
        return sheet.upper()
    return f"'[{filename}]{sheet.upper()}'!{ref.upper()}"


def _sheet(book, title: str):
    """The book's first (and only) sheet, renamed ``title``."""
    book.active.title = title
    return book.active


def arithmetic(book) -> None:
    """SUM/AVERAGE/MIN/MAX over ranges, absolute and relative references."""
    data = _sheet(book, "DATA")
    data["A1"], data["B1"], data["C1"] = 1.5, 2, 0.1
    for i in range(2, 13):
        data[f"A{i}"] = i * 3 - 7
        data[f"B{i}"] = f"=A{i}*$C$1+A{i - 1}"
        data[f"C{i}"] = f"=SUM($A$1:A{i})-B{i}/4"
        data[f"D{i}"] = f"=ROUND(A{i}^2/7,3)+MOD(A{i},4)"
    data["F1"] = "=SUM(A1:D12)"
    data["F2"] = "=AVERAGE(A1:A12,C5:C8)"
    data["F3"] = "=MIN(B2:B12)*MAX(D2:D12)"
    data["F4"] = "=SUMPRODUCT(A2:A6,D2:D6)"
    data["F5"] = '=COUNTIF(A1:A12,">5")+SUMIF(A1:A12,"<0")'
    data["F6"] = "=-F1%+2^-1"
    data["F7"] = "=(F1-F2)/(F3+1)"
    data["F8"] = "=INT(F7)+ABS(-F4)"


def logic(book) -> None:
    """IF/AND/OR/IFERROR and errors (#DIV/0!, #N/A, #VALUE!) flowing through."""
    sheet = _sheet(book, "LOGIC")
    values = [4, 0, -3, "text", 12, None, 7.5]
    for i, value in enumerate(values, start=1):
        sheet[f"A{i}"] = value
        sheet[f"B{i}"] = f"=10/A{i}"
        sheet[f"C{i}"] = f"=IFERROR(B{i},-1)"
        sheet[f"D{i}"] = (
            f'=IF(AND(A{i}>0,A{i}<10),"small",IF(OR(A{i}<0,A{i}>10),"out","zero"))'
        )
        sheet[f"E{i}"] = f"=ISERROR(B{i})"
        sheet[f"F{i}"] = f"=B{i}+1"
    sheet["H1"] = "=NA()"
    sheet["H2"] = "=H1*2"
    sheet["H3"] = '=IFNA(H2,"missing")'
    sheet["H4"] = "=SUM(B1:B7)"
    sheet["H5"] = "=SUM(C1:C7)"
    sheet["H6"] = "=IF(H5>0,TRUE,FALSE)"
    sheet["H7"] = "=NOT(H6)"
    sheet["H8"] = '=IF(A4="text",A4&"!",0)'
    sheet["H9"] = "=1/0"


def lookups(book) -> None:
    """VLOOKUP/HLOOKUP/INDEX/MATCH, found and not found."""
    table = _sheet(book, "TABLE")
    names = ["apple", "banana", "cherry", "date", "elder", "fig"]
    for i, name in enumerate(names, start=1):
        table[f"A{i}"] = name
        table[f"B{i}"] = i * 10
        table[f"C{i}"] = i * 1.25
    for j, col in enumerate("EFGHI", start=1):
        table[f"{col}1"] = j * 2
        table[f"{col}2"] = f"={col}1*{col}1"
    table["K1"] = "cherry"
    table["K2"] = "=VLOOKUP(K1,A1:C6,2,FALSE)"
    table["K3"] = '=VLOOKUP("zzz",A1:C6,3,FALSE)'
    table["K4"] = "=HLOOKUP(6,E1:I2,2,FALSE)"
    table["K5"] = "=MATCH(K1,A1:A6,0)"
    table["K6"] = "=INDEX(C1:C6,K5)"
    table["K7"] = "=INDEX(A1:C6,MATCH(40,B1:B6,0),1)"
    table["K8"] = "=MATCH(35,B1:B6,1)"
    table["K9"] = "=VLOOKUP(25,B1:C6,2,TRUE)"
    table["K10"] = '=IFERROR(MATCH("kiwi",A1:A6,0),"none")'


def text(book) -> None:
    """CONCATENATE/LEFT/MID/LEN/UPPER/TEXT/TRIM and the & operator."""
    sheet = _sheet(book, "TEXT")
    words = ["  Schedula ", "formulas", "Excel", "dispatch"]
    for i, word in enumerate(words, start=1):
        sheet[f"A{i}"] = word
        sheet[f"B{i}"] = f"=UPPER(TRIM(A{i}))"
        sheet[f"C{i}"] = f"=LEFT(B{i},3)&MID(A{i},2,3)"
        sheet[f"D{i}"] = f"=LEN(A{i})"
        sheet[f"E{i}"] = f'=CONCATENATE(A{i},"-",D{i})'
    sheet["G1"] = 1234.5678
    sheet["G2"] = '=TEXT(G1,"0.00")'
    sheet["G3"] = '=TEXT(G1,"#,##0")'
    sheet["G4"] = '=MID(A2,20,2)&"|"'
    sheet["G5"] = "=LEFT(A3,-1)"
    sheet["G6"] = '=SUM(D1:D4)&" chars"'


def dates(book) -> None:
    """DATE/YEAR/MONTH/DAY/EDATE, serials and a date typed as a value."""
    sheet = _sheet(book, "DATES")
    sheet["A1"] = date(2024, 1, 31)
    sheet["A2"] = 2020
    for i in range(1, 7):
        sheet[f"B{i}"] = f"=EDATE($A$1,{i * 2 - 3})"
        sheet[f"C{i}"] = f"=YEAR(B{i})*100+MONTH(B{i})"
        sheet[f"D{i}"] = f"=DAY(B{i})"
    sheet["F1"] = "=DATE(A2,2,29)"
    sheet["F2"] = "=DATE(A2,14,1)-F1"
    sheet["F3"] = "=YEAR(F1+366)"
    sheet["F4"] = "=DATE(A2,1,1)+A2"
    sheet["F5"] = '=EDATE("not a date",1)'


def sheets(book) -> None:
    """Three sheets reading each other, and names defined on the book."""
    from openpyxl.workbook.defined_name import DefinedName

    inputs = _sheet(book, "INPUTS")
    calc = book.create_sheet("CALC")
    report = book.create_sheet("REPORT")
    inputs["A1"], inputs["A2"], inputs["A3"] = 0.05, 1000, 12
    for i in range(1, 6):
        inputs[f"C{i}"] = i * 7 % 5
    calc["B1"] = "=INPUTS!A2*(1+RATE)^INPUTS!A3"
    calc["B2"] = "=SUM(INPUTS!C1:C5)*INPUTS!$A$1"
    calc["B3"] = "=B1-B2+SUM(ITEMS)"
    calc["B4"] = "=REPORT!A1*2"
    report["A1"] = "=MAX(INPUTS!C1:C5)"
    report["A2"] = "=CALC!B3/CALC!B4"
    report["A3"] = "=AVERAGE(ITEMS)+CALC!B1"
    names = {"RATE": "INPUTS!$A$1", "ITEMS": "INPUTS!$C$1:$C$5"}
    for name, ref in names.items():
        defined = DefinedName(name, attr_text=ref)
        if hasattr(book.defined_names, "add"):
            book.defined_names.add(defined)
        else:
            book.defined_names[name] = defined


def circular(book) -> None:
    """A loop of cells (solved by ``finish(circular=True)``) beside plain ones."""
    sheet = _sheet(book, "LOOP")
    sheet["A1"] = 100
    sheet["B1"] = "=A1+C1*0.1"
    sheet["C1"] = "=B1/2"
    sheet["D1"] = "=C1+1"
    sheet["A2"] = "=A1*2"
    sheet["B2"] = "=SUM(A1:A2)"
    sheet["C2"] = "=C3"
    sheet["C3"] = "=C2"


def conversions(book) -> None:
    """HEX2DEC and friends (each a ``DispatchPipe`` of a ``BlueDispatcher``,
    registered per call), array formulas, INDIRECT, ROW and COLUMN."""
    from openpyxl.worksheet.formula import ArrayFormula

    sheet = _sheet(book, "CONV")
    for i, (hexa, bits) in enumerate([("1F", 5), ("FF", 8), ("ZZ", 2), ("7", 3)], 1):
        sheet[f"A{i}"], sheet[f"B{i}"] = hexa, bits
        sheet[f"C{i}"] = f"=HEX2DEC(A{i})"
        sheet[f"D{i}"] = f"=DEC2BIN(MOD(C{i},256),9)"
        sheet[f"E{i}"] = f"=BIN2HEX(D{i})&OCT2DEC(B{i}*10)"
    sheet["G1"] = ArrayFormula("G1:G4", "=B1:B4*2+ROW(B1:B4)")
    sheet["H1"] = ArrayFormula("H1", "=SUM(B1:B4*B1:B4)")
    sheet["H2"] = '=INDIRECT("B2")+COLUMN(D7)'
    sheet["H3"] = "=SUM(G1:G4)-H1"


def large(book, rows: int = 600) -> None:
    """A few thousand cells: per row arithmetic, running sums, IFs, a lookup."""
    data = _sheet(book, "DATA")
    for i in range(1, rows + 1):
        data[f"A{i}"] = i % 13 - 4
        data[f"B{i}"] = f"=A{i}*3+1"
        data[f"C{i}"] = f"=C{i - 1}+B{i}" if i > 1 else "=B1"
        data[f"D{i}"] = f"=IF(C{i}>{i},C{i}/{i},-A{i})"
        data[f"E{i}"] = f"=MAX(A{i},D{i})+MIN(B{i},2)"
    total = book.create_sheet("TOTAL")
    total["A1"] = f"=SUM(DATA!E1:E{rows})"
    total["A2"] = f"=AVERAGE(DATA!B1:B{rows})"
    total["A3"] = f"=VLOOKUP(5,DATA!A1:E{rows},5,FALSE)"
    total["A4"] = f"=DATA!C{rows}/A2"


#: file name -> what it is and what to check on it
BOOKS: dict[str, Book] = {
    "ARITHMETIC.xlsx": Book(
        arithmetic,
        inputs=("DATA!A1", "DATA!C1"),
        outputs=("DATA!F1", "DATA!F7"),
        calls=((1, 0.5), (-2, 3), (0, 0)),
    ),
    "LOGIC.xlsx": Book(
        logic,
        inputs=("LOGIC!A1", "LOGIC!A2"),
        outputs=("LOGIC!H4", "LOGIC!H5", "LOGIC!D1"),
        calls=((5, 2), (0, 0), (-4, 20)),
    ),
    "LOOKUPS.xlsx": Book(
        lookups,
        inputs=("TABLE!K1",),
        outputs=("TABLE!K2", "TABLE!K6"),
        calls=(("fig",), ("kiwi",), ("apple",)),
    ),
    "TEXT.xlsx": Book(
        text,
        inputs=("TEXT!A2", "TEXT!G1"),
        outputs=("TEXT!E2", "TEXT!G2", "TEXT!G6"),
        calls=(("abc", 3.14159), ("", -1)),
    ),
    "DATES.xlsx": Book(
        dates,
        inputs=("DATES!A2",),
        outputs=("DATES!F1", "DATES!F2"),
        calls=((2021,), (1999,)),
    ),
    "SHEETS.xlsx": Book(
        sheets,
        inputs=("RATE", "INPUTS!A2", "INPUTS!C1:C5"),
        outputs=("REPORT!A2", "REPORT!A3", "CALC!B3"),
        calls=(
            (0.1, 10, [[1], [2], [3], [4], [5]]),
            (0, 1, [[0]] * 5),
        ),
    ),
    "CIRCULAR.xlsx": Book(
        circular,
        circular=True,
        inputs=("LOOP!A1",),
        outputs=("LOOP!B2", "LOOP!D1"),
        calls=((5,), (-1,)),
    ),
    "CONVERSIONS.xlsx": Book(
        conversions,
        inputs=("CONV!A1", "CONV!B2"),
        outputs=("CONV!E1", "CONV!H3"),
        calls=(("A", 4), ("G", 1), ("100", 12)),
    ),
    "LARGE.xlsx": Book(
        large,
        inputs=("DATA!A1", "DATA!A2"),
        outputs=("TOTAL!A1", "TOTAL!A4"),
        calls=((3, 4), (-7, 0)),
    ),
}


def build_all(folder: Path) -> dict[str, Path]:
    """Save every workbook of :data:`BOOKS` in ``folder``; name -> path."""
    from openpyxl import Workbook

    paths = {}
    for name, spec in BOOKS.items():
        book = Workbook()
        spec.build(book)
        paths[name] = Path(folder) / name
        book.save(paths[name])
    return paths


# The side: formulas computing every workbook, in the interpreter running it.


def compute(folder: Path) -> dict:
    """formulas on every workbook saved in ``folder``: each cell's value, and
    the compiled function's answers, in a JSON-safe string form.

    Run in a fresh interpreter, plainly (the reference) or through
    ``python -m schedula_nb run`` (schedula_nb): ``python workbooks.py DIR``.
    A workbook formulas cannot load or compute gives ``{"error": ...}``.
    """
    import schedula

    books = {}
    for name, spec in BOOKS.items():
        try:
            books[name] = _compute_one(Path(folder) / name, name, spec)
        except Exception as error:  # the other side's answer shows the difference
            books[name] = {"error": f"{type(error).__name__}: {error}"}
    return {"schedula": schedula.__name__, "books": books}


def _compute_one(path: Path, name: str, spec: Book) -> dict:
    """One workbook: its cells, its compiled calls, the values ``write()``
    puts in the book, and its cells again after ``to_dict``/``from_dict``."""
    import formulas

    model = formulas.ExcelModel().loads(str(path)).finish(circular=spec.circular)
    cells = _cells(model.calculate())
    # write() before compile(): the reference's shrink_dsp (which compile
    # calls) replaces model.dsp.solution by its own search's, all NONE
    written = {
        f"{ws.title}!{c.coordinate}": form(c.value)
        for book in model.write().values()
        for ws in book[formulas.excel.BOOK].worksheets
        for row in ws.iter_rows()
        for c in row
    }
    inputs = [cell_id(name, c) for c in spec.inputs]
    outputs = [cell_id(name, c) for c in spec.outputs]
    function = model.compile(inputs, outputs)
    calls = [form(function(*values)) for values in spec.calls]
    again = formulas.ExcelModel().from_dict(model.to_dict())
    if spec.circular:
        again.solve_circular()
    return {
        "cells": cells,
        "calls": calls,
        "written": written,
        "from_dict": _cells(again.calculate()),
    }


def _cells(solution) -> dict:
    """A solution's values by node id (formulas' tokens left out)."""
    import schedula

    return {
        str(k): form(v)
        for k, v in solution.items()
        if not isinstance(k, schedula.Token)
    }


def form(value) -> object:
    """A JSON-safe form of a value formulas computed, the same on both sides.

    >>> form([1, 2.5, "a", None, True])
    ['int:1', 'float:2.5', 'str:a', 'NoneType:None', 'bool:True']
    """
    import sys

    numpy = sys.modules.get("numpy")  # no numpy value without numpy imported
    schedula = sys.modules.get("schedula")
    if schedula is not None and value is schedula.EMPTY:
        return "<EMPTY>"
    if hasattr(value, "ranges") and hasattr(value, "value"):  # formulas' Ranges
        return {
            "ranges": [str(r.get("name", r)) for r in value.ranges],
            "value": form(value.value),
        }
    if numpy is not None and isinstance(value, numpy.ndarray):  # formulas' Array
        cells = [form(v) for v in value.ravel()]
        return {
            "type": type(value).__name__,
            "shape": list(value.shape),
            "cells": cells,
        }
    if numpy is not None and isinstance(value, numpy.generic):
        return f"{type(value).__name__}:{value.item()!r}"
    if isinstance(value, (list, tuple)):
        return [form(v) for v in value]
    if isinstance(value, str):  # XlError is a str (a schedula Token)
        return f"{type(value).__name__}:{str.__str__(value)}"
    return f"{type(value).__name__}:{value!r}"


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(compute(Path(sys.argv[1]))))
