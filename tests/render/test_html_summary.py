"""The HTML and text summaries hold the counts, the inputs, outputs and values."""

import schedula_nb as sh
from schedula_nb.render.summary import model_counts, model_html, solution_html


def test_model_summary_counts_the_tutorial(tutorial):
    dsp = tutorial["dsp"]
    counts = model_counts(dsp)
    assert (counts["data"], counts["function"], counts["dispatcher"]) == (
        6,
        9,
        0,
    )  # start and sink aside
    assert sorted(counts["inputs"]) == [
        "decrypted_fpath",
        "encrypted_fpath",
        "key_fpath",
    ]
    page = model_html(dsp)
    assert "6 data, 9 functions, 0 sub-models" in page
    assert "key_fpath" in page and "symmetric_cryptography" in page


def test_solution_summary_has_values_and_statuses(tutorial):
    sol = tutorial["sol"]
    page = solution_html(sol)
    assert "5 values, 4 functions run, 0 failed, 2 out of domain" in page
    assert '<tr class="sh-computed"><td><code>key</code>' in page
    assert '<tr class="sh-domain"><td><code>read_key</code>' in page
    assert "secret message" in page


def test_display_bundle_of_a_solution(tutorial):
    bundle = tutorial["sol"]._repr_mimebundle_()
    assert {"text/html", "text/plain"} <= set(bundle)
    assert "2 out of domain" in bundle["text/html"]
    assert bundle["text/plain"].startswith("Solution({'decrypted': 'secret message'")


def test_summary_lists_are_capped():
    dsp = sh.Dispatcher(name="wide")
    for i in range(40):
        dsp.add_function(f"f{i}", abs, [f"a{i}"], [f"b{i}"])
    page = model_html(dsp)
    assert "and 28 more" in page and "40 data" not in page and "80 data" in page


def test_include_and_exclude_filter_the_bundle():
    dsp = sh.Dispatcher(name="small")
    assert set(dsp._repr_mimebundle_(include={"text/plain"})) == {"text/plain"}
    assert "text/html" not in dsp._repr_mimebundle_(exclude={"text/html"})
