"""Property: on random models (the compatibility tests' generator: domains,
failures, weights, waiting data nodes, defaults, inputs distances, shrink,
wildcard, no_call...), a dispatch on an executor gives exactly the
sequential dispatch's solution: values in order, distances, workflow, failed
and out-of-domain nodes."""

import logging

import pytest
from compat import corpus
from compat.test_properties import SETTINGS, build, model_specs
from hypothesis import given, settings

import schedula_nb as sh

from .conftest import final


@pytest.fixture(autouse=True, scope="module")
def _quiet():
    logger = logging.getLogger("schedula_nb")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)


def _snapshot(spec, executor):
    dsp = build(sh, spec)
    try:
        sol = final(
            dsp.dispatch(
                inputs=dict(spec["inputs"]),
                outputs=spec["outputs"],
                inputs_dist=dict(spec["inputs_dist"]) or None,
                executor=executor,
                **spec["options"],
            )
        )
    except Exception as ex:  # noqa: BLE001 - compared like a solution
        return corpus.raised(ex)
    return corpus.snapshot_solution(sol, sh)


@settings(max_examples=150, **SETTINGS)
@given(model_specs())
def test_thread_executor_equals_sequential_on_random_models(spec):
    assert _snapshot(spec, "thread") == _snapshot(spec, False)


@settings(max_examples=40, **SETTINGS)
@given(model_specs())
def test_process_pool_equals_sequential_on_random_models(spec):
    assert _snapshot(spec, "parallel-pool") == _snapshot(spec, False)
