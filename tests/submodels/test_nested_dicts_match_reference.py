"""The nested-dict helpers give the reference's results on the same dicts."""

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import schedula_nb as sh

ref = pytest.importorskip("schedula.utils.dsp")
pytestmark = pytest.mark.compat

keys = st.sampled_from("abcd")
nested = st.recursive(
    st.integers(0, 9),
    lambda inner: st.dictionaries(keys, inner, max_size=3),
    max_leaves=8,
)
dicts = st.dictionaries(keys, nested, max_size=4)


@settings(max_examples=150, deadline=None)
@given(dicts, st.integers(-1, 3))
def test_stack_nested_keys(d, depth):
    assert list(sh.stack_nested_keys(d, depth=depth)) == list(
        ref.stack_nested_keys(d, depth=depth)
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(dicts, max_size=3), st.integers(-1, 3))
def test_combine_nested_dicts(ds, depth):
    ours = sh.combine_nested_dicts(*copy.deepcopy(ds), depth=depth)
    assert ours == ref.combine_nested_dicts(*copy.deepcopy(ds), depth=depth)


@settings(max_examples=150, deadline=None)
@given(dicts, st.lists(keys, max_size=4))
def test_are_in_and_get_nested_dicts(d, path):
    assert sh.are_in_nested_dicts(d, *path) == ref.are_in_nested_dicts(d, *path)
    if all(isinstance(v, dict) for _, v in _walk(d, path)):
        a, b = copy.deepcopy(d), copy.deepcopy(d)
        assert sh.get_nested_dicts(a, *path, default=list) == ref.get_nested_dicts(
            b, *path, default=list
        )
        assert a == b


def _walk(d, path):
    for k in path[:-1]:
        yield k, d
        if not isinstance(d, dict) or k not in d:
            return
        d = d[k]
    yield None, d


@pytest.mark.parametrize(
    "args, kw",
    [(("a", "b"), {}), (("a", {"b": "c"}, "c"), {}), (("a",), {"x": 1})],
)
def test_kk_dict(args, kw):
    assert sh.kk_dict(*args, **kw) == ref.kk_dict(*args, **kw)


def test_kk_dict_repeated_key_raises_like_the_reference():
    for mod in (sh, ref):
        with pytest.raises(ValueError, match="repeated"):
            mod.kk_dict("a", "b", b="c")
