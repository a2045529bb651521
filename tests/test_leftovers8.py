"""Leftovers of decisions 0085-0087 (decision 0089): the decision lists name the whole
chain of amendments; official statistics follow a chain of any length; a document dated
after its body ended is refused; paying more than the fund holds needs the issuer's
confirmation."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import Decision
from tests.test_decision_amend import _amend, issued  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


# 1. The decision lists name the whole chain -------------------------------------------


def _chain_of_three(cycle, issued):  # noqa: F811
    second = _amend(cycle, issued, "Lò Văn Một")
    third = _amend(cycle, second, "Lò Văn Mốt")
    return second, third


def _dated(decision: Decision) -> str:
    return f"Quyết định số {decision.number_symbol} ngày {decision.issued_on:%d/%m/%Y}"


def test_the_decision_lists_and_the_export_name_every_amendment_and_the_list_in_force(
    client,
    cycle,
    issued,  # noqa: F811
):
    second, third = _chain_of_three(cycle, issued)
    whole = f"Đã được sửa đổi, bổ sung bởi {_dated(second)}; {_dated(third)}"
    client.force_login(cycle["office"])
    staff = client.get(reverse("awards:decision_list")).content.decode()
    assert whole in staff  # the first decision's line names both
    assert f"Đã được sửa đổi, bổ sung bởi {_dated(third)}</strong>" in staff  # the second's
    in_force = (
        f'danh sách khen thưởng hiện hành theo <a href="'
        f'{reverse("awards:decision_detail", args=[third.pk])}" data-in-force>'
        f"Quyết định số {third.number_symbol}</a>"
    )
    assert staff.count(in_force) == 2

    cache.clear()
    public = client.get(reverse("awards_public:decision_list")).content.decode()
    assert whole in public
    assert (
        public.count(reverse("awards_public:decision_detail", args=[third.pk]) + '" data-in') == 2
    )

    response = client.get(reverse("awards:decision_list"), {"xuat": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    by, now = (
        header.index("Đã được sửa đổi, bổ sung bởi"),
        header.index("Danh sách khen thưởng hiện hành theo"),
    )
    first_row = next(r for r in rows[1:] if r[0] == issued.pk)
    assert first_row[by] == (
        f"{second.number_symbol} ngày {second.issued_on:%d/%m/%Y}; "
        f"{third.number_symbol} ngày {third.issued_on:%d/%m/%Y}"
    )
    assert first_row[now] == third.number_symbol
    last_row = next(r for r in rows[1:] if r[0] == third.pk)
    assert last_row[by] in (None, "") and last_row[now] in (None, "")


def _decisions(cycle, count: int, start: int) -> None:
    """`count` issued decisions of the district, in chains of up to four links."""
    previous = None
    for i in range(count):
        previous = Decision.objects.create(
            issuer=cycle["district"],
            year=2026,
            number=start + i,
            issued_on=datetime.date(2026, 1, 5),
            subject=f"Về việc tặng giấy khen {i}",
            status=Decision.Status.ISSUED,
            amends=previous if i % 4 else None,
        )


def _count(client, url) -> tuple[int, str]:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content


def test_the_decision_lists_queries_do_not_grow_with_the_decisions(
    client, cycle, django_assert_max_num_queries
):
    client.force_login(cycle["office"])
    _decisions(cycle, 2, start=1)
    urls = [
        reverse("awards:decision_list"),
        reverse("awards_public:decision_list"),
        reverse("awards:decision_list") + "?xuat=xlsx",
    ]
    counts = [_count(client, url)[0] for url in urls]
    _decisions(cycle, 18, start=3)  # 20 now, chains of four
    for url, count in zip(urls, counts, strict=True):
        cache.clear()
        with django_assert_max_num_queries(count):
            content = client.get(url).content
        if "xlsx" not in url:
            # three amended links per chain of four; the two first decisions made a chain
            # of two: 1 + 3 * 4 + 2 (the last chain, 19 and 20, has two links)
            assert content.decode().count("Đã được sửa đổi, bổ sung bởi") == 1 + 3 * 4 + 1
            assert content.decode().count("data-in-force") == 1 + 3 * 4 + 1
            # the first of a chain of four names the three after it
            assert "2026; Quyết định số 06/QĐ-UBND ngày 05/01/2026" in content.decode()


# 2. Official statistics follow a chain of any length -----------------------------------


def test_official_statistics_follow_a_chain_of_six_amendments(cycle):
    from awards import services
    from awards.official_stats import grants_of
    from tests.factories import passed_nominations

    first = services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject="Về việc tặng danh hiệu Lao động tiên tiến",
        nominations=passed_nominations(cycle, 2),
    )
    services.decision_issue(
        actor=cycle["office"], decision=first, issued_on=datetime.date(2025, 3, 10)
    )
    latest = first
    for i in range(6):  # six corrections, each of the one before (0078 followed four)
        latest = _amend(cycle, latest, f"Lò Văn Một lần {i + 1}")
    assert latest.issued_on.year > 2025
    names = sorted(g.awardee_name for g in grants_of(cycle["district"], 2025))
    assert names == ["Lò Văn 02", "Lò Văn Một lần 6"]
    assert not grants_of(cycle["district"], latest.issued_on.year).exists()
