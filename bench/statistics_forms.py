"""Benchmark: a province's yearly statistical forms (issue 13) at province scale.

The synthetic province (bench/synthetic.py: generate() then generate_public(): 500
communes, 50,000 persons, 20,200 campaigns over ten years, 400 decisions and 40,000
grants). The synthetic register holds no award at State level, so every tenth “Chiến sĩ
thi đua cơ sở” (in no form's columns) becomes one of the State-level individual awards,
for 0602 to count something. Times, for the province and one year, each form's figures
(one aggregate query),
the same with its xlsx built, and the whole page download through the test client;
writes its section of docs/benchmarks.md. Budget: under 1 s each.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua .venv/bin/python -m bench.statistics_forms
"""

from __future__ import annotations

import io
import os
import sys
import time

from bench.harness import median_p95, throwaway_database, time_requests
from bench.report import write_section

RUNS = int(os.environ.get("BENCH_RUNS", "20"))
BUDGET_MS = 1000
YEAR = 2020


def timed(fn, runs: int) -> list[float]:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def national_awards() -> int:
    """Every tenth grant of “Chiến sĩ thi đua cơ sở” becomes a State-level award (the
    individual ones in turn), so that 0602 has figures; 0601 and 0603 are unchanged."""
    from awards.models import AwardGrant, AwardType

    kinds = list(
        AwardType.objects.filter(level="national", recipient_kind="individual").order_by("code")
    )
    ids = list(
        AwardGrant.objects.filter(award_type__code="cstd-co-so")
        .order_by("pk")
        .values_list("pk", flat=True)
    )[::10]
    for n, kind in enumerate(kinds):
        AwardGrant.objects.filter(pk__in=ids[n :: len(kinds)]).update(award_type=kind)
    return len(ids)


def main() -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from awards import official_stats
    from bench.synthetic import generate, generate_public
    from units.models import Unit

    with throwaway_database():
        started = time.perf_counter()
        generate()
        sizes = generate_public()
        sizes["khen thưởng cấp Nhà nước"] = national_awards()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        fill_s = time.perf_counter() - started
        province = Unit.objects.get(code="tinh-mau")
        admin = get_user_model().objects.create_superuser("bench", "b@example.vn", "x")
        client = Client()
        client.force_login(admin)
        results = []
        for key in official_stats.FORMS:
            data = official_stats.form_data(key, province, YEAR)
            total = data["lines"][0]["cells"][0]
            figures = timed(lambda key=key: official_stats.form_data(key, province, YEAR), RUNS)

            def with_xlsx(key=key):
                book = official_stats.form_workbook(official_stats.form_data(key, province, YEAR))
                book.save(io.BytesIO())

            url = reverse("awards:statistics_forms")
            query = f"?bieu={key}&issuer={province.pk}&nam={YEAR}&xuat=xlsx"
            results.append((key, total, "figures (one query)", median_p95(figures)))
            results.append((key, total, "figures + xlsx built", median_p95(timed(with_xlsx, RUNS))))
            results.append(
                (
                    key,
                    total,
                    "xlsx download (page)",
                    median_p95(time_requests(client, url + query, RUNS)),
                )
            )
    lines = [
        f"## Yearly statistical forms of a province ({connection.vendor})",
        "",
        f"Synthetic data (`bench/synthetic.py`, generate() and generate_public(), in {fill_s:.0f} s): "
        "501 units, 50.000 persons, "
        + ", ".join(f"{value:,} {name}".replace(",", ".") for name, value in sizes.items())
        + f". The province's forms for {YEAR}, {RUNS} runs after one warm-up.",
        "",
        "| form | total (cell 01, column 1) | what | median (ms) | p95 (ms) | budget (ms) | within |",
        "|---|---|---|---|---|---|---|",
    ]
    over = False
    for key, total, what, (median, p95) in results:
        ok = p95 <= BUDGET_MS
        over = over or not ok
        lines.append(
            f"| {official_stats.FORMS[key].code} | {total} | {what} | {median:.1f} | {p95:.1f} "
            f"| {BUDGET_MS} | {'yes' if ok else 'NO'} |"
        )
    write_section("statistics_forms", lines)
    print("\n".join(lines))
    if over:
        sys.exit("Over budget")


if __name__ == "__main__":
    main()
