"""Reward amounts (issue 13): each title's amount by hand, the rounding, the base salary
and decree in force on the decision date; the fund booked on issue and given back on a
revocation; the fund's pages for its own office only."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from awards import money, pdf, services
from awards.models import AwardType, BaseSalary, Fund, FundEntry, GrantRevocation
from tests.factories import passed_nominations
from units.models import Membership

pytestmark = pytest.mark.django_db

D = datetime.date
AFTER_152 = D(2025, 12, 26)  # Nghị định 152/2025 in force, base salary 2,340,000
UNDER_98 = D(2024, 3, 1)  # Nghị định 98/2023 in force, base salary 1,800,000

# hand-computed: multiple × base salary, rounded up to the next 10,000 đồng
AMOUNTS_2025 = {
    "cstd-toan-quoc": 10_530_000,  # 4.5 × 2,340,000
    "cstd-tinh": 7_020_000,  # 3.0 ×
    "cstd-co-so": 2_340_000,  # 1.0 ×
    "lao-dong-tien-tien": 710_000,  # 0.3 × = 702,000 → up to 710,000
    "chien-si-tien-tien": 710_000,
    "co-thi-dua-chinh-phu": 28_080_000,  # 12 ×
    "tap-the-ldxs": 3_510_000,  # 1.5 ×
    "don-vi-quyet-thang": 3_510_000,
    "tap-the-ldtt": 1_880_000,  # 0.8 × = 1,872,000 → up to 1,880,000
    "don-vi-tien-tien": 1_880_000,
}
AMOUNTS_2024 = {
    "cstd-toan-quoc": 8_100_000,  # 4.5 × 1,800,000
    "cstd-tinh": 5_400_000,
    "cstd-co-so": 1_800_000,
    "lao-dong-tien-tien": 540_000,
    "co-thi-dua-chinh-phu": 21_600_000,
    "tap-the-ldxs": 2_700_000,
    "tap-the-ldtt": 1_440_000,
}


def test_rounding_rule_rounds_to_the_unit_as_the_decree_says():
    assert money.rounded(Decimal("1872000"), unit=10_000, mode="up") == 1_880_000
    assert money.rounded(Decimal("1872000"), unit=10_000, mode="down") == 1_870_000
    assert money.rounded(Decimal("1875000"), unit=10_000, mode="nearest") == 1_880_000
    assert money.rounded(Decimal("1870000"), unit=10_000, mode="up") == 1_870_000


def test_702000_is_rounded_up_to_tens_of_thousands():
    """0.3 × 2,340,000 = 702,000 đồng: “làm tròn số lên hàng chục nghìn đồng” gives 710,000."""
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    assert money.quote(ldtt, AFTER_152).amount == 710_000


@pytest.mark.parametrize("code,expected", sorted(AMOUNTS_2025.items()))
def test_each_title_amount_after_decree_152(code, expected):
    q = money.quote(AwardType.objects.get(code=code), AFTER_152)
    assert (q.base_salary, q.amount) == (2_340_000, expected)
    assert q.decree.code == "nd-152-2025"


@pytest.mark.parametrize("code,expected", sorted(AMOUNTS_2024.items()))
def test_each_title_amount_under_decree_98(code, expected):
    q = money.quote(AwardType.objects.get(code=code), UNDER_98)
    assert (q.base_salary, q.amount, q.decree.code) == (1_800_000, expected, "nd-98-2023")


def test_a_decision_on_each_side_of_the_base_salary_change():
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    assert money.quote(ldtt, D(2024, 6, 30)).amount == 540_000  # 0.3 × 1,800,000
    assert money.quote(ldtt, D(2024, 7, 1)).amount == 710_000  # 0.3 × 2,340,000 = 702,000 ↑


def test_the_decree_in_force_decides_the_multiple():
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    decree_152 = money.decree_on(D(2025, 7, 1))
    decree_152.multiples.filter(award_type=ldtt).update(multiple=Decimal("0.5"))
    assert money.quote(ldtt, D(2025, 6, 30)).multiple == Decimal("0.3")  # Nghị định 98/2023
    assert money.quote(ldtt, D(2025, 7, 1)).amount == 1_170_000  # 0.5 × 2,340,000


def test_the_base_salary_of_decree_161_2026_applies_from_1_7_2026():
    """Khoản 2 Điều 3 Nghị định 161/2026/NĐ-CP: 2.530.000 đồng/tháng from 01/7/2026.
    0,3 × 2.530.000 = 759.000 → 760.000; 3,0 × 2.530.000 = 7.590.000."""
    assert money.base_salary_on(D(2026, 7, 1)).legal_basis.startswith(
        "Khoản 2 Điều 3 Nghị định 161/2026/NĐ-CP"
    )
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    assert money.quote(ldtt, D(2026, 6, 30)).amount == 710_000  # 0,3 × 2.340.000 = 702.000 ↑
    assert money.quote(ldtt, D(2026, 7, 1)).amount == 760_000  # 0,3 × 2.530.000 = 759.000 ↑
    cstd = AwardType.objects.get(code="cstd-tinh")
    assert money.quote(cstd, D(2026, 7, 1)).amount == 7_590_000


def test_rates_are_data_a_new_base_salary_changes_later_amounts():
    BaseSalary.objects.create(
        amount=2_700_000, effective_from=D(2027, 7, 1), legal_basis="Nghị định (thử)"
    )
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    assert money.quote(ldtt, D(2027, 6, 30)).amount == 760_000
    assert money.quote(ldtt, D(2027, 7, 1)).amount == 810_000  # 0,3 × 2.700.000 = 810.000


def test_no_amount_without_a_multiple_or_before_any_decree():
    giay_khen = AwardType.objects.get(code="giay-khen-xa-tap-the")  # no multiple read
    assert money.quote(giay_khen, AFTER_152).amount is None
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    assert money.quote(ldtt, D(2023, 12, 31)).amount is None  # before Nghị định 98/2023


# The fund ---------------------------------------------------------------------


def budget(cycle, amount: int, year: int = 2025):
    return money.fund_entry_add(
        actor=cycle["office"],
        issuer=cycle["district"],
        year=year,
        kind=FundEntry.Kind.BUDGET,
        amount=amount,
        on=D(year, 1, 15),
        description="Dự toán năm",
    )


def issue(cycle, nominations, on=AFTER_152, overspend=False):
    decision = services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject="Về việc tặng danh hiệu Lao động tiên tiến",
        nominations=nominations,
    )
    return services.decision_issue(
        actor=cycle["office"], decision=decision, issued_on=on, overspend=overspend
    )


def test_issuing_books_each_grant_and_a_revocation_gives_it_back(cycle):
    budget(cycle, 5_000_000)
    decision = issue(cycle, passed_nominations(cycle, 3))
    fund = Fund.objects.get(issuer=cycle["district"], year=2025)
    payouts = list(fund.entries.filter(kind="payout"))
    assert [e.amount for e in payouts] == [-710_000] * 3
    assert {e.grant.decision_id for e in payouts} == {decision.pk}
    assert money.fund_balance(cycle["district"], 2025) == 5_000_000 - 3 * 710_000  # 2,870,000

    grant = decision.grants.first()
    money.grant_revoke(
        document_number="12/QĐ-UBND",
        document_date=timezone.localdate(),
        actor=cycle["office"],
        grant=grant,
        reason="Kỷ luật",
        on=D(2026, 1, 5),
    )
    assert money.fund_balance(cycle["district"], 2025) == 2_870_000 + 710_000
    reversal = fund.entries.get(kind="reversal")
    assert reversal.reverses.grant == grant and reversal.amount == 710_000
    assert fund.entries.count() == 5  # budget, 3 payouts, 1 reversal: nothing rewritten
    figures = money.fund_figures(fund)
    assert (figures["budget"], figures["paid_out"], figures["balance"]) == (
        5_000_000,
        1_420_000,
        3_580_000,
    )
    with pytest.raises(ValidationError):
        money.grant_revoke(
            document_number="12/QĐ-UBND",
            document_date=timezone.localdate(),
            actor=cycle["office"],
            grant=grant,
            reason="lần hai",
        )
    assert fund.entries.count() == 5


def test_another_office_cannot_revoke_or_write_to_the_fund(cycle, demo_units, make_member):
    other = make_member("nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF)
    decision = issue(cycle, passed_nominations(cycle, 1))
    with pytest.raises(PermissionDenied):
        money.grant_revoke(
            document_number="12/QĐ-UBND",
            document_date=timezone.localdate(),
            actor=other,
            grant=decision.grants.get(),
            reason="x",
        )
    with pytest.raises(PermissionDenied):
        money.fund_entry_add(
            actor=other,
            issuer=cycle["district"],
            year=2025,
            kind="budget",
            amount=1,
            on=D(2025, 1, 1),
            description="x",
        )
    assert not GrantRevocation.objects.exists()


def test_issue_fails_whole_no_payout_without_the_decision(cycle, monkeypatch):
    """The booking runs in the issue's transaction: a failure after it leaves no line."""
    nominations = passed_nominations(cycle, 1)
    decision = services.decision_draft(
        actor=cycle["office"], issuer=cycle["district"], subject="x", nominations=nominations
    )

    def broken(decision):
        raise RuntimeError("PDF hỏng")

    monkeypatch.setattr(services, "_freeze_decision", broken)
    with pytest.raises(RuntimeError):
        services.decision_issue(actor=cycle["office"], decision=decision, issued_on=AFTER_152)
    assert not FundEntry.objects.exists()


def test_annex_and_decision_page_show_amounts_total_and_the_warning(client, cycle):
    budget(cycle, 1_000_000, year=datetime.date.today().year)
    nominations = passed_nominations(cycle, 2)
    draft = services.decision_draft(
        actor=cycle["office"], issuer=cycle["district"], subject="x", nominations=nominations
    )
    client.force_login(cycle["office"])
    page = client.get(reverse("awards:decision_detail", args=[draft.pk])).content.decode()
    amount = money.quote(AwardType.objects.get(code="lao-dong-tien-tien"), datetime.date.today())
    each = money.vnd(amount.amount)
    assert page.count(f">{each}<") == 2
    assert money.vnd(2 * amount.amount) in page
    assert ("data-fund-warning" in page) == (2 * amount.amount > 1_000_000)

    decision = services.decision_issue(actor=cycle["office"], decision=draft, issued_on=AFTER_152)
    html = pdf.decision_html(decision)
    assert "Số tiền (đồng)" in html and "710.000" in html and "1.420.000" in html
    text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(pdf.decision_pdf(decision))).pages
    )
    assert "1.420.000" in text
    page = client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert "1.420.000" in page and "Thu hồi" in page


def test_fund_pages_are_for_the_office_of_the_issuer_only(client, cycle, demo_units, make_member):
    budget(cycle, 5_000_000)
    issue(cycle, passed_nominations(cycle, 2))
    fund = Fund.objects.get(issuer=cycle["district"], year=2025)
    url = reverse("awards:fund_detail", args=[fund.pk])

    other = make_member("nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF)
    client.force_login(other)
    assert client.get(url).status_code == 404
    assert (
        client.post(
            url, {"kind": "income", "amount": "9", "on": "01/02/2025", "description": "x"}
        ).status_code
        == 404
    )
    assert client.get(reverse("awards:fund_pdf", args=[fund.pk])).status_code == 404
    assert "UBND huyện Tam Đường" not in client.get(reverse("awards:fund_list")).content.decode()
    assert fund.entries.count() == 3

    client.force_login(cycle["office"])
    page = client.get(url).content.decode()
    assert "3.580.000" in page  # 5,000,000 − 2 × 710,000
    response = client.post(
        url, {"kind": "income", "amount": "abc", "on": "31/02/2025", "description": "Tài trợ"}
    )
    page = response.content.decode()
    assert "Ghi số tiền bằng chữ số" in page
    assert "Ngày 31/02/2025 không có: tháng 2 năm 2025 có 28 ngày." in page
    response = client.post(
        url, {"kind": "income", "amount": "420000", "on": "01/03/2024", "description": "Tài trợ"}
    )
    assert "Ngày ghi phải thuộc năm 2025" in response.content.decode()
    response = client.post(
        url, {"kind": "income", "amount": "420000", "on": "01/03/2025", "description": "Tài trợ"}
    )
    assert response.status_code == 302 and money.fund_balance(cycle["district"], 2025) == 4_000_000

    book = load_workbook(io.BytesIO(client.get(url + "?xuat=xlsx").content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][-1] == "Số dư (đồng)" and rows[-1][-1] == 4_000_000
    assert [r[-3] for r in rows[1:]] == [5_000_000, 420_000, 0, 0]  # in date order
    pdf_text = PdfReader(io.BytesIO(client.get(reverse("awards:fund_pdf", args=[fund.pk])).content))
    text = " ".join(p.extract_text() for p in pdf_text.pages)
    assert "Quỹ thi đua, khen thưởng năm 2025" in text and "4.000.000" in text


def test_a_revoked_grant_from_the_page(client, cycle, demo_units, make_member):
    decision = issue(cycle, passed_nominations(cycle, 1))
    grant = decision.grants.get()
    url = reverse("awards:grant_revoke", args=[decision.pk, grant.pk])
    other = make_member("nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF)
    client.force_login(other)
    assert client.post(url, {"reason": "x"}).status_code == 404
    client.force_login(cycle["office"])
    client.post(
        url,
        {
            "reason": "Phát hiện vi phạm",
            "document_number": "12/QĐ-UBND",
            "document_date": timezone.localdate().strftime("%d/%m/%Y"),
        },
    )
    assert GrantRevocation.objects.get().grant == grant
    assert money.fund_balance(cycle["district"], 2025) == 0


def test_money_spent_per_campaign_and_award_type_in_the_dashboard_and_report(cycle, demo):
    from awards.dashboard import campaign_dashboard, dashboard_workbook
    from awards.models import Nomination
    from tests.factories import nominate
    from units.models import Person

    campaign = demo["000"]
    people = [
        Person.objects.create(full_name=f"Lò Văn {i}", unit=cycle["commune"]) for i in range(3)
    ]
    nominations = [nominate(cycle, person=p, campaign=campaign) for p in people[:2]]
    nominations.append(nominate(cycle, person=people[2], code="cstd-co-so", campaign=campaign))
    Nomination.objects.filter(pk__in=[n.pk for n in nominations]).update(
        status=Nomination.Status.PASSED, issuer=cycle["district"]
    )
    decision = issue(cycle, nominations)
    ldtt = decision.grants.filter(award_type__code="lao-dong-tien-tien").first()
    money.grant_revoke(
        document_number="12/QĐ-UBND",
        document_date=timezone.localdate(),
        actor=cycle["office"],
        grant=ldtt,
        reason="x",
    )

    data = campaign_dashboard(campaign)
    by_type = {r["label"]: r["amount"] for r in data["money_by_type"]}
    # 2 × 710,000 less one revoked; 1 × 2,340,000
    assert by_type == {"Lao động tiên tiến": 710_000, "Chiến sĩ thi đua cơ sở": 2_340_000}
    assert data["money_total"] == 3_050_000
    assert data["money_by_campaign"] == [{"label": campaign.subject, "amount": 3_050_000}]
    sheet = dashboard_workbook(data)["Tiền thưởng"]
    assert [c.value for c in sheet[2]] == ["Chiến sĩ thi đua cơ sở", 2_340_000]

    report = pdf.final_review_pdf(campaign, data, "Tổng kết.")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(report)).pages)
    text = " ".join(text.split())
    assert "tiền thưởng đã chi 3.050.000 đồng" in text
    assert "Chiến sĩ thi đua cơ sở 2.340.000" in text and "Tổng cộng 3.050.000" in text


def test_the_demo_pays_its_decision_from_the_citys_fund(settings):
    from django.core.management import call_command

    from units.models import Unit

    settings.THIDUA_DEMO = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    call_command("load_demo", stdout=open("/dev/null", "w"))
    city = Unit.objects.get(code="ubnd-tp-lai-chau")
    # budget 30,000,000 + gift 5,000,000 − (2 × 710,000 + 1,880,000)
    assert money.fund_balance(city, 2024) == 31_700_000  # the city's last year-end cycle
    assert FundEntry.objects.count() == 5


@pytest.mark.parametrize("years", [1, 10])
def test_fund_pages_queries_do_not_grow_with_funds_or_lines(
    client, cycle, years, django_assert_max_num_queries
):
    """The fund list reads every year's figures in one query; a ledger of 10 times the
    lines costs the same queries."""
    for year in range(2025 - years + 1, 2026):
        for _ in range(3):
            budget(cycle, 1_000_000, year=year)
    # beyond the budgets: the issuer confirms it (decision 0089)
    issue(cycle, passed_nominations(cycle, years), overspend=True)
    client.force_login(cycle["office"])
    with django_assert_max_num_queries(12):
        page = client.get(reverse("awards:fund_list")).content.decode()
    assert page.count("3.000.000") >= years
    fund = Fund.objects.get(issuer=cycle["district"], year=2025)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("awards:fund_detail", args=[fund.pk])).status_code == 200


def test_a_revoked_grant_leaves_the_honour_roll_statistics_and_eligibility(client, cycle):
    from awards.eligibility import checklist
    from tests.factories import nominate

    decision = issue(cycle, passed_nominations(cycle, 2))
    kept, revoked = decision.grants.order_by("pk")
    money.grant_revoke(
        document_number="12/QĐ-UBND",
        document_date=timezone.localdate(),
        actor=cycle["office"],
        grant=revoked,
        reason="Vi phạm",
    )
    page = client.get(reverse("awards_public:honour_roll")).content.decode()
    assert kept.awardee_name in page and revoked.awardee_name not in page

    client.force_login(cycle["office"])
    page = client.get(reverse("awards:statistics")).content.decode()
    assert "Tổng số lượt: <strong>1</strong>" in page
    again = nominate(cycle, person=revoked.person)  # the same title, the same year
    duplicate = next(c for c in checklist(again) if c.label == "Trùng lặp")
    assert duplicate.level == "ok"  # the revoked award is no longer held


def test_a_type_without_a_decree_row_falls_back_to_its_own_default_multiple():
    bang_khen = AwardType.objects.get(code="bang-khen-tinh-tap-the")  # no decree row
    assert money.quote(bang_khen, AFTER_152).amount is None
    AwardType.objects.filter(pk=bang_khen.pk).update(reward_multiple=Decimal("3.0"))
    assert money.quote(bang_khen, AFTER_152).amount == 7_020_000  # 3,0 × 2.340.000


def test_a_budget_line_written_by_mistake_is_cancelled_once_by_its_office_only(
    cycle, demo_units, make_member
):
    """A mistyped budget is cancelled by a line of the same kind and the opposite amount,
    with the reason, pointing to it; both stay. A payout, a cancelling line or a line
    cancelled already are refused, as is another office, and nothing is written then."""
    wrong = budget(cycle, 500_000_000)
    fund = wrong.fund
    other = make_member("nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF)
    with pytest.raises(PermissionDenied):
        money.fund_entry_cancel(actor=other, entry=wrong, reason="x")
    with pytest.raises(ValidationError):
        money.fund_entry_cancel(actor=cycle["office"], entry=wrong, reason="  ")
    cancel = money.fund_entry_cancel(actor=cycle["office"], entry=wrong, reason="Ghi nhầm số tiền")
    assert (cancel.kind, cancel.amount, cancel.reverses) == ("budget", -500_000_000, wrong)
    assert cancel.on == D(2025, 12, 31)  # the fund's year is gone by: its last day
    assert "Hủy dòng ghi sai ngày 15/01/2025" in cancel.description
    assert "Ghi nhầm số tiền" in cancel.description
    assert (cancel.money_in, cancel.money_out) == (-500_000_000, 0)  # in the Thu column
    assert money.fund_figures(fund)["budget"] == 0
    for again in (wrong, cancel):
        with pytest.raises(ValidationError):
            money.fund_entry_cancel(actor=cycle["office"], entry=again, reason="lần hai")
    # the budget cancelled: paying is an overspend the issuer confirms (decision 0089)
    decision = issue(cycle, passed_nominations(cycle, 1), overspend=True)
    payout = FundEntry.objects.get(grant__decision=decision, kind="payout")
    with pytest.raises(ValidationError):
        money.fund_entry_cancel(actor=cycle["office"], entry=payout, reason="x")
    assert fund.entries.count() == 3  # the budget, its cancel, the payout
    assert [r["cancellable"] for r in money.ledger(fund)] == [False, False, False]


def test_a_fund_line_is_cancelled_from_the_page_of_its_own_fund_only(
    client, cycle, demo_units, make_member
):
    """Hủy dòng ghi sai: another office finds no such fund; a line of another fund, posted
    to this fund's address, is refused; nothing is written either way."""
    wrong = budget(cycle, 500_000_000)
    url = reverse("awards:fund_entry_cancel", args=[wrong.fund.pk])
    other = make_member("nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF)
    their_line = money.fund_entry_add(
        actor=other,
        issuer=demo_units["ubnd-tan-uyen"],
        year=2025,
        kind=FundEntry.Kind.BUDGET,
        amount=9,
        on=D(2025, 1, 2),
        description="x",
    )
    client.force_login(other)
    assert client.post(url, {"entry": wrong.pk, "reason": "x"}).status_code == 404
    client.force_login(cycle["office"])
    response = client.post(url, {"entry": their_line.pk, "reason": "x"}, follow=True)
    assert "Dòng này không hủy được" in response.content.decode()
    assert not FundEntry.objects.filter(reverses__isnull=False).exists()
    client.post(url, {"entry": wrong.pk, "reason": "Ghi nhầm số tiền"})
    assert FundEntry.objects.get(reverses=wrong).amount == -500_000_000


def test_a_fund_line_cancel_sent_twice_writes_one_cancel_line(client, cycle):
    """Hủy dòng ghi sai sent twice (a double click, Back then send again): the form's
    one-time token lets the first through; the second writes nothing and says so."""
    import re

    from units.once import ALREADY_SAVED

    wrong = budget(cycle, 500_000_000)
    client.force_login(cycle["office"])
    page = client.get(reverse("awards:fund_detail", args=[wrong.fund.pk])).content.decode()
    action = reverse("awards:fund_entry_cancel", args=[wrong.fund.pk])
    form = page[page.index(f'action="{action}"') :]
    form = form[: form.index("</form>")]
    token = re.search(r'name="_once" value="([0-9a-f-]+)"', form)
    assert token, "the cancel form carries a one-time token"
    data = {"entry": wrong.pk, "reason": "Ghi nhầm số tiền", "_once": token.group(1)}
    first = client.post(action, data, follow=True)
    assert "Đã hủy dòng ghi sai" in first.content.decode()
    second = client.post(action, data, follow=True)
    assert ALREADY_SAVED in second.content.decode()
    assert FundEntry.objects.filter(reverses=wrong).count() == 1
