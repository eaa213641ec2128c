"""The app recomputes only what a change reaches (``dispatch(reuse=...)``),
with the answers a full recompute gives."""

import schedula_nb as sh


def _model(calls):
    def slow_total(a, b):
        calls.append("total")
        return a + b

    def double(c):
        calls.append("double")
        return 2 * c

    dsp = sh.Dispatcher(name="costs")
    dsp.add_function("total", slow_total, ["a", "b"], ["t"])
    dsp.add_function("double", double, ["c"], ["d"])
    return dsp


def test_a_change_runs_only_the_steps_it_reaches():
    calls = []
    app = sh.app(_model(calls), inputs=["a", "b", "c"], outputs=["t", "d"])
    app.type("a", "1")
    app.type("b", "2")
    app.type("c", "5")
    calls.clear()
    app.type("c", "6")
    assert calls == ["double"]
    assert app.answers == {"t": "3", "d": "12"}
    assert "total" in app.solution.reused


def test_reuse_off_runs_every_step():
    calls = []
    app = sh.app(_model(calls), inputs=["a", "b", "c"], outputs=["t", "d"], reuse=False)
    for field, text in (("a", "1"), ("b", "2"), ("c", "5")):
        app.type(field, text)
    calls.clear()
    app.type("c", "6")
    assert sorted(calls) == ["double", "total"]
    assert app.answers == {"t": "3", "d": "12"}
