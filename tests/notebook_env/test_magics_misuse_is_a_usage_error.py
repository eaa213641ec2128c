"""Misusing a magic gives one ``UsageError`` line that says what to write,
not a traceback."""

import pytest

from .shells import HOUSE, run

BAD = {
    "%dispatch nope a=1": "no variable 'nope' in the notebook",
    "%dispatch area width=1": "area is a function, not a schedula_nb model",
    "%dispatch": "give a model",
    "%dispatch house width=hello": "for a text write 'hello', for a variable $hello",
    "%dispatch house widht=1": "not in the model: widht",
    "%dispatch house width=$missing": "no variable 'missing'",
    "%dispatch house width=[1,": "unclosed quote or bracket",
    "%dispatch house --outputs nowhere": "outputs not in the model",
    "%explore area": "not a schedula_nb model or solution",
    "%explore": "give a model or solution",
    "%%dsp 1x\ndef f(a):\n    return a\n": "must be a Python name",
    "%%dsp m\nx = 1\n": "the cell defines no function",
    "%%dsp\ndef f(a):\n    return a\n": "the following arguments are required: name",
}


@pytest.mark.parametrize("code", list(BAD))
def test_usage_error(shell, code):
    run(shell, "%%dsp house\n" + HOUSE)
    result, out = run(shell, code)
    assert not result.success
    assert "UsageError" in out.stderr and BAD[code] in out.stderr
    assert "Traceback" not in out.stderr + out.stdout
