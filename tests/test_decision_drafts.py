"""No dead end around a decision (issue 14): a draft is edited or withdrawn (archived with
its reason, never deleted); issuing takes the number and the signing date of the paper
register, checked; an issued decision never changes. Award types carry the dates they
apply: the district's Giấy khen is not offered for 2026."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from awards import services
from awards.forms import NominationForm
from awards.models import AwardType, Decision, DocumentCounter, Nomination
from tests.factories import nominate

pytestmark = pytest.mark.django_db


@pytest.fixture
def stage(cycle):
    from tests.awards_stage import build_stage

    return build_stage(cycle)


def second_passed(stage, name="Lò Văn Thứ Hai"):
    from tests.awards_stage import simplified

    return simplified(stage, name, "giay-khen-huyen-ca-nhan")


# Editing a draft ---------------------------------------------------------------------


def test_the_office_edits_a_draft_and_takes_a_nomination_off(client, stage):
    decision, kept = stage["decision"], stage["in_decision"]
    added = stage["passed"]
    client.force_login(stage["office"])
    page = client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert reverse("awards:decision_edit", args=[decision.pk]) in page
    form = client.get(reverse("awards:decision_edit", args=[decision.pk])).content.decode()
    assert "Về việc tặng Giấy khen" in form and "Lò Văn Thông Qua" in form
    response = client.post(
        reverse("awards:decision_edit", args=[decision.pk]),
        {
            "subject": "Về việc tặng Giấy khen năm 2025",
            "symbol": "QĐ-UBND",
            "place": "Tam Đường",
            "signer_title": "CHỦ TỊCH",
            "signer_name": "Sùng Lữ Páo",
            "nominations": [added.pk],
        },
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.subject == "Về việc tặng Giấy khen năm 2025" and decision.place == "Tam Đường"
    assert list(decision.nominations.all()) == [added]
    kept.refresh_from_db()
    assert kept.decision_id is None and kept.status == Nomination.Status.PASSED


def test_a_nominee_twice_for_the_same_award_is_refused(stage):
    twin = stage["passed"]
    Nomination.objects.filter(pk=twin.pk).update(nominee_person=stage["in_decision"].nominee_person)
    with pytest.raises(ValidationError, match="có hai hồ sơ"):
        services.decision_update(
            actor=stage["office"],
            decision=stage["decision"],
            nominations=[stage["in_decision"], Nomination.objects.get(pk=twin.pk)],
        )


def test_an_issued_decision_never_changes(client, stage):
    decision = services.decision_issue(actor=stage["office"], decision=stage["decision"])
    with pytest.raises(ValidationError, match="đã ban hành"):
        services.decision_update(actor=stage["office"], decision=decision, subject="Khác")
    with pytest.raises(ValidationError, match="đã ban hành"):
        services.decision_withdraw(actor=stage["office"], decision=decision, reason="x")
    client.force_login(stage["office"])
    response = client.get(reverse("awards:decision_edit", args=[decision.pk]))
    assert response.status_code == 302
    page = client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert "Sửa dự thảo" not in page and "Rút dự thảo" not in page
    assert Decision.objects.get(pk=decision.pk).subject == "Về việc tặng Giấy khen"


# Withdrawing a draft -----------------------------------------------------------------


def test_a_draft_is_withdrawn_with_its_reason_and_kept(client, stage):
    decision, nomination = stage["decision"], stage["in_decision"]
    client.force_login(stage["office"])
    url = reverse("awards:decision_withdraw", args=[decision.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert "Ghi lý do rút dự thảo." in response.content.decode()
    response = client.post(url, {"reason": "Lập nhầm cơ quan ban hành"})
    assert response.status_code == 302
    decision = Decision.objects.get(pk=decision.pk)  # still there
    assert decision.status == Decision.Status.WITHDRAWN and decision.archived
    assert decision.archived_reason == "Lập nhầm cơ quan ban hành"
    assert decision.archived_by == stage["office"]
    nomination.refresh_from_db()
    assert nomination.decision_id is None and nomination.status == Nomination.Status.PASSED
    page = client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert "Đã rút dự thảo" in page and "Lập nhầm cơ quan ban hành" in page
    assert reverse("awards:decision_issue", args=[decision.pk]) not in page
    # the nomination goes on another draft
    again = services.decision_draft(
        actor=stage["office"], issuer=stage["district"], subject="Lại", nominations=[nomination]
    )
    assert list(again.nominations.all()) == [nomination]
    with pytest.raises(ValidationError, match="đã rút"):
        services.decision_issue(actor=stage["office"], decision=decision)


# Issuing with the register's number and date ------------------------------------------


def test_issuing_offers_the_next_number_and_today(client, stage):
    DocumentCounter.objects.create(
        issuer=stage["district"], year=timezone.localdate().year, last_number=214
    )
    client.force_login(stage["office"])
    page = client.get(
        reverse("awards:decision_detail", args=[stage["decision"].pk])
    ).content.decode()
    assert 'name="number" value="215"' in page
    assert f'value="{timezone.localdate():%d/%m/%Y}"' in page


def test_the_clerk_enters_the_number_and_signing_date_of_the_paper_register(client, stage):
    client.force_login(stage["office"])
    response = client.post(
        reverse("awards:decision_issue", args=[stage["decision"].pk]),
        {"number": "215", "issued_on": "26/12/2025"},
    )
    assert response.status_code == 302
    decision = Decision.objects.get(pk=stage["decision"].pk)
    assert decision.status == Decision.Status.ISSUED
    assert (decision.number, decision.year, decision.issued_on) == (
        215,
        2025,
        datetime.date(2025, 12, 26),
    )
    assert decision.number_symbol == "215/QĐ-UBND"
    assert (
        DocumentCounter.objects.get(
            issuer=stage["district"], year=2025, kind="decision"
        ).last_number
        == 215
    )
    assert services.suggested_decision_number(stage["district"], 2025) == 216
    grant = decision.grants.get()
    assert (grant.register_year, grant.register_number) == (2025, 1)


@pytest.mark.parametrize(
    "data,field,message",
    [
        (
            {"number": "7", "issued_on": "26/12/2025"},
            "number",
            "đã cấp cho Quyết định số 07/QĐ-UBND",
        ),
        ({"number": "0", "issued_on": "26/12/2025"}, "number", "số nguyên dương"),
        ({"number": "8", "issued_on": "tomorrow"}, "issued_on", "ngày/tháng/năm"),
        ({"number": "8", "issued_on": "FUTURE"}, "issued_on", "không được sau hôm nay"),
        ({"number": "8", "issued_on": "20/10/2025"}, "issued_on", "trước ngày họp Hội đồng"),
    ],
)
def test_a_wrong_number_or_date_is_refused_beside_its_field(client, stage, data, field, message):
    """A number given this year, a date ahead of today or before the council met: the
    page says so beside the field, and nothing is issued."""
    first = services.decision_draft(
        actor=stage["office"],
        issuer=stage["district"],
        subject="Trước",
        nominations=[second_passed(stage)],
    )
    services.decision_issue(
        actor=stage["office"], decision=first, number=7, issued_on=datetime.date(2025, 12, 2)
    )
    # the draft's nomination on the agenda of the session of 1/12/2025
    stage["session"].agenda.create(nomination=stage["in_decision"], passed=True)
    if data["issued_on"] == "FUTURE":
        data = {
            **data,
            "issued_on": f"{timezone.localdate() + datetime.timedelta(days=1):%d/%m/%Y}",
        }
    client.force_login(stage["office"])
    response = client.post(reverse("awards:decision_issue", args=[stage["decision"].pk]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "field--error" in page
    assert Decision.objects.get(pk=stage["decision"].pk).status == Decision.Status.DRAFT


# Award types in force ----------------------------------------------------------------


def test_the_district_giay_khen_is_not_offered_for_2026(cycle, settings):
    district = AwardType.objects.get(code="giay-khen-huyen-ca-nhan")
    assert district.effective_to == datetime.date(2025, 6, 30)
    commune = AwardType.objects.get(code="giay-khen-xa-ca-nhan")

    def offered(year):
        form = NominationForm({"year": str(year)}, user=cycle["staff"])
        return set(form.fields["award_type"].queryset)

    assert district in offered(2025) and commune in offered(2025)
    assert district not in offered(2026) and commune in offered(2026)


def test_a_nomination_for_2026_with_an_ended_award_type_is_refused(cycle):
    with pytest.raises(ValidationError) as refused:
        nominate(cycle, person=cycle["people"][0], code="giay-khen-huyen-ca-nhan", year=2026)
    assert "áp dụng đến 30/06/2025" in str(refused.value)
    assert "không dùng cho năm 2026" in str(refused.value)


def test_ranking_drafts_offer_only_collective_awards_in_force(demo, monkeypatch):
    """The campaign dashboard's “Lập dự thảo đề nghị từ xếp hạng” for a 2026 campaign."""
    from awards.dashboard import RankingDraftForm
    from campaigns.models import Campaign

    campaign = demo["002"]
    ended = AwardType.objects.get(code="giay-khen-huyen-tap-the")
    assert ended in RankingDraftForm(campaign=campaign).fields["award_type"].queryset
    monkeypatch.setattr(Campaign, "year", property(lambda self: 2026))
    offered = RankingDraftForm(campaign=campaign).fields["award_type"].queryset
    assert ended not in offered
    assert offered.filter(code="giay-khen-xa-tap-the").exists()
