"""Property: on random models, a dispatch replayed from an earlier trace gives
exactly what a fresh search gives, whatever the values do to domains and errors."""

from hypothesis import given, settings
from hypothesis import strategies as st

import schedula_nb as sh

from .records import record


def _formula(kind, k):
    def f(*xs):
        total = sum(xs) + k
        if kind == 1 and total % 3 == 0:
            raise ValueError("multiple of three")
        if kind == 2:
            return total, -total
        return total

    return f


@st.composite
def models(draw, plain=False):
    """Random models; ``plain``: functions of one output with no domain (a
    pipe of them runs straight, see ``core/_straight.py``)."""
    n_data = draw(st.integers(3, 12))
    data = [f"d{i}" for i in range(n_data)]
    funcs = []
    for j in range(draw(st.integers(2, 20))):
        n_in = draw(st.integers(1, 2))
        ins = draw(
            st.lists(
                st.sampled_from(data[:-1]), min_size=n_in, max_size=n_in, unique=True
            )
        )
        later = [d for d in data if d not in ins]
        kind = draw(st.integers(0, 2 if len(later) > 1 and not plain else 1))
        n_out = 2 if kind == 2 else 1
        outs = draw(
            st.lists(
                st.sampled_from(later), min_size=n_out, max_size=n_out, unique=True
            )
        )
        domain = None if plain else draw(st.sampled_from([None, "even", "small"]))
        weight = draw(st.sampled_from([None, 0, 1, 2.5]))
        funcs.append((f"f{j}", ins, outs, kind, domain, weight))
    return data, funcs


def build(spec):
    _, funcs = spec
    dsp = sh.Dispatcher()
    domains = {"even": lambda *xs: sum(xs) % 2 == 0, "small": lambda *xs: sum(xs) < 7}
    for k, (fid, ins, outs, kind, domain, weight) in enumerate(funcs):
        dsp.add_function(
            fid,
            _formula(kind, k),
            ins,
            outs,
            input_domain=domains.get(domain),
            weight=weight,
        )
    return dsp


@settings(max_examples=60, deadline=None)
@given(
    models(),
    st.lists(st.integers(0, 9), min_size=4, max_size=4),
    st.sampled_from(["all", "last", "wildcard"]),
)
def test_replayed_dispatch_equals_fresh_search(spec, values, mode):
    data, _ = spec
    dsp = build(spec)
    outputs = {"all": None, "last": [data[-1]], "wildcard": [data[0], data[-1]]}[mode]
    if outputs and any(k not in dsp.nodes for k in outputs):
        outputs = None
    kw = {"outputs": outputs, "wildcard": mode == "wildcard"}
    for v in values:  # same shape each time: every call after the first replays
        inputs = {data[0]: v, data[1]: v + 1}
        got = dsp(inputs, **kw)
        fresh = build(spec)(inputs, **kw)
        assert record(got) == record(fresh)


def _outcome(func, args):
    try:
        return func(*args), record(func.solution)
    except sh.DispatcherError as err:
        return str(err).replace(func.__name__, "?"), None


@settings(max_examples=80, deadline=None)
@given(
    st.booleans().flatmap(models),
    st.lists(st.integers(0, 9), min_size=6, max_size=6),
    st.sampled_from([sh.SubDispatchPipe, sh.DispatchPipe]),
)
def test_pipe_calls_equal_fresh_calls_and_call_nothing_twice(spec, values, cls):
    """A pipe's later calls go straight to the replay of its compiled trace;
    whatever the values do, each answers (and keeps the solution) as a fresh
    function of a fresh model, and no function runs twice in one call."""
    data, _ = spec
    dsp, calls = build(spec), []
    for attr in dsp.function_nodes.values():
        attr["function"] = _counted(attr["function"], calls)
    ins, outs = [data[0], data[1]], [data[-1]]
    if any(k not in dsp.nodes for k in ins + outs):
        return
    pipe = cls(dsp, "P", ins, outs)
    for v in values:
        calls.clear()
        fresh = sh.SubDispatchFunction(build(spec), "P", ins, outs)
        assert _outcome(pipe, (v, v + 1)) == _outcome(fresh, (v, v + 1))
        assert len(calls) == len(set(calls)), calls


def _counted(function, calls):
    def counted(*args):
        calls.append(counted)
        return function(*args)

    return counted
