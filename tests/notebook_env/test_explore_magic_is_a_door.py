"""``%explore`` opens ``schedula_nb.explore`` when the package has one; until
the explorer exists it says so and shows the drawing instead."""

import schedula_nb as sh

from .shells import HOUSE, run


def test_without_explorer_says_so_and_draws(shell, monkeypatch):
    # as in a build without the explorer (names load lazily: drop the entry too)
    monkeypatch.delattr(sh, "explore", raising=False)
    monkeypatch.delitem(sh._WHERE, "explore")
    run(shell, "%%dsp house\n" + HOUSE)
    assert not hasattr(sh, "explore")
    result, out = run(shell, "%explore house")
    assert result.success and result.result is None
    assert "explorer is not available yet" in out.stdout
    [shown] = out.outputs
    assert "image/svg+xml" in shown.data


def test_uses_the_explorer_once_it_exists(shell, monkeypatch):
    run(shell, "%%dsp house\n" + HOUSE)
    run(shell, "sol = %dispatch house width=1 height=2")
    opened = []
    monkeypatch.setattr(
        sh, "explore", lambda obj: opened.append(obj) or "widget", raising=False
    )
    result, _ = run(shell, "%explore sol")
    assert result.result == "widget"
    assert opened == [shell.user_ns["sol"]]


def test_opens_the_real_explorer(shell):
    from schedula_nb.widgets import Explorer

    run(shell, "%%dsp house\n" + HOUSE)
    run(shell, "sol = %dispatch house width=1 height=2")
    result, _ = run(shell, "%explore sol")
    assert isinstance(result.result, Explorer)
    assert result.result.solution is shell.user_ns["sol"]
