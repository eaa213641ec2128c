"""The argument line of ``%dispatch``: ``MODEL [name=value ...] [--outputs a,b]``.

Values are Python literals read with :func:`ast.literal_eval` (numbers,
strings, lists, tuples, dicts, sets, ``True``/``False``/``None``): nothing is
ever evaluated. ``$name`` reads the variable ``name`` of the notebook, by exact
name; a bare ``$name`` (without ``key=``) must hold a dict of inputs, for node
ids that are not Python names. Pairs are separated by spaces or commas; a value
with spaces needs brackets or quotes, as in Python.

>>> parse_dispatch_line("model a=1 b='x y' c=[1, 2] --outputs d,e", {})
('model', {'a': 1, 'b': 'x y', 'c': [1, 2]}, ['d', 'e'])
>>> parse_dispatch_line("model $extra n=$n", {'extra': {'key fpath': 'k.key'}, 'n': 3})
('model', {'key fpath': 'k.key', 'n': 3}, None)
>>> parse_dispatch_line("model a=hello", {})
Traceback (most recent call last):
...
IPython.core.error.UsageError: a=hello: not a Python literal (a number, 'a text' in quotes, a list, a dict...); for a text write 'hello', for a variable $hello
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any

from IPython.core.error import UsageError

__all__ = ["parse_dispatch_line", "split_line"]

_OPEN, _CLOSE = "([{", ")]}"


def parse_dispatch_line(line: str, user_ns: Mapping) -> tuple[str, dict, list | None]:
    """``(model name, inputs, outputs or None)`` of a ``%dispatch`` line;
    ``UsageError`` when the line cannot be read."""
    tokens = split_line(line)
    if not tokens or tokens[0] in ("=", "--outputs"):
        raise UsageError("%dispatch: give a model, e.g. %dispatch dsp a=1 b=2")
    model, rest = tokens[0], tokens[1:]
    inputs: dict = {}
    outputs: list | None = None
    i = 0
    while i < len(rest):
        tok = rest[i]
        if tok == "--outputs":
            i, outputs = _read_outputs(rest, i + 1)
        elif rest[i + 1 : i + 2] == ["="]:
            if i + 2 >= len(rest):
                raise UsageError(f"{tok}=: give a value after '='")
            inputs[_key(tok)] = _value(tok, rest[i + 2], user_ns)
            i += 3
        elif tok.startswith("$"):
            inputs.update(_mapping(tok, user_ns))
            i += 1
        else:
            raise UsageError(
                f"{tok}: expected name=value, $dict_of_inputs or --outputs a,b"
            )
    return model, inputs, outputs


def split_line(line: str) -> list[str]:
    """Split at spaces and commas outside brackets and quotes; ``=`` (outside
    them) is a token of its own, ``--outputs=`` reads as ``--outputs``.

    >>> split_line("m a = {'k': 1, 'j': [2, 3]}, b='p q' --outputs=c")
    ['m', 'a', '=', "{'k': 1, 'j': [2, 3]}", 'b', '=', "'p q'", '--outputs', 'c']
    """
    tokens: list[str] = []
    buf: list[str] = []
    depth, quote, escaped = 0, "", False

    def flush() -> None:
        if buf:
            tokens.append("".join(buf))
            buf.clear()

    for ch in line:
        if quote:
            buf.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
            buf.append(ch)
        elif ch in _OPEN:
            depth += 1
            buf.append(ch)
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
            buf.append(ch)
        elif depth:
            buf.append(ch)
        elif ch.isspace() or ch == ",":
            flush()
        elif ch == "=" and "".join(buf) != "--outputs":
            flush()
            tokens.append("=")
        elif ch == "=":
            flush()
        else:
            buf.append(ch)
    if quote or depth:
        raise UsageError(f"%dispatch: unclosed quote or bracket in {line!r}")
    flush()
    return tokens


def _read_outputs(tokens: list[str], i: int) -> tuple[int, list]:
    """The output names after ``--outputs``: up to the next ``name=`` or end."""
    names = []
    while i < len(tokens) and tokens[i] != "--outputs":
        if tokens[i + 1 : i + 2] == ["="] or tokens[i].startswith("$"):
            break
        names.append(_key(tokens[i]))
        i += 1
    if not names:
        raise UsageError("--outputs: give the output names, e.g. --outputs c,d")
    return i, names


def _key(tok: str) -> Any:
    """A node id: a bare word as it is, or a quoted literal (``'key fpath'``)."""
    if tok[:1] in "'\"([{":
        key = _literal(tok, _short(tok), "not a valid node id")
        try:
            hash(key)
        except TypeError:
            raise UsageError(
                f"{_short(tok)}: a node id cannot be a {type(key).__name__} "
                "(unhashable); use a tuple"
            ) from None
        return key
    if tok == "=" or tok.startswith("-"):
        raise UsageError(f"{_short(tok)!r}: expected a node name")
    return tok


def _value(key: Any, tok: str, user_ns: Mapping) -> Any:
    if tok.startswith("$"):
        return _variable(tok, user_ns)
    hint = f"; for a text write '{tok}', for a variable ${tok}"
    return _literal(
        tok,
        f"{_short(key)}={_short(tok)}",
        "not a Python literal (a number, 'a text' in quotes, a list, a "
        f"dict...){hint if tok.isidentifier() else ''}",
    )


#: Longest literal read from a line (characters); bigger values go through a
#: $variable. A line is typed by a person: 100,000 characters is far beyond.
MAX_LITERAL = 100_000


def _literal(tok: str, label: str, what: str) -> Any:
    """``ast.literal_eval(tok)``; every failure is one ``UsageError`` line,
    ``label: why`` (``what`` when it is simply not a literal): unhashable keys
    (``{[1]: 2}``), nesting too deep, numbers too long, a literal too big.

    >>> _literal('{[1]: 2}', 'a={[1]: 2}', 'not a literal')
    Traceback (most recent call last):
    ...
    IPython.core.error.UsageError: a={[1]: 2}: dict keys and set items must be hashable (unhashable type: 'list'); use a tuple
    """
    if len(tok) > MAX_LITERAL:
        raise UsageError(
            f"{label}: a literal of {len(tok):,} characters is over "
            f"{MAX_LITERAL:,}; put the value in a variable and write $name"
        )
    try:
        return ast.literal_eval(tok)
    except TypeError as err:
        why = f"dict keys and set items must be hashable ({err}); use a tuple"
    except (MemoryError, RecursionError):
        why = "nested too deeply"
    except (ValueError, SyntaxError) as err:
        text = str(err)  # an int too long, too many brackets: say so
        plain = "digits" not in text and "nested" not in text
        why = (
            what
            if plain
            else text.partition(";")[0].replace(" (<unknown>, line 1)", "")
        )
    raise UsageError(f"{label}: {why}") from None


def _short(value: Any, limit: int = 40) -> str:
    """``value`` as text, cut to ``limit`` characters for a one-line message.

    >>> _short('[' * 100)
    '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[... (100 characters)'
    """
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def _variable(tok: str, user_ns: Mapping) -> Any:
    name = tok[1:]
    if not name.isidentifier():
        raise UsageError(f"{tok}: write $ and a variable name, e.g. $x")
    try:
        return user_ns[name]
    except KeyError as err:
        raise UsageError(f"{tok}: no variable {name!r} in the notebook") from err


def _mapping(tok: str, user_ns: Mapping) -> Mapping:
    value = _variable(tok, user_ns)
    if not isinstance(value, Mapping):
        raise UsageError(
            f"{tok}: a bare $variable must be a dict of inputs, "
            f"not {type(value).__name__}; or write name={tok}"
        )
    return value
