"""Trình cấp trên as a real hand-over (decision 0077).

Before, a dossier the district's council passed beyond its authority went to FORWARDED
and stopped there: a tờ trình was printed, and the province, which never saw it in the
system, typed it in again. Now forwarding hands it to the body with the authority (the
province), whose office finds it in its inbox with who forwarded it, the lower council's
votes and the tờ trình, and appraises, votes and decides it as any other; it may return
it to the district with a reason; the district reads it, read only, to its decision."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from awards import services
from awards.models import AwardType, Nomination, NominationEvent, Submission
from tests.awards_stage import build_stage, person
from tests.factories import nominate
from units.models import Membership, Unit

pytestmark = pytest.mark.django_db
Status = Nomination.Status


@pytest.fixture
def stage(cycle, demo_units, make_member):
    stage = build_stage(cycle)
    province = demo_units["ubnd-tinh-lai-chau"]
    stage["province"] = province
    stage["province_office"] = make_member("nv.sonoivu", province, Membership.Role.OFFICE_STAFF)
    stage["province_council"] = [
        make_member(f"hdt{i}", province, Membership.Role.COUNCIL_MEMBER) for i in range(3)
    ]
    # another district's office, and another province's: neither may see the dossier
    stage["other_office"] = make_member(
        "nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF
    )
    other_province = Unit.objects.create(
        code="ubnd-tinh-dien-bien",
        name="UBND tỉnh Điện Biên",
        kind=province.kind,
        level=province.level,
        is_issuing_body=True,
    )
    stage["other_province_office"] = make_member(
        "nv.dienbien", other_province, Membership.Role.OFFICE_STAFF
    )
    return stage


def voted_beyond(stage, name: str = "Lò Văn Bình Xét Tỉnh") -> Nomination:
    """A provincial Bằng khen the district's council passed by a vote (3 of 3)."""
    n = nominate(stage, person=person(stage, name), code="bang-khen-tinh-ca-nhan")
    services.nomination_submit(actor=stage["staff"], nomination=n)
    services.nomination_appraise(actor=stage["office"], nomination=n, result="eligible")
    session = services.session_create(
        actor=stage["office"],
        issuer=stage["district"],
        title="Phiên họp Hội đồng TĐKT huyện",
        held_on=timezone.localdate(),
        members=stage["council"],
        nominations=[n],
    )
    item = session.agenda.get()
    for member in stage["council"]:
        services.vote_cast(actor=member, item=item, choice="agree")
    services.session_close(actor=stage["office"], session=session)
    n.refresh_from_db()
    assert n.status == Status.PASSED
    return n


def errors(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


# Services ---------------------------------------------------------------------


def test_forwarding_hands_the_dossier_to_the_body_with_the_authority(stage):
    n = voted_beyond(stage)
    services.nomination_forward(actor=stage["office"], nomination=n)
    n.refresh_from_db()
    assert (n.status, n.issuer, n.forwarded_from) == (
        Status.SUBMITTED,
        stage["province"],
        stage["district"],
    )
    forwarded, arrived = list(n.events.order_by("pk"))[-2:]
    assert (forwarded.from_status, forwarded.to_status) == (Status.PASSED, Status.FORWARDED)
    assert forwarded.by == stage["office"]
    assert "UBND huyện Tam Đường trình UBND tỉnh Lai Châu" in forwarded.note
    assert "Đồng ý 3/3" in forwarded.note  # the lower council's result travels with it
    assert (arrived.from_status, arrived.to_status) == (Status.FORWARDED, Status.SUBMITTED)
    # nothing of the lower level is lost: its council's result is still in the history
    assert n.events.filter(to_status=Status.PASSED, note__startswith="Đồng ý 3/3").exists()


def test_the_province_appraises_votes_and_decides_it_as_its_own(stage):
    n = voted_beyond(stage)
    services.nomination_forward(actor=stage["office"], nomination=n)
    office = stage["province_office"]
    services.nomination_appraise(actor=office, nomination=n, result="eligible")
    session = services.session_create(
        actor=office,
        issuer=stage["province"],
        title="Phiên họp Hội đồng TĐKT tỉnh",
        held_on=timezone.localdate(),
        members=stage["province_council"],
        nominations=[n],
    )
    item = session.agenda.get()
    for member in stage["province_council"]:
        services.vote_cast(actor=member, item=item, choice="agree")
    services.session_close(actor=office, session=session)
    decision = services.decision_draft(
        actor=office, issuer=stage["province"], subject="Về việc tặng Bằng khen", nominations=[n]
    )
    services.decision_issue(actor=office, decision=decision, issued_on=timezone.localdate())
    n.refresh_from_db()
    assert n.status == Status.DECIDED and n.decision.issuer == stage["province"]
    assert n.forwarded_from == stage["district"]  # still the district's to read
    # both councils' results stay in the history, the district's first
    results = n.events.filter(from_status=Status.APPRAISED, to_status=Status.PASSED)
    assert results.count() == 2


def test_the_lower_level_cannot_act_once_forwarded(stage):
    n = voted_beyond(stage)
    services.nomination_forward(actor=stage["office"], nomination=n)
    n.refresh_from_db()
    with pytest.raises(PermissionDenied):  # the district's office is not the province's
        services.nomination_appraise(actor=stage["office"], nomination=n, result="eligible")
    with pytest.raises(PermissionDenied):
        services.nomination_forward(actor=stage["office"], nomination=n)
    with pytest.raises(ValidationError, match="đã trình UBND tỉnh Lai Châu"):
        services.nomination_withdraw(actor=stage["staff"], nomination=n, reason="Đổi ý")
    n.refresh_from_db()
    assert n.status == Status.SUBMITTED and n.issuer == stage["province"]


def test_returned_to_the_district_then_forwarded_again(stage):
    n = voted_beyond(stage)
    services.nomination_forward(actor=stage["office"], nomination=n)
    with pytest.raises(ValidationError, match="lý do"):
        services.nomination_appraise(
            actor=stage["province_office"], nomination=n, result="returned", note=" "
        )
    services.nomination_appraise(
        actor=stage["province_office"],
        nomination=n,
        result="returned",
        note="Thiếu biên bản họp Hội đồng có chữ ký.",
    )
    n.refresh_from_db()
    assert (n.status, n.issuer, n.forwarded_from) == (Status.PASSED, stage["district"], None)
    last = n.events.last()
    assert last.note == (
        "UBND tỉnh Lai Châu trả lại UBND huyện Tam Đường: Thiếu biên bản họp Hội đồng có chữ ký."
    )
    with pytest.raises(PermissionDenied):  # back at the district: the province's hands off
        services.nomination_appraise(
            actor=stage["province_office"], nomination=n, result="eligible"
        )
    services.nomination_forward(actor=stage["office"], nomination=n)
    n.refresh_from_db()
    assert (n.status, n.issuer, n.forwarded_from) == (
        Status.SUBMITTED,
        stage["province"],
        stage["district"],
    )


def test_no_body_above_with_the_authority_is_refused_and_nothing_changes(stage):
    beyond = stage["beyond"]
    AwardType.objects.filter(code="bang-khen-tinh-ca-nhan").update(grantor_levels="")
    beyond.award_type.refresh_from_db()
    events = beyond.events.count()
    with pytest.raises(ValidationError, match="Không có cơ quan nào phía trên UBND huyện Tam"):
        services.nomination_forward(actor=stage["office"], nomination=beyond)
    beyond.refresh_from_db()
    assert (beyond.status, beyond.issuer, beyond.forwarded_from) == (
        Status.PASSED,
        stage["district"],
        None,
    )
    assert beyond.events.count() == events


def test_never_to_an_archived_body(stage):
    Unit.objects.filter(pk=stage["province"].pk).update(archived=True)
    with pytest.raises(ValidationError, match="Không có cơ quan nào phía trên"):
        services.nomination_forward(actor=stage["office"], nomination=stage["beyond"])


def test_within_the_bodys_authority_is_decided_not_forwarded(stage):
    with pytest.raises(ValidationError, match="thuộc thẩm quyền của UBND huyện Tam Đường"):
        services.nomination_forward(actor=stage["office"], nomination=stage["passed"])


def test_a_dossier_forwarded_before_the_hand_over_stays_readable_and_can_be_handed_over(
    client, stage
):
    """Rows left FORWARDED at the lower body (before decision 0077) need no migration."""
    old = stage["beyond"]
    Nomination.objects.filter(pk=old.pk).update(status=Status.FORWARDED)
    client.force_login(stage["office"])
    page = client.get(reverse("awards:nomination_review", args=[old.pk])).content.decode()
    assert "In tờ trình của UBND huyện Tam Đường" in page
    assert "Hồ sơ sẽ đến UBND tỉnh Lai Châu" in page
    services.nomination_forward(actor=stage["office"], nomination=old)
    old.refresh_from_db()
    assert (old.status, old.issuer) == (Status.SUBMITTED, stage["province"])


# Pages and access ------------------------------------------------------------


def test_forwarded_from_its_page_it_reaches_the_provinces_inbox(client, stage):
    n = voted_beyond(stage)
    client.force_login(stage["office"])
    review = client.get(reverse("awards:nomination_review", args=[n.pk])).content.decode()
    assert "Hồ sơ sẽ đến UBND tỉnh Lai Châu" in review
    response = client.post(reverse("awards:nomination_forward", args=[n.pk]), follow=True)
    page = response.content.decode()
    assert "Đã trình hồ sơ lên cơ quan có thẩm quyền" in page
    assert "Hồ sơ đã trình UBND tỉnh Lai Châu" in page  # the district reads it, read only
    assert reverse("awards:nomination_appraise", args=[n.pk]) not in page
    assert reverse("awards:nomination_forward", args=[n.pk]) not in page

    client.force_login(stage["province_office"])
    inbox = client.get(reverse("awards:inbox")).content.decode()
    assert "Lò Văn Bình Xét Tỉnh" in inbox
    assert "Cấp dưới trình: UBND huyện Tam Đường" in inbox
    assert "Đồng ý 3/3" in inbox  # the lower council's votes
    # the numbered tờ trình it went with (decision 0083)
    submission = reverse(
        "awards:submission_document", args=[Submission.objects.get(nominations=n).pk]
    )
    assert submission in inbox
    assert client.get(submission)["Content-Type"] == "application/pdf"
    review = client.get(reverse("awards:nomination_review", args=[n.pk])).content.decode()
    assert "Hồ sơ cấp dưới trình" in review and "Kết quả bình xét của Hội đồng TĐKT" in review
    assert "Trả lại UBND huyện Tam Đường (cơ quan trình) để bổ sung" in review
    dashboard = client.get(reverse("staff:dashboard")).content.decode()
    assert "trong đó 1 hồ sơ cấp dưới trình" in dashboard


def test_the_district_sees_the_return_and_its_reason(client, stage):
    n = voted_beyond(stage)
    services.nomination_forward(actor=stage["office"], nomination=n)
    client.force_login(stage["province_office"])
    response = client.post(
        reverse("awards:nomination_appraise", args=[n.pk]),
        {"result": "returned", "note": "Bổ sung báo cáo thành tích có xác nhận."},
    )
    # no longer the province's: back to its inbox (its page would be a 404)
    assert response["Location"] == reverse("awards:inbox")
    assert client.get(reverse("awards:nomination_review", args=[n.pk])).status_code == 404
    client.force_login(stage["office"])
    dashboard = client.get(reverse("staff:dashboard")).content.decode()
    assert "cấp trên đã trả lại: UBND tỉnh Lai Châu trả lại" in dashboard
    page = client.get(reverse("awards:nomination_review", args=[n.pk])).content.decode()
    assert "Cấp trên trả lại ngày" in page and "Bổ sung báo cáo thành tích có xác nhận." in page
    assert reverse("awards:nomination_forward", args=[n.pk]) in page


@pytest.mark.parametrize("who", ["other_office", "other_province_office"])
def test_another_bodys_office_neither_sees_nor_changes_a_forwarded_dossier(client, stage, who):
    n = voted_beyond(stage)
    services.nomination_forward(actor=stage["office"], nomination=n)
    client.force_login(stage[who])
    assert client.get(reverse("awards:nomination_detail", args=[n.pk])).status_code == 404
    assert client.get(reverse("awards:nomination_review", args=[n.pk])).status_code == 404
    response = client.post(
        reverse("awards:nomination_appraise", args=[n.pk]),
        {"result": "returned", "note": "x"},
    )
    assert response.status_code == 404
    assert client.post(reverse("awards:nomination_forward", args=[n.pk])).status_code == 404
    assert "Lò Văn Bình Xét Tỉnh" not in client.get(reverse("awards:inbox")).content.decode()
    submission = client.get(reverse("awards:submission_pdf") + f"?co_quan={stage['district'].pk}")
    assert submission.status_code == 302 and submission["Content-Type"] != "application/pdf"
    with pytest.raises(PermissionDenied):
        services.nomination_appraise(actor=stage[who], nomination=n, result="eligible")
    n.refresh_from_db()
    assert n.status == Status.SUBMITTED


def test_the_district_reads_it_to_its_decision(client, stage):
    n = voted_beyond(stage)
    services.nomination_forward(actor=stage["office"], nomination=n)
    office = stage["province_office"]
    services.nomination_appraise(
        actor=office,
        nomination=Nomination.objects.get(pk=n.pk),
        result="eligible",
    )
    Nomination.objects.filter(pk=n.pk).update(status=Status.PASSED)  # the province's vote
    decision = services.decision_draft(
        actor=office, issuer=stage["province"], subject="Về việc tặng Bằng khen", nominations=[n]
    )
    services.decision_issue(actor=office, decision=decision, issued_on=timezone.localdate())
    decision.refresh_from_db()
    client.force_login(stage["office"])
    page = client.get(reverse("awards:nomination_detail", args=[n.pk])).content.decode()
    assert "Đã quyết định khen thưởng" in page
    assert f"Số {decision.number_symbol}" in page and "của UBND tỉnh Lai Châu" in page
    listed = client.get(reverse("awards:decision_list")).content.decode()
    assert "đã trình UBND tỉnh Lai Châu: Đã quyết định khen thưởng" in listed
    client.force_login(stage["staff"])  # the commune that nominated reads it too
    assert client.get(reverse("awards:nomination_detail", args=[n.pk])).status_code == 200


def test_the_inbox_costs_no_more_queries_with_more_forwarded_dossiers(
    client, stage, django_assert_max_num_queries
):
    first = stage["beyond"]
    services.nomination_forward(actor=stage["office"], nomination=first)
    client.force_login(stage["province_office"])
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("awards:inbox")).status_code == 200
    with CaptureQueriesContext(connection) as one_dashboard:
        client.get(reverse("staff:dashboard"))
    for i in range(5):
        n = nominate(
            stage,
            person=person(stage, f"Lò Văn Trình {i}"),
            code="bang-khen-tinh-ca-nhan",
            simplified=True,
            commendation_kind=Nomination.CommendationKind.UNSCHEDULED,
        )
        services.nomination_submit(actor=stage["staff"], nomination=n)
        services.nomination_appraise(actor=stage["office"], nomination=n, result="eligible")
        services.nomination_forward(actor=stage["office"], nomination=n)
    assert NominationEvent.objects.filter(to_status=Status.FORWARDED).count() == 6
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(reverse("awards:inbox")).content.decode()
    assert page.count("Cấp dưới trình: UBND huyện Tam Đường") == 6
    with django_assert_max_num_queries(len(one_dashboard.captured_queries)):
        dashboard = client.get(reverse("staff:dashboard")).content.decode()
    assert "trong đó 6 hồ sơ cấp dưới trình" in dashboard


def test_a_return_to_a_dissolved_body_goes_to_its_successor_or_is_refused(stage, demo_units):
    n = voted_beyond(stage)
    services.nomination_forward(actor=stage["office"], nomination=n)
    Unit.objects.filter(pk=stage["district"].pk).update(archived=True)
    with pytest.raises(ValidationError, match="không có cơ quan kế thừa"):
        services.nomination_return_down(
            actor=stage["province_office"], nomination=n, reason="Thiếu biên bản."
        )
    n.refresh_from_db()
    assert (n.status, n.issuer) == (Status.SUBMITTED, stage["province"])
    city = demo_units["ubnd-tp-lai-chau"]
    Unit.objects.filter(pk=stage["district"].pk).update(merged_into=city)
    services.nomination_return_down(
        actor=stage["province_office"], nomination=n, reason="Thiếu biên bản."
    )
    n.refresh_from_db()
    assert (n.status, n.issuer, n.forwarded_from) == (Status.PASSED, city, None)


def test_the_district_completes_a_returned_dossier_then_forwards_it(client, stage):
    """Fixing what the province asked for: the district's office attaches the council's
    minutes to the dossier it passed beyond its authority; the unit still cannot at that
    step, nor the district once the dossier is the province's again."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from awards.models import NominationFile

    n = voted_beyond(stage)
    services.nomination_forward(actor=stage["office"], nomination=n)
    services.nomination_appraise(
        actor=stage["province_office"], nomination=n, result="returned", note="Thiếu biên bản."
    )
    client.force_login(stage["office"])
    page = client.get(reverse("awards:nomination_review", args=[n.pk])).content.decode()
    assert reverse("awards:nomination_file", args=[n.pk]) in page
    minutes = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 bien ban", "application/pdf")
    client.post(
        reverse("awards:nomination_file", args=[n.pk]),
        {"file": minutes, "kind": NominationFile.Kind.COUNCIL_MINUTES},
    )
    assert n.files.filter(kind=NominationFile.Kind.COUNCIL_MINUTES).count() == 1
    with pytest.raises(ValidationError, match="Không thể bổ sung hồ sơ"):
        services.nomination_add_file(
            actor=stage["staff"],
            nomination=n,
            upload=SimpleUploadedFile("x.pdf", b"%PDF-1.4 x", "application/pdf"),
            kind=NominationFile.Kind.OTHER,
        )
    services.nomination_forward(actor=stage["office"], nomination=n)
    with pytest.raises(PermissionDenied):
        services.nomination_add_file(
            actor=stage["office"],
            nomination=n,
            upload=SimpleUploadedFile("y.pdf", b"%PDF-1.4 y", "application/pdf"),
            kind=NominationFile.Kind.OTHER,
        )
    client.force_login(stage["province_office"])
    page = client.get(reverse("awards:nomination_review", args=[n.pk])).content.decode()
    assert "bien-ban.pdf" in page and "Biên bản họp Hội đồng TĐKT" in page
