"""``:description:``, ``:code:``, ``:data:``, ``:func:``, ``:dsp:`` choose the
parts shown; with none of them, everything but the code."""

import pytest

from .conftest import tables

KINDS = ("data", "functions", "sub-models")


def parts(html: str) -> dict:
    return {
        "description": "<p>A tiny model to document.</p>" in html,
        "code": "sh-dispatcher-code" in html,
        **{kind: len(tables(html, kind)) for kind in KINDS},
        "sections": html.count('class="sh-dispatcher sh-sub-model'),
    }


NONE = {"description": False, "code": False, "sections": 0} | dict.fromkeys(KINDS, 0)


@pytest.mark.parametrize(
    "flags, expected",
    [
        (
            [],
            {
                "description": True,
                "data": 2,
                "functions": 2,
                "sub-models": 1,
                "sections": 1,
            },
        ),
        ([":data:"], {"data": 1}),
        ([":func:"], {"functions": 1}),
        ([":dsp:"], {"sub-models": 1, "sections": 1}),
        ([":description:"], {"description": True}),
        ([":code:"], {"code": True}),
        ([":data:", ":func:"], {"data": 1, "functions": 1}),
        ([":dsp:", ":func:"], {"functions": 2, "sub-models": 1, "sections": 1}),
    ],
)
def test_flags_choose_the_parts(build, flags, expected):
    options = "".join(f"   {flag}\n" for flag in flags)
    out = build(f".. dispatcher:: tiny_models.dsp\n{options}")
    assert out.warnings == ""
    assert parts(out.page()) == NONE | expected


def test_code_shows_the_module_that_builds_an_imported_model(build):
    html = build(".. dispatcher:: tiny_models.flat\n   :code:\n").page()
    code = html[html.index("sh-dispatcher-code") :]
    assert "flat" in code and "Models the directive documents" in code
    assert "add_function" in code


def test_without_dsp_the_drawing_has_no_links_to_missing_sections(build, needs_dot):
    html = build(".. dispatcher:: tiny_models.dsp\n   :data:\n").page()
    assert "xlink:href=" not in html
