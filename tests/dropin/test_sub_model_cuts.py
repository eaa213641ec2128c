"""Cutting a model cuts its sub-models too, as the reference does: the child
keeps what gives the outputs the parent still uses, the node's mappings keep
the ids left on both sides, and the model cut from keeps its child whole."""

import pytest

import schedula_nb as nb

pytestmark = pytest.mark.compat


def _model(sh):
    child = sh.Dispatcher(name="child")
    child.add_function("join", lambda x, y: x + y, ["x", "y"], ["s"])
    child.add_function("split", lambda s: (s, -s), ["s"], ["p", "q"])
    child.add_function("twice", lambda s, x: 2 * s + x, ["s", "x"], ["t"])
    child.add_function("other", lambda w: w, ["w"], ["o"])
    dsp = sh.Dispatcher(name="parent")
    dsp.add_dispatcher(
        child,
        {"a": "x", "b": "y", "c": "w"},
        {"p": "P", "q": "Q", "t": "T", "o": "O", "x": "a"},
        dsp_id="child",
    )
    dsp.add_function("use", lambda P: P + 1, ["P"], ["R"])
    return dsp


def _shape(model):
    """Nodes (attributes without functions), edges, and each child's shape."""
    nodes, children = {}, {}
    for k, a in model.dmap.nodes.items():
        a = {x: y for x, y in a.items() if x != "function"}
        if a["type"] == "dispatcher":
            children[k] = _shape(model.dmap.nodes[k]["function"])
        nodes[k] = a
    return nodes, dict(model.dmap.edges), children


CUTS = [
    ("shrink_dsp", (["a", "b"], ["R"]), {}),
    ("shrink_dsp", (["a", "b"], ["R", "T"]), {}),
    ("shrink_dsp", (["a", "b", "c"],), {}),
    ("shrink_dsp", (), {"outputs": ["T", "O"]}),
    ("get_sub_dsp_from_workflow", (["R", "Q"],), {"reverse": True, "graph": "dmap"}),
]


@pytest.mark.parametrize("method, args, kw", CUTS)
def test_cuts_match_the_reference(method, args, kw):
    ref = pytest.importorskip("schedula")
    shapes = []
    for sh in (ref, nb):
        model = _model(sh)
        kwargs = {**kw, "graph": model.dmap} if kw.get("graph") == "dmap" else kw
        shapes.append(_shape(getattr(model, method)(*args, **kwargs)))
    assert shapes[1] == shapes[0]


def test_the_model_cut_from_keeps_its_child_whole():
    model = _model(nb)
    before = _shape(model)
    cut = model.shrink_dsp(["a", "b"], ["R"])
    assert _shape(model) == before
    child = cut.nodes["child"]["function"]
    assert set(child.function_nodes) == {"join", "split"}
    assert cut({"a": 1, "b": 2})["R"] == 4


def test_a_wildcard_input_reaches_a_sub_model_and_is_not_handed_back():
    ref = pytest.importorskip("schedula")
    sols = []
    for sh in (ref, nb):
        model = _model(sh)
        sol = model.dispatch({"a": 1, "b": 2}, ["R", "a"], wildcard=True)
        sols.append((dict(sol), sorted(map(str, sol.workflow.edges))))
    assert sols[1] == sols[0]
