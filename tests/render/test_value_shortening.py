"""Values in tooltips and tables are shortened safely: huge values are never
turned into text whole."""

import dataclasses

import pytest

from schedula_nb.render.summary import LIMIT, short


def test_huge_list_bytes_and_str_are_capped():
    assert short(list(range(10**6))).endswith("(1000000 items)")
    assert len(short(b"\0" * 10**8)) <= LIMIT
    assert short("x" * 10**7, limit=30).endswith("(10000000 chars)")
    nested = {"a": [[list(range(10**5))] * 3] * 3}
    assert len(short(nested)) <= LIMIT


def test_every_result_respects_the_limit():
    for value in ([1] * 50, {i: "y" * 100 for i in range(50)}, 10**200, 2**100000):
        for limit in (10, 40, LIMIT):
            assert len(short(value, limit)) <= limit


class Gigantic:
    """Pretends to hold a billion items; its repr must never be called."""

    calls = 0

    def __len__(self):
        return 10**9

    def __repr__(self):
        Gigantic.calls += 1
        return "G" * 10**8


def test_object_with_a_gigantic_repr_is_described_not_repr_ed():
    assert short(Gigantic()) == "<Gigantic of length 1000000000>"
    assert short([Gigantic(), 1]) == "[<Gigantic of length 1000000000>, 1]"
    assert Gigantic.calls == 0


def test_long_repr_of_a_small_object_is_cut():
    class Chatty:
        def __repr__(self):
            return "z" * 10**6

    assert short(Chatty(), 50) == "z" * 47 + "..."


def test_a_failing_repr_does_not_raise():
    class Broken:
        def __repr__(self):
            raise RuntimeError("no")

    assert short(Broken()) == "<Broken (repr failed: RuntimeError)>"


def test_dataclass_fields_are_shortened():
    @dataclasses.dataclass
    class Point:
        x: int
        tags: list

    assert short(Point(1, list(range(1000))), 60).startswith("Point(x=1, tags=[0, 1,")


def test_numpy_array_by_shape_and_dtype():
    np = pytest.importorskip("numpy")
    big = np.zeros((1000, 1000))
    assert short(big) == "ndarray(shape=(1000, 1000), dtype=float64)"


def test_pandas_frame_by_shape_and_columns():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({f"c{i}": range(10_000) for i in range(10)})
    text = short(frame)
    assert text.startswith("DataFrame(shape=(10000, 10), columns=['c0', 'c1'")
    assert text.endswith("+4)")
    assert short(frame["c0"]).startswith("Series(shape=(10000,), dtype=int64)")
