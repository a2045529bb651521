"""Benchmark: the public portal at scale.

Creates a throw-away test database (PostgreSQL when DATABASE_URL points at
it), fills it with N synthetic published campaigns across the Lai Châu tree,
and measures the server time of the pages people use most. Results are
written to docs/benchmarks.md.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua make bench
"""

from __future__ import annotations

import os
import sys
import time

from django.db import connection
from django.test import Client

from bench.harness import median_p95, throwaway_database, time_requests
from bench.report import write_section

N = int(os.environ.get("BENCH_CAMPAIGNS", "20000"))
RUNS = int(os.environ.get("BENCH_RUNS", "30"))
BUDGET_MS = {"home": 300, "search": 300, "filter": 300, "detail": 300, "pdf": 2000}


def populate() -> int:
    from campaigns.demo import load_seed_campaigns
    from campaigns.models import Campaign
    from units.demo import load_units
    from units.text import padded

    units = load_units()
    seeds = load_seed_campaigns(units)
    issuers = [u for u in units.values() if u.is_issuing_body]
    words = [
        "chuyển đổi số",
        "nông thôn mới",
        "văn hóa công sở",
        "cải cách hành chính",
        "giảm nghèo",
    ]
    rows = []
    template = seeds["002"]
    for i in range(N):
        c = Campaign.objects.get(pk=template.pk) if i == 0 else rows[0]
        row = Campaign(
            **{
                f.attname: getattr(c, f.attname)
                for f in Campaign._meta.concrete_fields
                if f.attname not in ("id",)
            }
        )
        row.issuer = issuers[i % len(issuers)]
        row.number = str(i + 1)
        row.subject = f"Phát động thi đua {words[i % len(words)]} đợt {i}"
        row.source = ""
        row.search_text = padded(f"{row.subject} {row.number} {row.issuer.name}")
        rows.append(row)
    Campaign.objects.bulk_create(rows, batch_size=2000)
    return seeds["002"].pk


def explain(sql_filter: str) -> str:
    if connection.vendor != "postgresql":
        return "(EXPLAIN only on PostgreSQL)"
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN SELECT id FROM campaigns_campaign WHERE search_text LIKE %s", [sql_filter]
        )
        return "\n".join(row[0] for row in cursor.fetchall())


def main() -> None:
    with throwaway_database():
        started = time.perf_counter()
        detail_pk = populate()
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("ANALYZE campaigns_campaign")
        fill_s = time.perf_counter() - started
        client = Client()
        pages = {
            "home": "/",
            "search": "/?q=chuyen+doi+so",
            "filter": "/?kind=regular&year=2024&status=da-ket-thuc",
            "detail": f"/phong-trao/{detail_pk}/",
            "pdf": f"/phong-trao/{detail_pk}/van-ban.pdf",
        }
        results = {name: time_requests(client, url, RUNS) for name, url in pages.items()}
        plans = {term: explain(f"%{term}%") for term in ("chuyen doi so", "dot 12345")}

    lines = [
        f"## Public portal with {N:,} published campaigns ({connection.vendor})".replace(",", "."),
        "",
        "Server time through Django's test client (no network), median and 95th percentile",
        f"of {RUNS} requests after one warm-up (`bench/portal.py`). Data generated in {fill_s:.1f} s.",
        "",
        "| page | median (ms) | p95 (ms) | budget (ms) | within budget |",
        "|---|---|---|---|---|",
    ]
    failed = []
    for name, times in results.items():
        median, p95 = median_p95(times)
        ok = p95 <= BUDGET_MS[name]
        failed += [] if ok else [name]
        lines.append(
            f"| {name} `{pages[name]}` | {median:.1f} | {p95:.1f} | {BUDGET_MS[name]} | "
            f"{'yes' if ok else 'NO'} |"
        )
    for term, plan in plans.items():
        lines += ["", f"Search plan for `search_text LIKE '%{term}%'`:", "", "```", plan, "```"]
    lines += [
        "",
        "A common phrase (a fifth of the rows) is read by a sequential scan, which the",
        "planner rightly prefers; a rare one uses the pg_trgm GIN index.",
        "",
    ]
    write_section("portal", lines)
    print("\n".join(lines))
    if failed:
        sys.exit(f"Over budget: {', '.join(failed)}")


if __name__ == "__main__":
    main()
