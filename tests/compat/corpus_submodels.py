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


@case
def build_submodel_own_defaults_tie_with_its_outputs(sh):
    # A child's own default enters at the distance the child starts, after the
    # parent's nodes there, ordered by id among the parent nodes the child
    # gives: default 'a' (< 'b') is visited before the parent's 'b' and gives
    # it its value; default 'zz' (> 'c') comes after the parent's 'c', which
    # stops that child first.
    def child(sh, name, default):
        sub = sh.Dispatcher(name=name)
        sub.add_data("z")
        sub.add_data(default, default_value=0)
        sub.add_function("f", lambda v: v + 1, [default], ["y"])
        return sub

    dsp = sh.Dispatcher(name="main")
    dsp.add_function("g", lambda: 10, None, ["z"])
    dsp.add_function("h", lambda: 5, None, ["A"])
    dsp.add_dispatcher(
        child(sh, "low", "a"), inputs={"z": "z"}, outputs={"z": "b", "a": "b"}
    )
    dsp.add_dispatcher(
        child(sh, "high", "zz"), inputs={"z": "z"}, outputs={"z": "c", "zz": "c"}
    )
    return dsp, [dict(inputs={}), dict(inputs={}, outputs=["b", "c"])]


@case
def build_submodel_input_after_its_function(sh):
    # A parent value that reaches a child data node its function has already
    # estimated does not replace that estimate: the node is visited at the
    # input's distance, with the function's value (as in a flat dispatch),
    # and once visited, a later input still shows as given in the workflow.
    sub = sh.Dispatcher(name="sub")
    sub.add_function("f", lambda b: b + 1, ["b"], ["z"], weight=1)  # z at 5
    sub.add_function("g", lambda z: z * 1000, ["z"], ["q"])
    dsp = sh.Dispatcher(name="main")
    dsp.add_function("start", lambda: 10, None, ["x"])
    dsp.add_function("early", lambda x, w: x * w, ["x", "w"], ["a"], weight=0.5)
    dsp.add_function("late", lambda x: x * 200, ["x"], ["zz"], weight=3)  # 7
    dsp.add_dispatcher(
        sub, inputs={"x": "b", "a": "z", "zz": "z"}, outputs={"z": "y"}, dsp_id="S"
    )
    # 'a' reaches z at 4.5, 'zz' at 7; without 'w' only 'zz' does.
    return dsp, [dict(inputs={"w": 2}), dict(inputs={}), dict(inputs={"a": 1})]


@case
def build_submodel_cut_keeps_loops_back_to_its_inputs(sh):
    # With outputs, a sub-model runs only what leads to the outputs it must
    # give, and what leads back to its own inputs: the loop x2 -> G -> w -> H
    # -> x2 runs (J and K lead nowhere needed); with no target reachable
    # ('M' has no producer), the loop still runs.
    sub = sh.Dispatcher(name="sub")
    sub.add_data("M")
    sub.add_function("F", lambda x1: x1 + 1, ["x1"], ["y"], weight=10)
    sub.add_function("G", lambda x2: x2 + 1, ["x2"], ["w"])
    sub.add_function("H", lambda w: w + 1, ["w"], ["x2"])
    sub.add_function("J", lambda w: w + 1, ["w"], ["u"])
    sub.add_function("K", lambda x1: x1 + 1, ["x1"], ["t"])
    dsp = sh.Dispatcher(name="main")
    dsp.add_function("g", lambda: 10, None, ["a"])
    dsp.add_dispatcher(
        sub,
        inputs={"a": "x1", "b": "x2"},
        outputs={"y": "Y", "u": "U", "M": "k"},
        dsp_id="S",
    )
    return dsp, [
        dict(inputs={"b": 1}, outputs=["Y"]),
        dict(inputs={"b": 1}, outputs=["k"]),
        dict(inputs={"b": 1}),
    ]


@case
def build_submodel_output_not_handed_back(sh):
    # The parent's 'b' gets its value from the child's 'y' and is also an
    # input of the same sub-model, mapped to 'y' only: the value is not handed
    # back to where it came from ('y' does not show as given in the child).
    sub = sh.Dispatcher(name="sub")
    sub.add_function("F", lambda x: x + 1, ["x"], ["y"])
    sub.add_function("G", lambda y: y * 2, ["y"], ["w"], weight=3)
    dsp = sh.Dispatcher(name="main")
    dsp.add_function("g", lambda: 10, None, ["a"])
    dsp.add_dispatcher(
        sub, inputs={"a": "x", "b": "y"}, outputs={"y": "b", "w": "W"}, dsp_id="S"
    )
    return dsp, [dict(inputs={}), dict(inputs={}, outputs=["W"])]


@case
def build_submodel_cut_stops_at_what_the_parent_needs(sh):
    # With outputs, a sub-model stops once it has given what the parent
    # needs ('M' for 'z'): its 'a', on the cut's way (a -> G -> M) and tied
    # with 'M', is not visited; without outputs it runs on and gives 'a'.
    sub = sh.Dispatcher(name="sub")
    sub.add_function("F", lambda x: (x + 1, x + 2), ["x"], ["M", "a"])
    sub.add_function("G", lambda a: a + 1, ["a"], ["M"], weight=5)
    dsp = sh.Dispatcher(name="main")
    dsp.add_dispatcher(sub, inputs={"x": "x"}, outputs={"M": "z", "a": "a"}, dsp_id="S")
    return dsp, [dict(inputs={"x": 1}, outputs=["z"]), dict(inputs={"x": 1})]


@case
def build_submodel_output_onto_a_given_input(sh):
    # The child's 'a' goes to the parent's 'A' and to 'z', which is given:
    # with outputs, the parent's cut has no edge into a given input, so 'z'
    # keeps its value (and no estimate from the sub-model); without outputs
    # the sub-model's estimate reaches 'z' too.
    sub = sh.Dispatcher(name="sub")
    sub.add_function("F", lambda a: a + 1, ["a"], ["z"])
    dsp = sh.Dispatcher(name="main")
    dsp.add_dispatcher(sub, inputs={"b": "a"}, outputs={"a": ("z", "A")}, dsp_id="S")
    dsp.add_function("f", lambda z, A: z + A, ["z", "A"], ["M"])
    return dsp, [
        dict(inputs={"z": 100, "b": 5}, outputs=["M"]),
        dict(inputs={"z": 100, "b": 5}),
    ]


@case
def build_submodel_functions_of_no_inputs(sh):
    # A child's function of no inputs ('h', 'k') runs at the distance the
    # child starts. With outputs, a cut child keeps START only when such a
    # function is on the way to what it must give: 'h' (for 'y') runs, while
    # 'k' (for 'q', not needed) is cut off and START shows no value.
    sub = sh.Dispatcher(name="sub")
    sub.add_function("h", lambda: 7, None, ["c"])
    sub.add_function("f", lambda x, c: x + c, ["x", "c"], ["y"])
    sub.add_function("k", lambda: 9, None, ["q"])
    dsp = sh.Dispatcher(name="main")
    dsp.add_function("g", lambda: 10, None, ["a"])
    dsp.add_dispatcher(sub, inputs={"a": "x"}, outputs={"y": "b", "q": "Q"}, dsp_id="S")
    return dsp, [
        dict(inputs={}, outputs=["b"]),
        dict(inputs={}, outputs=["Q"]),
        dict(inputs={}),
    ]


@case
def build_submodel_cut_drops_start_off_the_way(sh):
    # The sub-model starts with nothing left to give (the parent's 'z' is
    # known) and records its input; cut (with outputs), it does not record
    # the START default of its function of no inputs, which is off the way;
    # not cut, it does.
    sub = sh.Dispatcher(name="sub")
    sub.add_data("a")
    sub.add_function("h", lambda: 5, None, ["z"])
    dsp = sh.Dispatcher(name="main")
    dsp.add_function("g", lambda: 1, None, ["z"])
    dsp.add_function("f", lambda z: z + 1, ["z"], ["a"])
    dsp.add_dispatcher(sub, inputs={"z": "a"}, outputs={"a": "z"}, dsp_id="S")
    return dsp, [dict(inputs={}, outputs=["a"]), dict(inputs={})]


@case
def build_submodel_output_handed_back(sh):
    # The parent's 'b' gets its value from the child's 'y' and is an input of
    # the same sub-model: it goes back (the workflow shows b -> S, and the
    # child shows 'y' and 'y2' as given) only when it feeds a child node not
    # known yet ('y2', not yet visited); mapped to 'y' alone it does not.
    sub = sh.Dispatcher(name="sub")
    sub.add_function("F", lambda x: x + 1, ["x"], ["y"])
    sub.add_function("F2", lambda x: x + 5, ["x"], ["y2"], weight=0.5)
    sub.add_function("G", lambda y: y * 2, ["y"], ["w"])
    dsp = sh.Dispatcher(name="main")
    dsp.add_function("g", lambda: 10, None, ["a"])
    dsp.add_dispatcher(
        sub,
        inputs={"a": "x", "b": ("y", "y2")},
        outputs={"y": "b", "w": "W"},
        dsp_id="S",
    )
    return dsp, [dict(inputs={}), dict(inputs={}, outputs=["b"])]


@case
def build_submodel_output_reached_when_the_dispatch_stops(sh):
    # The dispatch stops at 'z' (a default) after the sub-model gave 'y'
    # (its 'x' is visited first, by id): the workflow shows S -> y though
    # 'y' was not visited.
    sub = sh.Dispatcher(name="sub")
    sub.add_function("f", lambda x: x + 1, ["x"], ["q"])
    dsp = sh.Dispatcher(name="main")
    dsp.add_function("h", lambda y: y * 2, ["y"], ["z"])
    dsp.add_dispatcher(sub, inputs={"a": "x"}, outputs={"x": "y"}, dsp_id="S")
    dsp.set_default_value("a", 1)
    dsp.set_default_value("z", 2)
    return dsp, [dict(inputs={}, outputs=["z"])]


def _child_with_defaults(sh):
    sub = sh.Dispatcher(name="sub")
    sub.add_data("a", 2)
    sub.add_data("b", 0)
    sub.add_function("min", min, ["a", "b"], ["c"])
    sub.add_function("fun", lambda c: (c + 3, c - 3), ["c"], ["d", "e"])
    return sub


def _include_defaults(sh, mapped):
    """A parent id mapped to the child ids ``mapped``, ``include_defaults``."""
    dsp = sh.Dispatcher(name="main")
    dsp.add_function("max", max, ["a", "b"], ["c"])
    dsp.add_dispatcher(
        _child_with_defaults(sh),
        {"c": mapped},
        {"d": ("d", "f"), "e": "g"},
        "sub",
        include_defaults=True,
    )
    return dsp, [dict(inputs={"a": 6, "b": 5})]


@case
def build_submodel_include_defaults_first_id(sh):
    # A parent id mapped to several child ids takes the default of the first
    # one (the others' are dropped).
    return _include_defaults(sh, ("a", "d"))


@case
def build_submodel_include_defaults_first_id_without_one(sh):
    # The first id has no default: the parent takes none, the child keeps its.
    return _include_defaults(sh, ("d", "a"))


@case
def build_submodel_with_domain_shrunk(sh):
    # A sub-model node with a domain may wait for all its inputs: the shrink
    # keeps every producer of what it gives, an earlier one included.
    def fun(c):
        return c + 3, c - 3

    inner = sh.Dispatcher(name="inner")
    inner.add_function("fun", fun, ["a"], ["b", "c"])
    inner.add_function("min", min, ["b", "c"], ["d"])
    sub = sh.Dispatcher(name="sub")
    sub.add_data("a", 1)
    sub.add_function("min", min, ["a", "b"], ["c"])
    sub.add_dispatcher(inner, {"c": "a"}, {"d": "d"}, "inner")
    sub.add_function("fun", fun, ["d"], ["e", "f"])
    dsp = sh.Dispatcher(name="main")
    dsp.add_function("max", max, ["a", "b"], ["c"])
    dsp.add_dispatcher(
        sub,
        {"d": "a", "e": "b"},
        {"e": "c", "f": "f"},
        "sub",
        input_domain=lambda kw: "e" in kw and "d" in kw and kw["e"] + kw["d"] > 29,
    )
    inputs = {"a": 3, "b": 5, "d": 10, "e": 20}
    return dsp, [dict(inputs=inputs, shrink=True), dict(inputs=inputs)]
