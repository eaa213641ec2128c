"""``%config SchedulaNb.display = 'drawing' | 'explorer' | 'text'`` chooses how
models and solutions display; 'drawing' is the default and 'explorer' shows
the drawing while the explorer does not exist."""

import schedula_nb as sh

from .shells import HOUSE, run


def test_display_modes(shell, monkeypatch):
    # 'explorer' without one: the drawing (names load lazily: drop the entry too)
    monkeypatch.delattr(sh, "explore", raising=False)
    monkeypatch.delitem(sh._WHERE, "explore")
    run(shell, "%%dsp house\n" + HOUSE)
    dsp = shell.user_ns["house"]
    data, _ = shell.display_formatter.format(dsp)
    assert "image/svg+xml" in data  # default: the drawing

    result, _ = run(shell, "%config SchedulaNb.display = 'text'")
    assert result.success
    data, _ = shell.display_formatter.format(dsp)
    assert set(data) == {"text/plain"}
    assert "inputs: ['width', 'height', 'price_per_m2']" in data["text/plain"]

    result, out = run(shell, "%config SchedulaNb.display = 'explorer'")
    assert "explorer is not available yet" in out.stdout
    data, _ = shell.display_formatter.format(dsp)
    assert "image/svg+xml" in data


def test_explorer_mode_uses_the_explorer(shell, monkeypatch):
    class Widget:
        def _repr_mimebundle_(self, **kwargs):
            return {"text/plain": "explorer!"}

    monkeypatch.setattr(sh, "explore", lambda obj: Widget(), raising=False)
    run(shell, "%config SchedulaNb.display = 'explorer'")
    data, _ = shell.display_formatter.format(sh.Dispatcher(name="x"))
    assert data == {"text/plain": "explorer!"}


def test_config_lists_the_setting(shell):
    _, out = run(shell, "%config SchedulaNb")
    assert "SchedulaNb.display" in out.stdout and "Current: 'drawing'" in out.stdout
