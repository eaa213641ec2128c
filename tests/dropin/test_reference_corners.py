"""Corners where code written for schedula looks closely, compared with the
reference on this project's own small models."""

import pytest

import schedula_nb as nb

pytestmark = pytest.mark.compat


@pytest.fixture(scope="module")
def ref():
    return pytest.importorskip("schedula")


def _chain(sh):
    dsp = sh.Dispatcher()
    dsp.add_function("f", abs, ["a"], ["b"])
    dsp.add_function("g", max, ["a", "b"], ["c"])
    return dsp


def _plain(adj):
    """``adj`` with plain-string keys (each side has its own START token)."""
    return {"".join([k]): v for k, v in adj.items()}


def test_no_call_workflow_edges_carry_no_value(ref):
    adj = [
        _plain(_chain(sh).dispatch(["a"], no_call=True).workflow.adj)
        for sh in (ref, nb)
    ]
    assert adj[1] == adj[0]
    assert all(not e for targets in adj[1].values() for e in targets.values())


def _raising_domain(sh):
    sub = sh.Dispatcher(name="sub")
    sub.add_function("f", abs, ["x"], ["y"])
    dsp = sh.Dispatcher(raises="")
    dsp.add_dispatcher(
        sub, {"a": "x"}, {"y": "b"}, "sub", input_domain=lambda k: k["nope"]
    )
    return dsp


def test_a_raising_sub_model_domain_is_named_so(ref):
    errors = [_raising_domain(sh)({"a": 1})._errors for sh in (ref, nb)]
    assert (
        errors[1]
        == errors[0]
        == {"sub": "Failed SUB-DSP DOMAIN 'sub' due to:\n  KeyError('nope')"}
    )


def test_shrinking_calls_no_sub_model_domain(ref):
    calls = []

    def domain(kw):
        calls.append(kw)
        return sum(kw.values()) > 0

    sub = nb.Dispatcher(name="sub")
    sub.add_function("f", abs, ["x"], ["y"])
    dsp = nb.Dispatcher()
    dsp.add_dispatcher(sub, {"a": "x"}, {"y": "b"}, "sub", input_domain=domain)
    assert set(dsp.shrink_dsp(["a"], ["b"]).nodes) == {"a", "b", "sub"}
    assert calls == []  # a shrink dispatches nothing: no values to judge
    assert dsp({"a": 2}, shrink=True)["b"] == 2 and calls == [{"a": 2}]


def _params(function):
    import inspect

    return [
        (p.name, p.kind, p.default if p.default is not p.empty else "-")
        for p in inspect.signature(function).parameters.values()
    ]


@pytest.mark.parametrize(
    "name", ["add_data", "add_function", "add_func", "add_dispatcher", "add_from_lists"]
)
def test_model_and_blueprint_methods_take_the_reference_parameters(ref, name):
    def names(cls):
        return [(n, k) for n, k, _ in _params(getattr(cls, name))]

    assert names(nb.Dispatcher) == names(ref.Dispatcher)
    assert names(nb.BlueDispatcher) == names(ref.BlueDispatcher)


def test_blueprint_add_func_positional_flags_follow_the_reference(ref):
    def f(a, b=2):
        return a + b

    defaults = []
    for sh in (ref, nb):
        # the blueprint's 4th parameter is inputs_kwargs, the model's inputs_defaults
        blue_dsp = sh.BlueDispatcher().add_func(f, ["c"], None, True).register()
        model = sh.Dispatcher()
        model.add_func(f, ["c"], None, True)
        defaults.append((sorted(blue_dsp.data_nodes), sorted(model.data_nodes)))
    assert defaults[1] == defaults[0]
