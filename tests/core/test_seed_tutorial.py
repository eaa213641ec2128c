"""The seed's tutorial runs verbatim (only the import changed) with the reference's
results: returned ids, values, workflow nodes, out-of-domain nodes, final True."""

import doctest
import os
from pathlib import Path

import pytest

import schedula_nb as sh

TUTORIAL = Path(__file__).parent.parent / "data" / "seed_tutorial.txt"
pytest.importorskip("cryptography")


def _examples():
    text = TUTORIAL.read_text()
    return doctest.DocTestParser().get_examples(text)


def _run(examples, globs):
    test = doctest.DocTest(examples, globs, "seed_tutorial", str(TUTORIAL), 0, None)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, clear_globs=False)
    globs.update(test.globs)  # DocTest works on a copy
    return runner.summarize(verbose=False)


def test_tutorial_runs_verbatim_but_for_the_drawings(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.mkdtemp", lambda: str(tmp_path))
    examples = [e for e in _examples() if ".plot(" not in e.source]
    assert len(examples) == len(_examples()) - 3  # the three drawing calls
    globs: dict = {}
    result = _run(examples, globs)
    assert result.attempted == len(examples) and result.failed == 0

    dsp, sol = globs["dsp"], globs["sol"]
    assert list(sol) == [
        "decrypted",
        "encrypted_fpath",
        "key_fpath",
        "key",
        "encrypted",
    ]
    assert set(map(str, sol.workflow.nodes)) == {
        "start",
        "decrypted",
        "encrypted_fpath",
        "key_fpath",
        "encrypt_message",
        "write_decrypted",
        "read_encrypted",
        "write_encrypted",
        "write_key",
        "read_key",
        "generate_key",
        "key",
        "encrypted",
        "sink",
    }
    assert sol.out_of_domain == ["read_encrypted", "read_key"]
    assert os.path.isfile(sol["key_fpath"]) and os.path.isfile(sol["encrypted_fpath"])
    last = dsp.solution
    assert list(last) == [
        "encrypted_fpath",
        "key_fpath",
        "encrypted",
        "key",
        "decrypted",
    ]
    assert "generate_key" not in last.workflow.nodes  # the key was read, not made
    assert last.out_of_domain == []


def test_tutorial_drawing_calls_run(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.mkdtemp", lambda: str(tmp_path))
    globs: dict = {}
    _run([e for e in _examples() if ".plot(" not in e.source], globs)
    for e in _examples():
        if ".plot(" in e.source:
            drawing = eval(e.source, globs)  # noqa: S307 - our own tutorial text
            assert hasattr(drawing, "_repr_mimebundle_")


def test_tutorial_module_is_the_one_under_test():
    assert sh.__name__ == "schedula_nb"
