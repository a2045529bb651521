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


def test_the_config_reads_the_apps_env_file_as_the_app_does(tmp_path, monkeypatch):
    """`gunicorn -c config/gunicorn.py config.wsgi` run by hand in /srv/thidua (not through
    systemd's EnvironmentFile nor `make serve`) listened on 127.0.0.1:8001 with 2×cores+1
    workers whatever .env said, while the app itself read .env."""
    import shutil

    (tmp_path / "config").mkdir()
    copy = tmp_path / "config" / "gunicorn.py"
    shutil.copy(CONFIG, copy)
    (tmp_path / ".env").write_text("GUNICORN_BIND=127.0.0.1:8020\nWEB_CONCURRENCY=3\n")
    for name in ("GUNICORN_BIND", "WEB_CONCURRENCY"):
        monkeypatch.delenv(name, raising=False)
    found = runpy.run_path(str(copy))
    assert (found["bind"], found["workers"]) == ("127.0.0.1:8020", 3)
    # The environment still wins over the file, as for the app (systemd, make serve).
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:9000")
    assert runpy.run_path(str(copy))["bind"] == "127.0.0.1:9000"
