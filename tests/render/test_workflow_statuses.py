"""The tutorial's solution: out-of-domain nodes orange, index = execution order,
nodes the dispatch did not reach faded."""

import pytest

from schedula_nb.render import style

pytestmark = pytest.mark.usefixtures("needs_dot")


def _nodes(plot, parse_svg):
    return parse_svg(plot.pipe("svg").decode())


def test_out_of_domain_nodes_are_orange_with_the_reason(tutorial, parse_svg):
    sol = tutorial["sol"]
    nodes = _nodes(sol.plot(index=True), parse_svg)
    for node in ("read_key", "read_encrypted"):
        assert nodes[node]["fill"] == style.ORANGE
        assert "sh-domain" in nodes[node]["classes"]
        assert "input_domain" in nodes[node]["tooltip"]
    orange = {k for k, n in nodes.items() if n["fill"] == style.ORANGE}
    assert orange == set(sol.out_of_domain) == {"read_key", "read_encrypted"}


def test_index_numbers_follow_the_execution_order(tutorial, parse_svg):
    sol = tutorial["sol"]
    nodes = _nodes(sol.plot(index=True), parse_svg)
    numbered = sorted((n["index"], k) for k, n in nodes.items() if n["index"])
    assert [k for _, k in numbered] == [str(n) for n in sol.visit]
    assert [i for i, _ in numbered] == list(range(1, len(sol.visit) + 1))


def test_statuses_of_inputs_values_and_unreached(tutorial, parse_svg):
    nodes = _nodes(tutorial["sol"].plot(), parse_svg)
    assert "sh-input" in nodes["decrypted"]["classes"]
    assert "sh-computed" in nodes["key"]["classes"]
    assert "sh-ran" in nodes["generate_key"]["classes"]
    assert "sh-unreached" in nodes["read_decrypted"]["classes"]  # faded
    assert "value: 'secret message'" in nodes["decrypted"]["tooltip"]


def test_last_workflow_of_the_model(tutorial, parse_svg):
    dsp = tutorial["dsp"]
    nodes = _nodes(dsp.plot(workflow=True, index=True), parse_svg)
    numbered = sorted((n["index"], k) for k, n in nodes.items() if n["index"])
    assert [k for _, k in numbered] == [str(n) for n in dsp.solution.visit]
    assert "sh-ran" in nodes["read_key"]["classes"]  # the key file exists now
    assert not any(n["fill"] == style.ORANGE for n in nodes.values())


def test_workflow_only_drops_the_nodes_not_reached(tutorial, parse_svg):
    sol = tutorial["sol"]
    nodes = _nodes(sol.plot(workflow=True), parse_svg)
    assert set(nodes) == {str(n) for n in sol.workflow.nodes}
