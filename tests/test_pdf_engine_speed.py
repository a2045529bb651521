"""Decision 0020: Python's cycle collector does not run while WeasyPrint renders (it went
over every box and style again and again: 6-23% of a long decision's CPU), and it is
back as it was once the last render ends, whichever thread rendered."""

import gc
import threading

from units.pdf import collector_paused, html_to_pdf

ROWS = "".join(
    f"<tr><td>{i}</td><td>Nguyễn Văn {i}</td><td>UBND xã {i}</td></tr>" for i in range(300)
)
DOCUMENT = f'<!doctype html><html lang="vi"><body><table>{ROWS}</table></body></html>'


def test_no_collection_runs_during_a_render():
    html_to_pdf(DOCUMENT)  # WeasyPrint imported, as in a worker after load_engine()
    collections = []

    def count(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    try:
        data = html_to_pdf(DOCUMENT)
    finally:
        gc.callbacks.remove(count)
    assert data.startswith(b"%PDF-")
    assert len(collections) <= 1  # at most the one due once the render ends (before: 201)
    assert gc.isenabled()


def test_the_collector_stays_paused_until_the_last_render_ends():
    first_in, release = threading.Event(), threading.Event()

    def long_render():
        with collector_paused():
            first_in.set()
            release.wait(10)

    thread = threading.Thread(target=long_render)
    thread.start()
    first_in.wait(10)
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other render still runs
    release.set()
    thread.join()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
