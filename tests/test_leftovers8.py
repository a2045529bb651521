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


# 4. A document dated after its body ended is refused -----------------------------------

ENDED = "UBND huyện Tam Đường đã kết thúc hoạt động từ 01/07/2025; nay thuộc UBND tỉnh Lai Châu"


@pytest.fixture
def ended_district(demo_units):
    """Tam Đường as the 2025 reform left it: its last day 30/06/2025, merged into the
    province (units/demo.py's REFORM_DISTRICT_UNITS)."""
    from units.models import Unit

    district, province = demo_units["ubnd-tam-duong"], demo_units["ubnd-tinh-lai-chau"]
    Unit.objects.filter(pk=district.pk).update(
        archived=True, ended_on=datetime.date(2025, 6, 30), merged_into=province
    )
    district.refresh_from_db()
    return district


def test_a_body_that_ended_makes_no_document_dated_after_its_end(ended_district, demo_units):
    assert ended_district.document_after_end_problem(datetime.date(2025, 6, 30)) == ""
    problem = ended_district.document_after_end_problem(datetime.date(2026, 12, 8))
    assert problem.startswith(ENDED + ". Văn bản lập ngày 08/12/2026 không ban hành")
    assert "UBND tỉnh Lai Châu lập văn bản dưới tên của mình" in problem
    assert demo_units["ubnd-tinh-lai-chau"].document_after_end_problem(datetime.date.today()) == ""


def test_the_fund_statement_of_an_ended_body_is_refused_and_the_successors_printed(
    client, ended_district, demo_units, make_member
):
    from awards.money_models import Fund
    from units.models import Membership

    province = demo_units["ubnd-tinh-lai-chau"]
    office = make_member("nv.tinh", province, Membership.Role.OFFICE_STAFF)
    old = Fund.objects.create(issuer=ended_district, year=2025)
    own = Fund.objects.create(issuer=province, year=2026)
    client.force_login(office)

    page = client.get(reverse("awards:fund_detail", args=[old.pk])).content.decode()
    assert ENDED in page  # said where the PDF link was
    assert reverse("awards:fund_pdf", args=[old.pk]) not in page
    response = client.get(reverse("awards:fund_pdf", args=[old.pk]), follow=True)
    assert response.headers["Content-Type"].startswith("text/html")
    assert ENDED in response.content.decode()  # refused, with the successor named

    response = client.get(reverse("awards:fund_pdf", args=[own.pk]))
    assert response.headers["Content-Type"] == "application/pdf"  # the living body prints

    # the office of another district reads neither
    other = make_member("nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF)
    client.force_login(other)
    assert client.get(reverse("awards:fund_pdf", args=[old.pk])).status_code == 404


def test_the_final_review_of_an_ended_bodys_campaign_is_refused(
    client, demo, ended_district, demo_units, make_member
):
    from units.models import FileJob, Membership

    office = make_member("nv.tinh", demo_units["ubnd-tinh-lai-chau"], Membership.Role.OFFICE_STAFF)
    campaign = demo["000"]
    assert campaign.issuer_id == ended_district.pk
    client.force_login(office)
    url = reverse("awards:campaign_awards", args=[campaign.pk])
    page = client.get(url).content.decode()
    assert ENDED in page and "Tạo báo cáo tổng kết (PDF)" not in page
    response = client.post(url, {"narrative": "Phong trào được triển khai."}, follow=True)
    assert ENDED in response.content.decode()
    assert not FileJob.objects.exists()  # nothing made


# 5. Paying beyond the fund's balance needs the issuer's confirmation -------------------

OVER = 1_234_567


@pytest.fixture
def short_draft(cycle):
    """A draft paying 1.234.567 đồng more than the district's fund of this year holds."""
    from django.utils import timezone

    from awards import money, services
    from tests.factories import passed_nominations

    draft = services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject="Về việc tặng danh hiệu Lao động tiên tiến",
        nominations=passed_nominations(cycle, 2),
    )
    total = money.decision_fund_preview(draft)["total"]
    assert total > OVER
    today = timezone.localdate()
    money.fund_entry_add(
        actor=cycle["office"],
        issuer=cycle["district"],
        year=today.year,
        kind="budget",
        amount=total - OVER,
        on=today,
        description="Dự toán được giao",
    )
    return draft


def test_paying_beyond_the_fund_is_refused_beside_the_box_without_the_confirmation(
    client, cycle, short_draft
):
    from awards.models import AwardGrant
    from awards.money_models import FundEntry

    client.force_login(cycle["office"])
    url = reverse("awards:decision_detail", args=[short_draft.pk])
    page = client.get(url).content.decode()
    assert "Tôi xác nhận chi vượt số dư quỹ 1.234.567 đồng" in page
    assert 'name="overspend"' in page

    response = client.post(reverse("awards:decision_issue", args=[short_draft.pk]), {})
    assert response.status_code == 200
    errors = response.context["issue_form"].errors["overspend"]
    assert "chi vượt số dư quỹ 1.234.567 đồng" in errors[0]
    assert 'field--error"' in response.content.decode()
    short_draft.refresh_from_db()
    assert short_draft.status == Decision.Status.DRAFT and short_draft.number is None
    assert not AwardGrant.objects.filter(decision=short_draft).exists()
    assert not FundEntry.objects.filter(kind=FundEntry.Kind.PAYOUT).exists()  # nothing written


def test_paying_beyond_the_fund_with_the_confirmation_is_recorded_on_the_history(
    client, cycle, short_draft
):
    from awards import money

    client.force_login(cycle["office"])
    response = client.post(
        reverse("awards:decision_issue", args=[short_draft.pk]), {"overspend": "on"}
    )
    assert response.status_code == 302
    short_draft.refresh_from_db()
    assert short_draft.status == Decision.Status.ISSUED
    reasons = list(short_draft.history.values_list("history_change_reason", flat=True))
    assert "Ban hành; xác nhận chi vượt số dư quỹ 1.234.567 đồng" in reasons
    assert money.fund_balance(cycle["district"], short_draft.year) == -OVER


def test_a_fund_that_holds_the_amounts_asks_for_no_confirmation(client, cycle, short_draft):
    from django.utils import timezone

    from awards import money, services

    today = timezone.localdate()
    with pytest.raises(Exception, match="chi vượt số dư quỹ 1.234.567 đồng"):
        services.decision_issue(actor=cycle["office"], decision=short_draft)
    money.fund_entry_add(
        actor=cycle["office"],
        issuer=cycle["district"],
        year=today.year,
        kind="income",
        amount=OVER,
        on=today,
        description="Thu khác",
    )
    client.force_login(cycle["office"])
    page = client.get(reverse("awards:decision_detail", args=[short_draft.pk])).content.decode()
    assert 'name="overspend"' not in page
    services.decision_issue(actor=cycle["office"], decision=short_draft)
    assert money.fund_balance(cycle["district"], today.year) == 0
