"""JSON in, JSON out: what a request may carry and how values are answered.

Requests are strict JSON in UTF-8, nested at most ``max_depth`` levels; no
pickle, no ``eval``: a request can only ever carry JSON values (plus the two
tags below). Answers encode a value as follows; anything else is refused
(:class:`EncodeError`, answered as a 500 that names the value's node and type)
unless the service was given an ``encoder`` for it.

==========================  ==================================================
Python value                JSON
==========================  ==================================================
None, bool, int, str        itself (``str`` and ``int`` subclasses as such)
float                       itself; NaN and infinities as ``{"$float": "nan"}``,
                            ``{"$float": "inf"}``, ``{"$float": "-inf"}``
list, tuple                 array (a tuple comes back as a list)
set, frozenset              array, sorted when the items can be sorted
dict                        object; keys str, or int/float/bool/None made str
bytes, bytearray            ``{"$bytes": "<base64>"}``
datetime, date, time        ISO 8601 string
numpy array                 nested arrays (``tolist()``); datetimes as ISO
                            strings; complex and timedelta arrays refused
numpy scalar                its Python value
pandas DataFrame            ``{"columns": [...], "index": [...], "data":
                            [[row], ...]}``: ``pd.DataFrame(**value)``
pandas Series               ``{"name": ..., "index": [...], "data": [...]}``:
                            ``pd.Series(**value)``
pandas Index                array; ``pd.NA`` and ``pd.NaT`` as ``null``
==========================  ==================================================

numpy and pandas are never imported here: a value is recognised as theirs
only when its module is already loaded (it must be, for the value to exist).
Requests may use the ``$bytes`` and ``$float`` tags; they decode to ``bytes``
and ``float``.

>>> encode({'a': (1, 2.5), 'b': b'hi', 'c': float('nan')})
{'a': [1, 2.5], 'b': {'$bytes': 'aGk='}, 'c': {'$float': 'nan'}}
>>> decode_body(b'{"x": {"$bytes": "aGk="}, "y": [1, 2]}')
{'x': b'hi', 'y': [1, 2]}
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import json
import math
import sys
from collections.abc import Callable
from typing import Any

from ._errors import BadRequest
from ._limits import MAX_JSON_DEPTH

__all__ = ["EncodeError", "encode", "decode_body", "dumps"]

_NONFINITE = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}
_KEY_TYPES = (int, float, bool, type(None))  # keys json makes str by itself
_PLAIN_KINDS = "biuU"
_SAFE_INT_BITS = (
    4300 * 3
)  # fewer bits than this: well under 4,300 digits  # numpy dtype kinds whose tolist() is JSON as is


class EncodeError(TypeError):
    """A value JSON cannot carry; ``path`` is where it sits inside the value."""

    #: the value is of a kind JSON carries, but too large (a 422, not a 500)
    out_of_range = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.path: list = []

    def where(self) -> str:
        """The path as ``[key][0]...`` (empty at the top)."""
        return "".join(f"[{k!r}]" for k in self.path)


def dumps(obj: Any) -> str:
    """Compact, strict JSON (ASCII: a lone surrogate cannot break the answer).

    >>> dumps({'a': [1, 'é']})
    '{"a":[1,"\\\\u00e9"]}'
    """
    return json.dumps(obj, ensure_ascii=True, allow_nan=False, separators=(",", ":"))


# -- decoding ----------------------------------------------------------------
def decode_body(data: bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse a request body; an empty body is ``{}``.

    Raises :class:`~._errors.BadRequest` (400) for bytes that are not UTF-8,
    malformed or non-standard JSON (``NaN``), nesting deeper than
    ``max_depth`` and bad tags.

    >>> decode_body(b'[[[1]]]', max_depth=2)
    Traceback (most recent call last):
    ...
    schedula_nb.web._errors.BadRequest: JSON nested deeper than 2 levels
    """
    if not data.strip():
        return {}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise BadRequest(
            "not_utf8", f"the body is not UTF-8 (invalid byte at {err.start})"
        ) from None
    try:
        obj = json.loads(
            text, parse_constant=_refuse_constant, parse_float=_float, parse_int=_int
        )
    except RecursionError:
        raise _too_deep(max_depth) from None
    except ValueError as err:
        raise BadRequest("malformed_json", f"malformed JSON: {err}") from None
    try:
        return _untag(obj, 0, max_depth)
    except _OutOfRange as err:
        path = _path_to(obj, err.args[0]) or []
        where = "".join(f"[{k!r}]" for k in path) or "the body"
        raise BadRequest(
            "out_of_range",
            f"{where}: the number {err.args[0][:40]} is out of range (floats up "
            f"to 1.8e308, integers up to {sys.get_int_max_str_digits()} digits)",
            field=where,
        ) from None


class _Huge(str):
    """A JSON number literal out of range: a float beyond ``1.8e308``, an
    integer Python will not read (over 4,300 digits); kept to be reported."""


class _OutOfRange(ValueError):
    pass


def _float(text: str) -> Any:
    """A JSON float literal; one beyond float range (``1e400``) is kept as a
    :class:`_Huge` for :func:`_untag` to refuse with where it is."""
    value = float(text)
    return value if math.isfinite(value) else _Huge(text)


def _int(text: str) -> Any:
    """A JSON integer literal; one too long for Python is kept as a _Huge."""
    try:
        return int(text)
    except ValueError:
        return _Huge(text)


def _path_to(obj: Any, target: Any) -> list | None:
    """The keys leading to ``target`` (by identity) inside ``obj``, or None.

    >>> x = _Huge('1e400')
    >>> _path_to({'inputs_dist': {'a': x}}, x)
    ['inputs_dist', 'a']
    """
    if obj is target:
        return []
    if isinstance(obj, (dict, list)):
        for key, value in obj.items() if isinstance(obj, dict) else enumerate(obj):
            found = _path_to(value, target)
            if found is not None:
                return [key, *found]
    return None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON (send {{'$float': 'nan'}} and the like)")


def _too_deep(max_depth: int) -> BadRequest:
    return BadRequest("too_deep", f"JSON nested deeper than {max_depth} levels")


def _untag(obj: Any, depth: int, max_depth: int) -> Any:
    """Check the depth and decode the ``$bytes`` / ``$float`` tags."""
    if isinstance(obj, list):
        if depth >= max_depth:
            raise _too_deep(max_depth)
        return [_untag(v, depth + 1, max_depth) for v in obj]
    if not isinstance(obj, dict):
        if type(obj) is _Huge:
            raise _OutOfRange(obj)
        return obj
    if depth >= max_depth:
        raise _too_deep(max_depth)
    if len(obj) == 1:
        ((tag, value),) = obj.items()
        if tag == "$bytes" and isinstance(value, str):
            try:
                return base64.b64decode(value, validate=True)
            except binascii.Error:
                raise BadRequest("bad_tag", "$bytes: invalid base64") from None
        if tag == "$float" and isinstance(value, str):
            if value not in _NONFINITE:
                raise BadRequest("bad_tag", "$float: one of 'nan', 'inf', '-inf'")
            return _NONFINITE[value]
    return {k: _untag(v, depth + 1, max_depth) for k, v in obj.items()}


# -- encoding ----------------------------------------------------------------
def encode(
    value: Any,
    *,
    max_depth: int = MAX_JSON_DEPTH,
    encoder: Callable[[Any], Any] | None = None,
) -> Any:
    """``value`` as plain JSON data (see the module's table), or EncodeError.

    ``encoder`` is asked first about any value the table does not know; it
    returns a replacement (encoded in turn) or raises ``TypeError``.

    >>> encode({1: {2, 1}, 'd': __import__('datetime').date(2024, 5, 1)})
    {'1': [1, 2], 'd': '2024-05-01'}
    >>> encode(object())
    Traceback (most recent call last):
    ...
    schedula_nb.web._codec.EncodeError: object is not JSON (see schedula_nb.web._codec)
    >>> encode(object(), encoder=lambda v: 'an object')
    'an object'
    """
    return _Encoder(max_depth, encoder).encode(value, 0)


class _Encoder:
    """One answer's encoding: the options, bound once."""

    __slots__ = ("max_depth", "hook")

    def __init__(self, max_depth: int, hook: Callable[[Any], Any] | None) -> None:
        self.max_depth = max_depth
        self.hook = hook

    def encode(self, v: Any, depth: int) -> Any:
        t = type(v)
        if t is str or t is bool or v is None:
            return v
        if t is int:
            return v if v.bit_length() < _SAFE_INT_BITS else _checked_int(v)
        if t is float:
            return v if math.isfinite(v) else {"$float": repr(v)}
        if depth >= self.max_depth:
            raise EncodeError(f"value nested deeper than {self.max_depth} levels")
        if isinstance(v, dict):
            return self._dict(v, depth)
        if isinstance(v, (list, tuple)):
            return [self._child(x, depth, i) for i, x in enumerate(v)]
        if isinstance(v, (set, frozenset)):
            return [self._child(x, depth, i) for i, x in enumerate(_sorted(v))]
        return self._other(v, depth)

    def _child(self, v: Any, depth: int, key: Any) -> Any:
        try:
            return self.encode(v, depth + 1)
        except EncodeError as err:
            err.path.insert(0, key)
            raise

    def _dict(self, v: dict, depth: int) -> dict:
        out = {}
        for k, x in v.items():
            if isinstance(k, str):
                key = str(k)
            elif isinstance(k, _KEY_TYPES):
                key = json.dumps(_checked_int(k) if type(k) is int else k)
            else:
                raise EncodeError(f"dict key {k!r} ({type(k).__name__}) is not JSON")
            out[key] = self._child(x, depth, k)
        if len(out) < len(v):
            raise EncodeError("dict keys collide once made strings")
        return out

    def _other(self, v: Any, depth: int) -> Any:
        module = type(v).__module__.partition(".")[0]
        if module == "numpy":
            return self._numpy(v, depth)
        if module == "pandas":
            return self._pandas(v, depth)
        return self._builtin(v, depth)

    def _builtin(self, v: Any, depth: int) -> Any:
        for base in (int, float, str):  # subclasses: tokens, enums ...
            if isinstance(v, base):
                return self.encode(base(v), depth + 1)
        if isinstance(v, (bytes, bytearray, memoryview)):
            return {"$bytes": base64.b64encode(bytes(v)).decode("ascii")}
        if isinstance(v, (_dt.datetime, _dt.date, _dt.time)):
            return v.isoformat()
        return self._hook(v, depth)

    def _hook(self, v: Any, depth: int) -> Any:
        if self.hook is not None:
            try:
                new = self.hook(v)
            except TypeError as err:
                raise EncodeError(str(err)) from None
            if new is not v:
                return self.encode(new, depth + 1)
        raise EncodeError(
            f"{type(v).__name__} is not JSON (see schedula_nb.web._codec)"
        )

    def _numpy(self, v: Any, depth: int) -> Any:
        np = sys.modules["numpy"]
        if isinstance(v, np.ndarray):
            kind = v.dtype.kind
            if kind == "M":
                return np.datetime_as_string(v).tolist()
            if kind in _PLAIN_KINDS or (kind == "f" and np.isfinite(v).all()):
                if v.ndim + depth > self.max_depth:
                    raise EncodeError(f"array of {v.ndim} dimensions is too deep")
                return v.tolist()
            if kind in "fSO":
                return self.encode(v.tolist(), depth)
        elif isinstance(v, np.datetime64):
            return str(np.datetime_as_string(v))
        elif isinstance(v, np.generic) and v.dtype.kind in "biufUSO":
            return self.encode(v.item(), depth)
        return self._hook(v, depth)

    def _pandas(self, v: Any, depth: int) -> Any:
        pd = sys.modules["pandas"]
        if v is pd.NA or v is pd.NaT:
            return None
        if isinstance(v, pd.DataFrame):
            split = {
                "columns": list(v.columns),
                "index": list(v.index),
                "data": v.to_numpy(dtype=object).tolist(),
            }
            return self.encode(split, depth)
        if isinstance(v, pd.Series):
            split = {
                "name": v.name,
                "index": list(v.index),
                "data": v.to_numpy(dtype=object).tolist(),
            }
            return self.encode(split, depth)
        if isinstance(v, pd.Index):
            return self.encode(list(v), depth)
        return self._builtin(v, depth)  # Timestamp is a datetime ...


def _checked_int(v: int) -> int:
    """``v`` if Python can write it in decimal (at most
    ``sys.get_int_max_str_digits()`` digits), else an out-of-range EncodeError.

    >>> _checked_int(10 ** 5000)
    Traceback (most recent call last):
    ...
    schedula_nb.web._codec.EncodeError: an integer of 5001 digits is beyond the 4300 digits Python writes
    """
    try:
        str(v)
    except ValueError:
        digits = int(v.bit_length() * math.log10(2)) + 1
        err = EncodeError(
            f"an integer of {digits} digits is beyond the "
            f"{sys.get_int_max_str_digits()} digits Python writes"
        )
        err.out_of_range = True
        raise err from None
    return v


def _sorted(items: Any) -> list:
    """Sorted if the items can be compared, else in a stable order by repr."""
    try:
        return sorted(items)
    except TypeError:
        return sorted(items, key=lambda x: (type(x).__name__, repr(x)))
