"""A pipe's usual call runs straight (``core/_straight.py``) and builds its
solution only when read; whatever a call's values do (a failure, a skip, a
NONE, a filter that raises), the answer and the solution are those of a fresh
function of a fresh model, and no function runs twice in a call."""

import logging

import pytest

import schedula_nb as sh
from schedula_nb.core._straight import Run

from .records import record


def chain(calls):
    """a -> b -> c -> d: plain functions, one output each, an alternative
    path to c (heavier) and a filter on d. What a call does depends on a:
    a == 3 fails ``b_of_a``, a == 4 skips it, a == 5 gives NONE; the filter
    of d raises at a == 6, skips at a == 7, gives NONE at a == 9; the filter
    of the input a raises at 11, skips at 12, gives NONE at 13, and makes a
    NONE 0."""

    def counted(name, fn):
        def f(*args):
            calls.append(name)
            return fn(*args)

        return f

    def b_of_a(a):
        if a == 3:
            raise ValueError("three")
        if a == 4:
            raise sh.SkipNode()
        return sh.NONE if a == 5 else a + 1

    def d_filter(d):
        if d == 71:
            raise ValueError("bad d")
        if d == 81:
            raise sh.SkipNode()
        return sh.NONE if d == 101 else d

    def a_filter(a):  # an input's filters run in the straight code too
        if a is sh.NONE:
            return 0  # filters of a NONE input run (in the search)
        if a == 11:
            raise ValueError("bad a")
        if a == 12:
            raise sh.SkipNode()
        return sh.NONE if a == 13 else a

    dsp = sh.Dispatcher(raises=False)
    dsp.add_data("a", filters=[a_filter])
    dsp.add_function("b_of_a", counted("b_of_a", b_of_a), ["a"], ["b"])
    dsp.add_function("c_of_b", counted("c_of_b", lambda b: b * 10), ["b"], ["c"])
    dsp.add_function("c_of_a", counted("c_of_a", lambda a: a * 10), ["a"], ["c"],
                     weight=5)  # fmt: skip
    dsp.add_function("d_of_c", counted("d_of_c", lambda c: c + 1), ["c"], ["d"])
    dsp.add_data("d", filters=[d_filter])
    return dsp


def outcome(func, a):
    try:
        return func(a), record(func.solution)
    except sh.DispatcherError as err:
        return str(err).replace(func.__name__, "?"), record(func.solution)


@pytest.mark.parametrize("cls", [sh.DispatchPipe, sh.SubDispatchPipe])
def test_every_deviation_answers_as_a_fresh_call(cls, caplog):
    calls = []
    pipe = cls(chain(calls), "P", ["a"], ["d"])
    caplog.set_level(logging.CRITICAL)
    # after a call that deviates, two plain calls: the second runs straight
    for a in (1, 2, 3, 1, 2, 4, 1, 2, 5, 1, 2, 6, 1, 2, 7, 1, 2, 9, 1, 2, sh.NONE,
              1, 2, 11, 1, 2, 12, 1, 2, 13, 1, 2, 8):  # fmt: skip
        calls.clear()
        fresh_calls = []
        fresh = sh.SubDispatchFunction(chain(fresh_calls), "P", ["a"], ["d"])
        fresh_calls.clear()  # the shrink's own search calls nothing, but be sure
        assert outcome(pipe, a) == outcome(fresh, a), a
        assert calls == fresh_calls, a  # the same calls: none twice, none more


def test_a_plain_call_runs_straight_and_builds_the_solution_when_read():
    pipe = sh.DispatchPipe(chain([]), "P", ["a"], ["d"])
    assert [pipe(a) for a in (1, 2, 8)] == [21, 31, 91]
    run = pipe._run
    assert type(run) is Run and run._sol is None  # nothing built yet
    sol = pipe.solution
    assert pipe.solution is sol and pipe._run is None
    assert sol == {"a": 8, "b": 9, "c": 90, "d": 91} and sol.complete
    assert list(sol.visit) == ["a", "b_of_a", "b", "c_of_b", "c", "d_of_c", "d"]
    assert sol.estimates("c") == {"c_of_b": 90} and sol.estimates("a")
    assert sol.elapsed > 0 and sol.duration("b_of_a") >= 0


def test_an_attribute_dict_replaced_is_not_replayed_from_the_old_one():
    pipe = sh.DispatchPipe(chain([]), "P", ["a"], ["d"])
    pipe(1), pipe(2)
    attr = dict(pipe.dsp.dmap.nodes["d_of_c"])
    attr["function"] = lambda c: -c
    pipe.dsp.dmap.nodes["d_of_c"] = attr  # not an edit the model logs
    assert pipe(8) == -90


def test_a_pickled_pipe_keeps_no_run():
    import pickle

    dsp = sh.Dispatcher()
    dsp.add_function("f", abs, ["a"], ["b"])
    pipe = sh.DispatchPipe(dsp, "P", ["a"], ["b"])
    assert pipe(-1) == 1 and pipe(-2) == 2 and pipe(-3) == 3
    assert type(pipe._run) is Run
    copy = pickle.loads(pickle.dumps(pipe))
    assert copy._run is None and copy(-4) == 4 and copy.solution["b"] == 4


def test_a_web_response_raised_in_a_straight_run_leaves_the_call():
    def f(a):
        if a == 0:
            raise sh.WebResponse("answer")
        return a

    dsp = sh.Dispatcher()
    dsp.add_function("f", f, ["a"], ["b"])
    pipe = sh.DispatchPipe(dsp, "P", ["a"], ["b"])
    assert [pipe(1), pipe(2), pipe(3)] == [1, 2, 3]
    assert type(pipe._run) is Run  # the straight path is the one taken
    with pytest.raises(sh.WebResponse) as info:
        pipe(0)
    assert info.value.response == "answer"
    assert pipe(4) == 4


def test_default_values_are_read_at_each_call_and_their_ids_checked():
    """A straight call reads the default values it uses at each call; a
    default added, dropped or replaced makes the call take the general path,
    whose answer follows the model as it is now."""
    dsp = sh.Dispatcher()
    dsp.add_data("k", default_value=10)
    dsp.add_function("f", lambda a, k: a + k, ["a", "k"], ["b"])
    pipe = sh.DispatchPipe(dsp, "P", ["a"], ["b"], shrink=False)
    assert [pipe(1), pipe(2), pipe(3)] == [11, 12, 13]
    assert type(pipe._run) is Run
    pipe.dsp.default_values["k"]["value"] = 100  # edited in place
    assert pipe(1) == 101 and type(pipe._run) is Run
    pipe.dsp.set_default_value("k", 1000)
    assert pipe(1) == 1001
    del pipe.dsp.default_values["k"]  # k has no value now: b unreachable
    with pytest.raises(sh.DispatcherError, match="unreachable"):
        pipe(1)
    pipe.dsp.set_default_value("k", 5)
    assert [pipe(1), pipe(2), pipe(3)] == [6, 7, 8]
    assert pipe.solution.inputs == {"k": 5, "a": 3}


def test_input_ids_edited_after_the_first_calls_are_followed():
    """Code written for the reference edits ``func.inputs`` (formulas pops
    ids from an OrderedDict): the next call maps its arguments anew."""
    from collections import OrderedDict

    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda a, b: a - b, ["a", "b"], ["c"])
    pipe = sh.DispatchPipe(dsp, "P", OrderedDict([("a", 0), ("b", 0)]), ["c"])
    assert [pipe(5, 1), pipe(5, 2), pipe(5, 3)] == [4, 3, 2]
    pipe.inputs.move_to_end("a")  # now (b, a)
    assert pipe(5, 1) == -4
    assert pipe(5, 1) == -4 and pipe(5, 2) == -3 and type(pipe._run) is Run


def test_a_model_edit_after_straight_calls_is_followed():
    """The steps hold the functions they read; an edit of the model (here in
    place, in a node's attribute dict) makes a new plan, not a stale call."""
    dsp = sh.Dispatcher()
    dsp.add_function("f", lambda a: a + 1, ["a"], ["b"])
    pipe = sh.DispatchPipe(dsp, "P", ["a"], ["b"])
    assert [pipe(1), pipe(2), pipe(3)] == [2, 3, 4] and type(pipe._run) is Run
    pipe.dsp.dmap.nodes["f"]["function"] = lambda a: a * 100
    assert pipe(3) == 300


def test_a_replayed_dispatch_whose_filter_gives_none_searches_without_error():
    """The replay of a plain dispatch (not a pipe): a data node whose filter
    gives NONE makes the search take over, which must know the node passed
    NONE on (its functions then filter their arguments), not fail."""
    model = chain([])
    for a in (1, 2, 3, 13, 1, 2, 11, 1, 2, 12, 1, 2, sh.NONE, 4):
        fresh = chain([]).dispatch({"a": a}, ["d"])
        assert record(model.dispatch({"a": a}, ["d"])) == record(fresh), a


def test_a_none_argument_is_not_handed_to_a_function():
    calls = []
    dsp = sh.Dispatcher(raises=False)
    dsp.add_function("f", lambda a: calls.append(a) or abs(a), ["a"], ["b"])
    pipe = sh.DispatchPipe(dsp, "P", ["a"], ["b"])
    assert [pipe(-1), pipe(-2), pipe(-3)] == [1, 2, 3] and type(pipe._run) is Run
    with pytest.raises(sh.DispatcherError, match="unreachable"):
        pipe(sh.NONE)
    assert calls == [-1, -2, -3] and pipe(-4) == 4
