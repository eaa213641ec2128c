"""Models the explorer tests (and the benchmark) drive."""

import doctest
from pathlib import Path

TUTORIAL = Path(__file__).parent.parent / "data" / "seed_tutorial.txt"


def tutorial_globals() -> dict:
    """The seed tutorial's globals after running it (drawing calls left out)."""
    examples = [
        e
        for e in doctest.DocTestParser().get_examples(TUTORIAL.read_text())
        if ".plot(" not in e.source
    ]
    test = doctest.DocTest(examples, {}, "seed_tutorial", str(TUTORIAL), 0, None)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, clear_globs=False)
    assert runner.summarize(verbose=False).failed == 0
    return test.globs


def failing_model(sh):
    """``x -> invert -> y`` (raises on 0), ``x -> root -> r`` (domain x >= 0),
    ``y -> double -> z``; ``x`` defaults to 1."""

    dsp = sh.Dispatcher(name="fragile")
    dsp.add_data("x", default_value=1, description="the number")

    def invert(x: float) -> float:
        """One over x."""
        return 1 / x

    def root(x):
        return x**0.5

    dsp.add_function("invert", invert, ["x"], ["y"])
    dsp.add_function("root", root, ["x"], ["r"], input_domain=lambda x: x >= 0)
    dsp.add_function("double", lambda y: 2 * y, ["y"], ["z"])
    return dsp


def nested_model(sh):
    """Three levels of sub-models made with ``sh.SubDispatch`` (a solution out;
    its inputs are dicts): ``top: params -> middle -> m``,
    ``middle: p -> inner -> i, i -> plus -> j``, ``inner: a -> half -> h``.
    Dispatch it with ``{'params': {'p': {'a': 8}}}``."""
    inner = sh.Dispatcher(name="inner")
    inner.add_function("half", lambda a: a / 2, ["a"], ["h"])
    middle = sh.Dispatcher(name="middle")
    middle.add_function("inner", sh.SubDispatch(inner), ["p"], ["i"])
    middle.add_function("plus", lambda i: i["h"] + 1, ["i"], ["j"])
    top = sh.Dispatcher(name="top")
    top.add_function("middle", sh.SubDispatch(middle), ["params"], ["m"])
    return top


def nested_inputs(a):
    """The inputs of :func:`nested_model` for a number ``a``."""
    return {"params": {"p": {"a": a}}}


def chain_model(sh, n_nodes: int):
    """A chain of about ``n_nodes`` nodes (half data, half functions), with a
    side branch every 10 functions, so it is not a single line."""
    dsp = sh.Dispatcher(name=f"chain of {n_nodes}")
    functions = max(1, n_nodes // 2)
    for i in range(functions):
        inputs = [f"d{i}"] + ([f"d{i - 5}"] if i % 10 == 9 and i >= 5 else [])
        dsp.add_function(f"f{i}", _plus_one, inputs, [f"d{i + 1}"])
    return dsp


def _plus_one(a, *rest):
    return a + 1


def dispatcher_nested_model(sh):
    """Three levels made with ``add_dispatcher``: ``top: x -> middle -> m``,
    ``middle: p -> inner -> i, i -> plus -> j``, ``inner: a -> half -> h``;
    ``plus`` raises for ``i == 0``."""
    inner = sh.Dispatcher(name="inner")
    inner.add_function("half", lambda a: a / 2, ["a"], ["h"])
    middle = sh.Dispatcher(name="middle")
    middle.add_dispatcher(inner, inputs={"p": "a"}, outputs={"h": "i"}, dsp_id="inner")
    middle.add_function("plus", lambda i: 1 / i + 1, ["i"], ["j"])
    top = sh.Dispatcher(name="top")
    top.add_dispatcher(middle, inputs={"x": "p"}, outputs={"j": "m"}, dsp_id="middle")
    return top


def wide_model(sh, chains: int = 40, length: int = 4):
    """``chains`` independent chains ``x{c}_0 -> inc -> x{c}_1 ... x{c}_{length}``
    and ``gate`` (``x0_0 -> gated``, in its domain when ``x0_0 >= 0``): an edit
    of ``x0_0`` reaches ``length + 1`` functions. 40 chains of 4: 362 nodes,
    drawn by the bundled widget. Dispatch it with :func:`wide_inputs`."""
    dsp = sh.Dispatcher(name="wide")
    for c in range(chains):
        for i in range(length):
            dsp.add_function(f"inc{c}_{i}", _plus_one, [f"x{c}_{i}"], [f"x{c}_{i + 1}"])
    dsp.add_function("gate", abs, ["x0_0"], ["gated"], input_domain=_not_negative)
    return dsp


def wide_inputs(chains: int = 40) -> dict:
    """The inputs of :func:`wide_model`: ``x{c}_0 = c``."""
    return {f"x{c}_0": c for c in range(chains)}


def _not_negative(x) -> bool:
    return x >= 0
