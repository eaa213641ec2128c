"""Clicking a data node highlights the path that produced it (its provenance),
read from the solution's workflow."""

import schedula_nb as sh


def test_provenance_of_a_computed_value(tutorial):
    ex = tutorial["sol"].explore().select("encrypted")
    marked = {n for n, c in ex.classes().items() if "sh-provenance" in c}
    assert {
        "encrypted",
        "encrypt_message",
        "key",
        "generate_key",
        "decrypted",
    } <= marked
    assert "read_key" not in marked and "write_key" not in marked
    drawn, ids = ex.graph.classes(), ex.view.ids
    assert "sh-provenance" in drawn[f"{ids['generate_key']}-{ids['key']}"]
    assert "sh-provenance" not in drawn[f"{ids['key']}-{ids['write_key']}"]


def test_selecting_a_function_highlights_nothing(fragile):
    ex = sh.explore(fragile({"x": 2})).select("invert")
    assert not any("sh-provenance" in c for c in ex.classes().values())


def test_model_has_no_provenance(fragile):
    ex = sh.explore(fragile).select("y")
    assert not any("sh-provenance" in c for c in ex.classes().values())
