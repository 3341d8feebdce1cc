"""Ctrl-C stops a run as it stops the CLI: KeyboardInterrupt, nothing returned, and the
interpreter (and the module) stay usable."""

import _thread
import os
import signal
import subprocess
import sys
import textwrap
import threading

import pytest

import mineflow
from conftest import SCENARIOS

COBALT = SCENARIOS / "disruptions" / "cobalt_background.yaml"
# Cobalt's background risk (the fitted hazard, scenarios/hazard.yaml) over 100 years: 100 000
# trials take minutes on one thread, far longer than the 0.3 s before the interrupt; once
# interrupted the run stops at its next block of 256 trials.
LONG_TRIALS = 100_000


@pytest.fixture(scope="module")
def slow(tmp_path_factory):
    text = COBALT.read_text().replace("../minerals/cobalt.yaml",
                                      str(SCENARIOS / "minerals" / "cobalt.yaml"))
    text = text.replace("../hazard.yaml", str(SCENARIOS / "hazard.yaml"))
    assert "horizon_days: 365\n" in text
    text = text.replace("horizon_days: 365", "horizon_days: 36500")
    path = tmp_path_factory.mktemp("slow") / "slow.yaml"
    path.write_text(text)
    return path


def interrupt_soon(send):
    timer = threading.Timer(0.3, send)
    timer.start()
    return timer


@pytest.mark.parametrize("send", [
    _thread.interrupt_main,
    lambda: os.kill(os.getpid(), signal.SIGINT),
], ids=["interrupt_main", "sigint"])
def test_an_interrupted_run_raises_keyboard_interrupt(send, slow):
    timer = interrupt_soon(send)
    with pytest.raises(KeyboardInterrupt):
        mineflow.run(slow, trials=LONG_TRIALS, threads=1, policies=["no_policy"])
    timer.join()
    # Still usable: the next run completes and Python's own handler is still in place.
    assert mineflow.run(COBALT, trials=300, seed=2).metrics
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_an_interrupted_sweep_raises_keyboard_interrupt(slow):
    timer = interrupt_soon(_thread.interrupt_main)
    with pytest.raises(KeyboardInterrupt):
        mineflow.stockpile(slow, days=[0, 60], trials=LONG_TRIALS, threads=1, target="none")
    timer.join()
    assert mineflow.stockpile(COBALT, days=[0, 60], trials=200, target="none").csv


def test_ctrl_c_from_outside_the_process(slow):
    child = textwrap.dedent(f"""
        import sys, mineflow
        print("started", flush=True)
        try:
            mineflow.run({str(slow)!r}, trials={LONG_TRIALS}, threads=1,
                         policies=["no_policy"])
            print("finished")
        except KeyboardInterrupt:
            print("interrupted", flush=True)
        r = mineflow.run({str(COBALT)!r}, trials=200, seed=1)
        print("usable", r.header["trials"])
    """)
    process = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    assert process.stdout.readline() == "started\n"
    threading.Event().wait(0.5)  # let it enter the run
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert out.splitlines() == ["interrupted", "usable 200"]
