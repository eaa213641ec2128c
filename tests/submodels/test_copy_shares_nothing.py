"""Dispatcher.copy() is deep: changing the copy's nodes, edges or defaults
leaves the original untouched (and the other way round)."""

import schedula_nb as sh


def _model():
    dsp = sh.Dispatcher(name="orig")
    dsp.add_data("a", default_value=[1, 2], description="A")
    dsp.add_function("f", sum, ["a"], ["b"], filters=[abs])
    return dsp


def test_copy_shares_no_mutable_state():
    dsp = _model()
    dsp({})  # fill the caches
    cp = dsp.copy()
    assert cp({}) == dsp({}) == {"a": [1, 2], "b": 3}
    cp.nodes["a"]["description"] = "changed"
    cp.nodes["f"]["filters"].append(abs)
    cp.nodes["f"]["inputs"].append("x")
    cp.default_values["a"]["value"].append(3)
    cp.set_default_value("a", [5])
    cp.dmap.succ["a"]["f"]["weight"] = 9
    cp.add_function("g", len, ["b"], ["c"])
    assert dsp.nodes["a"]["description"] == "A"
    assert dsp.nodes["f"]["filters"] == [abs] and dsp.nodes["f"]["inputs"] == ["a"]
    assert dsp.default_values["a"]["value"] == [1, 2]
    assert "weight" not in dsp.dmap.succ["a"]["f"]
    assert "g" not in dsp.nodes and dsp({}) == {"a": [1, 2], "b": 3}
    assert cp.solution is not dsp.solution and cp._plans is not dsp._plans


def _walk(obj, seen):
    if id(obj) in seen or isinstance(obj, (str, int, float, tuple, frozenset)):
        return
    seen[id(obj)] = obj
    if isinstance(obj, dict):
        for k, v in obj.items():
            _walk(k, seen)
            _walk(v, seen)
    elif isinstance(obj, (list, set)):
        for v in obj:
            _walk(v, seen)
    elif hasattr(obj, "__dict__") and not callable(obj):
        _walk(vars(obj), seen)


def test_no_mutable_container_is_shared():
    dsp = _model()
    dsp({})
    cp = dsp.copy()
    a, b = {}, {}
    _walk(vars(dsp), a)
    _walk(vars(cp), b)
    shared = [o for k, o in a.items() if k in b and isinstance(o, (dict, list, set))]
    assert shared == []
