"""Is a task worker running? (docs/deployment.md, "When the worker is down".)

Every worker writes the time into the cache every `EVERY` seconds, from a thread of its
main process started when it is ready (config/celery.py); the mark lives `LIFETIME`
seconds. A page that waits for a worker (a scan being read, a report being made, an Excel
file being checked) reads it, and when no worker has marked itself for a minute it says
so at once, in Vietnamese, instead of refreshing for ever.

It can only be known when the web and the workers share the cache (Redis, CACHE_URL):
with a cache of each process's own (local memory) the web says nothing. Without a broker
(`make run`) tasks run in the request: there is no worker to wait for.

Infrastructure module: it reads and writes one cache key, nothing else.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)

KEY = "workers:alive"
EVERY = 15.0  # seconds between two marks of a worker
LIFETIME = 60  # seconds a mark lives: a worker missing four marks running is down


def worker_alive() -> None:
    """A worker's mark: it is running now."""
    caches["default"].set(KEY, time.time(), LIFETIME)


def workers_down() -> bool:
    """True when tasks go to a broker, the cache is shared, and no worker has marked
    itself alive within LIFETIME. False when it cannot be known (see the module)."""
    from config.celery import app

    cache = caches["default"]
    if app.conf.task_always_eager or isinstance(cache, LocMemCache | DummyCache):
        return False
    try:
        return cache.get(KEY) is None
    except Exception:  # the cache itself is down: say nothing rather than guess
        logger.warning("Could not read the workers' mark from the cache", exc_info=True)
        return False


def heartbeat_start(*, stop: threading.Event | None = None, every: float = EVERY):
    """Mark this worker alive now and every `every` seconds, in a daemon thread, until
    `stop` is set (or the process ends). A cache that fails is tried again next time."""
    stop = stop or threading.Event()

    def beat() -> None:
        warned = False
        while True:
            try:
                worker_alive()
                warned = False
            except Exception:
                if not warned:
                    logger.warning("Could not mark the worker alive in the cache", exc_info=True)
                warned = True
            if stop.wait(every):
                return

    thread = threading.Thread(target=beat, name="thidua-worker-alive", daemon=True)
    thread.start()
    return thread
