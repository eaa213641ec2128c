"""A corpus of models that build identically on ``schedula`` and ``schedula_nb``.

Every case is a function ``build(sh) -> (dsp, calls)`` that receives the module
(``schedula`` or ``schedula_nb``), so the *same* code builds the model on both
sides.  ``calls`` is a list of steps, run in order on the built dispatcher:

- a ``dict``: keyword arguments of ``dsp.dispatch``;
- a callable ``step(sh, dsp, sols) -> dict``: keyword arguments of
  ``dsp.dispatch`` computed from the solutions of the previous steps (``sols``);
- ``probe(fn)``: ``fn(sh, dsp, sols)`` returns any plain value (ids, numbers,
  lists, dicts...) that must be equal on both sides (call logs, ids returned by
  ``add_*``, sub-dispatchers built from a solution, ...).

A case may declare ``volatile`` solution keys (random values compared by a
``check`` function on each side instead of by value), see :func:`case`.

The test modules (``test_compat_reference.py``) compare, for every step, the
solution items, ``dist``, the workflow, the failed and out-of-domain nodes, and
the ``dmap`` / ``default_values`` of ``dsp``.
"""

import atexit
import os.path as osp
import shutil
import tempfile

CASES = {}


class Probe:
    """A step that returns a value to compare instead of dispatching."""

    def __init__(self, fn, name=None):
        self.fn = fn
        self.name = name or getattr(fn, "__name__", "probe")

    def __repr__(self):
        return "probe(%s)" % self.name


def probe(fn, name=None):
    return Probe(fn, name)


def case(fn=None, *, volatile=(), check=None):
    """Register a model builder.

    :param volatile: solution keys whose values are random (not compared).
    :param check: ``check(sh, sol) -> None`` asserting properties of a solution
        (run on both sides), used together with ``volatile``.
    """

    def deco(f):
        name = f.__name__
        for prefix in ("build_", "case_"):
            if name.startswith(prefix):
                name = name[len(prefix) :]
        f.volatile = frozenset(volatile)
        f.check = check
        f.case_name = name
        assert name not in CASES, name
        CASES[name] = f
        return f

    return deco(fn) if fn is not None else deco


TMP_PREFIX = "shcompat_"


def _tmpdir():
    d = tempfile.mkdtemp(prefix=TMP_PREFIX)
    atexit.register(shutil.rmtree, d, True)
    return d


# --------------------------------------------------------------------------- #
# The seed tutorial (cryptography).
# --------------------------------------------------------------------------- #
def _check_crypto(sh, sol):
    from cryptography.fernet import Fernet

    if "key" in sol and "encrypted" in sol and "decrypted" in sol:
        k, e = sol["key"], sol["encrypted"]
        assert Fernet(k.encode()).decrypt(e.encode()).decode() == sol["decrypted"]


@case(volatile=("key", "encrypted"), check=_check_crypto)
def build_tutorial(sh):
    from cryptography.fernet import Fernet

    dsp = sh.Dispatcher(name="symmetric_cryptography")

    @sh.add_function(dsp, outputs=["key"], weight=2)
    def generate_key():
        return Fernet.generate_key().decode()

    @sh.add_function(dsp)
    def write_key(key_fpath, key):
        with open(key_fpath, "w") as f:
            f.write(key)

    @sh.add_function(dsp, outputs=["key"], input_domain=osp.isfile)
    def read_key(key_fpath):
        with open(key_fpath) as f:
            return f.read()

    @sh.add_function(dsp, outputs=["encrypted"])
    def encrypt_message(key, decrypted):
        return Fernet(key.encode()).encrypt(decrypted.encode()).decode()

    @sh.add_function(dsp, outputs=["decrypted"])
    def decrypt_message(key, encrypted):
        return Fernet(key.encode()).decrypt(encrypted.encode()).decode()

    ids = [
        dsp.add_function(
            function_id="read_decrypted",
            function=read_key,
            inputs=["decrypted_fpath"],
            outputs=["decrypted"],
        ),
        dsp.add_function(
            "read_encrypted",
            read_key,
            ["encrypted_fpath"],
            ["encrypted"],
            input_domain=osp.isfile,
        ),
        dsp.add_function(
            "write_decrypted",
            write_key,
            ["decrypted_fpath", "decrypted"],
            input_domain=osp.isfile,
        ),
        dsp.add_function(
            "write_encrypted", write_key, ["encrypted_fpath", "encrypted"]
        ),
    ]
    tempdir = _tmpdir()
    message = "secret message"
    inputs = dict(
        decrypted=message,
        encrypted_fpath=osp.join(tempdir, "data.secret"),
        key_fpath=osp.join(tempdir, "key.key"),
    )

    def decrypt(sh, dsp, sols):
        return dict(
            inputs=sh.selector(("encrypted_fpath", "key_fpath"), sols[-1]),
            outputs=["decrypted"],
        )

    def again(sh, dsp, sols):  # Now both files exist: read_key is used.
        return dict(inputs=dict(inputs))

    return dsp, [
        probe(lambda sh, dsp, sols: ids, "add_function ids"),
        dict(inputs=inputs),
        decrypt,
        probe(lambda sh, dsp, sols: sols[-1]["decrypted"] == message, "round trip"),
        again,
        probe(lambda sh, dsp, sols: sols[-1]["key"] == sols[1]["key"], "key re-read"),
    ]


# --------------------------------------------------------------------------- #
# Defaults, initial_dist, inputs_dist.
# --------------------------------------------------------------------------- #
@case
def build_defaults(sh):
    dsp = sh.Dispatcher(name="defaults")
    dsp.add_data("a", default_value=1)
    dsp.add_data("b", default_value=2, initial_dist=0)
    dsp.add_function("add", lambda a, b: a + b, ["a", "b"], ["c"])
    dsp.add_function("mul", lambda c, b: c * b, ["c", "b"], ["d"])
    dsp.add_function("sub", lambda d, e: d - e, ["d", "e"], ["f"])
    dsp.set_default_value("e", 10)
    return dsp, [
        probe(lambda sh, dsp, sols: dsp.set_default_value("zz", 1), "not a node"),
        probe(lambda sh, dsp, sols: dsp.set_default_value("add", 1), "a function"),
        {},
        dict(inputs={"a": 5}),
        dict(inputs={"b": 3, "e": 1}),
        dict(inputs={"c": 100}),
        dict(outputs=["c"]),
        dict(inputs={"a": 0}, outputs=["f"]),
    ]


@case
def build_set_default_value_changes(sh):
    dsp = sh.Dispatcher()
    dsp.add_data("a", default_value=1)
    dsp.add_function("f", lambda a: a * 2, ["a"], ["b"])

    def step(sh, dsp, sols):
        dsp.set_default_value("a", 7, initial_dist=3)
        return {}

    def step2(sh, dsp, sols):
        dsp.set_default_value("a")  # remove the default
        return {}

    return dsp, [
        {},
        step,
        probe(lambda sh, dsp, sols: sorted(dsp.default_values), "defaults"),
        step2,
        probe(lambda sh, dsp, sols: sorted(dsp.default_values), "defaults"),
        dict(inputs={"a": 2}),
    ]


@case
def build_initial_dist(sh):
    # 'b' has a default at a large initial distance: computing it is cheaper.
    dsp = sh.Dispatcher()
    dsp.add_data("b", default_value=100, initial_dist=10)
    dsp.add_data("c", default_value=-1, initial_dist=0.5)
    dsp.add_function("f", lambda a: a + 1, ["a"], ["b"])
    dsp.add_function("g", lambda a: a + 2, ["a"], ["c"])
    dsp.add_function("h", lambda b, c: b * c, ["b", "c"], ["d"])
    return dsp, [
        {},
        dict(inputs={"a": 1}),
        dict(inputs={"a": 1}, inputs_dist={"a": 20}),
        dict(inputs={"a": 1, "c": 5}, inputs_dist={"c": 3}),
    ]


@case
def build_inputs_dist(sh):
    dsp = sh.Dispatcher()
    dsp.add_function("f1", lambda x: ("f1", x), ["a"], ["c"])
    dsp.add_function("f2", lambda x: ("f2", x), ["b"], ["c"])
    dsp.add_function("g", lambda x: ("g", x), ["c"], ["d"])
    return dsp, [
        dict(inputs={"a": 1, "b": 2}),
        dict(inputs={"a": 1, "b": 2}, inputs_dist={"a": 5}),
        dict(inputs={"a": 1, "b": 2}, inputs_dist={"b": 5}),
        dict(inputs={"a": 1, "b": 2}, inputs_dist={"a": 1.5, "b": 1.5}),
    ]


# --------------------------------------------------------------------------- #
# Domains, failures, alternative paths.
# --------------------------------------------------------------------------- #
@case
def build_input_domain(sh):
    dsp = sh.Dispatcher()
    dsp.add_function(
        "fast", lambda x: ("fast", x), ["a"], ["b"], input_domain=lambda x: x > 0
    )
    dsp.add_function("slow", lambda x: ("slow", x), ["a"], ["b"], weight=5)
    dsp.add_function("next", lambda b: ("next", b), ["b"], ["c"])
    dsp.add_function("never", lambda b: 0, ["b"], ["d"], input_domain=lambda b: False)
    return dsp, [
        dict(inputs={"a": 1}),
        dict(inputs={"a": -1}),
        dict(inputs={"a": -1}, outputs=["c"]),
        dict(inputs={"a": 1}, outputs=["d"]),
    ]


@case
def build_input_domain_multi_args(sh):
    dsp = sh.Dispatcher()
    dsp.add_function(
        "f",
        lambda a, b: a + b,
        ["a", "b"],
        ["c"],
        input_domain=lambda a, b: a < b,
    )
    dsp.add_function("g", lambda a, b: a - b, ["a", "b"], ["c"], weight=1)
    return dsp, [dict(inputs={"a": 1, "b": 2}), dict(inputs={"a": 3, "b": 2})]


@case
def build_function_raises(sh):
    dsp = sh.Dispatcher()

    def boom(x):
        raise ValueError("boom %s" % x)

    dsp.add_function("boom", boom, ["a"], ["b"])
    dsp.add_function("safe", lambda x: x * 3, ["a"], ["b"], weight=2)
    dsp.add_function("only_boom", boom, ["a"], ["z"])
    dsp.add_function("after_z", lambda z: z, ["z"], ["y"])
    dsp.add_function("use_b", lambda b: b + 1, ["b"], ["c"])
    return dsp, [
        dict(inputs={"a": 1}),
        dict(inputs={"a": 1}, outputs=["y"]),
        dict(inputs={"a": 1}, outputs=["c"]),
    ]


@case
def build_raises_true(sh):
    dsp = sh.Dispatcher(raises=True)

    def boom(x):
        raise ValueError("boom")

    dsp.add_function("boom", boom, ["a"], ["b"])
    dsp.add_function("ok", lambda x: x, ["c"], ["d"])
    return dsp, [dict(inputs={"c": 1}), dict(inputs={"a": 1})]


# Not in CASES: a deliberate difference (see test_deliberate_differences.py).
def build_wrong_number_of_outputs(sh):
    # A function that returns a non-iterable / wrong-size value for 2 outputs
    # fails; the alternative is taken.
    dsp = sh.Dispatcher()
    dsp.add_function("bad", lambda x: x, ["a"], ["b", "c"])
    dsp.add_function("good", lambda x: (x, x + 1), ["a"], ["b", "c"], weight=3)
    return dsp, [dict(inputs={"a": 1}), dict(inputs={"a": (1, 2, 3)})]


# --------------------------------------------------------------------------- #
# Weights.
# --------------------------------------------------------------------------- #
@case
def build_weights(sh):
    dsp = sh.Dispatcher()
    dsp.add_function("w1", lambda x: ("w1", x), ["a"], ["b"], weight=3)
    dsp.add_function("w2", lambda x: ("w2", x), ["a"], ["b"], weight=1)
    dsp.add_function("iw", lambda x: ("iw", x), ["a"], ["c"], inp_weight={"a": 4})
    dsp.add_function("ow", lambda x: ("ow", x), ["a"], ["c"], out_weight={"c": 3})
    dsp.add_function(
        "both",
        lambda x, y: ("both", x, y),
        ["b", "c"],
        ["d"],
        inp_weight={"b": 0.5, "c": 0.25},
        out_weight={"d": 0.125},
        weight=2,
    )
    dsp.add_function("direct", lambda x: ("direct", x), ["a"], ["d"], weight=6)
    return dsp, [
        dict(inputs={"a": 1}),
        dict(inputs={"a": 1}, outputs=["d"]),
        dict(inputs={"a": 1}, outputs=["c"]),
    ]


@case
def build_weights_on_data_path(sh):
    dsp = sh.Dispatcher()
    dsp.add_function("long1", lambda x: x + 1, ["a"], ["m"])
    dsp.add_function("long2", lambda x: x + 1, ["m"], ["n"])
    dsp.add_function("long3", lambda x: ("long", x), ["n"], ["out"])
    dsp.add_function("short", lambda x: ("short", x), ["a"], ["out"], weight=2.5)
    dsp.add_function("shorter", lambda x: ("shorter", x), ["a"], ["out"], weight=1.5)
    return dsp, [dict(inputs={"a": 0}), dict(inputs={"a": 0}, outputs=["out"])]


# --------------------------------------------------------------------------- #
# wait_inputs data nodes with a function, filters, callbacks.
# --------------------------------------------------------------------------- #
@case
def build_wait_inputs_sum(sh):
    dsp = sh.Dispatcher()
    dsp.add_data("total", wait_inputs=True, function=lambda d: sorted(d.items()))
    dsp.add_function("est1", lambda x: x + 1, ["a"], ["total"])
    dsp.add_function("est2", lambda x: x * 10, ["b"], ["total"])
    dsp.add_function("est3", lambda x, y: x * y, ["a", "b"], ["total"])
    dsp.add_function("use", lambda t: len(t), ["total"], ["n"])
    return dsp, [
        dict(inputs={"a": 1, "b": 2}),
        dict(inputs={"a": 1}),
        dict(inputs={"b": 3}, outputs=["n"]),
    ]


@case
def build_wait_inputs_function_node(sh):
    # Function nodes wait for all inputs by default; with a data node that has
    # wait_inputs=True and sh.bypass it uses the estimations.
    dsp = sh.Dispatcher()
    dsp.add_data("x", wait_inputs=True, function=lambda d: sum(d.values()) / len(d))
    dsp.add_function("e1", sh.bypass, ["a"], ["x"])
    dsp.add_function("e2", lambda v: v * 2, ["a"], ["x"], weight=3)
    dsp.add_function("e3", lambda v: v + 4, ["b"], ["x"])
    dsp.add_function("fy", lambda x: x + 0.5, ["x"], ["y"])
    return dsp, [dict(inputs={"a": 2, "b": 1}), dict(inputs={"a": 2})]


@case
def build_wait_inputs_given_as_input(sh):
    # A wait_inputs data node given as an input: the input is one estimation
    # (from START) among those of its producers.
    dsp = sh.Dispatcher()
    dsp.add_data("z", wait_inputs=True, function=lambda d: sorted(map(str, d.items())))
    dsp.add_function("F", lambda a: 5, ["a"], ["z"])
    dsp.add_function("G", lambda: 7, None, ["z"])
    return dsp, [
        dict(inputs={"z": 0}),
        dict(inputs={"z": 0, "a": 1}),
        dict(inputs={"z": 0}, outputs=["z"]),
    ]


@case
def build_wait_inputs_given_as_input_shrink(sh):
    # Found by test_properties: minimal model.
    dsp = sh.Dispatcher()
    dsp.add_data("z", wait_inputs=True, function=lambda d: sorted(map(str, d.items())))
    dsp.add_function("F", lambda a: 5, ["a"], ["z"])
    return dsp, [dict(inputs={"z": 0}, shrink=True)]


@case
def build_data_filters_callback(sh):
    log = []
    dsp = sh.Dispatcher()
    dsp.add_data(
        "b",
        filters=[lambda x: x * 10, lambda x: x + 1],
        callback=lambda v: log.append(("cb b", v)),
    )
    dsp.add_data("a", callback=lambda v: log.append(("cb a", v)))
    dsp.add_function("f", lambda x: x + 1, ["a"], ["b"])
    dsp.add_function("g", lambda x: x * 2, ["b"], ["c"], filters=[lambda x: -x])
    return dsp, [
        dict(inputs={"a": 1}),
        probe(lambda sh, dsp, sols: list(log), "callback log"),
        dict(inputs={"b": 1}),
        probe(lambda sh, dsp, sols: list(log), "callback log"),
    ]


@case
def build_data_function_no_wait(sh):
    # A data node function without wait_inputs takes the first estimation.
    dsp = sh.Dispatcher()
    dsp.add_data("x", function=lambda d: sorted(d.items()))
    dsp.add_function("p", lambda v: v, ["a"], ["x"])
    dsp.add_function("q", lambda v: -v, ["a"], ["x"], weight=1)
    return dsp, [dict(inputs={"a": 3})]


# --------------------------------------------------------------------------- #
# SINK, START, multi-outputs.
# --------------------------------------------------------------------------- #
@case
def build_sink_and_start(sh):
    log = []
    dsp = sh.Dispatcher()
    dsp.add_function("source", lambda: 42, outputs=["a"])
    dsp.add_function("source2", lambda: (1, 2), outputs=["p", "q"], weight=1)
    dsp.add_function("sink", lambda a: log.append(("sink", a)), ["a"])
    dsp.add_function("sink2", lambda a, p: log.append(("sink2", a, p)), ["a", "p"])
    dsp.add_function("f", lambda a: a + 1, ["a"], ["b"])
    return dsp, [
        {},
        probe(lambda sh, dsp, sols: list(log), "sink log"),
        dict(inputs={"a": 1}),
        dict(outputs=["b"]),
        probe(lambda sh, dsp, sols: list(log), "sink log"),
        probe(
            lambda sh, dsp, sols: sorted((str(u), str(v)) for u, v in dsp.dmap.edges),
            "edges as str",
        ),
    ]


@case
def build_multi_outputs(sh):
    dsp = sh.Dispatcher()
    dsp.add_function("split", lambda x: (x // 10, x % 10), ["n"], ["tens", "units"])
    dsp.add_function(
        "three", lambda t, u: [t, u, t + u], ["tens", "units"], ["a", "b", "c"]
    )
    dsp.add_function("repl", sh.replicate_value, ["c"], ["c1", "c2"])
    dsp.add_function("byp", sh.bypass, ["a", "b"], ["a2", "b2"])
    dsp.add_function("summ", sh.summation, ["a2", "b2", "c1"], ["s"])
    return dsp, [dict(inputs={"n": 47}), dict(inputs={"n": 47}, outputs=["c2"])]


# --------------------------------------------------------------------------- #
# Dispatch options.
# --------------------------------------------------------------------------- #
def _chain_model(sh, log):
    dsp = sh.Dispatcher(name="chain")

    def mk(name, k):
        def fn(*args):
            log.append(name)
            return sum(args) + k

        fn.__name__ = name
        return fn

    dsp.add_function("f1", mk("f1", 1), ["a"], ["b"])
    dsp.add_function("f2", mk("f2", 2), ["b"], ["c"])
    dsp.add_function("f3", mk("f3", 3), ["c"], ["d"])
    dsp.add_function("g1", mk("g1", 10), ["a", "x"], ["y"])
    dsp.add_function("g2", mk("g2", 20), ["y"], ["z"])
    dsp.add_function("h", mk("h", 100), ["b", "y"], ["w"])
    dsp.add_data("x", default_value=5)
    return dsp


@case
def build_outputs_stop_early(sh):
    log = []
    dsp = _chain_model(sh, log)

    def logged(sh, dsp, sols):
        out = list(log)
        del log[:]
        return out

    return dsp, [
        dict(inputs={"a": 1}, outputs=["c"]),
        probe(logged, "call log"),
        dict(inputs={"a": 1}, outputs=["b", "y"]),
        probe(logged, "call log"),
        dict(inputs={"a": 1}, outputs=["w"]),
        probe(logged, "call log"),
        dict(inputs={"a": 1}),
        probe(logged, "call log"),
        dict(inputs={"a": 1}, outputs=["a"]),
        probe(logged, "call log"),
    ]


# Not in CASES: a deliberate difference (see test_deliberate_differences.py).
def build_unknown_outputs_and_inputs(sh):
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda a: a + 1, ["a"], ["b"])
    dsp.add_function("g", lambda b: b + 1, ["b"], ["c"])
    return dsp, [
        dict(inputs={"a": 1}, outputs=["c", "unreachable_missing"]),
        dict(inputs={"a": 1, "zz": 3}),
    ]


@case
def build_unreachable_output(sh):
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda a: a + 1, ["a"], ["b"])
    dsp.add_function("g", lambda b, q: b + q, ["b", "q"], ["c"])
    return dsp, [
        dict(inputs={"a": 1}, outputs=["c"]),
        dict(inputs={"a": 1}, outputs=["c", "b"]),
    ]


@case
def build_wildcard(sh):
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda a: a + 1, ["a"], ["b"])
    dsp.add_function("g", lambda b: b * 2, ["b"], ["c"])
    dsp.add_function("h", lambda c: c - 1, ["c"], ["a"])
    dsp.add_function("k", lambda b: b * 3, ["b"], ["d"])
    return dsp, [
        dict(inputs={"a": 1, "b": 5}, outputs=["a", "b"], wildcard=True),
        dict(inputs={"a": 1, "b": 5}, outputs=["b"], wildcard=True),
        dict(inputs={"a": 1, "b": 5}, wildcard=True),
        dict(inputs={"a": 1, "b": 5}),
    ]


@case
def build_shrink(sh):
    log = []
    dsp = _chain_model(sh, log)
    return dsp, [
        dict(inputs={"a": 1}, outputs=["d"], shrink=True),
        dict(inputs={"a": 1}, outputs=["z", "c"], shrink=True),
        dict(inputs={"a": 1}, shrink=True),
        dict(inputs={"a": 1, "b": 0}, outputs=["w"], shrink=True),
    ]


@case
def build_rm_unused_nds(sh):
    log = []
    dsp = _chain_model(sh, log)
    return dsp, [
        dict(inputs={"a": 1}, outputs=["d"], rm_unused_nds=True),
        dict(inputs={"a": 1, "q": 3}, outputs=["c", "y"], rm_unused_nds=True),
        dict(inputs={"a": 1}, rm_unused_nds=True),
    ]


@case
def build_no_call(sh):
    log = []
    dsp = _chain_model(sh, log)
    dsp.add_function("dom", lambda a: a, ["a"], ["v"], input_domain=lambda a: False)
    return dsp, [
        dict(inputs={"a": 1}, no_call=True),
        dict(inputs={"a": 1}, outputs=["d"], no_call=True),
        probe(lambda sh, dsp, sols: list(log), "nothing called"),
        probe(
            lambda sh, dsp, sols: [v is sh.NONE for v in sols[0].values()],
            "values are NONE",
        ),
    ]


@case
def build_select_output_kw(sh):
    log = []
    dsp = _chain_model(sh, log)
    return dsp, [
        dict(
            inputs={"a": 1},
            outputs=["c", "d"],
            select_output_kw=dict(keys=["d", "c"], output_type="list"),
        ),
        dict(
            inputs={"a": 1},
            outputs=["c", "d"],
            select_output_kw=dict(keys=["d"], output_type="values"),
        ),
        dict(
            inputs={"a": 1},
            outputs=["c", "d"],
            select_output_kw=dict(keys=["c", "d"]),
        ),
        dict(
            inputs={"a": 1},
            outputs=["d"],
            select_output_kw=dict(keys=["d", "missing"], allow_miss=True),
        ),
        dict(inputs={"a": 1}, outputs=["d"], select_output_kw=dict(keys="d")),
    ]


# --------------------------------------------------------------------------- #
# Tie-breaking at equal distances.
# --------------------------------------------------------------------------- #
@case
def build_ties_functions(sh):
    log = []
    dsp = sh.Dispatcher()

    def mk(name):
        def fn(x):
            log.append(name)
            return (name, x)

        return fn

    # ids that sort the other way round than their insertion order
    for fid in ("zeta", "alpha", "Mid", "10", "9"):
        dsp.add_function(fid, mk(fid), ["a"], ["out"])
    dsp.add_function("z2", mk("z2"), ["a"], ["q"])
    dsp.add_function("a2", mk("a2"), ["a"], ["p"])
    dsp.add_function("after", lambda p, q: (p, q), ["q", "p"], ["r"])
    return dsp, [
        dict(inputs={"a": 1}),
        probe(lambda sh, dsp, sols: list(log), "call order"),
        dict(inputs={"a": 1}, outputs=["out"]),
    ]


@case
def build_ties_data(sh):
    dsp = sh.Dispatcher()
    dsp.add_data("z")
    dsp.add_data("a")
    dsp.add_function("fz", lambda x: ("fz", x), ["z"], ["t"])
    dsp.add_function("fa", lambda x: ("fa", x), ["a"], ["t"])
    dsp.add_function("gz", lambda x: ("gz", x), ["z"], ["u"], weight=1)
    dsp.add_function("ga", lambda x: ("ga", x), ["a"], ["u"], weight=1)
    return dsp, [
        dict(inputs={"a": 1, "z": 2}),
        dict(inputs={"z": 2, "a": 1}),
        dict(inputs={"z": 2, "a": 1}, outputs=["u"]),
    ]


@case
def build_ties_mixed_weights(sh):
    # Paths of equal total length through different numbers of nodes.
    dsp = sh.Dispatcher()
    dsp.add_function("one", lambda x: ("one", x), ["a"], ["m"], weight=1)
    dsp.add_function("two", lambda x: ("two", x), ["m"], ["out"])
    dsp.add_function("three", lambda x: ("three", x), ["a"], ["out"], weight=2)
    dsp.add_function("four", lambda x: ("four", x), ["a"], ["n"], weight=0.5)
    dsp.add_function("five", lambda x: ("five", x), ["n"], ["out"], weight=0.5)
    return dsp, [dict(inputs={"a": 0})]


# --------------------------------------------------------------------------- #
# add_func, add_from_lists, add_function decorator, ids.
# --------------------------------------------------------------------------- #
@case
def build_add_func(sh):
    dsp = sh.Dispatcher()

    def area(width, height=2):
        return width * height

    def perimeter(width, height):
        return 2 * (width + height)

    def stats(A, P):
        return A / P, A + P

    ids = [
        dsp.add_func(area, outputs=["A"]),
        dsp.add_func(perimeter, outputs=["P"], weight=1),
        dsp.add_func(stats, outputs=["ratio", "sum"]),
        dsp.add_func(area, outputs=["A2"], inputs_defaults=True),
        dsp.add_func(lambda A: A, outputs=["A3"], function_id="ident"),
    ]
    return dsp, [
        probe(lambda sh, dsp, sols: ids, "ids"),
        dict(inputs={"width": 3, "height": 4}),
        dict(inputs={"width": 3}),
    ]


@case
def build_add_function_decorator(sh):
    dsp = sh.Dispatcher()

    @sh.add_function(dsp, outputs=["c"])
    def add(a, b):
        return a + b

    @sh.add_function(dsp, outputs=["d"], inputs_defaults=True)
    def scale(c, k=3):
        return c * k

    @sh.add_function(dsp, True, True, outputs=["e"])
    def kw(d, m=2):
        return d - m

    @sh.add_function(dsp, outputs=["c"], function_id="add_alt", weight=4)
    def add2(a, b):
        return a * b

    return dsp, [
        probe(lambda sh, dsp, sols: [add(1, 2), scale(1), kw(5)], "still callable"),
        dict(inputs={"a": 1, "b": 2}),
        dict(inputs={"a": 1, "b": 2, "k": 10, "m": 0}),
    ]


@case
def build_add_from_lists(sh):
    dsp = sh.Dispatcher()
    data_list = [
        dict(data_id="a", default_value=1),
        dict(data_id="b", default_value=2),
        dict(data_id="c", wait_inputs=True, function=lambda d: max(d.values())),
    ]
    fun_list = [
        dict(function=lambda a, b: a + b, inputs=["a", "b"], outputs=["c"]),
        dict(
            function_id="mult",
            function=lambda a, b: a * b,
            inputs=["a", "b"],
            outputs=["c"],
        ),
        dict(function=lambda c: c + 1, inputs=["c"], outputs=["d"]),
    ]
    res = dsp.add_from_lists(data_list, fun_list)
    return dsp, [
        probe(lambda sh, dsp, sols: [list(r) for r in res], "returned ids"),
        {},
        dict(inputs={"a": 5}),
    ]


@case
def build_ids(sh):
    dsp = sh.Dispatcher()
    ids = [dsp.add_data(), dsp.add_data(), dsp.add_data(default_value=3)]

    def fun(x):
        return x + 1

    ids += [
        dsp.add_function(function=fun, inputs=[ids[0]], outputs=[ids[1]]),
        dsp.add_function(function=fun, inputs=[ids[1]], outputs=["x"]),
        dsp.add_function(function=fun, inputs=["x"], outputs=["y"]),
        dsp.add_function("fun", fun, ["y"], ["z"]),
        dsp.add_function(function=sh.bypass, inputs=["z"], outputs=["w"]),
        dsp.add_function(function=lambda v: v, inputs=["w"], outputs=["v"]),
        dsp.add_data("x"),  # already there: same id
        dsp.add_data("fresh", default_value=0),
    ]
    return dsp, [
        probe(lambda sh, dsp, sols: ids, "ids"),
        dict(inputs={ids[0]: 1}),
    ]


@case
def build_function_id_conflicts_data(sh):
    # Ids already taken: by a function, by a data node (errors as probes).
    dsp = sh.Dispatcher()
    ids = [
        dsp.add_function("f", lambda x: x, ["a"], ["out"]),
        dsp.add_function("f", lambda x: x, ["a"], ["out2"]),
        dsp.add_function("f", lambda x: x, ["a"], ["out3"]),
    ]

    def add(*args, **kw):
        return lambda sh, dsp, sols: dsp.add_function(*args, **kw)

    return dsp, [
        probe(lambda sh, dsp, sols: ids, "ids"),
        dict(inputs={"a": 1}),
        probe(add("a", sh.bypass, ["out"], ["z"]), "function id = data id"),
        probe(add("g", sh.bypass, ["out"], ["f"]), "output = function id"),
        probe(add("h", sh.bypass, ["f"], ["z"]), "input = function id"),
        probe(add("k", sh.bypass, ["k"], ["z"]), "input = own id"),
        probe(lambda sh, dsp, sols: dsp.add_data("f"), "data id = function id"),
        probe(lambda sh, dsp, sols: list(dsp.dmap.nodes), "nodes after"),
        dict(inputs={"a": 1}),
    ]


# --------------------------------------------------------------------------- #
# Helpers used inside models.
# --------------------------------------------------------------------------- #
@case
def build_helpers_in_model(sh):
    dsp = sh.Dispatcher()
    dsp.add_function("comb", sh.combine_dicts, ["d1", "d2"], ["d12"])
    dsp.add_function("select", sh.partial(sh.selector, ["a", "c"]), ["d12"], ["sel"])
    dsp.add_function("mapd", sh.partial(sh.map_dict, {"a": "A"}), ["sel"], ["mapped"])
    dsp.add_function(
        "mapl", sh.partial(sh.map_list, ["x", {"b": "B"}]), ["one", "d2"], ["ml"]
    )
    dsp.add_function("args", sh.add_args(lambda v: v * 2), ["ignored", "one"], ["dbl"])
    dsp.add_function("summ", sh.summation, ["one", "dbl"], ["s"])
    return dsp, [
        dict(
            inputs={
                "d1": {"a": 1, "b": 2},
                "d2": {"b": 3, "c": 4},
                "one": 1,
                "ignored": 0,
            }
        ),
        probe(
            lambda sh, dsp, sols: [
                sh.stlp("a"),
                sh.stlp(["a"]),
                sh.stlp(("a", "b")),
                sh.inf(1, 2) > sh.inf(1, 1),
                sh.inf(0, 5) < 1,
                sh.selector(["a"], {"a": 1, "b": 2}, output_type="list"),
                sh.map_dict({"a": "b"}, {"a": 1, "c": 2}),
                sh.combine_dicts({"a": 1}, {"a": 2, "b": 3}),
                sh.replicate_value([1], n=3),
            ],
            "helpers",
        ),
    ]


# --------------------------------------------------------------------------- #
# Cycles, bigger models.
# --------------------------------------------------------------------------- #
@case
def build_cycle(sh):
    dsp = sh.Dispatcher()
    dsp.add_function("c_to_f", lambda c: c * 9 / 5 + 32, ["celsius"], ["fahrenheit"])
    dsp.add_function("f_to_c", lambda f: (f - 32) * 5 / 9, ["fahrenheit"], ["celsius"])
    dsp.add_function("c_to_k", lambda c: c + 273.15, ["celsius"], ["kelvin"])
    dsp.add_function("k_to_c", lambda k: k - 273.15, ["kelvin"], ["celsius"])
    return dsp, [
        dict(inputs={"celsius": 100}),
        dict(inputs={"fahrenheit": 212}),
        dict(inputs={"kelvin": 0}),
        dict(inputs={"kelvin": 0, "celsius": 5}),
        dict(inputs={"kelvin": 0}, outputs=["fahrenheit"]),
    ]


@case
def build_diamond_grid(sh):
    dsp = sh.Dispatcher(name="grid")
    n = 5
    for i in range(n):
        for j in range(n):
            out = "n%d_%d" % (i, j)
            if i + 1 < n:
                dsp.add_function(
                    "r%d_%d" % (i, j),
                    lambda x, k=i: x + k,
                    [out],
                    ["n%d_%d" % (i + 1, j)],
                    weight=(i * 7 + j * 3) % 4,
                )
            if j + 1 < n:
                dsp.add_function(
                    "d%d_%d" % (i, j),
                    lambda x, k=j: x * 2 + k,
                    [out],
                    ["n%d_%d" % (i, j + 1)],
                    weight=(i * 5 + j) % 3,
                )
    return dsp, [
        dict(inputs={"n0_0": 1}),
        dict(inputs={"n0_0": 1}, outputs=["n4_4"]),
        dict(inputs={"n0_0": 1, "n2_2": 0}, outputs=["n4_4", "n3_1"]),
        dict(inputs={"n0_0": 1}, outputs=["n4_4"], shrink=True),
    ]


@case
def build_copy_independent(sh):
    dsp = sh.Dispatcher()
    dsp.add_data("a", default_value=1)
    dsp.add_function("f", lambda a: a + 1, ["a"], ["b"])
    dsp2 = dsp.copy()
    dsp2.add_function("g", lambda b: b * 10, ["b"], ["c"])
    dsp2.set_default_value("a", 5)
    return dsp, [
        {},
        probe(lambda sh, dsp, sols: dict(dsp2()), "copy dispatch"),
        probe(lambda sh, dsp, sols: list(dsp2.dmap.nodes), "copy nodes"),
        probe(lambda sh, dsp, sols: "g" in dsp.dmap.nodes, "original untouched"),
    ]


# --------------------------------------------------------------------------- #
# Sub-models: get_sub_dsp, get_sub_dsp_from_workflow, shrink_dsp.
# --------------------------------------------------------------------------- #
def _sub_model(sh):
    dsp = sh.Dispatcher(name="sub")
    dsp.add_data("a", default_value=1)
    dsp.add_function("f", lambda a, b: a + b, ["a", "b"], ["c"])
    dsp.add_function("g", lambda c: c * 2, ["c"], ["d"])
    dsp.add_function("h", lambda a: -a, ["a"], ["e"], weight=2)
    dsp.add_function("i", lambda d, e: d * e, ["d", "e"], ["f_out"])
    dsp.add_function("j", lambda e: e, ["e"], ["b"])
    return dsp


def _nodes(sh, d):
    return list(d.dmap.nodes)


@case
def build_get_sub_dsp(sh):
    sub = _sub_model(sh).get_sub_dsp(["a", "b", "c", "d", "f", "g", "h"])
    return sub, [dict(inputs={"b": 3}), dict()]


@case
def build_get_sub_dsp_drops_function_without_inputs(sh):
    # 'f' needs 'a' and 'b': without 'b' it cannot be kept.
    sub = _sub_model(sh).get_sub_dsp(["a", "c", "f", "g", "d"])
    return sub, [dict(inputs={"a": 3})]


@case
def build_get_sub_dsp_from_workflow(sh):
    dsp = _sub_model(sh)
    sub = dsp.get_sub_dsp_from_workflow(["a", "b"])
    return sub, [
        dict(inputs={"b": 1}),
        probe(
            lambda sh, d, sols: _nodes(sh, dsp.get_sub_dsp_from_workflow(["a"])),
            "from a",
        ),
        probe(
            lambda sh, d, sols: _nodes(
                sh, dsp.get_sub_dsp_from_workflow(["d"], reverse=True)
            ),
            "reverse from d",
        ),
        probe(
            lambda sh, d, sols: _nodes(
                sh, dsp.get_sub_dsp_from_workflow(["f_out", "b"], reverse=True)
            ),
            "reverse from f_out,b",
        ),
    ]


@case
def build_get_sub_dsp_from_workflow_reverse(sh):
    sub = _sub_model(sh).get_sub_dsp_from_workflow(["d"], reverse=True)
    return sub, [{}, dict(inputs={"b": 2})]


@case
def build_sol_get_sub_dsp_from_workflow(sh):
    dsp = _sub_model(sh)
    return dsp, [
        dict(inputs={"b": 1}),
        probe(
            lambda sh, d, sols: _nodes(
                sh, d.get_sub_dsp_from_workflow(["d"], sols[0].workflow, True)
            ),
            "reverse on workflow",
        ),
    ]


@case
def build_shrink_dsp(sh):
    dsp = _sub_model(sh)
    sub = dsp.shrink_dsp(inputs=["a", "b"], outputs=["d"])
    return sub, [
        dict(inputs={"a": 1, "b": 2}),
        probe(
            lambda sh, d, sols: _nodes(sh, dsp.shrink_dsp(["a"], ["f_out"])), "a->f_out"
        ),
        probe(lambda sh, d, sols: _nodes(sh, dsp.shrink_dsp(["a"])), "a->all"),
        probe(lambda sh, d, sols: _nodes(sh, dsp.shrink_dsp(outputs=["c"])), "->c"),
        probe(lambda sh, d, sols: _nodes(sh, dsp.shrink_dsp()), "nothing"),
    ]


@case
def build_shrink_dsp_with_defaults(sh):
    log = []
    dsp = _chain_model(sh, log)
    sub = dsp.shrink_dsp(["a"], ["w", "z"])
    return sub, [
        dict(inputs={"a": 2}),
        probe(lambda sh, d, sols: sorted(d.default_values), "defaults"),
    ]


CASE_NAMES = list(CASES)


# --------------------------------------------------------------------------- #
# Normalisation: turn a solution / a model into plain, comparable data.
# --------------------------------------------------------------------------- #
import math  # noqa: E402
import re  # noqa: E402

TOKENS = ("START", "SINK", "SELF", "END", "NONE", "EMPTY", "PLOT")
_TMP_RE = re.compile(r'[^\'"\s]*%s[^/\\\'"\s]*' % TMP_PREFIX)
SIMPLE_NODE_ATTRS = (
    "type",
    "inputs",
    "outputs",
    "wait_inputs",
    "index",
    "weight",
    "description",
    "wildcard",
)


def norm_value(v, sh):
    """A plain, comparable image of ``v`` (tokens by name, tmp paths masked)."""
    for name in TOKENS:
        tok = getattr(sh, name, None)
        if tok is not None and v is tok:
            return "<%s>" % name
    if isinstance(v, str):
        return _TMP_RE.sub("<tmp>", str(v))
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return "nan" if math.isnan(v) else round(v, 9)
    if type(v).__name__ == "inf":  # sh.inf(inf, num): a finite one is a number
        t = tuple(v)
        if t[0] == 0:
            return norm_value(float(t[1]), sh)
        return ("inf",) + tuple(norm_value(x, sh) for x in t)
    if isinstance(v, dict):
        return {norm_value(k, sh): norm_value(x, sh) for k, x in v.items()}
    if isinstance(v, (set, frozenset)):
        return sorted((norm_value(x, sh) for x in v), key=repr)
    if isinstance(v, list):
        return [norm_value(x, sh) for x in v]
    if isinstance(v, tuple):
        return tuple(norm_value(x, sh) for x in v)
    if callable(v):
        return "<callable>"
    return v


def norm_id(n, sh):
    return norm_value(n, sh)


def _sorted_ids(ids):
    return sorted(ids, key=repr)


def failed_nodes(sol):
    """Ids of failed nodes (the reference keeps them in ``sol._errors``)."""
    for attr in ("failed", "errors", "_errors"):
        v = getattr(sol, attr, None)
        if v is not None and not callable(v):
            return list(v)
    return []


def out_of_domain_nodes(sol):
    """Ids of nodes rejected by their input domain.

    The reference marks them with the workflow node attribute
    ``solution_domain=False``.
    """
    for attr in ("out_of_domain",):
        v = getattr(sol, attr, None)
        if v is not None and not callable(v):
            return list(v)
    nodes = sol.workflow.nodes
    return [n for n in nodes if not nodes[n].get("solution_domain", True)]


def _edges(graph):
    e = graph.edges
    return list(e.keys() if hasattr(e, "keys") else e)


def snapshot_solution(sol, sh, volatile=()):
    items = []
    for k, v in sol.items():
        items.append(
            (norm_id(k, sh), "<volatile>" if k in volatile else norm_value(v, sh))
        )
    wf = sol.workflow
    outputs = getattr(sol, "outputs", None)
    return {
        "items": items,
        "dist": {norm_id(k, sh): norm_value(v, sh) for k, v in sol.dist.items()},
        "workflow nodes": _sorted_ids(norm_id(n, sh) for n in wf.nodes),
        "workflow edges": _sorted_ids(
            (norm_id(u, sh), norm_id(v, sh)) for u, v in _edges(wf)
        ),
        "failed": _sorted_ids(norm_id(n, sh) for n in failed_nodes(sol)),
        "out of domain": _sorted_ids(norm_id(n, sh) for n in out_of_domain_nodes(sol)),
        "sol.inputs": {
            norm_id(k, sh): "<volatile>" if k in volatile else norm_value(v, sh)
            for k, v in (getattr(sol, "inputs", None) or {}).items()
        },
        "sol.outputs": None
        if outputs is None
        else _sorted_ids(norm_id(n, sh) for n in outputs),
        "sub-solutions": _sub_solutions(sol, sh, volatile),
    }


def _sub_solutions(sol, sh, volatile):
    """Index path -> items, dist and workflow edges of each sub-model's solution."""
    subs = getattr(sol, "sub_sol", None) or {}
    out = {}
    for key in sorted(subs, key=repr):
        if key == (-1,):  # the solution itself
            continue
        s = subs[key]
        out[repr(key)] = {
            "items": [(norm_id(k, sh), norm_value(v, sh)) for k, v in s.items()],
            "dist": {norm_id(k, sh): norm_value(v, sh) for k, v in s.dist.items()},
            "workflow edges": _sorted_ids(
                (norm_id(u, sh), norm_id(v, sh)) for u, v in _edges(s.workflow)
            ),
            "failed": _sorted_ids(norm_id(n, sh) for n in failed_nodes(s)),
            "out of domain": _sorted_ids(
                norm_id(n, sh) for n in out_of_domain_nodes(s)
            ),
        }
    return out


def snapshot_dmap(dsp, sh):
    """Plain image of ``dsp.dmap`` and ``dsp.default_values``."""
    nodes = []
    for n, attr in dsp.dmap.nodes.items():
        d = {"attr keys": sorted(attr)}
        for k in SIMPLE_NODE_ATTRS:
            if k in attr:
                d[k] = norm_value(attr[k], sh)
        for k in ("function", "input_domain", "filters", "callback"):
            if k in attr:
                d["%s is callable-ish" % k] = attr[k] is not None
        nodes.append((norm_id(n, sh), d))
    edges = {}
    for u, v in _edges(dsp.dmap):
        attr = dsp.dmap.adj[u][v]
        edges[repr((norm_id(u, sh), norm_id(v, sh)))] = norm_value(dict(attr), sh)
    defaults = {
        norm_id(k, sh): norm_value(dict(v), sh) for k, v in dsp.default_values.items()
    }
    return {"dmap nodes": nodes, "dmap edges": edges, "default_values": defaults}


def raised(ex):
    """Snapshot of an exception: its type name, and the names it answers to.

    A subclass counts as the same error (``ModelError(ValueError)`` where the
    reference raises ``ValueError``), see :func:`diff_snapshots`.
    """
    return {
        "raises": type(ex).__name__,
        "raises (mro)": [c.__name__ for c in type(ex).__mro__],
    }


#: cases whose steps depend on how often a dispatch ran (a function that
#: counts its calls, a solution kept across steps): not run twice, and why
NOT_REPEATABLE: dict = {
    "tutorial": "its first dispatch writes the key and message files the "
    "next one reads: another path",
    "data_filters_callback": "probes log every callback call",
    "sink_and_start": "probes log every call",
    "outputs_stop_early": "probes log every call",
    "ties_functions": "probes log every call",
}


def run_case(build, sh, warm=False):
    """Build the case with module ``sh`` and run its steps.

    Returns ``(snapshots, checks)``: a list of ``(label, snapshot)`` and a list
    of error messages from the case's own ``check`` (volatile values). With
    ``warm`` (a count; True is 1), each dispatch is made that many times more
    before the one recorded: the second replays the first, where the library
    can, and the third replays a fused plan (straight pipes, fused pairs of
    models with sub-models).
    """
    volatile = getattr(build, "volatile", ())
    check = getattr(build, "check", None)
    dsp, steps = build(sh)
    out = [("model", snapshot_dmap(dsp, sh))]
    checks = []
    sols = []
    for i, step in enumerate(steps):
        if isinstance(step, Probe):
            label = "step %d %r" % (i, step)
            try:
                out.append((label, {"value": norm_value(step.fn(sh, dsp, sols), sh)}))
            except Exception as ex:  # noqa: BLE001
                out.append((label, raised(ex)))
            continue
        kw = step(sh, dsp, sols) if callable(step) else dict(step)
        label = "step %d dispatch(%s)" % (
            i,
            ", ".join("%s=%r" % (k, norm_value(v, sh)) for k, v in kw.items()),
        )
        try:
            for _ in range(int(warm)):
                try:
                    dsp.dispatch(**kw)
                except Exception:  # noqa: BLE001, S110 (the recorded one tells)
                    pass
            res = dsp.dispatch(**kw)
        except Exception as ex:  # noqa: BLE001
            sols.append(None)
            out.append((label, raised(ex)))
            continue
        if isinstance(res, dict) and hasattr(res, "workflow"):
            sol, snap = res, {"result": "Solution"}
        else:
            sol = dsp.solution
            snap = {"result": norm_value(res, sh)}
        snap.update(snapshot_solution(sol, sh, volatile))
        if check is not None:
            try:
                check(sh, sol)
            except Exception as ex:  # noqa: BLE001
                checks.append("%s: check failed: %r" % (label, ex))
        sols.append(sol)
        out.append((label, snap))
    snap_model_after = snapshot_dmap(dsp, sh)
    out.append(("model after the steps", snap_model_after))
    return out, checks


def diff_snapshots(ref, new):
    """Human readable list of differences between two ``run_case`` outputs."""
    lines = []
    for (label, a), (_label_b, b) in zip(ref, new):
        for key in list(a) + [k for k in b if k not in a]:
            va, vb = a.get(key, "<missing>"), b.get(key, "<missing>")
            if key == "raises (mro)":
                continue
            if key == "raises" and va in b.get("raises (mro)", ()):
                continue  # the same error, or a subclass of it
            if va != vb:
                lines.append("%s -- %s:" % (label, key))
                lines.append("    reference : %r" % (va,))
                lines.append("    schedula_nb: %r" % (vb,))
                if isinstance(va, dict) and isinstance(vb, dict):
                    for k in list(va) + [k for k in vb if k not in va]:
                        if va.get(k, "<missing>") != vb.get(k, "<missing>"):
                            lines.append(
                                "      [%r] ref=%r nb=%r"
                                % (k, va.get(k, "<missing>"), vb.get(k, "<missing>"))
                            )
                elif isinstance(va, list) and isinstance(vb, list):
                    try:
                        sa, sb = set(map(repr, va)), set(map(repr, vb))
                        if sa - sb:
                            lines.append("      only in ref: %s" % sorted(sa - sb))
                        if sb - sa:
                            lines.append("      only in nb : %s" % sorted(sb - sa))
                    except Exception:  # noqa: BLE001
                        pass
    if len(ref) != len(new):
        lines.append("number of steps differ: %d != %d" % (len(ref), len(new)))
    return lines


@case
def build_start_function_with_domain_shrink(sh):
    # Found by test_properties: a START function with an input_domain whose
    # output is given; with shrink=True the reference still visits it (dist).
    dsp = sh.Dispatcher()
    dsp.add_function("F", lambda: 3, None, ["z"], input_domain=lambda *a: True)
    return dsp, [dict(inputs={"z": 0}), dict(inputs={"z": 0}, shrink=True)]


from . import corpus_submodels  # noqa: E402, F401 - registers its cases

CASE_NAMES = list(CASES)
