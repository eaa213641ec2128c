"""Property tests on random models (hypothesis).

A random model has 3-30 data nodes and up to 30 functions mapping subsets of
the data to other data, with random weights; some functions have an
``input_domain`` that rejects odd input sums, some raise when the sum is a
multiple of 3, a few have no inputs (START) and some data nodes have defaults.

- With the reference installed, ``schedula_nb`` gives the same values, ``dist``,
  workflow, failed and out-of-domain nodes for random inputs and outputs.
- In any case, invariants that need no oracle hold (checked on the reference
  too, which keeps them honest): every computed value is the function applied
  to the recorded inputs, requested reachable outputs are present, distances
  grow along the workflow, no function runs twice in one dispatch.
"""

import importlib
import logging
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import corpus

TARGET = os.environ.get("SCHEDULA_COMPAT_TARGET", "schedula_nb")

SETTINGS = dict(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

# Pools of ids whose sort order differs from the insertion order, so that
# tie-breaking by insertion order and by id cannot agree by chance.
DATA_POOL = [
    "z",
    "a",
    "M",
    "b9",
    "b10",
    "y",
    "c",
    "Q",
    "x1",
    "x0",
    "k",
    "e",
    "w",
    "B",
    "o",
    "p2",
    "p1",
    "n",
    "v",
    "A",
    "d",
    "u",
    "f",
    "T",
    "g",
    "h",
    "r",
    "i",
    "s",
    "j",
]
FUN_POOL = ["F%d" % i for i in (9, 1, 30, 3, 12, 0, 7, 21, 2, 15)] + [
    "fn_%s" % c for c in "zyxwvutsrqponmlkjihg"
]


def _load(name):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


REF = _load("schedula")
NEW = _load(TARGET)


# --------------------------------------------------------------------------- #
# Random model specification (plain data, built identically on both sides).
# --------------------------------------------------------------------------- #
@st.composite
def model_specs(draw, rich=True):
    """A random model and dispatch; ``rich`` adds out_weight, waiting data
    nodes, inputs_dist and dispatch options (compared with the reference
    only: the simple invariants do not account for them)."""
    n_data = draw(st.integers(3, 30))
    data = DATA_POOL[:n_data]
    n_fun = draw(st.integers(1, 30))
    funs = []
    for i in range(n_fun):
        no_input = draw(st.integers(0, 15)) == 0
        inputs = (
            []
            if no_input
            else draw(
                st.lists(st.sampled_from(data), min_size=1, max_size=2, unique=True)
            )
        )
        rest = [d for d in data if d not in inputs]
        outputs = draw(
            st.lists(st.sampled_from(rest), min_size=1, max_size=2, unique=True)
        )
        kind = draw(st.sampled_from(["ok"] * 6 + ["domain", "raise"]))
        weight = draw(st.sampled_from([None, None, 0, 0.5, 1, 2, 5]))
        inp_weight = out_weight = None
        if inputs and draw(st.integers(0, 6)) == 0:
            inp_weight = {inputs[0]: draw(st.sampled_from([0, 1, 3]))}
        if rich and draw(st.integers(0, 6)) == 0:
            out_weight = {outputs[-1]: draw(st.sampled_from([0, 1, 3]))}
        funs.append(
            dict(
                id=FUN_POOL[i],
                inputs=inputs,
                outputs=outputs,
                kind=kind,
                weight=weight,
                inp_weight=inp_weight,
                out_weight=out_weight,
                idx=i,
            )
        )
    defaults = draw(
        st.dictionaries(st.sampled_from(data), st.integers(0, 20), max_size=2)
    )
    inputs = draw(
        st.dictionaries(st.sampled_from(data), st.integers(0, 50), max_size=4)
    )
    outputs = draw(
        st.one_of(
            st.none(),
            st.lists(st.sampled_from(data), min_size=1, max_size=3, unique=True),
        )
    )
    # data nodes that wait for all their estimations and sum them
    if not rich:
        return dict(
            data=data,
            funs=funs,
            defaults=defaults,
            inputs=inputs,
            outputs=outputs,
            waiting=[],
            inputs_dist={},
            options={},
        )
    waiting = draw(st.lists(st.sampled_from(data), max_size=2, unique=True))
    inputs_dist = {
        k: draw(st.sampled_from([0, 1, 2.5])) for k in inputs if draw(st.booleans())
    }
    options = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "shrink": st.just(True),
                "rm_unused_nds": st.just(True),
                "wildcard": st.just(True),
                "no_call": st.just(True),
            },
        )
    )
    return dict(
        data=data,
        funs=funs,
        defaults=defaults,
        inputs=inputs,
        outputs=outputs,
        waiting=waiting,
        inputs_dist=inputs_dist,
        options=options,
    )


def fun_value(spec_f, args):
    """What function ``spec_f`` returns for ``args`` (pure)."""
    s = sum(args) + spec_f["idx"]
    vals = [
        (s * (j + 2) + spec_f["idx"] * 7) % 101 for j in range(len(spec_f["outputs"]))
    ]
    return vals[0] if len(vals) == 1 else tuple(vals)


def fun_fails(spec_f, args):
    return spec_f["kind"] == "raise" and sum(args) % 3 == 0


def fun_in_domain(spec_f, args):
    return spec_f["kind"] != "domain" or sum(args) % 2 == 0


class Boom(Exception):
    pass


def build(sh, spec, calls=None):
    """Build ``spec`` with module ``sh``; ``calls`` counts calls per function."""
    dsp = sh.Dispatcher(name="random")
    for d in spec["data"]:
        if d in spec["waiting"]:
            dsp.add_data(d, wait_inputs=True, function=sum_estimations)
        else:
            dsp.add_data(d)
    for f in spec["funs"]:

        def fn(*args, _f=f):
            if calls is not None:
                calls[_f["id"]] = calls.get(_f["id"], 0) + 1
            if fun_fails(_f, args):
                raise Boom(_f["id"])
            return fun_value(_f, args)

        kw = {}
        if f["kind"] == "domain":
            kw["input_domain"] = lambda *args, _f=f: fun_in_domain(_f, args)
        if f["weight"] is not None:
            kw["weight"] = f["weight"]
        if f["inp_weight"]:
            kw["inp_weight"] = f["inp_weight"]
        if f["out_weight"]:
            kw["out_weight"] = f["out_weight"]
        dsp.add_function(f["id"], fn, f["inputs"] or None, f["outputs"], **kw)
    for d, v in spec["defaults"].items():
        dsp.set_default_value(d, v)
    return dsp


def sum_estimations(estimations):
    """Data node function: the sum of the values of all producers."""
    return sum(estimations.values())


def dispatch(dsp, spec, options=True):
    kw = dict(spec["options"]) if options else {}
    return dsp.dispatch(
        inputs=dict(spec["inputs"]),
        outputs=spec["outputs"],
        inputs_dist=dict(spec["inputs_dist"]) or None,
        **kw,
    )


# --------------------------------------------------------------------------- #
# Invariants.
# --------------------------------------------------------------------------- #
def check_invariants(sh, spec, dsp, sol, calls):
    funs = {f["id"]: f for f in spec["funs"]}
    given = dict(spec["defaults"])
    given.update(spec["inputs"])
    dist = sol.dist
    wf = sol.workflow
    edges = [(u, v) for u, v in corpus._edges(wf)]
    failed = set(corpus.failed_nodes(sol))
    ood = set(corpus.out_of_domain_nodes(sol))

    # Inputs and defaults are in the solution with their values.
    for k, v in given.items():
        assert sol.get(k, v) == v, (k, sol.get(k), v)

    # No function runs twice; only functions of the workflow run.
    for fid, n in calls.items():
        assert n == 1, "function %r called %d times" % (fid, n)
        assert fid in wf.nodes, fid

    # Failures and rejections are explained by the model.
    for fid in failed:
        assert funs[fid]["kind"] == "raise", fid
        assert fid not in ood
    for fid in ood:
        assert funs[fid]["kind"] == "domain", fid

    # Every computed value is its producer applied to the recorded inputs;
    # distances grow along the workflow.
    for u, v in edges:
        if u in funs:
            f = funs[u]
            assert u not in failed and u not in ood, (u, v)
            args = [sol[i] for i in f["inputs"]]
            res = fun_value(f, args)
            res = [res] if len(f["outputs"]) == 1 else list(res)
            out = dict(zip(f["outputs"], res))
            if v in sol and v not in given and v not in spec["waiting"]:
                assert sol[v] == out[v], (u, v, sol[v], out[v])
            if v not in dist:  # reached, not yet visited when the dispatch stopped
                continue
            # out_weight 0 makes the edge free: then >= only
            strict = (f["out_weight"] or {}).get(v, 1) > 0
            assert dist[v] > dist[u] if strict else dist[v] >= dist[u], (
                u,
                v,
                dist[u],
                dist[v],
            )
            for i in f["inputs"]:  # the output is not nearer than any input
                assert dist[v] >= dist[i], (i, u, v, dist[i], dist[v])
        elif v in funs and u in dist and v in dist:  # inp_weight may be 0
            assert dist[v] >= dist[u], (u, v, dist[u], dist[v])

    # A value in the solution that is not given came from a workflow edge.
    for k in sol:
        if k not in given:
            assert any(v == k and u in funs for u, v in edges), k

    # Requested outputs reachable through functions that never fail are
    # present; with outputs=None everything so reachable is computed.
    known = set(given)
    changed = True
    safe = [f for f in spec["funs"] if f["kind"] == "ok"]
    while changed:
        changed = False
        for f in safe:
            if set(f["inputs"]) <= known and not set(f["outputs"]) <= known:
                known.update(f["outputs"])
                changed = True
    wanted = known if spec["outputs"] is None else known & set(spec["outputs"])
    assert wanted <= set(sol), sorted(wanted - set(sol))

    # Computed values have a distance (inputs may not, when the dispatch
    # stopped early on reaching the outputs).
    for k in sol:
        assert k in dist or k in given, k


def _run_invariants(sh, spec):
    calls = {}
    dsp = build(sh, spec, calls)
    sol = dispatch(dsp, spec, options=False)
    check_invariants(sh, spec, dsp, sol, calls)


@pytest.fixture(autouse=True, scope="module")
def _quiet_reference_logs():
    logger = logging.getLogger("schedula")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)


@pytest.mark.skipif(NEW is None, reason="%s not importable" % TARGET)
@settings(max_examples=200, **SETTINGS)
@given(model_specs(rich=False))
def test_invariants_hold(spec):
    _run_invariants(NEW, spec)


@pytest.mark.compat
@pytest.mark.skipif(REF is None, reason="reference schedula not installed")
@settings(max_examples=100, **SETTINGS)
@given(model_specs(rich=False))
def test_invariants_hold_on_reference(spec):
    """The invariants themselves are right: the reference satisfies them."""
    _run_invariants(REF, spec)


@pytest.mark.compat
@pytest.mark.skipif(REF is None, reason="reference schedula not installed")
@pytest.mark.skipif(NEW is None, reason="%s not importable" % TARGET)
@settings(max_examples=300, **SETTINGS)
@given(model_specs())
def test_same_as_reference_on_random_models(spec):
    res = {}
    for side, sh in (("ref", REF), ("new", NEW)):
        calls = {}
        dsp = build(sh, spec, calls)
        try:
            sol = dispatch(dsp, spec)
        except Exception as ex:  # noqa: BLE001
            res[side] = corpus.raised(ex)
            continue
        snap = corpus.snapshot_solution(sol, sh)
        snap["calls"] = sorted(calls)
        res[side] = snap
    lines = corpus.diff_snapshots(
        [("dispatch", res["ref"])], [("dispatch", res["new"])]
    )
    assert not lines, "random model differs from the reference:\n%s\n%s" % (
        "\n".join(lines),
        format_spec(spec),
    )


def format_spec(spec):
    """The model as the schedula code that builds it (a minimal repro)."""
    out = ["dsp = sh.Dispatcher()"]
    out += [
        "dsp.add_data(%r%s)"
        % (
            d,
            ", wait_inputs=True, function=<sum of estimations>"
            if d in spec["waiting"]
            else "",
        )
        for d in spec["data"]
    ]
    for f in spec["funs"]:
        extra = ""
        if f["kind"] == "domain":
            extra += ", input_domain=<rejects odd sum>"
        if f["kind"] == "raise":
            extra += "  # raises when sum %% 3 == 0"
        if f["weight"] is not None:
            extra = ", weight=%r" % f["weight"] + extra
        if f["inp_weight"]:
            extra = ", inp_weight=%r" % f["inp_weight"] + extra
        if f["out_weight"]:
            extra = ", out_weight=%r" % f["out_weight"] + extra
        out.append(
            "dsp.add_function(%r, <f%d>, %r, %r%s)"
            % (f["id"], f["idx"], f["inputs"] or None, f["outputs"], extra)
        )
    for d, v in spec["defaults"].items():
        out.append("dsp.set_default_value(%r, %r)" % (d, v))
    out.append(
        "dsp.dispatch(inputs=%r, outputs=%r, inputs_dist=%r, **%r)"
        % (
            spec["inputs"],
            spec["outputs"],
            spec["inputs_dist"] or None,
            spec["options"],
        )
    )
    return "\n".join(out)
