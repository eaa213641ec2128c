"""``%dispatch MODEL name=value ... --outputs a,b`` dispatches the model with
literal values (``$var`` reads a variable) and returns the solution, which
displays as the cell's result."""

import schedula_nb as sh

from .shells import HOUSE, run


def test_dispatch_returns_and_shows_the_solution(shell):
    run(shell, "%%dsp house\n" + HOUSE)
    result, out = run(shell, "%dispatch house width=2 height=3.5 price_per_m2=10")
    assert result.success, out.stderr
    sol = result.result
    assert isinstance(sol, sh.Solution)
    assert sol["cost"] == 70.0
    assert "'cost': 70.0" in out.stdout  # shown as the cell's result
    # the rich display of that result has the drawing
    data, _ = shell.display_formatter.format(sol)
    assert "image/svg+xml" in data


def test_outputs_variables_and_assignment(shell):
    run(shell, "%%dsp house\n" + HOUSE)
    shell.user_ns["w"] = 4
    shell.user_ns["rest"] = {"height": 2, "price_per_m2": 1}
    result, out = run(shell, "sol = %dispatch house width=$w $rest --outputs area")
    assert result.success, out.stderr
    sol = shell.user_ns["sol"]
    assert sol["area"] == 8 and "cost" not in sol
    assert sol.outputs == {"area"} or list(sol.outputs) == ["area"]


def test_literals_are_parsed_never_evaluated(shell):
    run(shell, "%%dsp m\ndef keep(v) -> 'out':\n    return v\n")
    result, _ = run(shell, "%dispatch m v={'a': [1, 2], 'b': 'x y'}")
    assert result.result["out"] == {"a": [1, 2], "b": "x y"}
    result, out = run(shell, "%dispatch m v=__import__('os').getcwd()")
    assert not result.success and "not a Python literal" in out.stderr


def test_a_cached_step_runs_once_for_the_same_values(shell):
    run(shell, "import schedula_nb as sh\nruns = []")
    cell = (
        "%%dsp m\n@sh.cache(maxsize=4)\ndef slow(v) -> 'out':\n"
        "    runs.append(v)\n    return v * 2\n\n"
        "def other(w) -> 'z':\n    return w\n"
    )
    assert run(shell, cell)[0].success
    for line in ("%dispatch m v=3", "%dispatch m v=3 w=1 --outputs out,z"):
        result, out = run(shell, line)
        assert result.success, out.stderr
        assert result.result["out"] == 6
    assert shell.user_ns["runs"] == [3]
    assert shell.user_ns["slow"].stats().hits == 1
