"""A model built in ``__main__`` (a notebook, a script) saves and loads in
another process; loaders check what they read, name the file and the cause,
and leave the model as it was when they fail."""

import pickle
import subprocess
import sys
import textwrap

import pytest

import schedula_nb as sh

BUILD = textwrap.dedent(
    """
    import sys
    import schedula_nb as sh

    def double(x):
        return 2 * x

    class Offset:
        def __init__(self, by):
            self.by = by
        def __call__(self, x):
            return x + self.by

    def positive(x):
        return x > 0

    def negate(x):
        return -x

    dsp = sh.Dispatcher(name="from_main")
    dsp.add_function("double", double, ["a"], ["b"], input_domain=positive)
    dsp.add_function("offset", Offset(10), ["b"], ["c"])
    dsp.add_function("negate", negate, ["c"], ["d"])
    sh.save_dispatcher(dsp, sys.argv[1])
    sh.save_map(dsp, sys.argv[2])
    """
)

USE = textwrap.dedent(
    """
    import sys
    import schedula_nb as sh

    dsp = sh.load_dispatcher(sys.argv[1])
    other = sh.Dispatcher()
    sh.load_map(other, sys.argv[2])
    sol = dsp({"a": 3})
    print(sol["b"], sol["c"], sol["d"], dict(other({"a": 1})), "b" in dsp({"a": -1}))
    """
)


def _python(code: str, *args: object) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_a_model_of_main_loads_in_another_process(tmp_path):
    """Only importable functions and those of __main__: no lambda that would
    send the whole model to cloudpickle anyway."""
    model, graph = tmp_path / "model.pkl", tmp_path / "map.pkl"
    _python(BUILD, model, graph)
    assert _python(USE, model, graph) == (
        "6 16 -16 {'a': 1, 'b': 2, 'c': 12, 'd': -12} False"
    )


def _model():
    dsp = sh.Dispatcher(name="m")
    dsp.add_data("k", default_value=2)
    dsp.add_function("f", abs, ["a"], ["b"])
    return dsp


def _files(tmp_path):
    dsp = _model()
    files = {
        "model": tmp_path / "model.pkl",
        "map": tmp_path / "map.pkl",
        "defaults": tmp_path / "defaults.pkl",
    }
    sh.save_dispatcher(dsp, files["model"])
    sh.save_map(dsp, files["map"])
    sh.save_default_values(dsp, files["defaults"])
    return files


def _state(dsp):
    return (
        {k: dict(v) for k, v in dsp.nodes.items()},
        dict(dsp.default_values),
        dsp.add_data.__self__ is dsp,
        dict(dsp({"a": -4})),
    )


LOADERS = {
    "model": lambda dsp, path: sh.load_dispatcher(path),
    "map": sh.load_map,
    "defaults": sh.load_default_values,
}


@pytest.mark.parametrize(
    ("loader", "wrong", "message"),
    [
        ("model", "map", "holds a DiGraph, not a model"),
        ("model", "defaults", "holds a dict, not a model"),
        ("map", "model", "holds a Dispatcher, not a model's graph"),
        ("map", "defaults", "holds a dict, not a model's graph"),
        ("defaults", "model", "holds a Dispatcher, not default values"),
        ("defaults", "map", "holds a DiGraph, not default values"),
    ],
)
def test_a_loader_refuses_another_kind_of_file(tmp_path, loader, wrong, message):
    files = _files(tmp_path)
    dsp = _model()
    before = _state(dsp)
    with pytest.raises(sh.LoadError, match=message) as info:
        LOADERS[loader](dsp, files[wrong])
    assert info.value.path == files[wrong] and str(files[wrong]) in str(info.value)
    assert _state(dsp) == before


@pytest.mark.parametrize("loader", list(LOADERS))
@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: data[: len(data) // 2], "corrupt or truncated"),
        (lambda data: b"", "corrupt or truncated"),
        (lambda data: b"not a pickle at all", "corrupt or truncated"),
        (lambda data: data.replace(b"schedula_nb", b"schedula_xx"), "needs code"),
    ],
    ids=["truncated", "empty", "garbage", "missing module"],
)
def test_a_damaged_file_is_a_load_error_naming_it(tmp_path, loader, damage, message):
    path = _files(tmp_path)[loader]
    if loader == "defaults" and message == "needs code":
        sh.save_default_values(_with_function_default(), path)
    path.write_bytes(damage(path.read_bytes()))
    dsp = _model()
    before = _state(dsp)
    with pytest.raises(sh.LoadError, match=message) as info:
        LOADERS[loader](dsp, path)
    assert repr(str(path)) in str(info.value)
    assert _state(dsp) == before


def _with_function_default():
    dsp = _model()
    dsp.set_default_value("k", sh.bypass)
    return dsp


def test_a_broken_graph_leaves_the_model_as_it_was(tmp_path):
    graph = _model().dmap
    graph.nodes["f"]["index"] = "x"
    path = tmp_path / "map.pkl"
    path.write_bytes(pickle.dumps(graph))
    dsp = _model()
    before = _state(dsp)
    with pytest.raises(sh.LoadError, match="node 'f' has a broken index: 'x'"):
        sh.load_map(dsp, path)
    assert _state(dsp) == before


def test_an_error_raised_while_loading_is_a_load_error(tmp_path):
    path = tmp_path / "bad.pkl"
    path.write_bytes(pickle.dumps(_Exploding()))
    with pytest.raises(sh.LoadError, match="RuntimeError: boom on load"):
        sh.load_dispatcher(path)


def test_a_missing_file_is_the_usual_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        sh.load_dispatcher(tmp_path / "nope.pkl")


class _Exploding:
    def __reduce__(self):
        return (_explode, ())


def _explode():
    raise RuntimeError("boom on load")
