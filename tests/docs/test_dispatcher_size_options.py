"""``:width:`` and ``:height:``: the drawing's size, the ratio kept."""

import re


def svg_tag(html: str) -> str:
    return re.search(r"<svg[^>]*>", html).group(0)


def test_width_sets_width_only(build, needs_dot):
    tag = svg_tag(build(".. dispatcher:: tiny_models.flat\n   :width: 60%\n").page())
    assert 'width="60%"' in tag and "height=" not in tag and "viewBox=" in tag


def test_unitless_height_is_pixels(build, needs_dot):
    tag = svg_tag(build(".. dispatcher:: tiny_models.flat\n   :height: 200\n").page())
    assert 'height="200px"' in tag and " width=" not in tag


def test_both(build, needs_dot):
    src = ".. dispatcher:: tiny_models.flat\n   :height: 5cm\n   :width: 300px\n"
    tag = svg_tag(build(src).page())
    assert 'height="5cm"' in tag and 'width="300px"' in tag


def test_without_size_the_drawing_fits_the_page(build, needs_dot):
    tag = svg_tag(build(".. dispatcher:: tiny_models.flat\n").page())
    assert "max-width:100%" in tag and re.search(r' width="[0-9.]+pt"', tag)


def test_bad_length_is_a_directive_error_not_a_crash(build):
    out = build(".. dispatcher:: tiny_models.flat\n   :height: tall\n\nAfter.\n")
    assert "height" in out.warnings and "After." in out.page()
