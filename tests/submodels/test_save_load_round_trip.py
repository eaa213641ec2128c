"""save/load keep a model, its defaults and its map; lambdas go through cloudpickle."""

import schedula_nb as sh


def _model():
    dsp = sh.Dispatcher(name="io")
    dsp.add_data("b", default_value=2)
    dsp.add_function("lam", lambda a, b: a * b, ["a", "b"], ["c"])  # needs cloudpickle

    def local(c):
        return c + 1

    dsp.add_function("local", local, ["c"], ["d"])
    return dsp


def test_dispatcher_round_trip(tmp_path):
    dsp = _model()
    dsp({"a": 3})  # caches and a last solution are not saved
    path = tmp_path / "model.pkl"
    sh.save_dispatcher(dsp, path)
    loaded = sh.load_dispatcher(path)
    assert loaded({"a": 3}) == dsp({"a": 3}) == {"a": 3, "b": 2, "c": 6, "d": 7}
    assert list(loaded.nodes) == list(dsp.nodes)


def test_default_values_and_map_round_trip(tmp_path):
    dsp = _model()
    sh.save_default_values(dsp, tmp_path / "defaults.pkl")
    sh.save_map(dsp, tmp_path / "map.pkl")
    other = sh.Dispatcher()
    sh.load_map(other, tmp_path / "map.pkl")
    sh.load_default_values(other, tmp_path / "defaults.pkl")
    assert other({"a": 3}) == dsp({"a": 3})
    assert other.add_data("new") == "new"  # node counters continue after the map


def test_cloudpickle_is_not_imported_with_the_library():
    import subprocess
    import sys

    code = "import sys, schedula_nb; print('cloudpickle' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False"
