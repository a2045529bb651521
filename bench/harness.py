"""What the Django benchmarks share: set-up, a throw-away database, timing.

Run the benchmarks as modules from the project root (`python -m bench.portal`),
so the project is importable without touching sys.path. Importing this module
sets Django up; import it before any model.
"""

from __future__ import annotations

import os
import secrets
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
# A throw-away key: the settings refuse to start with DEBUG off and no key of our own.
os.environ.setdefault("SECRET_KEY", "bench-" + secrets.token_urlsafe(32))

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    setup_databases,
    setup_test_environment,
    teardown_databases,
)


@contextmanager
def throwaway_database() -> Iterator[None]:
    """A test database (PostgreSQL when DATABASE_URL points at it), dropped afterwards."""
    setup_test_environment()
    config = setup_databases(verbosity=0, interactive=False)
    try:
        yield
    finally:
        teardown_databases(config, verbosity=0)


def time_requests(client: Client, url: str, runs: int) -> list[float]:
    """Server time in ms of `runs` GETs of `url`, after one warm-up; each must answer 200."""
    client.get(url)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def median_p95(times: list[float]) -> tuple[float, float]:
    return statistics.median(times), sorted(times)[int(len(times) * 0.95) - 1]
