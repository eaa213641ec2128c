"""``await dsp.dispatch_async(...)`` works from a running event loop (a
notebook cell): the loop stays free while the model runs, the solution is
the sequential one, and cancelling the await stops the dispatch."""

import asyncio
import threading
import time

import pytest

import schedula_nb as sh


def _model(log):
    def nap(a):
        time.sleep(0.3)
        log.append("nap")
        return a + 1

    dsp = sh.Dispatcher()
    dsp.add_function("nap", nap, ["a"], ["b"])
    dsp.add_function("then", lambda b: log.append("then") or b * 10, ["b"], ["c"])
    return dsp


def test_the_loop_runs_while_the_model_is_awaited():
    log = []
    dsp = _model(log)

    async def main():
        ticks = 0

        async def ticker():
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        task = asyncio.create_task(ticker())
        sol = await dsp.dispatch_async({"a": 1}, executor="async")
        task.cancel()
        return sol, ticks

    sol, ticks = asyncio.run(main())
    assert sol == dsp.dispatch({"a": 1})
    assert ticks >= 10  # the loop kept running during the 0.3 s call


def test_cancelling_the_await_stops_the_dispatch():
    log = []
    dsp = _model(log)
    done = threading.Event()

    async def main():
        task = asyncio.create_task(dsp.dispatch_async({"a": 1}, executor="thread"))
        await asyncio.sleep(0.1)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        done.set()

    asyncio.run(main())
    time.sleep(0.6)
    assert done.is_set() and "then" not in log


def test_errors_reach_the_awaiting_code():
    dsp = sh.Dispatcher(raises=True)
    dsp.add_function("boom", lambda a: 1 / 0, ["a"], ["b"])
    with pytest.raises(sh.DispatcherError, match="boom"):
        asyncio.run(dsp.dispatch_async({"a": 1}))
