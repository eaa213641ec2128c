"""With live on, every input change re-dispatches (debounced) and the graph is
re-coloured in place: the same cytoscape elements, new classes."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import schedula_nb as sh


def test_live_change_changes_the_workflow(fragile):
    ex = sh.explore(fragile({"x": 2}), live=True, delay=0)  # no debounce
    nodes_before = dict(ex.graph.elements)
    assert ex.classes()["invert"] == "sh-function sh-ran"
    assert ex.classes()["z"] == "sh-data sh-computed"
    ex.form.texts["x"].value = "0"  # as typed in the browser
    assert ex.solution.inputs == {"x": 0}
    assert ex.classes()["invert"] == "sh-function sh-failed"
    assert ex.classes()["z"] == "sh-data sh-unreached"
    assert ex.graph.elements == nodes_before  # recoloured, not rebuilt
    ex.set_inputs(x=-1)
    assert ex.classes()["root"] == "sh-function sh-domain"
    assert ex.classes()["invert"] == "sh-function sh-ran"
    assert (
        "1 failed" not in ex.ui.status.value and "1 out of domain" in ex.ui.status.value
    )


def test_not_live_waits_for_dispatch(fragile):
    ex = sh.explore(fragile({"x": 2}))
    ex.set_inputs(x=0)
    assert ex.solution.inputs == {"x": 2}
    ex.ui.dispatch.click()  # the Dispatch button
    assert ex.solution.inputs == {"x": 0}


def test_tutorial_live_reads_the_key(tutorial, tmp_path):
    sol = tutorial["sol"]
    ex = sol.explore(live=True)
    assert ex.classes()["read_key"] == "sh-function sh-domain"
    ex.set_inputs(key_fpath=sol["key_fpath"], decrypted=sh.EMPTY)
    ex.set_inputs(encrypted_fpath=sol["encrypted_fpath"])
    # The key file exists now: read at the first edit (its domain is asked
    # again), taken over from that solution at the second (reuse).
    assert ex.classes()["read_key"] == "sh-function sh-ran sh-reused"
    assert ex.classes()["generate_key"] == "sh-function sh-reached"  # not run
    assert ex.solution["decrypted"] == "secret message"


def test_debounced_in_a_running_loop(fragile):
    async def scenario():
        ex = sh.explore(fragile({"x": 2}), live=True, delay=0.05)
        for value in ("3", "4", "5"):
            ex.form.texts["x"].value = value  # typed in the browser
        assert ex.solution.inputs == {"x": 2}  # not yet: debounced
        await asyncio.sleep(0.2)
        return ex

    # In a thread of its own: another test's Playwright may hold this one's loop.
    with ThreadPoolExecutor(1) as pool:
        ex = pool.submit(asyncio.run, scenario()).result()
    assert ex.solution.inputs == {"x": 5}  # one dispatch, with the last value


def test_new_inputs_add_edges_without_redraw(fragile):
    ex = sh.explore(fragile)  # a model: no start node drawn yet
    before = set(ex.graph.elements)
    ex.set_inputs(x=3)
    ex.dispatch()
    added = set(ex.graph.elements) - before
    assert len(added) == 2  # start and start -> x
    assert ex.classes()[sh.START] == "sh-start sh-input"


def test_status_data_reaches_the_browser(fragile):
    # The palette selects on the elements' status data: it must be sent.
    ex = sh.explore(fragile({"x": 2}))
    node = ex.graph.elements[ex.view.ids["invert"]]
    sent = []
    original = node.send_state
    node.send_state = lambda key=None: sent.append(key) or original(key)
    ex.set_inputs(x=0)
    ex.dispatch()
    assert node.data["status"] == "failed" and "data" in sent and "classes" in sent


def _branches():
    """Two branches: ``a -> f -> b`` and ``c -> g -> d``."""
    dsp = sh.Dispatcher(name="branches")
    dsp.add_function("f", abs, ["a"], ["b"])
    dsp.add_function("g", abs, ["c"], ["d"])
    return dsp


def test_live_reuses_the_last_solution_and_marks_what_it_took_over():
    ex = sh.explore(_branches()({"a": 1, "c": 1}), live=True, delay=0)
    ex.set_inputs(c=5)
    assert ex.solution.reused == {"f"}
    assert ex.classes()["f"] == "sh-function sh-ran sh-reused"
    assert ex.classes()["g"] == "sh-function sh-ran"
    assert "1 reused" in ex.ui.status.value and " ms" in ex.ui.status.value
    ex.set_view(show_reused=False)
    assert ex.classes()["f"] == "sh-function sh-ran"


def test_reuse_can_be_turned_off():
    ex = sh.explore(_branches()({"a": 1, "c": 1}), live=True, delay=0, reuse=False)
    ex.set_inputs(c=5)
    assert ex.solution.reused == set() and "reused" not in ex.ui.status.value
