"""``%unload_ext schedula_nb`` removes the magics, the display hook and the
setting, and puts back a magic our names had replaced."""

import schedula_nb as sh

from .shells import run


def test_unload_removes_everything(shell):
    magics = shell.magics_manager.magics
    formatter = shell.display_formatter.mimebundle_formatter
    assert "dsp" in magics["cell"] and "dispatch" in magics["line"]
    assert sh.Dispatcher in formatter.type_printers

    result, _ = run(shell, "%unload_ext schedula_nb")
    assert result.success
    assert "dsp" not in magics["cell"]
    assert not {"dispatch", "explore"} & set(magics["line"])
    assert sh.Dispatcher not in formatter.type_printers
    assert sh.Solution not in formatter.type_printers
    assert "SchedulaNb" not in [type(c).__name__ for c in shell.configurables]
    result, out = run(shell, "%dispatch m")
    assert "UsageError: Line magic function `%dispatch` not found" in out.stderr
    # and it loads again
    run(shell, "%load_ext schedula_nb")
    assert "dispatch" in magics["line"]


def test_unload_restores_a_replaced_magic(shell):
    run(shell, "%unload_ext schedula_nb")

    def explore(line):
        return "theirs"

    shell.register_magic_function(explore)
    run(shell, "%load_ext schedula_nb")
    run(shell, "%unload_ext schedula_nb")
    assert run(shell, "%explore")[0].result == "theirs"
    del shell.magics_manager.magics["line"]["explore"]
