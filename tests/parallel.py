"""Run the suite on every core (pytest-xdist, `make test`), each worker apart from the others.

Loaded with `-p tests.parallel` (pyproject.toml) before Django reads its settings, so the
environment it sets is what the settings see. Each xdist worker (gw0, gw1, ...) gets:

- its own test database: pytest-django already adds the worker's name to it;
- its own Redis database for the cache (CACHE_URL): every test empties the cache, and
  Redis empties a whole database at once (FLUSHDB), whatever the key prefix, so two
  workers sharing one would empty each other's cache in the middle of a test;
- its own key prefix, for anything else that shares the server.

The tests of the real broker already use a queue of their own per test; the ones that
start servers take free ports. Without xdist (one process) nothing changes.
"""

from __future__ import annotations

import os
import re

worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if worker.startswith("gw"):
    index = int(worker[2:])
    url = os.environ.get("CACHE_URL", "")
    found = re.fullmatch(r"(rediss?://[^/]*)(?:/(\d+))?(.*)", url)
    if found:
        base = int(found.group(2) or 0)
        # Redis has 16 databases (0-15) by default: the workers take the ones after the base.
        os.environ["CACHE_URL"] = f"{found.group(1)}/{(base + index) % 16}{found.group(3)}"
    prefix = os.environ.get("CACHE_KEY_PREFIX", "thidua")
    os.environ["CACHE_KEY_PREFIX"] = f"{prefix}-{worker}"
