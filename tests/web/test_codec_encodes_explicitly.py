"""Values are encoded as ``schedula_nb.web._codec`` documents, or refused;
requests decode strict JSON and the ``$bytes``/``$float`` tags. No pickle."""

import datetime as dt
import math

import pytest

import schedula_nb as sh
from schedula_nb.web._codec import EncodeError, decode_body, encode


def test_builtins():
    assert encode(
        {"t": (1, "x"), "s": {3, 1, 2}, "b": b"\x00\xff", "n": None, 1: True}
    ) == {"t": [1, "x"], "s": [1, 2, 3], "b": {"$bytes": "AP8="}, "n": None, "1": True}
    assert encode([math.inf, -math.inf, math.nan]) == [
        {"$float": "inf"},
        {"$float": "-inf"},
        {"$float": "nan"},
    ]
    assert encode(dt.datetime(2024, 5, 1, 12, 30)) == "2024-05-01T12:30:00"
    assert encode(sh.START) == "start" and type(encode(sh.START)) is str
    assert encode({"mixed", 1}) == [1, "mixed"]  # unsortable: by type name


def test_refusals():
    for value in (object(), 1j, {(1, 2): "tuple key"}, {1: "a", "1": "b"}):
        with pytest.raises(EncodeError):
            encode(value)
    deep: list = []
    for _ in range(100):
        deep = [deep]
    with pytest.raises(EncodeError, match="deeper than 64"):
        encode(deep)


def test_numpy_is_encoded_explicitly():
    np = pytest.importorskip("numpy")
    assert encode(np.arange(6).reshape(2, 3)) == [[0, 1, 2], [3, 4, 5]]
    assert encode(np.array([1.5, np.nan])) == [1.5, {"$float": "nan"}]
    assert encode(np.float32(0.5)) == 0.5 and encode(np.int64(7)) == 7
    assert encode(np.bool_(True)) is True
    assert encode(np.array(["2024-05-01"], dtype="datetime64[D]")) == ["2024-05-01"]
    with pytest.raises(EncodeError):
        encode(np.array([1j]))


def test_pandas_is_encoded_as_its_constructor_arguments():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"x": [1, 2], "y": [0.5, None]}, index=["a", "b"])
    value = encode(df)
    assert value == {
        "columns": ["x", "y"],
        "index": ["a", "b"],
        "data": [[1, 0.5], [2, {"$float": "nan"}]],
    }
    assert pd.DataFrame(**value).loc["a", "y"] == 0.5
    series = pd.Series([1, 2], index=[10, 20], name="s")
    assert encode(series) == {"name": "s", "index": [10, 20], "data": [1, 2]}
    assert encode(pd.Timestamp("2024-05-01")) == "2024-05-01T00:00:00"
    assert encode([pd.NA, pd.NaT]) == [None, None]


def test_decode_strict_json_with_tags():
    assert decode_body(b"") == {}
    assert decode_body(b'{"b": {"$bytes": "AP8="}, "f": {"$float": "-inf"}}') == {
        "b": b"\x00\xff",
        "f": -math.inf,
    }
    assert decode_body(b'{"$bytes": "AP8=", "other": 1}') == {
        "$bytes": "AP8=",
        "other": 1,
    }  # a tag is an object with that one key only


def test_values_round_trip_through_the_service():
    dsp = sh.Dispatcher(name="m")
    dsp.add_function("rev", lambda b: b[::-1], ["a"], ["b"])
    client = dsp.web().app().test_client()
    r = client.post("/m", json={"inputs": {"a": {"$bytes": "AAEC"}}, "outputs": ["b"]})
    assert r.json == {"outputs": {"b": {"$bytes": "AgEA"}}}
