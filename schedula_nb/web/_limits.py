"""The service's limits: named, with the reason for each value.

Every limit is a default that ``dsp.web(...)`` can change; they bound what one
request may cost before any model code runs.
"""

from __future__ import annotations

__all__ = ["MAX_BODY_BYTES", "MAX_JSON_DEPTH", "MAX_LISTED"]

#: Largest request body accepted (bytes); bigger ones get 413 before they are
#: read. 1 MiB holds tens of thousands of numbers: plenty for a model's inputs,
#: small enough that a few concurrent requests cannot exhaust a worker's memory.
#: Change it with ``dsp.web(max_body_bytes=...)``.
MAX_BODY_BYTES = 1024 * 1024

#: Deepest nesting of arrays and objects accepted in a request, and encoded in
#: a response. Model values are seldom more than a few levels deep; 64 keeps
#: decoding and encoding far below Python's recursion limit (1000), in any
#: thread, so a hostile ``[[[[...]]]]`` gets 400 instead of a crash.
#: Change it with ``dsp.web(max_depth=...)``.
MAX_JSON_DEPTH = 64

#: At most this many ids are listed in one error message (unknown inputs,
#: failed nodes ...); the count of the rest is given.
MAX_LISTED = 20
