"""Same model, same inputs: same values, same workflow as the reference.

Every case of :mod:`corpus` is built twice, once with ``schedula`` (the
reference, skipped when not installed) and once with ``schedula_nb``, and every
step is compared: the solution items (keys in order and values), ``sol.dist``,
the workflow nodes and edges, the failed and out-of-domain nodes,
``sol.inputs`` / ``sol.outputs``, and the model (``dmap`` nodes with their
attributes, edges with theirs, ``default_values``) before and after the steps.

The module under test can be switched with the environment variable
``SCHEDULA_COMPAT_TARGET`` (``SCHEDULA_COMPAT_TARGET=schedula`` checks the
harness itself: reference against reference).
"""

import os

import pytest

from . import corpus

pytestmark = pytest.mark.compat

TARGET = os.environ.get("SCHEDULA_COMPAT_TARGET", "schedula_nb")


@pytest.fixture(scope="module")
def ref():
    return pytest.importorskip("schedula")


@pytest.fixture(scope="module")
def new():
    return pytest.importorskip(TARGET)


@pytest.mark.parametrize("name", corpus.CASE_NAMES)
def test_same_as_reference(name, ref, new):
    build = corpus.CASES[name]
    snap_ref, checks_ref = corpus.run_case(build, ref)
    snap_new, checks_new = corpus.run_case(build, new)
    assert not checks_ref, "reference fails its own check (harness bug): %s" % (
        checks_ref,
    )
    problems = corpus.diff_snapshots(snap_ref, snap_new)
    problems += ["schedula_nb " + c for c in checks_new]
    if problems:
        pytest.fail(
            "case %r differs from the reference:\n%s" % (name, "\n".join(problems)),
            pytrace=False,
        )


@pytest.mark.parametrize("warm", [1, 2], ids=["replayed", "fused"])
@pytest.mark.parametrize(
    "name", [n for n in corpus.CASE_NAMES if n not in corpus.NOT_REPEATABLE]
)
def test_same_as_reference_when_replayed(name, warm, ref, new):
    """Each dispatch made again on schedula_nb: the second (a replay of the
    first's plan, also for models with sub-models) and the third (its fused
    form: straight pipes, fused pairs at every level) are the reference's."""
    build = corpus.CASES[name]
    snap_ref, _ = corpus.run_case(build, ref)
    snap_new, checks_new = corpus.run_case(build, new, warm=warm)
    problems = corpus.diff_snapshots(snap_ref, snap_new)
    problems += ["schedula_nb " + c for c in checks_new]
    if problems:
        pytest.fail(
            "case %r differs from the reference when replayed:\n%s"
            % (name, "\n".join(problems)),
            pytrace=False,
        )


def test_corpus_is_deterministic_on_reference(ref):
    """The harness compares like with like: two reference runs are equal."""
    for name in corpus.CASE_NAMES:
        a, _ = corpus.run_case(corpus.CASES[name], ref)
        b, _ = corpus.run_case(corpus.CASES[name], ref)
        assert corpus.diff_snapshots(a, b) == [], name


def test_library_does_not_import_schedula(new):
    import subprocess
    import sys

    code = (
        "import sys, %s; "
        "print(sorted(m for m in sys.modules if m == 'schedula' "
        "or m.startswith('schedula.')))" % TARGET
    )
    if TARGET == "schedula":
        pytest.skip("checking the reference against itself")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
