"""Quyết định sửa đổi, bổ sung (decision 0078): an issued award decision is changed only
by a new decision of the same body, with its own number. The amended decision stays as
issued (its PDF's bytes), and every page that shows it names the amending decision; the
honourees in force (counts, the roll, money, eligibility) are read from the latest
revision, nobody counted or paid twice."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from awards import money, pdf, services
from awards.eligibility import duplicate_of
from awards.models import AwardGrant, Decision, Nomination
from awards.money_models import GrantRevocation
from awards.statistics import grants_by
from tests.factories import issued_decision, nominate, passed_nominations
from tests.test_issued_documents import body, pdf_text
from units.models import Membership, Unit

pytestmark = pytest.mark.django_db


def today() -> str:
    return timezone.localdate().strftime("%d/%m/%Y")


@pytest.fixture
def issued(cycle, django_capture_on_commit_callbacks):
    """The district's decision for Lò Văn 01 and Lò Văn 02 (Lao động tiên tiến)."""
    with django_capture_on_commit_callbacks(execute=True):
        return issued_decision(cycle, passed_nominations(cycle, 2))


def line_of(draft: Decision, name: str) -> AwardGrant:
    return next(g for g in draft.grants.select_related("person") if g.awardee_name == name)


def test_a_misspelled_name_is_corrected_by_a_new_decision_and_the_original_stays_as_issued(
    client, cycle, issued, django_capture_on_commit_callbacks
):
    client.force_login(cycle["office"])
    pdf_url = reverse("awards_public:decision_pdf", args=[issued.pk])
    before = body(client.get(pdf_url))

    response = client.post(reverse("awards:decision_amend", args=[issued.pk]))
    draft = Decision.objects.get(amends=issued)
    assert response.status_code == 302 and response["Location"].endswith(f"/{draft.pk}/")
    assert draft.status == Decision.Status.DRAFT and draft.issuer == issued.issuer
    reference = (
        f"Quyết định số {issued.number_symbol} ngày {issued.issued_on:%d/%m/%Y} của Chủ tịch "
        f"{issued.issuer.full_name}"
    )
    assert draft.subject.startswith(f"Về việc sửa đổi, bổ sung {reference} về việc tặng")
    # prefilled with the honourees: only what is wrong is changed
    assert sorted(g.awardee_name for g in draft.grants.all()) == ["Lò Văn 01", "Lò Văn 02"]
    page = client.get(reverse("awards:decision_detail", args=[draft.pk])).content.decode()
    assert "Dự thảo sửa đổi, bổ sung" in page and "Sửa dòng" in page

    line = line_of(draft, "Lò Văn 01")
    response = client.post(
        reverse("awards:amendment_line", args=[draft.pk, line.pk]),
        {
            "printed_name": "Lò Văn Một",
            "printed_position": "Trưởng bản",
            "awardee_unit": line.awardee_unit_id,
            "award_type": line.award_type_id,
            "reward_amount": "",
        },
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_issue(actor=cycle["office"], decision=draft)
    draft.refresh_from_db()
    assert draft.number == issued.number + 1  # its own number, in the body's series

    # the original: the same bytes, and every page says it was amended, with a link
    assert body(client.get(pdf_url)) == before
    assert "Lò Văn Một" not in pdf_text(before)
    banner = f"Đã được sửa đổi, bổ sung bởi Quyết định số {draft.number_symbol} ngày {today()}"
    client.logout()
    public = client.get(reverse("awards_public:decision_detail", args=[issued.pk])).content
    assert banner in public.decode()
    assert reverse("awards_public:decision_detail", args=[draft.pk]) in public.decode()
    assert banner in client.get(reverse("awards_public:decision_list")).content.decode()
    client.force_login(cycle["office"])
    staff = client.get(reverse("awards:decision_detail", args=[issued.pk])).content.decode()
    assert banner in staff and reverse("awards:decision_detail", args=[draft.pk]) in staff

    # the amending decision as printed: its legal basis, its Điều 1, the corrected list
    text = pdf_text(body(client.get(reverse("awards_public:decision_pdf", args=[draft.pk]))))
    assert f"Căn cứ {reference} về việc tặng" in text
    assert f"Điều 1. Sửa đổi, bổ sung Quyết định số {issued.number_symbol}" in text
    assert "Lò Văn Một" in text and "Trưởng bản" in text and "Lò Văn 02" in text

    # the honour roll reads the latest revision: the corrected name, each honouree once
    roll = client.get(reverse("awards_public:honour_roll")).content.decode()
    assert "Lò Văn Một" in roll and "Lò Văn 01" not in roll and roll.count("Lò Văn 02") == 1
    assert sum(r["count"] for r in grants_by("year")) == 2


def test_struck_off_and_added_honourees_count_once_and_are_paid_once(cycle, issued):
    paid_before = -money.fund_balance(cycle["district"], issued.year)
    one = paid_before // 2
    assert one > 0
    draft = services.decision_amend(actor=cycle["office"], decision=issued)
    struck = line_of(draft, "Lò Văn 02")
    services.amendment_line_update(
        actor=cycle["office"],
        line=struck,
        award_type=struck.award_type,
        awardee_unit=struck.awardee_unit,
        struck=True,
    )
    added = nominate(cycle, person=cycle["people"][0])
    Nomination.objects.filter(pk=added.pk).update(
        status=Nomination.Status.PASSED, issuer=cycle["district"]
    )
    services.decision_update(actor=cycle["office"], decision=draft, nominations=[added])
    # the draft's page: one struck off, one added, the same amount: nothing more to pay
    assert money.decision_fund_preview(draft)["total"] == 0
    services.decision_issue(actor=cycle["office"], decision=draft)

    in_force = AwardGrant.objects.in_force()
    assert sorted(g.awardee_name for g in in_force) == ["Lò Thị A", "Lò Văn 01"]
    assert AwardGrant.objects.filter(decision=issued).count() == 2  # recorded, not deleted
    assert sum(r["count"] for r in grants_by("award_type")) == 2
    # money: the amended decision's payouts given back, the amending one's booked
    assert -money.fund_balance(cycle["district"], issued.year) == 2 * one
    # eligibility reads the grants in force: the struck-off person no longer holds it
    lo_van_02 = AwardGrant.objects.get(decision=issued, person__full_name="Lò Văn 02").person
    again = Nomination(award_type=struck.award_type, nominee_person=lo_van_02, year=struck.year)
    assert duplicate_of(again) is None
    kept = Nomination(
        award_type=struck.award_type,
        nominee_person=AwardGrant.objects.get(
            decision=issued, person__full_name="Lò Văn 01"
        ).person,
        year=struck.year,
    )
    assert duplicate_of(kept).decision == draft
    draft.refresh_from_db()
    text = pdf_text(pdf.decision_pdf(draft))
    assert "Bãi bỏ khen thưởng đối với: Lò Văn 02" in text and "Lò Thị A" in text


def test_amending_is_refused_where_it_makes_no_sense(cycle, issued):
    office = cycle["office"]
    other_draft = services.decision_draft(
        actor=office,
        issuer=cycle["district"],
        subject="Về việc tặng Giấy khen",
        nominations=passed_nominations(cycle, 1),
    )
    with pytest.raises(ValidationError, match="Dự thảo chưa ban hành: sửa thẳng dự thảo"):
        services.decision_amend(actor=office, decision=other_draft)
    first = services.decision_amend(actor=office, decision=issued)
    with pytest.raises(ValidationError, match=r"đã có dự thảo sửa đổi, bổ sung \(#\d+\)"):
        services.decision_amend(actor=office, decision=issued)
    with pytest.raises(ValidationError, match="Dự thảo chưa sửa gì so với Quyết định số"):
        services.decision_issue(actor=office, decision=first)
    line = first.grants.first()
    services.amendment_line_update(
        actor=office,
        line=line,
        award_type=line.award_type,
        awardee_unit=line.awardee_unit,
        printed_name="Lò Văn Mười",
    )
    services.decision_issue(actor=office, decision=first)
    with pytest.raises(ValidationError, match="lập quyết định sửa đổi từ quyết định đó"):
        services.decision_amend(actor=office, decision=issued)
    services.decision_amend(actor=office, decision=first)  # the latest revision: allowed

    Unit.objects.filter(pk=cycle["district"].pk).update(
        archived=True, ended_on=datetime.date(2025, 6, 30)
    )
    issued.issuer.refresh_from_db()
    with pytest.raises(ValidationError, match="đã kết thúc hoạt động"):
        services.decision_amend(actor=office, decision=Decision.objects.get(pk=issued.pk))


def test_another_body_cannot_amend_or_edit_the_lines(
    client, cycle, issued, demo_units, make_member
):
    other = make_member("nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF)
    with pytest.raises(PermissionDenied):
        services.decision_amend(actor=other, decision=issued)
    client.force_login(other)
    assert client.post(reverse("awards:decision_amend", args=[issued.pk])).status_code == 404
    assert not Decision.objects.filter(amends=issued).exists()
    draft = services.decision_amend(actor=cycle["office"], decision=issued)
    line = draft.grants.first()
    url = reverse("awards:amendment_line", args=[draft.pk, line.pk])
    assert client.post(url, {"printed_name": "X"}).status_code == 404
    # a council member reads, but cannot amend
    client.force_login(cycle["council"][0])
    assert client.post(reverse("awards:decision_amend", args=[draft.pk])).status_code == 403


def _amend(cycle, decision: Decision, name: str) -> Decision:
    draft = services.decision_amend(actor=cycle["office"], decision=decision)
    # the line of the first nominee (the register's order ties on year and award type,
    # and PostgreSQL breaks the tie as it likes)
    line = draft.grants.get(person__full_name="Lò Văn 01")
    services.amendment_line_update(
        actor=cycle["office"],
        line=line,
        award_type=line.award_type,
        awardee_unit=line.awardee_unit,
        printed_name=name,
    )
    return services.decision_issue(actor=cycle["office"], decision=draft)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_decision_lists_do_not_grow_with_the_amendments(
    client, cycle, issued, django_assert_max_num_queries
):
    from django.core.cache import cache

    latest = _amend(cycle, issued, "Lò Văn Một")
    client.force_login(cycle["office"])
    urls = [reverse("awards:decision_list"), reverse("awards_public:decision_list")]
    cache.clear()
    counts = [_queries(client, url) for url in urls]
    for i in range(3):
        latest = _amend(cycle, latest, f"Lò Văn Một {i}")
    cache.clear()
    for url, count in zip(urls, counts, strict=True):
        with django_assert_max_num_queries(count):
            page = client.get(url).content.decode()
        assert page.count("Đã được sửa đổi, bổ sung bởi") == 4


def test_the_register_names_the_amending_decision_and_exports_each_honouree_once(
    admin_client, cycle, issued
):
    latest = _amend(cycle, issued, "Lò Văn Một")
    page = admin_client.get(reverse("admin:awards_awardgrant_changelist")).content.decode()
    assert page.count(f"Đã được sửa đổi, bổ sung bởi Quyết định số {latest.number_symbol}") == 2
    from awards.sheets import RegisterKind  # the register's own export (Excel)

    rows = list(RegisterKind().export_rows(None))
    names = [row[4] for row in rows if row[4].startswith("Lò Văn")]
    assert sorted(names) == ["Lò Văn 02", "Lò Văn Một"]


def test_a_revocation_names_its_decision_everywhere_and_is_refused_without(
    client, admin_client, cycle, issued
):
    grant = issued.grants.order_by("pk").first()
    with pytest.raises(ValidationError) as refused:
        money.grant_revoke(actor=cycle["office"], grant=grant, reason="Kỷ luật")
    assert "Ghi số, ký hiệu của quyết định thu hồi" in str(refused.value)
    client.force_login(cycle["office"])
    url = reverse("awards:grant_revoke", args=[issued.pk, grant.pk])
    page = client.post(url, {"reason": "Kỷ luật"}, follow=True).content.decode()
    assert "Chưa thu hồi khen thưởng của" in page and "Ghi số, ký hiệu" in page
    assert not GrantRevocation.objects.exists()

    client.post(
        url, {"reason": "Kỷ luật", "document_number": "15/QĐ-UBND", "document_date": today()}
    )
    revocation = GrantRevocation.objects.get()
    assert revocation.document_number == "15/QĐ-UBND"
    mark = f"Quyết định số 15/QĐ-UBND ngày {today()}"
    assert (
        f"Đã thu hồi theo {mark}"
        in client.get(reverse("awards:decision_detail", args=[issued.pk])).content.decode()
    )
    client.logout()
    public = client.get(reverse("awards_public:decision_detail", args=[issued.pk])).content
    assert f"Đã thu hồi theo {mark}" in public.decode()
    register = admin_client.get(reverse("admin:awards_awardgrant_changelist")).content.decode()
    assert f"Đã thu hồi theo {mark}" in register
    admin = admin_client.get(reverse("admin:awards_grantrevocation_changelist")).content.decode()
    assert "15/QĐ-UBND" in admin


def test_an_amending_draft_is_edited_without_choosing_a_nomination(client, cycle, issued):
    draft = services.decision_amend(actor=cycle["office"], decision=issued)
    client.force_login(cycle["office"])
    response = client.post(
        reverse("awards:decision_edit", args=[draft.pk]),
        {
            "subject": draft.subject + " (đính chính)",
            "symbol": draft.symbol,
            "signer_title": "CHỦ TỊCH",
            "signer_name": "Sùng Lữ Páo",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.subject.endswith("(đính chính)") and draft.grants.count() == 2


def test_official_statistics_count_a_corrected_award_in_the_year_it_was_decided(cycle):
    from awards.official_stats import grants_of

    first = services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject="Về việc tặng danh hiệu Lao động tiên tiến",
        nominations=passed_nominations(cycle, 2),
    )
    services.decision_issue(
        actor=cycle["office"], decision=first, issued_on=datetime.date(2025, 3, 10)
    )
    _amend(cycle, _amend(cycle, first, "Lò Văn Một"), "Lò Văn Mốt")  # two revisions, 2026
    year = timezone.localdate().year
    assert year > 2025
    names = sorted(g.awardee_name for g in grants_of(cycle["district"], 2025))
    assert names == ["Lò Văn 02", "Lò Văn Mốt"]
    assert not grants_of(cycle["district"], year).exists()
