"""``%dispatch`` answers hostile literals (unhashable keys, deep nesting, huge
numbers and literals) with one short ``UsageError`` line: no TypeError,
MemoryError or RecursionError traceback."""

import pytest

from .shells import HOUSE, run

HOSTILE = {
    "width={[1]: 2}": "dict keys and set items must be hashable",
    "width={1: {{2}: 3}}": "dict keys and set items must be hashable",
    "{[1]: 2}=3": "dict keys and set items must be hashable",
    "[1]=3": "a node id cannot be a list (unhashable); use a tuple",
    "width=" + "[" * 5000 + "]" * 5000: "too many nested parentheses",
    "{" * 3000 + "}" * 3000 + "=1": "too many nested parentheses",
    "width=" + "-" * 20000 + "1": "nested too deeply",
    "width=" + "9" * 5000: "Exceeds the limit (4300 digits)",
    "width=(" + "1," * 60000 + ")": "put the value in a variable and write $name",
}


@pytest.mark.parametrize("args", list(HOSTILE), ids=lambda a: a[:20])
def test_one_usage_error_line(shell, args):
    run(shell, "%%dsp house\n" + HOUSE)
    result, out = run(shell, f"%dispatch house {args}")
    assert not result.success
    assert "UsageError" in out.stderr and HOSTILE[args] in out.stderr
    assert "Traceback" not in out.stderr + out.stdout
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and len(lines[0]) < 250, lines


def test_a_tuple_key_and_a_nested_literal_still_work(shell):
    from schedula_nb.ipython._args import parse_dispatch_line

    line = "m ('x', 1)=2 a={'k': [[[1]]], 2: (3,)} --outputs b"
    assert parse_dispatch_line(line, {}) == (
        "m",
        {("x", 1): 2, "a": {"k": [[[1]]], 2: (3,)}},
        ["b"],
    )
