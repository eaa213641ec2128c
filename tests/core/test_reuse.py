"""dispatch(..., reuse=old): functions given the same arguments are not called
again, and the solution is the one a fresh dispatch gives."""

import math

import pytest

import schedula_nb as sh
from schedula_nb.core._reuse import same


class Counted:
    """A function that counts its calls."""

    def __init__(self, f):
        self.f, self.calls = f, 0
        self.__name__ = getattr(f, "__name__", "counted")

    def __call__(self, *args):
        self.calls += 1
        return self.f(*args)


def _model():
    dsp = sh.Dispatcher(name="m")
    f = {k: Counted(fn) for k, fn in (("f", abs), ("g", math.sqrt), ("h", max))}
    dsp.add_function("f", f["f"], ["a"], ["b"])
    dsp.add_function("g", f["g"], ["c"], ["d"])
    dsp.add_function("h", f["h"], ["b", "d"], ["e"])
    return dsp, f


def _calls(f):
    return {k: v.calls for k, v in f.items()}


def test_only_functions_downstream_of_a_change_run():
    dsp, f = _model()
    old = dsp({"a": -1, "c": 4})
    new = dsp({"a": -1, "c": 9}, reuse=old)
    assert _calls(f) == {"f": 1, "g": 2, "h": 2}
    assert new == {"a": -1, "c": 9, "b": 1, "d": 3.0, "e": 3.0}
    assert new.reused == {"f"}
    assert list(new.workflow.edges) == list(dsp({"a": -1, "c": 9}).workflow.edges)


def test_nothing_changed_calls_nothing_and_gives_a_new_equal_solution():
    dsp, f = _model()
    old = dsp({"a": -1, "c": 4})
    new = dsp({"a": -1, "c": 4}, reuse=old)
    assert _calls(f) == {"f": 1, "g": 1, "h": 1}
    assert new is not old and new == old and new.dist == old.dist
    assert new.reused == {"f", "g", "h"} and dsp.solution is new
    assert new.times == {}  # nothing ran in this dispatch


def test_a_solution_of_another_model_is_not_used():
    dsp, f = _model()
    other, _ = _model()
    old = other({"a": -1, "c": 4})
    new = dsp({"a": -1, "c": 4}, reuse=old)
    assert _calls(f) == {"f": 1, "g": 1, "h": 1} and new.reused == set()


def test_an_edited_function_is_called_again_the_others_are_not():
    dsp, f = _model()
    old = dsp({"a": -1, "c": 4})
    dsp.dmap.remove_node("g")
    g2 = Counted(lambda c: c + 100)
    dsp.add_function("g", g2, ["c"], ["d"])
    new = dsp({"a": -1, "c": 4}, reuse=old)
    assert new["d"] == 104 and new["e"] == 104
    assert g2.calls == 1 and f["f"].calls == 1 and new.reused == {"f"}


def test_an_impure_function_is_always_called():
    dsp = sh.Dispatcher()
    tick = Counted(lambda a: a)
    dsp.add_function("tick", tick, ["a"], ["b"], pure=False)
    old = dsp({"a": 1})
    dsp({"a": 1}, reuse=old)
    assert tick.calls == 2


def test_failures_are_taken_over_domains_asked_again():
    dsp = sh.Dispatcher(raises=False)
    boom = Counted(lambda a: 1 / a)
    dom = Counted(lambda a: a > 0)
    alt = Counted(lambda a: -a)
    dsp.add_function("boom", boom, ["a"], ["b"])
    dsp.add_function("neg", alt, ["a"], ["b"], input_domain=dom, weight=5)
    old = dsp({"a": 0})
    new = dsp({"a": 0, "x": 1}, reuse=old)  # another shape: no clone
    assert boom.calls == 1 and dom.calls == 2 and alt.calls == 0
    assert "boom" in new.failures and new.out_of_domain == ["neg"]
    assert "b" not in new
    assert new.reused == {"boom"}


def test_a_domain_of_the_world_sees_it_change(tmp_path):
    """A domain that refused is asked again: a file that now exists is read."""
    path = str(tmp_path / "key")
    dsp = sh.Dispatcher()
    dsp.add_function(
        "read",
        lambda p: open(p).read(),
        ["path"],
        ["key"],
        input_domain=lambda p: __import__("os").path.isfile(p),
    )
    old = dsp({"path": path})
    assert "key" not in old
    with open(path, "w") as f:
        f.write("secret")
    assert dsp({"path": path}, reuse=old)["key"] == "secret"


def test_a_failure_taken_over_raises_when_the_model_raises():
    dsp = sh.Dispatcher(raises=True)
    dsp.add_function("boom", lambda a: 1 / a, ["a"], ["b"])
    with pytest.raises(sh.DispatcherError):
        dsp({"a": 0})
    old = dsp.solution
    with pytest.raises(sh.DispatcherError):
        dsp({"a": 0}, reuse=old)


def test_reuse_must_be_a_solution():
    dsp, _ = _model()
    with pytest.raises(sh.ModelError, match="reuse must be the Solution"):
        dsp({"a": 1}, reuse={"a": 1})


def test_a_solution_keeps_no_earlier_one_alive():
    dsp, _ = _model()
    old = dsp({"a": -1, "c": 4})
    new = dsp({"a": -1, "c": 9}, reuse=old)
    assert new.reuse is None


def test_sub_models_reuse_their_own_runs():
    child = sh.Dispatcher(name="child")
    inner = Counted(lambda x: x * 10)
    child.add_function("inner", inner, ["x"], ["y"])
    dsp = sh.Dispatcher()
    other = Counted(lambda z: z + 1)
    dsp.add_dispatcher(child, {"p": "x"}, {"y": "q"}, "sub")
    dsp.add_function("other", other, ["z"], ["w"])
    old = dsp({"p": 2, "z": 1})
    new = dsp({"p": 2, "z": 5}, reuse=old)
    assert inner.calls == 1 and other.calls == 2 and new["q"] == 20
    assert new.workflow.nodes["sub"]["solution"].reused == {"inner"}


def test_model_wrappers_reuse_their_last_solution():
    inner = sh.Dispatcher(name="inner")
    first = Counted(lambda x: x + 1)
    second = Counted(lambda y, k: y * k)
    inner.add_function("first", first, ["x"], ["y"])
    inner.add_function("second", second, ["y", "k"], ["z"])
    for wrap in (
        sh.SubDispatchFunction(inner, "w", ["x", "k"], ["z"]),
        sh.DispatchPipe(inner, "w", ["x", "k"], ["z"]),
    ):
        first.calls = second.calls = 0
        dsp = sh.Dispatcher()
        dsp.add_function("w", wrap, ["x", "k"], ["z"])
        old = dsp({"x": 1, "k": 2})
        new = dsp({"x": 1, "k": 3}, reuse=old)
        assert new["z"] == 6 and first.calls == 1 and second.calls == 2


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (1, 1, True),
        (1, 1.0, False),
        (0.0, -0.0, False),
        (float("nan"), float("nan"), False),
        ("x", "x", True),
        ((1, (2, "a")), (1, (2, "a")), True),
        ([1, 2], [1, 2], True),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}, False),  # order matters to a call
        (frozenset({1, 2}), frozenset({2, 1}), True),
        (frozenset({1.0}), frozenset({1.0}), False),  # 0.0 / -0.0 hide in sets
        (object(), object(), False),
    ],
)
def test_same_values(a, b, expected):
    assert same(a, b) is expected


def test_same_arrays_and_frames():
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    assert same(np.array([1.0, 2.0]), np.array([1.0, 2.0]))
    assert not same(np.array([0.0]), np.array([-0.0]))
    assert not same(np.array([1, 2]), np.array([1, 2, 3]))
    assert not same(np.array([object()]), np.array([object()]))
    df = pd.DataFrame({"a": [1, 2]})
    assert same(df, df.copy())
    assert not same(df, df.astype(float))
    assert not same(df, df.set_axis([5, 6]))
    assert not same(pd.Series([1], name="a"), pd.Series([1], name="b"))


def test_an_executor_starts_only_the_calls_not_taken_over():
    dsp, f = _model()
    old = dsp({"a": -1, "c": 4}, executor="thread")
    new = dsp({"a": -1, "c": 9, "z": 0}, executor="thread", reuse=old)
    assert _calls(f) == {"f": 1, "g": 2, "h": 2} and new.reused == {"f"}
    assert new == dsp({"a": -1, "c": 9, "z": 0})


def test_data_node_callbacks_run_again_even_when_nothing_changed():
    seen = []
    dsp = sh.Dispatcher()
    dsp.add_data("b", callback=seen.append)
    f = Counted(abs)
    dsp.add_function("f", f, ["a"], ["b"])
    old = dsp({"a": -1})
    dsp({"a": -1}, reuse=old)
    assert seen == [1, 1] and f.calls == 1


def test_an_asynchronous_executor_returns_at_once_and_reuses():
    dsp, f = _model()
    old = dsp({"a": -1, "c": 4})
    try:
        new = dsp({"a": -1, "c": 9}, executor="async", reuse=old).result()
    finally:
        sh.shutdown_executors()
    assert _calls(f) == {"f": 1, "g": 2, "h": 2} and new.reused == {"f"}
    assert new["e"] == 3.0 and new.reuse is None
