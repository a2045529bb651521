"""Benchmark: every staff page at 2,000 units and 20,000 campaigns.

A synthetic province (bench/workspace.py): 20 districts of 99 communes, 20,000 campaigns,
a decision of about 4,000 awards, a council session of about 2,000 dossiers, a bloc per
district. A superuser, the province's standing office and the staff of a district and
its communes open every page they may (the page-scale test opens the same ones at 1× and
10×). Server time through the test client, median and 95th percentile, against a budget
of 300 ms a page; the section "pages" of docs/benchmarks.md is rewritten.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua .venv/bin/python -m bench.pages
"""

from __future__ import annotations

import gc
import os
import sys
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.harness import median_p95, throwaway_database, time_requests
from bench.report import write_section
from bench.workspace import generate, staff_pages

RUNS = int(os.environ.get("BENCH_RUNS", "20"))
BUDGET_MS = 300
SIZE = {"districts": 20, "communes": 99, "campaigns": 20_000}


def main() -> None:
    # As a gunicorn worker does once loaded (config/gunicorn.py, post_worker_init): the
    # imports leave the cycle collector's sight, so its full passes walk only what the
    # requests made (decision 0020, 3b). BENCH_GC_FREEZE=0 times the pages without it.
    if os.environ.get("BENCH_GC_FREEZE", "1") == "1":
        gc.collect()
        gc.freeze()
    with throwaway_database():
        started = time.perf_counter()
        workspace = generate(**SIZE)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        fill_s = time.perf_counter() - started
        clients = {}
        for role, user in workspace.users.items():
            clients[role] = Client()
            clients[role].force_login(user)
        rows = []
        only = os.environ.get("BENCH_PAGES", "")  # e.g. "form": only pages whose name has it
        for page, role, url in staff_pages(workspace):
            if only and only not in page:
                continue
            client = clients[role]
            times = time_requests(client, url, RUNS)
            with CaptureQueriesContext(connection) as queries:
                size = len(client.get(url).content)
            rows.append((page, role, url, len(queries), size, *median_p95(times)))
    roles = {
        "superuser": "superuser",
        "office": "văn phòng tỉnh",
        "unit": "cán bộ huyện",
        "council": "hội đồng tỉnh",
        "leader": "lãnh đạo tỉnh",
    }
    lines = [
        f"## Staff pages at {workspace.sizes['đơn vị']:,} units and "
        f"{workspace.sizes['phong trào']:,} campaigns ({connection.vendor})".replace(",", "."),
        "",
        f"Synthetic data (`bench/workspace.py`, generated in {fill_s:.0f} s): "
        + ", ".join(
            f"{value:,} {name}".replace(",", ".") for name, value in workspace.sizes.items()
        )
        + ".",
        "",
        f"`bench/pages.py`: {RUNS} requests per page after one warm-up, server time through the",
        "test client. Roles: a superuser; the standing office of the province (văn phòng tỉnh);",
        "the staff of a district and its 99 communes (cán bộ huyện); a member of the province's",
        "council (hội đồng tỉnh) and its leader (lãnh đạo tỉnh). tests/test_page_scale.py",
        "checks that the same pages run as many queries at 1× and 10× of a smaller province.",
        "The process's loaded modules are frozen out of the cycle collector first, as",
        "config/gunicorn.py does in each worker (BENCH_GC_FREEZE=0 leaves them in).",
        "",
        "| page | role | queries | size (KB) | median (ms) | p95 (ms) | budget (ms) | within budget |",
        "|---|---|---|---|---|---|---|---|",
    ]
    failed = []
    for page, role, _url, queries, size, median, p95 in rows:
        ok = p95 <= BUDGET_MS
        failed += [] if ok else [f"{page} ({role})"]
        lines.append(
            f"| {page} | {roles[role]} | {queries} | {size / 1024:.0f} | {median:.1f} | {p95:.1f} "
            f"| {BUDGET_MS} | {'yes' if ok else 'NO'} |"
        )
    if not only:  # a partial run leaves the section as it is
        write_section("pages", lines)
    print("\n".join(lines))
    if failed:
        sys.exit(f"Over budget: {', '.join(failed)}")


if __name__ == "__main__":
    main()
