"""Other projects' test suites, run on the reference and on schedula_nb.

``python tests/dropin/suites.py [schedula|formulas]`` (``make compat``) prints
what each side passes; the tests in ``test_reference_suites.py`` assert it.

A suite comes from its project's sdist on PyPI (downloaded once into
``.venv/sdists``, or ``$SCHEDULA_NB_SDISTS``) and runs unchanged in a fresh
interpreter: plainly for the reference, through ``python -m schedula_nb run``
(``import schedula`` gives schedula_nb) for this project. Nothing of those
projects is kept in this repository.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: project -> (version, the folder of its tests inside the sdist)
SUITES = {
    "schedula": ("1.6.15", "tests"),
    "formulas": ("1.3.4", "test"),
}


@dataclass
class Run:
    """The outcome of one suite on one side: test id -> passed."""

    outcomes: dict

    @property
    def passed(self) -> set:
        return {k for k, ok in self.outcomes.items() if ok}

    @property
    def failed(self) -> set:
        return {k for k, ok in self.outcomes.items() if not ok}


def sdist(project: str) -> Path:
    """The unpacked sdist of ``project`` at the pinned version (downloaded once)."""
    version, _ = SUITES[project]
    where = Path(os.environ.get("SCHEDULA_NB_SDISTS", ROOT / ".venv" / "sdists"))
    folder = where / f"{project}-{version}"
    if folder.is_dir():
        return folder
    where.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
        + ["--no-binary", ":all:", "--dest", str(where), f"{project}=={version}"],
        check=True,
        timeout=600,
    )
    with tarfile.open(where / f"{project}-{version}.tar.gz") as archive:
        archive.extractall(where, filter="data")
    return folder


def run(project: str, on_schedula_nb: bool, timeout: float = 1200) -> Run:
    """Run ``project``'s own tests in a fresh interpreter; parse the outcome."""
    folder = sdist(project)
    tests = SUITES[project][1]
    side = "nb" if on_schedula_nb else "ref"
    report = folder / f".junit-{side}.xml"
    door = ["-m", "schedula_nb", "run"] if on_schedula_nb else []
    command = [sys.executable, *door, "-m", "pytest", tests, "-q"]
    command += ["-p", "no:cacheprovider", "-W", "ignore", "--junitxml", str(report)]
    command += ["--continue-on-collection-errors", "--timeout", "120"]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("SCHEDULA_NB_ALIAS", None)
    subprocess.run(
        command, cwd=folder, env=env, timeout=timeout, capture_output=True, text=True
    )
    return Run(_outcomes(report, tests))


def _outcomes(report: Path, tests: str) -> dict:
    """``{class::name: passed}`` from a JUnit XML report (skips left out)."""
    outcomes = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        kinds = {child.tag for child in case}
        if "skipped" in kinds:
            continue
        module = case.get("classname", "").rpartition(f".{tests}.")[2]
        key = f"{module}::{case.get('name')}"
        outcomes[key] = not kinds & {"failure", "error"}
    return outcomes


def main(argv: list[str]) -> int:
    for project in argv or list(SUITES):
        ref, nb = run(project, False), run(project, True)
        share = len(nb.passed & ref.passed) / max(len(ref.passed), 1)
        print(
            f"{project} {SUITES[project][0]}: the reference passes "
            f"{len(ref.passed)} of {len(ref.outcomes)}, schedula_nb "
            f"{len(nb.passed)} ({share:.1%} of the reference's)"
        )
        for key in sorted(ref.passed - nb.passed):
            print(f"  fails on schedula_nb only: {key}")
        for key in sorted(nb.passed - ref.passed):
            print(f"  passes on schedula_nb only: {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
