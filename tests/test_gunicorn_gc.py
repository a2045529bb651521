"""The gunicorn worker hides its imports from the cycle collector (decision 0020, 3b):
a full pass over Django's ~146,000 import-time objects took 230-630 ms inside whichever
request set it off, the p95 of the big staff pages."""

import gc
import runpy
import time
from pathlib import Path

CONFIG = Path(__file__).resolve().parent.parent / "config" / "gunicorn.py"


def test_a_worker_freezes_what_it_loaded_so_full_collections_stay_short():
    hooks = runpy.run_path(str(CONFIG))
    loaded = [{"n": i, "self": None} for i in range(100_000)]  # what the imports leave
    for item in loaded:
        item["self"] = item  # cycles, as modules and classes make
    try:
        started = time.perf_counter()
        gc.collect()
        before = time.perf_counter() - started
        hooks["post_worker_init"](None)
        assert gc.get_freeze_count() >= len(loaded)
        started = time.perf_counter()
        gc.collect()
        after = time.perf_counter() - started
        assert after < before / 3
    finally:
        gc.unfreeze()
