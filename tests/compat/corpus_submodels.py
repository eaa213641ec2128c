"""Corpus cases with sub-model nodes (``add_dispatcher``), 2 and 3 levels.

Registered into :mod:`corpus` (imported at its end); the snapshots compare the
sub-solutions too (``sol.sub_sol``: items, ``dist`` and workflow per level).
"""

from .corpus import case, probe


def _child(sh, name="sub"):
    sub = sh.Dispatcher(name=name, raises="")
    sub.add_function("f1", lambda x: x + 1, ["x"], ["y"])
    sub.add_function("f2", lambda y, z: y * z, ["y", "z"], ["w"])
    sub.add_function("f3", lambda x: x * 10, ["x"], ["w"], weight=5)
    return sub


@case
def build_submodel_inputs_arrive_over_time(sh):
    # 'c' starts the sub-model at 0, 'b' joins it at 2; outputs reach the parent
    # at the child's distances; outputs= stops parent and child together.
    dsp = sh.Dispatcher(name="main", raises="")
    dsp.add_function("g", lambda a: a * 2, ["a"], ["b"])
    dsp.add_dispatcher(
        _child(sh),
        inputs={"b": "x", "c": "z"},
        outputs={"y": "Y", "w": "W"},
        dsp_id="S",
    )
    dsp.add_function("h", lambda W: W - 1, ["W"], ["out"])
    return dsp, [
        dict(inputs={"a": 1, "c": 3}),
        dict(inputs={"a": 1}),
        dict(inputs={"a": 1, "c": 3}, outputs=["Y"]),
        dict(inputs={"c": 2}),
        dict(inputs={"a": 1, "c": 3}, outputs=["out"]),
    ]


@case
def build_submodel_lists_weights_one_to_many(sh):
    sub = sh.Dispatcher(name="sub")
    sub.add_function("f1", lambda x: x + 1, ["x"], ["y"])
    sub.add_function("extra", lambda x: -x, ["x"], ["e"])
    dsp = sh.Dispatcher(name="main")
    ids = [
        dsp.add_dispatcher(
            sub, inputs={"b": ["x"]}, outputs={"y": ["Y", "Y2"]}, dsp_id="S", weight=3
        ),
        dsp.add_dispatcher(sub, inputs=["x"], outputs=["y"], inp_weight={"x": 2}),
        dsp.add_dispatcher(sub, inputs=("x",), outputs={"y": "z"}),
    ]
    return dsp, [
        probe(lambda sh, dsp, sols: ids, "ids"),
        probe(lambda sh, dsp, sols: sorted(dsp.sub_dsp_nodes), "sub_dsp_nodes"),
        dict(inputs={"b": 1}),
        dict(inputs={"b": 1, "x": 4}),
        dict(inputs={"x": 4}, outputs=["z"]),
    ]


@case
def build_submodel_include_defaults_and_child_defaults(sh):
    # The child's own defaults are not used inside the parent's dispatch;
    # include_defaults copies those of its inputs to the parent.
    sub = sh.Dispatcher(name="sub")
    sub.add_data("x", default_value=5)
    sub.add_data("k", default_value=100)
    sub.add_function("f", lambda x, k: x + k, ["x", "k"], ["y"])
    sub.add_function("g", lambda x: x - 1, ["x"], ["y"], weight=3)
    dsp = sh.Dispatcher(name="main")
    dsp.add_dispatcher(sub, inputs=["x"], outputs=["y"], include_defaults=True)
    return dsp, [dict(inputs={}), dict(inputs={"x": 1})]


@case
def build_submodel_failure_and_domain(sh):
    sub = sh.Dispatcher(name="sub", raises="")
    sub.add_function("bad", lambda x: 1 / 0, ["x"], ["y"])
    sub.add_function("alt", lambda x: x + 0.5, ["x"], ["y"], weight=2)
    sub.add_function("qf", lambda x: x, ["x"], ["q"], input_domain=lambda x: x > 10)
    dsp = sh.Dispatcher(name="main", raises="")
    dsp.add_dispatcher(
        sub,
        inputs={"a": "x"},
        outputs={"y": "Y", "q": "Q"},
        dsp_id="S",
        input_domain=lambda kw: kw.get("a", 0) >= 0,
    )
    dsp.add_function("fallback", lambda a: -a, ["a"], ["Y"], weight=10)
    return dsp, [dict(inputs={"a": 1}), dict(inputs={"a": 20}), dict(inputs={"a": -1})]


@case
def build_submodel_three_levels(sh):
    inner = sh.Dispatcher(name="inner")
    inner.add_function("k", lambda p: p * 100, ["p"], ["q"])
    inner.add_function("k2", lambda p, s: p - s, ["p", "s"], ["q2"])
    mid = sh.Dispatcher(name="mid")
    mid.add_function("m", lambda u: u + 1, ["u"], ["p"])
    mid.add_dispatcher(
        inner, inputs={"p": "p", "s": "s"}, outputs={"q": "v", "q2": "v2"}, dsp_id="I"
    )
    top = sh.Dispatcher(name="top")
    top.add_dispatcher(
        mid, inputs={"a": "u", "b": "s"}, outputs={"v": "r", "v2": "r2"}, dsp_id="M"
    )
    top.add_function("t", lambda r: r + 0.5, ["r"], ["z"])
    return top, [
        dict(inputs={"a": 1}),
        dict(inputs={"a": 1, "b": 7}),
        dict(inputs={"a": 1, "b": 7}, outputs=["r"]),
        dict(inputs={"b": 7}),
    ]


@case
def build_submodel_feeds_back_and_competes(sh):
    # A parent function and the sub-model compete for the same data node; the
    # sub-model's output feeds a parent function that feeds it back.
    sub = sh.Dispatcher(name="sub")
    sub.add_function("inc", lambda x: x + 1, ["x"], ["y"])
    sub.add_function("dbl", lambda y2: y2 * 2, ["y2"], ["z"])
    dsp = sh.Dispatcher(name="main")
    dsp.add_dispatcher(
        sub, inputs={"a": "x", "c": "y2"}, outputs={"y": "b", "z": "d"}, dsp_id="S"
    )
    dsp.add_function("direct", lambda a: a + 100, ["a"], ["b"], weight=0.5)
    dsp.add_function("back", lambda b: b * 3, ["b"], ["c"])
    return dsp, [dict(inputs={"a": 1}), dict(inputs={"a": 1}, outputs=["d"])]
