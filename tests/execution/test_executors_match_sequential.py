"""Every executor gives the sequential dispatch's solution on the whole
compatibility corpus: the same values (in the same order), distances,
workflow, failed and out-of-domain nodes, and the same errors raised.

Probes are left out: they read call logs and other side effects, which
differ by design (a process worker appends to its own copy of a log, and a
call started ahead of the search may finish although its outputs were
reached first, see ``core/_prefetch.py``).
"""

import concurrent.futures as cf

import pytest
from compat import corpus

import schedula_nb as sh
from schedula_nb.core._dispatcher import Dispatcher

from .conftest import NAMES, final


def _dispatch_steps(snapshots):
    return [(label, snap) for label, snap in snapshots if "probe(" not in label]


def run_with(build, executor, monkeypatch):
    """The dispatch snapshots of a corpus case, every dispatch on ``executor``."""
    if executor is not False:
        dispatch = Dispatcher.dispatch

        def with_executor(self, *args, **kwargs):
            kwargs.setdefault("executor", executor)
            return final(dispatch(self, *args, **kwargs))

        monkeypatch.setattr(Dispatcher, "dispatch", with_executor)
        monkeypatch.setattr(Dispatcher, "__call__", with_executor)
    try:
        snapshots, checks = corpus.run_case(build, sh)
    finally:
        monkeypatch.undo()
    return _dispatch_steps(snapshots), checks


@pytest.mark.parametrize("executor", NAMES)
@pytest.mark.parametrize("name", corpus.CASE_NAMES)
def test_named_executor_gives_the_sequential_solution(name, executor, monkeypatch):
    build = corpus.CASES[name]
    expected, _ = run_with(build, False, monkeypatch)
    got, checks = run_with(build, executor, monkeypatch)
    problems = corpus.diff_snapshots(expected, got) + checks
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", corpus.CASE_NAMES)
def test_a_futures_executor_gives_the_sequential_solution(name, monkeypatch):
    build = corpus.CASES[name]
    expected, _ = run_with(build, False, monkeypatch)
    with cf.ThreadPoolExecutor(4) as pool:
        got, checks = run_with(build, pool, monkeypatch)
    problems = corpus.diff_snapshots(expected, got) + checks
    assert not problems, "\n".join(problems)
