"""The awards cycle through its services: nominate, submit, return, appraise, vote, decide."""

import datetime
import threading

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from awards import services
from awards.eligibility import checklist
from awards.models import AgendaItem, AwardGrant, AwardType, BallotReceipt, Nomination, Vote
from tests.factories import nominate
from units.models import Membership, Person, Unit

pytestmark = pytest.mark.django_db
Status = Nomination.Status


def test_the_whole_cycle_with_a_secret_ballot(cycle, django_capture_on_commit_callbacks):
    a = nominate(cycle, person=cycle["people"][0], code="cstd-co-so")  # secret ballot type
    b = nominate(cycle, person=cycle["people"][1])
    c = nominate(cycle, unit=cycle["commune"], code="tap-the-ldtt")
    assert a.issuer == cycle["district"]  # the commune's issuing body above it
    services.nomination_submit_many(actor=cycle["staff"], nominations=[a, b, c])

    with django_capture_on_commit_callbacks(execute=True):
        services.nomination_appraise(
            actor=cycle["office"],
            nomination=b,
            result="returned",
            note="Bổ sung báo cáo thành tích",
        )
    b.refresh_from_db()
    assert b.status == Status.RETURNED and b.appraisal_note == "Bổ sung báo cáo thành tích"
    services.nomination_submit(actor=cycle["staff"], nomination=b)
    b.refresh_from_db()
    assert b.status == Status.RESUBMITTED
    for n in (a, b, c):
        services.nomination_appraise(actor=cycle["office"], nomination=n, result="eligible")

    session = services.session_create(
        actor=cycle["office"],
        issuer=cycle["district"],
        title="Phiên họp xét khen thưởng năm 2025",
        held_on=datetime.date(2025, 12, 20),
        members=cycle["council"],
        nominations=Nomination.objects.filter(pk__in=[a.pk, b.pk, c.pk]),
    )
    items = {i.nomination_id: i for i in session.agenda.all()}
    assert items[a.pk].secret and not items[b.pk].secret
    for member in cycle["council"]:
        for item in items.values():
            services.vote_cast(
                actor=member, item=item, choice="agree" if member.username != "hd2" else "disagree"
            )
    with pytest.raises(ValidationError, match="đã bỏ phiếu"):
        services.vote_cast(actor=cycle["council"][0], item=items[a.pk], choice="agree")
    # The secret ballot keeps the tally and receipts, never who chose what.
    assert not Vote.objects.filter(item=items[a.pk]).exists()
    assert BallotReceipt.objects.filter(item=items[a.pk]).count() == 3
    receipt_fields = {f.name for f in BallotReceipt._meta.get_fields()}
    assert "choice" not in receipt_fields
    assert not hasattr(AgendaItem, "history")
    assert Vote.objects.filter(item=items[b.pk]).count() == 3  # named votes

    services.session_close(actor=cycle["office"], session=session)
    for n in (a, b, c):
        n.refresh_from_db()
    # cstd-co-so needs 50% of those present: 2/3 agree → passed; ldtt as well.
    assert (a.status, b.status, c.status) == (Status.PASSED, Status.PASSED, Status.PASSED)

    decision = services.decision_draft(
        actor=cycle["office"], issuer=cycle["district"], subject="Tặng danh hiệu thi đua năm 2025"
    )
    assert set(decision.nominations.all()) == {a, b, c}
    services.decision_issue(
        actor=cycle["office"], decision=decision, issued_on=datetime.date(2025, 12, 25)
    )
    decision.refresh_from_db()
    assert decision.number == 1 and decision.number_symbol == "01/QĐ-UBND"
    assert AwardGrant.objects.filter(decision=decision).count() == 3
    a.refresh_from_db()
    assert a.status == Status.DECIDED
    assert [e.to_status for e in a.events.all() if not e.note.startswith("Bổ sung tệp")] == [
        "draft",
        "submitted",
        "appraised",
        "passed",
        "decided",
    ]
    assert all(e.by is not None for e in a.events.all())
    returned = [m for m in mail.outbox if "Lò Thị B" in m.subject and "Trả lại" in m.subject]
    assert returned and returned[0].to == ["cb.binhlu@example.vn"]
    assert "Bổ sung báo cáo thành tích" in returned[0].body
    # the email links to the nomination at the site's address (SITE_URL)
    assert f"http://127.0.0.1:8000/quan-ly/khen-thuong/de-nghi/{b.pk}/" in returned[0].body


def test_vote_threshold_of_all_members(cycle):
    n = nominate(cycle, person=cycle["people"][0], code="cstd-tinh", year=2025)
    services.nomination_submit(actor=cycle["staff"], nomination=n)
    services.nomination_appraise(actor=cycle["office"], nomination=n, result="eligible")
    n.refresh_from_db()  # CSTĐ tỉnh is first shown to the public for comments...
    n.notice_until = datetime.date(2025, 11, 20)  # ...a notice that ended before the meeting
    n.save()
    session = services.session_create(
        actor=cycle["office"],
        issuer=cycle["district"],
        title="Họp",
        held_on=datetime.date(2025, 12, 1),
        members=cycle["council"],
        nominations=[n],
    )
    services.session_set_attendance(
        actor=cycle["office"],
        session=session,
        present_user_ids={cycle["council"][0].pk, cycle["council"][1].pk},
    )
    item = session.agenda.get()
    services.vote_cast(actor=cycle["council"][0], item=item, choice="agree")
    services.vote_cast(actor=cycle["council"][1], item=item, choice="agree")
    with pytest.raises(ValidationError, match="vắng mặt"):
        services.vote_cast(actor=cycle["council"][2], item=item, choice="agree")
    services.session_close(actor=cycle["office"], session=session)
    n.refresh_from_db()
    # 2 of 3 members is 66.7% < 70% of all members: not passed, although both present agreed.
    assert n.status == Status.FAILED
    assert "cần từ 70% trở lên" in n.events.last().note


def test_simplified_procedure_skips_the_vote(cycle):
    n = nominate(
        cycle,
        person=cycle["people"][0],
        code="giay-khen-huyen-ca-nhan",
        simplified=True,
        commendation_kind="unscheduled",
    )
    services.nomination_submit(actor=cycle["staff"], nomination=n)
    services.nomination_appraise(actor=cycle["office"], nomination=n, result="eligible")
    n.refresh_from_db()
    assert n.status == Status.PASSED
    assert "Thủ tục đơn giản" in n.events.last().note


def test_beyond_authority_is_forwarded_not_decided(cycle):
    n = nominate(
        cycle,
        person=cycle["people"][0],
        code="bang-khen-tinh-ca-nhan",
        simplified=True,
        commendation_kind="unscheduled",
    )
    services.nomination_submit(actor=cycle["staff"], nomination=n)
    services.nomination_appraise(actor=cycle["office"], nomination=n, result="eligible")
    with pytest.raises(ValidationError, match="vượt thẩm quyền"):
        services.decision_draft(
            actor=cycle["office"], issuer=cycle["district"], subject="x", nominations=[n]
        )
    services.nomination_forward(actor=cycle["office"], nomination=n)
    n.refresh_from_db()
    # handed to the province, whose office appraises it as submitted to it (decision 0077)
    assert n.status == Status.SUBMITTED
    assert n.forwarded_from == cycle["district"]
    assert n.issuer.code == "ubnd-tinh-lai-chau"


def test_who_may_act(cycle, make_member, demo_units):
    stranger = make_member("cb.khac", demo_units["ubnd-x-phuc-khoa"], Membership.Role.UNIT_STAFF)
    with pytest.raises(PermissionDenied):
        services.nomination_create(
            actor=stranger,
            nomination=Nomination(
                award_type=AwardType.objects.get(code="lao-dong-tien-tien"),
                nominee_person=cycle["people"][0],
                nominating_unit=cycle["commune"],
                year=2025,
            ),
        )
    n = nominate(cycle, person=cycle["people"][0])
    with pytest.raises(PermissionDenied):
        services.nomination_submit(actor=stranger, nomination=n)
    services.nomination_submit(actor=cycle["staff"], nomination=n)
    with pytest.raises(PermissionDenied):
        services.nomination_appraise(actor=cycle["staff"], nomination=n, result="eligible")
    with pytest.raises(ValidationError, match="lý do"):
        services.nomination_appraise(actor=cycle["office"], nomination=n, result="ineligible")
    services.nomination_withdraw(actor=cycle["staff"], nomination=n, reason="Chuyển công tác")
    n.refresh_from_db()
    assert n.status == Status.WITHDRAWN


def test_eligibility_checklist(cycle):
    person = cycle["people"][0]
    lao_dong = AwardType.objects.get(code="lao-dong-tien-tien")
    cstd = AwardType.objects.get(code="cstd-tinh")
    base = AwardType.objects.get(code="cstd-co-so")
    for year in (2022, 2024):
        AwardGrant.objects.create(
            award_type=base,
            person=person,
            year=year,
            awardee_unit=person.unit,
            decision_reference="QĐ cũ",
        )
    n = nominate(cycle, person=person, code="cstd-tinh", year=2025)
    checks = {c.label: c for c in checklist(n)}
    assert checks["Điều kiện"].level == "warn" and "2023" in checks["Điều kiện"].message
    assert checks["Thẩm quyền"].level == "info"  # a district cannot grant CSTĐ tỉnh
    assert checks["Kỷ luật"].level == "ok" and checks["Trùng lặp"].level == "ok"

    # the register learns of the same title after the nomination was written (an import
    # of past grants): the unit can no longer propose it (decision 0064), the checklist
    # still says so of the one already written
    dup = nominate(cycle, person=person, year=2025)
    AwardGrant.objects.create(
        award_type=lao_dong, person=person, year=2025, awardee_unit=person.unit
    )
    assert {c.label: c.level for c in checklist(dup)}["Trùng lặp"] == "block"
    person.under_discipline = True
    person.save()
    assert {c.label: c.level for c in checklist(dup)}["Kỷ luật"] == "block"
    assert cstd.prerequisite == base


def test_quota_advice(cycle):
    other = Person.objects.create(full_name="Lò Văn C", unit=cycle["commune"], gender="male")
    lao_dong = AwardType.objects.get(code="lao-dong-tien-tien")
    for p in cycle["people"] + [other]:
        AwardGrant.objects.create(
            award_type=lao_dong, person=p, year=2025, awardee_unit=cycle["commune"]
        )
    n = nominate(cycle, person=other, code="cstd-co-so", year=2025)
    quota = {c.label: c for c in checklist(n)}["Tỷ lệ"]
    assert quota.level == "warn" and "1 “Chiến sĩ thi đua cơ sở” so với 3" in quota.message


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_decisions_never_share_a_number(demo_units):
    from awards.reference_data import load_award_rules, load_award_types
    from campaigns.models import DocumentType
    from campaigns.reference_data import load_document_types

    load_document_types(DocumentType)
    load_award_types(AwardType)
    load_award_rules(AwardType)
    district = Unit.objects.get(code="ubnd-tam-duong")
    numbers, errors = [], []
    barrier = threading.Barrier(6)

    def take():
        from django.db import connections

        try:
            barrier.wait()
            numbers.append(services.next_decision_number_in_tx(district, 2025))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert sorted(numbers) == [1, 2, 3, 4, 5, 6]
    # the register continues from there: the next number of the year is 7, of another year 1
    assert services.next_decision_number_in_tx(district, 2025) == 7
    assert services.next_decision_number_in_tx(district, 2026) == 1


def test_cstd_co_so_needs_lao_dong_tien_tien_the_same_year(cycle):
    person = cycle["people"][1]
    n = nominate(cycle, person=person, code="cstd-co-so", year=2025)
    check = {c.label: c for c in checklist(n)}["Điều kiện"]
    assert check.level == "warn" and "năm 2025" in check.message
    AwardGrant.objects.create(
        award_type=AwardType.objects.get(code="lao-dong-tien-tien"),
        person=person,
        year=2025,
        awardee_unit=person.unit,
    )
    assert {c.label: c.level for c in checklist(n)}["Điều kiện"] == "ok"


def test_state_guards_of_the_council(cycle):
    n = nominate(cycle, person=cycle["people"][0])
    services.nomination_submit(actor=cycle["staff"], nomination=n)
    services.nomination_appraise(actor=cycle["office"], nomination=n, result="eligible")
    make = dict(
        actor=cycle["office"],
        issuer=cycle["district"],
        title="Họp",
        held_on=datetime.date(2025, 12, 1),
        members=cycle["council"],
    )
    session = services.session_create(nominations=[n], **make)
    with pytest.raises(ValidationError, match="đang mở"):
        services.session_create(nominations=[n], **make)
    item = session.agenda.get()
    services.vote_cast(actor=cycle["council"][0], item=item, choice="agree")
    with pytest.raises(ValidationError, match="Đã có phiếu"):
        services.session_set_attendance(
            actor=cycle["office"], session=session, present_user_ids=set()
        )
    services.nomination_withdraw(actor=cycle["staff"], nomination=n, reason="Chuyển công tác")
    services.session_close(actor=cycle["office"], session=session)
    n.refresh_from_db()
    assert n.status == Status.WITHDRAWN  # a withdrawn nomination gets no result
    with pytest.raises(ValidationError, match="kết thúc"):
        services.vote_cast(actor=cycle["council"][1], item=item, choice="agree")


def test_votes_wait_for_the_meeting_day(cycle):
    n = nominate(cycle, person=cycle["people"][0])
    services.nomination_submit(actor=cycle["staff"], nomination=n)
    services.nomination_appraise(actor=cycle["office"], nomination=n, result="eligible")
    future = datetime.date.today() + datetime.timedelta(days=3)
    session = services.session_create(
        actor=cycle["office"],
        issuer=cycle["district"],
        title="Họp",
        held_on=future,
        members=cycle["council"],
        nominations=[n],
    )
    with pytest.raises(ValidationError, match="chưa thể bỏ phiếu"):
        services.vote_cast(actor=cycle["council"][0], item=session.agenda.get(), choice="agree")


def test_simplified_only_for_unscheduled_awards(cycle):
    with pytest.raises(ValidationError, match="đột xuất"):
        nominate(cycle, person=cycle["people"][0], code="cstd-co-so", simplified=True)


def test_a_nomination_is_in_one_decision_only(cycle):
    n = nominate(
        cycle,
        person=cycle["people"][0],
        code="giay-khen-huyen-ca-nhan",
        simplified=True,
        commendation_kind="unscheduled",
    )
    services.nomination_submit(actor=cycle["staff"], nomination=n)
    services.nomination_appraise(actor=cycle["office"], nomination=n, result="eligible")
    services.decision_draft(
        actor=cycle["office"], issuer=cycle["district"], subject="A", nominations=[n]
    )
    with pytest.raises(ValidationError, match="quyết định khác"):
        services.decision_draft(
            actor=cycle["office"], issuer=cycle["district"], subject="B", nominations=[n]
        )
    with pytest.raises(ValidationError, match="dự thảo quyết định"):
        services.nomination_forward(actor=cycle["office"], nomination=n)
    with pytest.raises(ValidationError, match="không rút được"):
        services.nomination_withdraw(actor=cycle["staff"], nomination=n, reason="x")


def test_an_edit_cannot_switch_to_the_simplified_procedure(cycle):
    """The rule of nomination_create holds for nomination_update too: an annual nomination
    edited into the simplified procedure would pass at appraisal with no council vote."""
    n = nominate(cycle, person=cycle["people"][0], code="giay-khen-huyen-ca-nhan")
    n.simplified = True
    with pytest.raises(ValidationError, match="đột xuất"):
        services.nomination_update(actor=cycle["staff"], nomination=n)
    n.refresh_from_db()
    assert n.simplified is False
    assert [e.note for e in n.events.all() if not e.note.startswith("Bổ sung tệp")] == [
        ""
    ]  # no "Đã sửa: …" written


def test_appraisal_does_not_pass_a_simplified_nomination_that_is_not_unscheduled(cycle):
    """Defence in depth: a record that slipped past the form (older data, the admin)
    still goes to the council, or back to the unit, never straight to passed."""
    n = nominate(cycle, person=cycle["people"][0], code="giay-khen-huyen-ca-nhan")
    Nomination.objects.filter(pk=n.pk).update(simplified=True)  # as a bypass would leave it
    services.nomination_submit(actor=cycle["staff"], nomination=n)
    with pytest.raises(ValidationError, match="đột xuất"):
        services.nomination_appraise(actor=cycle["office"], nomination=n, result="eligible")
    n.refresh_from_db()
    assert n.status == Status.SUBMITTED
    services.nomination_appraise(
        actor=cycle["office"], nomination=n, result="returned", note="Sửa loại hình khen thưởng"
    )
    n.refresh_from_db()
    assert n.status == Status.RETURNED


def test_an_edit_keeps_the_nominee_within_the_nominating_unit(cycle, demo_units):
    """Staff of two communes cannot move a nomination to the other commune while its
    nominee stays in the first: the rule of nomination_create holds for updates."""
    other = demo_units["ubnd-x-son-binh"]
    Membership.objects.create(user=cycle["staff"], unit=other, role=Membership.Role.UNIT_STAFF)
    n = nominate(cycle, person=cycle["people"][0])
    n.nominating_unit = other
    with pytest.raises(ValidationError, match="phải thuộc đơn vị đề nghị"):
        services.nomination_update(actor=cycle["staff"], nomination=n)
    n.refresh_from_db()
    assert n.nominating_unit == cycle["commune"]


def test_a_draft_moved_to_another_campaign_goes_to_that_campaigns_issuer(cycle, demo):
    province = demo["004"]  # launched by UBND tỉnh Lai Châu, above the commune
    # an award the province gives (a Lao động tiên tiến would stay with the district,
    # which gives it: tests/test_nomination_routing.py)
    n = nominate(cycle, person=cycle["people"][0], code="bang-khen-tinh-ca-nhan")
    assert n.issuer != province.issuer
    n.campaign = province
    services.nomination_update(actor=cycle["staff"], nomination=n)
    n.refresh_from_db()
    assert n.issuer == province.issuer


def test_a_sent_nomination_stays_with_the_body_it_was_sent_to(cycle, demo):
    n = nominate(cycle, person=cycle["people"][0], code="bang-khen-tinh-ca-nhan")
    services.nomination_submit(actor=cycle["staff"], nomination=n)
    services.nomination_appraise(
        actor=cycle["office"], nomination=n, result="returned", note="Bổ sung minh chứng"
    )
    n.refresh_from_db()
    issuer = n.issuer
    n.campaign = demo["004"]
    with pytest.raises(ValidationError, match="chỉ đổi sang phong trào của cơ quan này"):
        services.nomination_update(actor=cycle["staff"], nomination=n)
    n.refresh_from_db()
    assert n.issuer == issuer and n.campaign_id is None


def test_the_admin_correction_keeps_the_nominee_within_the_nominating_unit(
    cycle, demo_units, admin_user
):
    n = nominate(cycle, person=cycle["people"][0])
    n.nominating_unit = demo_units["ubnd-x-son-binh"]
    with pytest.raises(ValidationError, match="phải thuộc đơn vị đề nghị"):
        services.nomination_correct(actor=admin_user, nomination=n, changed=["nominating_unit"])
    n.refresh_from_db()
    assert n.nominating_unit == cycle["commune"]


def test_a_nomination_cannot_be_for_a_year_still_to_come(cycle):
    from django.utils import timezone

    next_year = timezone.localdate().year + 1
    with pytest.raises(ValidationError, match=f"Năm xét phải từ 1945 đến {next_year - 1}"):
        nominate(cycle, person=cycle["people"][0], year=next_year)
    assert not Nomination.objects.exists()
    assert nominate(cycle, person=cycle["people"][0], year=next_year - 1).year == next_year - 1


def test_the_files_each_award_type_requires_before_sending(cycle):
    """CSTĐ cơ sở needs the proof of the initiative as well as the report; the rule is the
    award type's data, checked when the admin edits it."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    n = services.nomination_create(
        actor=cycle["staff"],
        nomination=Nomination(
            award_type=AwardType.objects.get(code="cstd-co-so"),
            nominee_person=cycle["people"][0],
            nominating_unit=cycle["commune"],
            year=2025,
            achievement_summary="Sáng kiến cải tiến quy trình.",
        ),
    )
    services.nomination_add_file(
        actor=cycle["staff"],
        nomination=n,
        upload=SimpleUploadedFile("bc.pdf", b"%PDF-1.4\n%%EOF\n"),
        kind="achievement_report",
    )
    with pytest.raises(ValidationError, match="chưa đính kèm: Minh chứng sáng kiến"):
        services.nomination_submit(actor=cycle["staff"], nomination=n)
    award = AwardType.objects.get(code="cstd-co-so")
    award.required_files = "achievement_report,video"
    with pytest.raises(ValidationError, match="Loại tệp không có: video"):
        award.full_clean()
