"""Benchmark: the campaign dashboard at province scale.

A synthetic province (bench/synthetic.py data): 500 units in 20 blocs, 50,000
persons, 200 campaigns with criteria, registrations, result reports and
nominations. Measures the dashboard's server time for the busiest campaign and
writes its section of docs/benchmarks.md. Goal: under 300 ms on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua .venv/bin/python -m bench.dashboard
"""

from __future__ import annotations

import os
import sys
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse

from bench.harness import median_p95, throwaway_database, time_requests
from bench.report import write_section
from bench.synthetic import generate

RUNS = int(os.environ.get("BENCH_RUNS", "20"))
BUDGET_MS = 300


def main() -> None:
    with throwaway_database():
        started = time.perf_counter()
        sizes = generate()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        fill_s = time.perf_counter() - started
        admin = get_user_model().objects.create_superuser("bench", "b@example.vn", "x")
        client = Client()
        client.force_login(admin)
        url = reverse("tracking:campaign_results", args=[sizes["campaign_id"]])
        times = time_requests(client, url, RUNS)
    median, p95 = median_p95(times)
    lines = [
        f"## Campaign dashboard at province scale ({connection.vendor})",
        "",
        f"Synthetic data (`bench/synthetic.py`, generated in {fill_s:.0f} s): "
        + ", ".join(
            f"{value:,} {name}".replace(",", ".")
            for name, value in sizes.items()
            if name != "campaign_id"
        )
        + ".",
        "",
        f"`bench/dashboard.py`: {RUNS} requests after one warm-up, server time through the test client.",
        "",
        "| page | median (ms) | p95 (ms) | budget (ms) | within budget |",
        "|---|---|---|---|---|",
        f"| campaign dashboard | {median:.1f} | {p95:.1f} | {BUDGET_MS} | {'yes' if p95 <= BUDGET_MS else 'NO'} |",
    ]
    write_section("dashboard", lines)
    print("\n".join(lines))
    if p95 > BUDGET_MS:
        sys.exit("Over budget")


if __name__ == "__main__":
    main()
