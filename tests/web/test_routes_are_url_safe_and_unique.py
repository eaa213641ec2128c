"""One route per model, sub-model and function node: URL-safe names derived
from the ids, collisions resolved by insertion order, ``depth`` respected."""

import re

import schedula_nb as sh
from schedula_nb.web._routes import build_routes, slug

SAFE = re.compile(r"^(/[A-Za-z0-9_-]+)+$")


def _paths(dsp, depth=-1):
    return [r.path for r in build_routes(dsp, depth)]


def test_awkward_ids_get_safe_distinct_paths():
    dsp = sh.Dispatcher(name="")
    for fid in ["f", "f<0>", "f 0", "f/0", ("f", 0), 7, "../etc", "é", "f-0"]:
        dsp.add_function(fid, abs, ["a"], ["b"])
    paths = _paths(dsp)
    assert paths == [
        "/model",
        "/model/f",
        "/model/f-0",
        "/model/f-0-2",
        "/model/f-0-3",
        "/model/f-0-4",
        "/model/7",
        "/model/etc",
        "/model/node",
        "/model/f-0-5",
    ]
    assert all(SAFE.match(p) for p in paths)


def test_each_route_answers_its_own_node():
    dsp = sh.Dispatcher(name="m")
    dsp.add_function("f<0>", lambda x: x + 1, ["a"], ["b"])
    dsp.add_function("f 0", lambda x: x + 2, ["a"], ["c"])
    client = dsp.web(functions=["f<0>", "f 0"]).app().test_client()
    assert client.post("/m/f-0", json={"args": [0]}).json == {"return": 1}
    assert client.post("/m/f-0-2", json={"args": [0]}).json == {"return": 2}


def test_slug_never_has_a_dot_so_svg_routes_cannot_collide():
    assert slug("plot.svg") == "plot-svg"


def _with_sub_model(nested=True):
    """A parent holding a sub-model node as the reference stores it (type
    'dispatcher', 'function' = the child): sub-models as nodes come with another
    issue, their routes are ready now."""
    child = sh.Dispatcher(name="child")
    child.add_function("g", lambda x: x * 10, ["x"], ["y"])
    grandchild = sh.Dispatcher(name="grandchild")
    grandchild.add_function("h", abs, ["u"], ["v"])
    if nested:  # the core cannot dispatch the child then
        child.dmap.add_node(
            "deeper", type="dispatcher", function=grandchild, index=(9,)
        )
    parent = sh.Dispatcher(name="parent")
    parent.add_function("f", abs, ["a"], ["b"])
    parent.dmap.add_node("the child", type="dispatcher", function=child, index=(9,))
    return parent


def test_sub_models_and_their_functions_get_routes():
    assert _paths(_with_sub_model()) == [
        "/parent",
        "/parent/f",
        "/parent/the-child",
        "/parent/the-child/g",
        "/parent/the-child/deeper",
        "/parent/the-child/deeper/h",
    ]


def test_all_routes_of_a_service_share_one_dispatch_lock():
    routes = build_routes(_with_sub_model())
    assert len({id(r.lock) for r in routes}) == 1


def test_depth_limits_the_sub_model_levels():
    parent = _with_sub_model()
    assert _paths(parent, 0) == ["/parent", "/parent/f"]
    assert _paths(parent, 1) == [
        "/parent",
        "/parent/f",
        "/parent/the-child",
        "/parent/the-child/g",
    ]


def test_sub_model_routes_dispatch_and_describe_the_child():
    web = _with_sub_model(nested=False).web(functions=["/parent/the-child/g"])
    client = web.app().test_client()
    r = client.post("/parent/the-child", json={"inputs": {"x": 2}, "outputs": ["y"]})
    assert r.json == {"outputs": {"y": 20}}
    r = client.post("/parent/the-child/g", json={"inputs": {"x": 3}})
    assert r.json == {"outputs": {"y": 30}}
    d = client.get("/parent").json
    assert d["sub_models"] == [
        {
            "id": "the child",
            "url": "/parent/the-child",
            "drawing": "/parent/the-child.svg",
        }
    ]
    assert client.get("/parent/the-child").json["functions"][0]["id"] == "g"
