"""sh.cache / add_function(cache=n): results remembered by argument values,
across dispatches of any shape, bounded, with counts."""

import pickle
import threading

import pytest

import schedula_nb as sh


def test_a_cached_function_runs_once_per_arguments_across_shapes():
    runs = []

    def slow(x):
        runs.append(x)
        return x * 2

    dsp = sh.Dispatcher()
    dsp.add_function("slow", slow, ["a"], ["b"], cache=8)
    dsp.add_function("other", abs, ["c"], ["d"])
    assert dsp({"a": 1})["b"] == 2
    assert dsp({"a": 1, "c": -1}, outputs=["b", "d"])["b"] == 2  # another shape
    assert dsp({"a": 2})["b"] == 4
    assert runs == [1, 2]
    fn = dsp.dmap.nodes["slow"]["function"]
    assert fn.stats() == sh.CacheStats(hits=1, misses=2, skipped=0, size=2, maxsize=8)


def test_keys_are_exact_values():
    f = sh.cache(lambda x: repr(x))
    assert [f(1), f(1.0), f(True), f(0.0), f(-0.0)] == [
        "1",
        "1.0",
        "True",
        "0.0",
        "-0.0",
    ]
    assert f.stats().misses == 5


def test_the_least_recently_used_result_goes_first():
    f = sh.cache(maxsize=2)(lambda x: x)
    f(1), f(2), f(1), f(3)  # 2 is the least recently used
    f(1)
    assert f.stats().hits == 2
    f(2)
    assert f.stats().misses == 4 and f.stats().size == 2


def test_unkeyable_arguments_run_every_time():
    f = sh.cache(lambda x: id(x))
    obj = object()
    f(obj), f(obj)
    assert f.stats().skipped == 2 and f.stats().size == 0


def test_numpy_arrays_are_keyed_by_content():
    np = pytest.importorskip("numpy")
    f = sh.cache(lambda a: a.sum())
    f(np.arange(3)), f(np.arange(3)), f(np.arange(3.0))
    assert f.stats().hits == 1 and f.stats().misses == 2


def test_exceptions_are_not_remembered():
    calls = []

    def boom(x):
        calls.append(x)
        raise ValueError(x)

    f = sh.cache(boom)
    for _ in range(2):
        with pytest.raises(ValueError):
            f(1)
    assert len(calls) == 2


def test_clear_and_bad_maxsize():
    f = sh.cache(lambda x: x, maxsize=3)
    f(1), f(1)
    f.clear()
    assert f.stats() == sh.CacheStats(0, 0, 0, 0, 3)
    with pytest.raises(ValueError, match="maxsize must be an int >= 1, not 0"):
        sh.cache(abs, maxsize=0)


def test_threads_share_one_cache():
    f = sh.cache(lambda x: x + 1)
    threads = [
        threading.Thread(target=lambda: [f(i % 5) for i in range(200)])
        for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    s = f.stats()
    assert s.hits + s.misses == 400 and s.size == 5


def test_a_cached_function_pickles_empty():
    f = sh.cache(abs)
    f(-1)
    g = pickle.loads(pickle.dumps(f))
    assert g(-2) == 2 and g.stats().misses == 1 and g.__name__ == "abs"
