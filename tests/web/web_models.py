"""Models for the web service's tests (also imported by the server subprocess)."""

from __future__ import annotations

import doctest
from pathlib import Path

import schedula_nb as sh

TUTORIAL = Path(__file__).parent.parent / "data" / "seed_tutorial.txt"


def tutorial_model() -> sh.Dispatcher:
    """The seed tutorial's model, built by running the tutorial's own lines up
    to its first dispatch (the drawings left out). Needs ``cryptography``."""
    globs: dict = {}
    for example in doctest.DocTestParser().get_examples(TUTORIAL.read_text()):
        if "tempfile" in example.source:
            break
        if ".plot(" not in example.source:
            exec(compile(example.source, str(TUTORIAL), "exec"), globs)
    return globs["dsp"]


#: every function node of ``small_model``: its routes are off unless listed
SMALL_FUNCTIONS = ["double", "inc", "boom", "positive_sqrt", "split"]


def small_model() -> sh.Dispatcher:
    """``a -double-> b -inc-> c -boom-> d`` (boom always raises), a guarded
    ``positive_sqrt`` (a -> r), ``split`` (a, k -> p, q) with k defaulting to 10."""
    dsp = sh.Dispatcher(name="small", description="A small model.\nFor tests.")
    dsp.add_function("double", lambda x: 2 * x, ["a"], ["b"])
    dsp.add_function("inc", lambda x: x + 1, ["b"], ["c"])
    dsp.add_function("boom", _boom, ["c"], ["d"])
    dsp.add_function(
        "positive_sqrt", lambda x: x**0.5, ["a"], ["r"], input_domain=_non_negative
    )
    dsp.add_data("k", default_value=10)
    dsp.add_function("split", _split, ["a", "k"], ["p", "q"])
    return dsp


def _boom(x):
    raise ValueError(f"boom at {x}")


def _non_negative(x):
    return x >= 0


def _split(x, k):
    """Return x and x times k."""
    return x, x * k


def hostile_target() -> sh.Dispatcher:
    """``small_model`` with every function route worth attacking: a filter, a
    result too long to write (``huge``), and a file reader left unlisted."""
    dsp = small_model()
    dsp.add_function("scaled", _same, ["a"], ["s"], filters=[_times_100])
    dsp.add_function("huge", _huge, ["k"], ["h"], input_domain=_small_int)
    dsp.add_function("read_file", _read, ["path"], ["text"])
    return dsp


#: the function routes ``hostile_target`` is served with (not ``read_file``)
HOSTILE_FUNCTIONS = [*SMALL_FUNCTIONS, "scaled", "huge"]


def _same(x):
    return x


def _times_100(x):
    return x * 100


def _small_int(k):
    return type(k) is int and 0 <= k <= 6000


def _huge(k):
    return 10**k


def _read(path):
    with open(path) as f:
        return f.read()
