"""Small models shared by the sub-model tests, built on either library."""


def fun(a):
    return a + 1, a - 1


def times(b, z):
    return b * z


def build(sh):
    """``a -> fun -> (b, c)``, ``(b, z=10) -> times -> e``."""
    dsp = sh.Dispatcher(name="model")
    dsp.add_function("fun", fun, ["a"], ["b", "c"])
    dsp.add_data("z", default_value=10)
    dsp.add_function("times", times, ["b", "z"], ["e"])
    return dsp


def add(a, b):
    return a + b, a - b


def build_map_model(sh):
    dsp = sh.Dispatcher(name="map-model")
    dsp.add_function("add", add, ["a", "b"], ["c", "d"])
    return dsp
