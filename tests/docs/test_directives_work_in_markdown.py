"""Both directives from MyST Markdown: the same output as from reStructuredText."""

from .conftest import tables

PAGE = """# Models

```{dispatcher} tiny_models.dsp
:func:
:dsp:
```

```{autodispatcher} tiny_models.flat
:data:
```

See {py:data}`tiny_models.flat`.
"""


def test_markdown_page_documents_models(build):
    out = build(PAGE, index="index.md")
    assert out.warnings == ""
    html = out.page()
    assert [t[1][0] for t in tables(html, "functions")] == ["add", "double"]
    assert tables(html, "sub-models")[0][1][0] == "twice"
    assert 'id="tiny_models.flat"' in html and 'href="#tiny_models.flat"' in html
    assert tables(html, "data")[0][1:] == [["v", "", ""], ["w", "", ""]]
    assert ".. py:data::" not in html and ".. dispatcher::" not in html
