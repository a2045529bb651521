"""The awards cycle through the web pages, and who may open what."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import AwardGrant, AwardType, CouncilSession, Decision, Nomination
from tests.factories import attach_files
from units.models import Membership, Person

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def world(demo_units, make_member, client):
    district = demo_units["ubnd-tam-duong"]
    commune = demo_units["ubnd-x-binh-lu"]
    people = [
        Person.objects.create(full_name=n, unit=commune, gender="female")
        for n in ("Lò Thị Én", "Tòng Thị Phương")
    ]
    return {
        "district": district,
        "commune": commune,
        "people": people,
        "unit": make_member("cb.binhlu", commune, Membership.Role.UNIT_STAFF),
        "other_unit": make_member(
            "cb.sonbinh", demo_units["ubnd-x-son-binh"], Membership.Role.UNIT_STAFF
        ),
        "office": make_member("nv.tamduong", district, Membership.Role.OFFICE_STAFF),
        "other_office": make_member(
            "nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF
        ),
        "council": [
            make_member(f"hd.{i}", district, Membership.Role.COUNCIL_MEMBER) for i in range(3)
        ],
    }


def as_user(client, user):
    client.force_login(user)
    return client


def test_full_cycle_through_the_pages(client, world):
    c = as_user(client, world["unit"])
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    ids = []
    for person in world["people"]:
        response = c.post(
            reverse("awards:nomination_create"),
            {
                "nominating_unit": world["commune"].pk,
                "nominee_kind": "person",
                "nominee_person": person.pk,
                "award_type": ldtt.pk,
                "commendation_kind": "annual",
                "year": 2025,
                "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ năm 2025.",
            },
        )
        assert response.status_code == 302, response.context["form"].errors
        ids.append(int(response["Location"].rstrip("/").split("/")[-1]))
    c.post(
        reverse("awards:nomination_file", args=[ids[0]]),
        {"file": SimpleUploadedFile("bao-cao.pdf", PDF), "kind": "achievement_report"},
    )
    # the second has no achievement report yet: nothing is sent, the page says which
    response = c.post(reverse("awards:nomination_submit_many"), {"ids": ids}, follow=True)
    assert "chưa đính kèm: Báo cáo thành tích" in response.content.decode()
    assert not Nomination.objects.filter(pk__in=ids).exclude(status="draft").exists()
    c.post(
        reverse("awards:nomination_file", args=[ids[1]]),
        {"file": SimpleUploadedFile("bao-cao-2.pdf", PDF), "kind": "achievement_report"},
    )
    response = c.post(reverse("awards:nomination_submit_many"), {"ids": ids}, follow=True)
    assert "Đã gửi 2 hồ sơ." in response.content.decode()

    o = as_user(client, world["office"])
    inbox = o.get(reverse("awards:inbox")).content.decode()
    assert "Lò Thị Én" in inbox and "Tòng Thị Phương" in inbox
    detail = o.get(reverse("awards:nomination_detail", args=[ids[0]])).content.decode()
    assert "Kiểm tra điều kiện" in detail and "Trùng lặp" in detail and "bao-cao.pdf" in detail
    for pk in ids:
        o.post(reverse("awards:nomination_appraise", args=[pk]), {"result": "eligible"})
    assert Nomination.objects.filter(status="appraised").count() == 2
    response = o.post(
        reverse("awards:session_create"),
        {
            "issuer": world["district"].pk,
            "title": "Họp xét thi đua năm 2025",
            "held_on": "20/12/2025",
            "members": [m.pk for m in world["council"]],
            "nominations": ids,
        },
    )
    session = CouncilSession.objects.get()
    assert response.status_code == 302

    for member in world["council"]:
        m = as_user(client, member)
        page = m.get(reverse("awards:session_detail", args=[session.pk])).content.decode()
        assert "Bỏ phiếu" in page
        for item in session.agenda.all():
            m.post(reverse("awards:vote", args=[session.pk, item.pk]), {"choice": "agree"})
    o = as_user(client, world["office"])
    o.post(reverse("awards:session_close", args=[session.pk]))
    assert Nomination.objects.filter(status="passed").count() == 2
    minutes = o.get(reverse("awards:session_minutes", args=[session.pk]))
    assert minutes["Content-Type"] == "application/pdf"

    o.post(
        reverse("awards:decision_create"),
        {
            "issuer": world["district"].pk,
            "subject": "Về việc tặng danh hiệu Lao động tiên tiến năm 2025",
            "place": "Tam Đường",
            "signing_authority": "",
            "signer_title": "CHỦ TỊCH",
            "signer_name": "Sùng Lữ Páo",
            "nominations": ids,
        },
    )
    decision = Decision.objects.get()
    o.post(reverse("awards:decision_issue", args=[decision.pk]))
    decision.refresh_from_db()
    assert decision.status == "issued" and decision.number == 1
    assert AwardGrant.objects.count() == 2
    assert (
        o.get(reverse("awards:certificates_pdf", args=[decision.pk]))["Content-Type"]
        == "application/pdf"
    )

    client.logout()
    public = client.get(
        reverse("awards_public:decision_detail", args=[decision.pk])
    ).content.decode()
    assert "Lò Thị Én" in public and "01/QĐ-UBND" in public
    roll = client.get(
        reverse("awards_public:honour_roll"), {"q": "tong thi phuong"}
    ).content.decode()
    assert "Tòng Thị Phương" in roll and "Lò Thị Én" not in roll
    assert (
        client.get(reverse("awards_public:decision_pdf", args=[decision.pk]))["Content-Type"]
        == "application/pdf"
    )


def test_nominations_of_another_unit_are_404(client, world):
    n = Nomination.objects.create(
        award_type=AwardType.objects.get(code="lao-dong-tien-tien"),
        nominee_person=world["people"][0],
        nominating_unit=world["commune"],
        issuer=world["district"],
        year=2025,
        status="submitted",
    )
    url = reverse("awards:nomination_detail", args=[n.pk])
    for who in ("other_unit", "other_office"):
        response = as_user(client, world[who]).get(url)
        assert response.status_code == 404
        assert (
            "Lò Thị Én"
            not in as_user(client, world[who])
            .get(reverse("awards:nomination_list"))
            .content.decode()
        )
    for who in ("unit", "office"):
        response = as_user(client, world[who]).get(url)
        assert response.status_code == 200 and "Lò Thị Én" in response.content.decode()
    response = as_user(client, world["other_office"]).post(
        reverse("awards:nomination_appraise", args=[n.pk]), {"result": "eligible"}
    )
    assert response.status_code == 404
    n.refresh_from_db()
    assert n.status == "submitted"
    client.logout()
    assert client.get(url).status_code == 302


def test_draft_decisions_are_not_public(client, world):
    decision = Decision.objects.create(issuer=world["district"], year=2025, subject="Dự thảo")
    assert (
        client.get(reverse("awards_public:decision_detail", args=[decision.pk])).status_code == 404
    )


def test_unit_edits_a_returned_nomination_and_the_office_never_sees_drafts(client, world):
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    c = as_user(client, world["unit"])
    c.post(
        reverse("awards:nomination_create"),
        {
            "nominating_unit": world["commune"].pk,
            "nominee_kind": "person",
            "nominee_person": world["people"][0].pk,
            "award_type": ldtt.pk,
            "commendation_kind": "annual",
            "year": 2025,
            "achievement_summary": "Bản đầu.",
        },
    )
    n = Nomination.objects.get()
    assert (
        as_user(client, world["office"])
        .get(reverse("awards:nomination_detail", args=[n.pk]))
        .status_code
        == 404
    )
    c = as_user(client, world["unit"])
    edit = reverse("awards:nomination_edit", args=[n.pk])
    data = {
        "nominating_unit": world["commune"].pk,
        "nominee_kind": "person",
        "nominee_person": world["people"][0].pk,
        "award_type": ldtt.pk,
        "commendation_kind": "annual",
        "year": 2025,
        "achievement_summary": "Bản đã bổ sung sáng kiến.",
    }
    assert c.post(edit, data).status_code == 302
    n.refresh_from_db()
    assert n.achievement_summary == "Bản đã bổ sung sáng kiến." and n.status == "draft"
    assert as_user(client, world["other_unit"]).post(edit, data).status_code == 404


def test_named_votes_are_shown_after_closing_and_bad_query_strings_do_not_crash(client, world):
    from awards import services

    n = services.nomination_create(
        actor=world["unit"],
        nomination=Nomination(
            award_type=AwardType.objects.get(code="lao-dong-tien-tien"),
            nominee_person=world["people"][0],
            nominating_unit=world["commune"],
            year=2025,
            achievement_summary="x",
        ),
    )
    attach_files(n, world["unit"])
    services.nomination_submit(actor=world["unit"], nomination=n)
    services.nomination_appraise(actor=world["office"], nomination=n, result="eligible")
    import datetime

    session = services.session_create(
        actor=world["office"],
        issuer=world["district"],
        title="Họp",
        held_on=datetime.date(2025, 12, 1),
        members=world["council"],
        nominations=[n],
    )
    for member in world["council"]:
        services.vote_cast(actor=member, item=session.agenda.get(), choice="agree")
    services.session_close(actor=world["office"], session=session)
    page = (
        as_user(client, world["office"])
        .get(reverse("awards:session_detail", args=[session.pk]))
        .content.decode()
    )
    assert "hd.0: Đồng ý" in page  # LĐTT is voted by name
    response = as_user(client, world["office"]).get(
        reverse("awards:submission_pdf"), {"co_quan": "abc"}, follow=True
    )
    assert response.redirect_chain == [(reverse("awards:decision_list"), 302)]
    assert "Chưa lập được tờ trình" in response.content.decode()


def test_honour_roll_filters_by_award_type(client, demo, demo_units):
    from awards.demo import load_demo_cycle
    from units.demo import load_demo_users

    load_demo_users(demo_units)
    load_demo_cycle()
    collective = AwardType.objects.get(code="tap-the-ldtt")
    page = client.get(
        reverse("awards_public:honour_roll"), {"danh_hieu": collective.pk}
    ).content.decode()
    assert "UBND phường Tân Phong" in page and "Lò Thị Mai" not in page


def test_the_inbox_filters_by_typed_unit_name_without_diacritics(client, make_member, demo_units):
    from awards import services
    from awards.models import AwardType, Nomination
    from units.models import Membership, Person

    district = demo_units["ubnd-tam-duong"]
    office = make_member("nv.loc", district, Membership.Role.OFFICE_STAFF)
    for code in ("ubnd-x-binh-lu", "ubnd-x-son-binh"):
        unit = demo_units[code]
        staff = make_member(f"cb.{code}", unit)
        person = Person.objects.create(full_name=f"Người của {unit.name}", unit=unit, gender="male")
        nomination = services.nomination_create(
            actor=staff,
            nomination=Nomination(
                award_type=AwardType.objects.get(code="lao-dong-tien-tien"),
                nominee_person=person,
                nominating_unit=unit,
                year=2025,
                achievement_summary="Hoàn thành tốt nhiệm vụ.",
            ),
        )
        attach_files(nomination, staff)
        services.nomination_submit(actor=staff, nomination=nomination)
    client.force_login(office)
    page = client.get(reverse("awards:inbox"), {"unit": "binh lu"}).content.decode()
    assert "Người của UBND xã Bình Lư" in page and "Sơn Bình" not in page


def test_editing_a_nomination_into_the_simplified_procedure_is_refused(client, world):
    """The edit page refuses what the create page refuses: the simplified procedure
    for anything but an unscheduled award, with the message beside the box."""
    from awards import services

    award = AwardType.objects.get(code="giay-khen-huyen-ca-nhan")
    n = services.nomination_create(
        actor=world["unit"],
        nomination=Nomination(
            award_type=award,
            nominee_person=world["people"][0],
            nominating_unit=world["commune"],
            year=2025,
            achievement_summary="Cứu người trong lũ.",
        ),
    )
    data = {
        "nominating_unit": world["commune"].pk,
        "nominee_kind": "person",
        "nominee_person": world["people"][0].pk,
        "award_type": award.pk,
        "commendation_kind": "annual",
        "year": 2025,
        "simplified": "on",
        "achievement_summary": "Cứu người trong lũ.",
    }
    response = as_user(client, world["unit"]).post(
        reverse("awards:nomination_edit", args=[n.pk]), data
    )
    assert response.status_code == 200
    assert response.context["form"].errors["simplified"] == [
        "Thủ tục đơn giản chỉ dùng cho khen thưởng đột xuất."
    ]
    n.refresh_from_db()
    assert n.simplified is False
    data["commendation_kind"] = "unscheduled"
    assert client.post(reverse("awards:nomination_edit", args=[n.pk]), data).status_code == 302
    n.refresh_from_db()
    assert n.simplified is True and n.commendation_kind == "unscheduled"


def test_attendance_of_a_closed_session_is_refused_with_a_message(client, cycle):
    """Was a 500: the view caught only PermissionDenied."""
    from tests.awards_stage import build_stage

    stage = build_stage(cycle)
    closed = stage["closed_session"]
    before = list(closed.seats.order_by("pk").values_list("user_id", "present"))
    client.force_login(stage["office"])
    response = client.post(
        reverse("awards:session_attendance", args=[closed.pk]),
        {"present": [stage["council"][0].pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "Phiên họp đã kết thúc: không sửa điểm danh." in response.content.decode()
    assert list(closed.seats.order_by("pk").values_list("user_id", "present")) == before


def _staff_posts(stage) -> list[tuple[str, str, list, dict]]:
    """(service the view calls, url name, url args, valid form data) for every staff POST
    that writes through a service."""
    commune, district = stage["commune"], stage["district"]
    nomination_data = {
        "nominating_unit": commune.pk,
        "nominee_kind": "household",
        "nominee_household": "Hộ ông Lò Văn A",
        "award_type": AwardType.objects.get(code="gia-dinh-van-hoa").pk,
        "commendation_kind": "annual",
        "year": 2025,
        "achievement_summary": "Gia đình văn hóa tiêu biểu.",
    }
    return [
        ("nomination_create", "awards:nomination_create", [], nomination_data),
        ("nomination_update", "awards:nomination_edit", [stage["draft"].pk], nomination_data),
        ("nomination_submit", "awards:nomination_submit", [stage["draft"].pk], {}),
        (
            "nomination_submit_many",
            "awards:nomination_submit_many",
            [],
            {"ids": [stage["draft"].pk]},
        ),
        (
            "nomination_withdraw",
            "awards:nomination_withdraw",
            [stage["draft"].pk],
            {"reason": "Lý do"},
        ),
        (
            "nomination_add_file",
            "awards:nomination_file",
            [stage["draft"].pk],
            {"file": SimpleUploadedFile("bc.pdf", PDF), "kind": "other"},
        ),
        (
            "nomination_appraise",
            "awards:nomination_appraise",
            [stage["submitted"].pk],
            {"result": "eligible"},
        ),
        ("nomination_forward", "awards:nomination_forward", [stage["beyond"].pk], {}),
        (
            "session_create",
            "awards:session_create",
            [],
            {
                "issuer": district.pk,
                "title": "Họp",
                "held_on": "20/12/2025",
                "members": [m.pk for m in stage["council"]],
                "nominations": [stage["appraised"].pk],
            },
        ),
        (
            "session_set_attendance",
            "awards:session_attendance",
            [stage["session"].pk],
            {"present": [stage["council"][0].pk]},
        ),
        (
            "vote_cast",
            "awards:vote",
            [stage["session"].pk, stage["item"].pk],
            {"choice": "agree"},
        ),
        ("session_close", "awards:session_close", [stage["session"].pk], {}),
        (
            "decision_draft",
            "awards:decision_create",
            [],
            {
                "issuer": district.pk,
                "subject": "Về việc khen thưởng",
                "signer_title": "CHỦ TỊCH",
                "signer_name": "Sùng Lữ Páo",
                "nominations": [stage["passed"].pk],
            },
        ),
        ("decision_issue", "awards:decision_issue", [stage["decision"].pk], {}),
    ]


ACTORS = {
    "nomination_create": "staff",
    "nomination_update": "staff",
    "nomination_submit": "staff",
    "nomination_submit_many": "staff",
    "nomination_withdraw": "staff",
    "nomination_add_file": "staff",
    "vote_cast": "council",
}


SERVICES = [
    "nomination_create",
    "nomination_update",
    "nomination_submit",
    "nomination_submit_many",
    "nomination_withdraw",
    "nomination_add_file",
    "nomination_appraise",
    "nomination_forward",
    "session_create",
    "session_set_attendance",
    "vote_cast",
    "session_close",
    "decision_draft",
    "decision_issue",
]


@pytest.mark.parametrize("service", SERVICES)
def test_a_refusal_of_any_service_is_shown_to_the_user_never_a_500(
    client, cycle, monkeypatch, service
):
    """Whatever a service refuses (ValidationError) reaches the user as a message,
    on the form or on the page it returns to; the test client re-raises any 500."""
    from awards import services
    from tests.awards_stage import build_stage

    stage = build_stage(cycle)
    _, name, args, data = next(row for row in _staff_posts(stage) if row[0] == service)

    def refuse(**kwargs):
        raise ValidationError("Dịch vụ từ chối: lý do thử nghiệm.")

    monkeypatch.setattr(services, service, refuse)
    who = ACTORS.get(service, "office")
    client.force_login(stage[who][0] if who == "council" else stage[who])
    response = client.post(reverse(name, args=args), data, follow=True)
    assert response.status_code == 200
    assert "Dịch vụ từ chối: lý do thử nghiệm." in response.content.decode()


def test_a_council_member_reads_the_eligibility_check_of_a_dossier_on_the_agenda(client, cycle):
    """The member's dossier page had no eligibility check: only the office's appraisal
    page showed it (decision 0027, found and not fixed). The member reads the same
    checks, with none of the office's forms."""
    from awards.eligibility import checklist
    from tests.awards_stage import build_stage

    stage = build_stage(cycle)
    nomination = stage["on_agenda"]
    client.force_login(cycle["council"][0])
    html = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert "Kiểm tra điều kiện (tham khảo)" in html
    for check in checklist(nomination):
        assert check.message in html
    assert reverse("awards:nomination_appraise", args=[nomination.pk]) not in html
    assert reverse("awards:nomination_forward", args=[nomination.pk]) not in html
    assert "Ý kiến của người dân" not in html


def test_the_leader_reads_the_eligibility_check_of_a_dossier_of_the_body(
    client, cycle, make_member
):
    """Council members read the office's eligibility check on the dossier page (decision
    0027, explore2); the leader of the body that decides, who chairs the council and signs
    the decision, did not (explore3). The leader reads the same checks, read only; the
    nominating unit still does not."""
    from awards.eligibility import checklist
    from tests.awards_stage import build_stage

    stage = build_stage(cycle)
    leader = make_member("ld.tamduong", cycle["district"], Membership.Role.LEADER)
    nomination = stage["on_agenda"]
    client.force_login(leader)
    html = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert "Kiểm tra điều kiện (tham khảo)" in html
    for check in checklist(nomination):
        assert check.message in html
    assert "chỉ để xem" in html
    assert reverse("awards:nomination_appraise", args=[nomination.pk]) not in html
    assert reverse("awards:nomination_forward", args=[nomination.pk]) not in html
    assert "Ý kiến của người dân" not in html

    client.force_login(cycle["staff"])
    html = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert "Kiểm tra điều kiện (tham khảo)" not in html


def test_decisions_of_the_same_number_are_told_apart_by_date_and_body(
    client, demo, demo_units, django_user_model
):  # fmt: skip
    """Two bodies both issue "01/QĐ-UBND" each year: the honour roll and the staff list
    say whose and of what day (decision 0067's left item)."""
    from awards.demo import load_demo_cycle
    from awards.models import Decision
    from units.demo import load_demo_users

    load_demo_users(demo_units)
    load_demo_cycle()
    decision = (
        Decision.objects.filter(status=Decision.Status.ISSUED).select_related("issuer").first()
    )
    page = client.get(reverse("awards_public:honour_roll")).content.decode()
    assert (
        f"Số {decision.number_symbol} ngày {decision.issued_on:%d/%m/%Y}</a>"
        f" <small>{decision.issuer.name}</small>"
    ) in page
    client.force_login(django_user_model.objects.get(username="vanphong.tp"))
    staff = client.get(reverse("awards:decision_list")).content.decode()
    assert f"{decision}</a> ngày {decision.issued_on:%d/%m/%Y} của {decision.issuer.name}" in staff
