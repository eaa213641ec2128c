"""A blueprint builds the same model as direct construction: same nodes,
edges, defaults and dispatch; a model's own blueprint rebuilds it."""

import schedula_nb as sh


def _direct():
    dsp = sh.Dispatcher(name="D", description="doc")
    dsp.add_data("a", default_value=3, initial_dist=1)
    dsp.add_function("f", max, ["a", "b"], ["c"], weight=2, inp_weight={"a": 3})
    dsp.add_function("g", min, ["c", "b"], ["d"], input_domain=lambda c, b: True)
    dsp.add_data("d", wait_inputs=False, description="D!")
    dsp.set_default_value("b", 1)
    return dsp


def _blue():
    blue = sh.BlueDispatcher(name="D", description="doc")
    blue.add_data("a", default_value=3, initial_dist=1).add_function(
        "f", max, ["a", "b"], ["c"], weight=2, inp_weight={"a": 3}
    )
    blue.add_function("g", min, ["c", "b"], ["d"], input_domain=lambda c, b: True)
    blue.add_data("d", wait_inputs=False, description="D!").set_default_value("b", 1)
    return blue


def _shape(dsp):
    nodes = {
        k: {a: v for a, v in attr.items() if a not in ("index", "input_domain")}
        for k, attr in dsp.dmap.nodes.items()
    }
    edges = {(u, v): dict(e) for u, nb in dsp.dmap.succ.items() for v, e in nb.items()}
    return dsp.name, nodes, edges, dsp.default_values


def test_register_equals_direct():
    direct, built = _direct(), _blue().register()
    assert type(built) is sh.Dispatcher
    assert _shape(built) == _shape(direct)
    assert built({"a": 5}) == direct({"a": 5})
    assert list(built.dmap.nodes) == list(direct.dmap.nodes)


def test_blue_of_a_model_rebuilds_it():
    direct = _direct()
    rebuilt = direct.blue().register()
    assert _shape(rebuilt) == _shape(direct) and rebuilt is not direct
    assert rebuilt({"a": 5}) == direct({"a": 5})


def test_blue_of_nested_wrappers_and_extend():
    inner = _direct()
    outer = sh.Dispatcher(name="outer")
    f = sh.SubDispatchFunction(inner, "F", ["a", "b"], ["d"])
    outer.add_function("F", f, ["x", "y"], ["z"])
    rebuilt = outer.blue().register()
    g = rebuilt.nodes["F"]["function"]
    assert isinstance(g, sh.SubDispatchFunction) and g is not f
    assert g.dsp is not f.dsp
    assert rebuilt({"x": 7, "y": 2}) == outer({"x": 7, "y": 2})
    shared = outer.blue(depth=0).register()
    assert shared.nodes["F"]["function"] is f
    extended = sh.Dispatcher().extend(outer, sh.BlueDispatcher().add_func(len, ["n"]))
    assert {"F", "len", "n", "x", "z"} <= set(extended.nodes)


def test_blueprint_of_any_class_and_call():
    assert sh.Blueprint(dict, a=1).register() == {"a": 1}
    memo = {}
    bp = sh.Blueprint(list, [1])
    assert bp.register(memo=memo) is bp.register(memo=memo)
    assert _blue()({"a": 0})["d"] == 1
