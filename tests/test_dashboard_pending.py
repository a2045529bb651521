"""The dashboard shows each role its pending work, each item a link to where it is done:
unit staff (registrations and reports owed, nominations returned, drafts not sent), a
council member (open sessions, items not voted on), the standing office (appraisals,
sessions to prepare, decisions to draft and issue, citizens' comments, who has voted)
and a leader (decisions to sign, sessions to close). Nobody sees another unit's or body's
work, and the queries do not grow with the amount of pending work."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from awards import services
from awards.models import AwardType, CouncilSession
from campaigns.models import Campaign, ReportPeriod
from campaigns.results import services as results
from tests.awards_stage import build_stage, person
from tests.conftest import build_cycle, build_demo, new_member
from tests.factories import nominate
from tests.module_data import data_once
from units.demo import load_units
from units.models import Membership

pytestmark = pytest.mark.django_db


def _built() -> dict:
    units = load_units()
    cycle = build_cycle(units)
    demo = build_demo(units)
    return {"demo_units": units, "demo": demo, "cycle": cycle, "stage": _stage(cycle, demo)}


def _stage(cycle, demo):
    """build_stage (one nomination at every step), a leader of the district, a returned
    nomination with a citizen's comment on an appraised one, and a running campaign of the
    district with a registration deadline and a report period."""
    data = build_stage(cycle)
    data["leader"] = new_member("ld.tamduong", cycle["district"], Membership.Role.LEADER)
    returned = nominate(cycle, person=person(cycle, "Lò Văn Trả Lại"))
    services.nomination_submit(actor=cycle["staff"], nomination=returned)
    services.nomination_appraise(
        actor=cycle["office"], nomination=returned, result="returned", note="Thiếu báo cáo"
    )
    AwardType.objects.filter(code="lao-dong-tien-tien").update(public_notice_days=5)
    noticed = nominate(cycle, person=person(cycle, "Lò Văn Công Khai"))
    services.nomination_submit(actor=cycle["staff"], nomination=noticed)
    services.nomination_appraise(actor=cycle["office"], nomination=noticed, result="eligible")
    noticed.refresh_from_db()
    services.comment_add(
        nomination=noticed,
        name="Nguyễn Văn Dân",
        contact="",
        text="Tôi đồng ý.",
        sender_key="k1",
    )
    today = timezone.localdate()
    campaign = demo["000"]
    Campaign.objects.filter(pk=campaign.pk).update(
        status=Campaign.Status.PUBLISHED,
        end_date=today + datetime.timedelta(days=90),
        registration_deadline=today + datetime.timedelta(days=10),
    )
    campaign.refresh_from_db()
    period = ReportPeriod.objects.create(
        campaign=campaign, kind="interim", due_on=today + datetime.timedelta(days=20)
    )
    return {
        **data,
        "returned": returned,
        "noticed": noticed,
        "campaign": campaign,
        "period": period,
    }


# built once for the module's 22 tests, each in its own savepoint with its own copy of the
# objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, demo, cycle, stage = data_once(
    _built, "demo_units", "demo", "cycle", "stage"
)


def page(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("staff:dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def test_unit_staff_see_what_their_unit_owes_with_links(client, stage):
    html = page(client, stage["staff"])
    campaign, period, commune = stage["campaign"], stage["period"], stage["commune"]
    assert "Phong trào chưa đăng ký (1)" in html
    assert reverse("tracking:register", args=[commune.pk, campaign.pk]) in html
    assert "Báo cáo chưa nộp (1)" in html
    assert reverse("tracking:report", args=[commune.pk, period.pk]) in html
    assert "Bị trả lại, cần bổ sung (1)" in html
    assert reverse("awards:nomination_detail", args=[stage["returned"].pk]) in html
    assert "Thiếu báo cáo" in html
    assert "Dự thảo chưa gửi (1)" in html
    assert reverse("awards:nomination_detail", args=[stage["draft"].pk]) in html
    # the office's and council's panels are not theirs
    assert "Hồ sơ chờ thẩm định" not in html and "phiếu cần bỏ" not in html


def test_registered_and_reported_work_leaves_the_dashboard(client, stage):
    campaign, period, commune, staff = (
        stage["campaign"],
        stage["period"],
        stage["commune"],
        stage["staff"],
    )
    criterion = results.criterion_add(
        actor=stage["office"], campaign=campaign, name="Thu ngân sách", kind="numeric"
    )
    results.registration_submit(actor=staff, campaign=campaign, unit=commune, targets={})
    results.report_save(
        actor=staff,
        period=period,
        unit=commune,
        values={criterion.pk: (Decimal(5), "")},
        submit=True,
    )
    html = page(client, staff)
    assert "Phong trào chưa đăng ký" not in html and "Báo cáo chưa nộp" not in html
    assert "Đơn vị đã đăng ký và báo cáo đủ" in html


def test_a_passed_registration_deadline_is_not_pending(client, stage):
    Campaign.objects.filter(pk=stage["campaign"].pk).update(
        registration_deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert "Phong trào chưa đăng ký" not in page(client, stage["staff"])


def test_unit_staff_of_another_unit_see_none_of_it(client, stage, demo_units, make_member):
    other = make_member("cb.khac", demo_units["ubnd-tp-lai-chau"], Membership.Role.UNIT_STAFF)
    html = page(client, other)
    assert reverse("awards:nomination_detail", args=[stage["returned"].pk]) not in html
    assert reverse("awards:nomination_detail", args=[stage["draft"].pk]) not in html
    assert "Bị trả lại" not in html and "Dự thảo chưa gửi" not in html
    assert (
        reverse("tracking:register", args=[stage["commune"].pk, stage["campaign"].pk]) not in html
    )


def test_council_member_sees_the_sessions_to_vote_in(client, stage):
    member = stage["council"][0]
    session = stage["session"]
    html = page(client, member)
    assert "Bạn còn <strong>1</strong> hồ sơ chưa bỏ phiếu trong 1 phiên họp" in html
    assert reverse("awards:session_detail", args=[session.pk]) in html
    assert "còn 1 hồ sơ chưa bỏ phiếu" in html
    services.vote_cast(actor=member, item=stage["item"], choice="agree")
    html = page(client, member)
    assert (
        "không còn hồ sơ nào phải bỏ phiếu trong 1 phiên họp" in html and "đã bỏ phiếu đủ" in html
    )
    # another member still has it to do
    assert "còn 1 hồ sơ chưa bỏ phiếu" in page(client, stage["council"][1])


def test_a_session_dated_later_is_not_yet_a_vote_to_cast(client, stage):
    """A session set for a later day is listed with the day its ballot opens; its items
    are not counted as votes the member owes today (the ballot refuses them until then)."""
    member = stage["council"][0]
    session = stage["session"]
    later = timezone.localdate() + datetime.timedelta(days=3)
    CouncilSession.objects.filter(pk=session.pk).update(held_on=later)
    html = page(client, member)
    assert "Hôm nay bạn không còn hồ sơ nào phải bỏ phiếu trong 1 phiên họp" in html
    assert f"bỏ phiếu từ ngày {later:%d/%m/%Y}" in html
    assert reverse("awards:session_detail", args=[session.pk]) in html


def test_council_member_of_another_body_sees_no_session(client, stage, demo_units, make_member):
    other = make_member("hd.khac", demo_units["ubnd-tp-lai-chau"], Membership.Role.COUNCIL_MEMBER)
    html = page(client, other)
    assert reverse("awards:session_detail", args=[stage["session"].pk]) not in html
    assert "Không có phiên họp nào đang mở" in html


def test_office_sees_every_step_that_waits_for_it(client, stage):
    html = page(client, stage["office"])
    inbox = reverse("awards:inbox") + "?status=waiting"  # those only (decision 0057)
    assert f'<a href="{inbox}">Hồ sơ chờ thẩm định: <strong>1</strong></a>' in html
    # appraised and on no open agenda: "appraised" and "noticed"
    assert "chờ đưa ra Hội đồng: <strong>2</strong>" in html
    assert reverse("awards:session_create") in html
    # passed (simplified procedure) and in no decision: "passed" within the district's
    # authority is to be decided; "beyond" (a provincial Bằng khen) is to be forwarded,
    # and the draft-decision form would not offer it
    assert "chờ lập quyết định: <strong>1</strong>" in html
    assert reverse("awards:decision_create") in html
    assert "vượt thẩm quyền, chờ trình cấp trên (1)" in html
    assert reverse("awards:nomination_review", args=[stage["beyond"].pk]) in html
    assert "Dự thảo quyết định chờ ban hành (1)" in html
    assert reverse("awards:decision_detail", args=[stage["decision"].pk]) in html
    assert "Phiên họp đang mở (1)" in html
    assert "0/3 thành viên có mặt đã bỏ phiếu; 0 phiếu trên 1 hồ sơ" in html
    assert "Ý kiến người dân chờ xem xét (1)" in html
    assert reverse("awards:nomination_review", args=[stage["noticed"].pk]) + "#comments" in html


def test_office_sees_how_many_members_have_voted(client, stage):
    for member in stage["council"][:2]:
        services.vote_cast(actor=member, item=stage["item"], choice="agree")
    assert "2/3 thành viên có mặt đã bỏ phiếu; 2 phiếu trên 1 hồ sơ" in page(
        client, stage["office"]
    )


def test_office_of_another_body_sees_none_of_it(client, stage, demo_units, make_member):
    other = make_member("nv.khac", demo_units["ubnd-tp-lai-chau"], Membership.Role.OFFICE_STAFF)
    html = page(client, other)
    assert "Hồ sơ chờ thẩm định: <strong>0</strong>" in html
    assert reverse("awards:decision_detail", args=[stage["decision"].pk]) not in html
    assert reverse("awards:session_detail", args=[stage["session"].pk]) not in html
    assert "Ý kiến người dân" not in html


def test_leader_sees_decisions_to_sign_and_sessions_to_close(client, stage):
    leader, decision, session = stage["leader"], stage["decision"], stage["session"]
    html = page(client, leader)
    assert "Dự thảo quyết định chờ ký, ban hành (1)" in html
    assert reverse("awards:decision_detail", args=[decision.pk]) in html
    assert "Phiên họp cần kết thúc (1)" in html
    assert reverse("awards:session_detail", args=[session.pk]) in html
    # each link opens: the decision to read (the office issues it), the session to close
    detail = client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert "Xem PDF dự thảo" in detail and "Ban hành" not in detail
    assert client.get(reverse("awards:decision_pdf", args=[decision.pk])).status_code == 200
    session_page = client.get(reverse("awards:session_detail", args=[session.pk]))
    assert "Kết thúc phiên họp" in session_page.content.decode()
    for member in stage["council"]:
        services.vote_cast(actor=member, item=stage["item"], choice="agree")
    response = client.post(reverse("awards:session_close", args=[session.pk]), follow=True)
    assert "Đã kết thúc phiên họp" in response.content.decode()
    session.refresh_from_db()
    assert session.status == CouncilSession.Status.CLOSED
    assert "Phiên họp cần kết thúc" not in page(client, leader)


def test_leader_cannot_issue_a_decision(client, stage):
    client.force_login(stage["leader"])
    response = client.post(
        reverse("awards:decision_issue", args=[stage["decision"].pk]), follow=True
    )
    assert response.status_code == 403  # refused: only the office issues
    stage["decision"].refresh_from_db()
    assert stage["decision"].status == "draft"


def test_leader_of_another_body_sees_and_opens_nothing(client, stage, demo_units, make_member):
    other = make_member("ld.khac", demo_units["ubnd-tp-lai-chau"], Membership.Role.LEADER)
    html = page(client, other)
    assert reverse("awards:decision_detail", args=[stage["decision"].pk]) not in html
    assert "Không có quyết định nào chờ ký" in html
    decision_url = reverse("awards:decision_detail", args=[stage["decision"].pk])
    assert client.get(decision_url).status_code == 404
    session_url = reverse("awards:session_detail", args=[stage["session"].pk])
    assert client.get(session_url).status_code == 404
    client.post(reverse("awards:session_close", args=[stage["session"].pk]))
    stage["session"].refresh_from_db()
    assert stage["session"].status == CouncilSession.Status.OPEN


def _more_pending_work(stage, times: int) -> None:
    """`times` more of every kind of pending work, for every role."""
    cycle = stage
    for i in range(times):
        draft = nominate(cycle, person=person(cycle, f"Lò Văn Thêm {i}"))
        returned = nominate(cycle, person=person(cycle, f"Lò Văn Trả {i}"))
        appraised = nominate(cycle, person=person(cycle, f"Lò Văn Họp {i}"))
        for n in (returned, appraised):
            services.nomination_submit(actor=cycle["staff"], nomination=n)
        services.nomination_appraise(
            actor=cycle["office"], nomination=returned, result="returned", note="Bổ sung"
        )
        services.nomination_appraise(actor=cycle["office"], nomination=appraised, result="eligible")
        appraised.refresh_from_db()
        services.comment_add(
            nomination=appraised, name="Dân", contact="", text="Đồng ý", sender_key=f"s{i}"
        )
        services.session_create(
            actor=cycle["office"],
            issuer=cycle["district"],
            title=f"Phiên họp thêm {i}",
            held_on=datetime.date(2025, 12, 2),
            members=cycle["council"],
            nominations=[],
        )
        services.decision_draft(
            actor=cycle["office"], issuer=cycle["district"], subject=f"Dự thảo {i}", nominations=[]
        )
        ReportPeriod.objects.create(
            campaign=stage["campaign"],
            kind="final",
            due_on=timezone.localdate() + datetime.timedelta(days=30 + i),
        )
        assert draft.pk


@pytest.mark.parametrize("role", ["staff", "office", "council", "leader"])
def test_dashboard_queries_do_not_grow_with_pending_work(
    client, stage, role, django_assert_max_num_queries
):
    user = stage["council"][0] if role == "council" else stage[role]
    client.force_login(user)
    url = reverse("staff:dashboard")
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as once:
        assert client.get(url).status_code == 200
    _more_pending_work(stage, 10)
    with django_assert_max_num_queries(len(once)):
        html = client.get(url).content.decode()
    assert "Xem đủ" in html or role == "staff"


def test_reports_owed_after_many_submitted_ones_are_still_named(client, stage, monkeypatch):
    """The count is periods less reports submitted, and the first owed are looked for
    among the nearest periods, then asked of the database (decision 0020): a report owed
    behind submitted ones is still counted and linked."""
    from campaigns.results import selectors as tracking

    monkeypatch.setattr(tracking, "PERIODS_CHUNK", 1)
    campaign, period, commune, staff = (
        stage["campaign"],
        stage["period"],
        stage["commune"],
        stage["staff"],
    )
    later = ReportPeriod.objects.create(
        campaign=campaign, kind="final", due_on=period.due_on + datetime.timedelta(days=30)
    )
    criterion = results.criterion_add(
        actor=stage["office"], campaign=campaign, name="Thu ngân sách", kind="numeric"
    )
    results.report_save(
        actor=staff,
        period=period,
        unit=commune,
        values={criterion.pk: (Decimal(5), "")},
        submit=True,
    )
    html = page(client, staff)
    assert "Báo cáo chưa nộp (1)" in html
    assert reverse("tracking:report", args=[commune.pk, later.pk]) in html
    assert reverse("tracking:report", args=[commune.pk, period.pk]) not in html


def _dashboard_statements(client, user) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(user)
    url = reverse("staff:dashboard")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries]


def test_the_superusers_dashboard_reads_each_list_once(client, stage, admin_user):
    """A superuser leads the bodies whose office they are: the leader's panel shows the
    office's draft decisions and open sessions without reading them again (decision 0025),
    and still shows them."""
    statements = _dashboard_statements(client, admin_user)
    repeated = {sql for sql in statements if statements.count(sql) > 1}
    assert not repeated, repeated
    html = page(client, admin_user)
    assert "Dự thảo quyết định chờ ký, ban hành (1)" in html
    assert "Dự thảo quyết định chờ ban hành (1)" in html
    assert "Phiên họp cần kết thúc (1)" in html
    assert reverse("awards:decision_detail", args=[stage["decision"].pk]) in html


def test_the_superusers_lists_are_filtered_by_ids_not_by_a_query_of_units(
    client, stage, admin_user
):
    """The campaigns and nominations of a superuser's (or an office's) bodies are asked for
    with the bodies' ids written out: behind a subquery over units PostgreSQL guessed they
    held 1 % of the rows, and read and sorted all 20,000 campaigns for a page of 50
    (decision 0025)."""
    statements = _dashboard_statements(client, admin_user)
    for table in ("campaigns_campaign", "awards_nomination"):
        filtered = [sql for sql in statements if f'FROM "{table}"' in sql]
        assert filtered, table
        by_subquery = [sql for sql in filtered if f'"{table}"."issuer_id" IN (SELECT' in sql]
        assert not by_subquery, by_subquery


def test_registrations_owed_behind_registered_ones_are_still_named(
    client, stage, demo, monkeypatch
):
    """Registrations owed are counted as open campaigns less those registered for, and the
    first are looked for among the nearest, then asked of the database (decision 0025): a
    campaign still to register for, behind one registered for, is counted and linked."""
    from campaigns.results import selectors as tracking

    monkeypatch.setattr(tracking, "PERIODS_CHUNK", 1)
    campaign, commune, staff = stage["campaign"], stage["commune"], stage["staff"]
    later = demo["001"]
    Campaign.objects.filter(pk=later.pk).update(
        issuer=campaign.issuer,
        status=Campaign.Status.PUBLISHED,
        end_date=campaign.end_date,
        registration_deadline=campaign.registration_deadline + datetime.timedelta(days=5),
    )
    results.registration_submit(actor=staff, campaign=campaign, unit=commune, targets={})
    html = page(client, staff)
    assert "Phong trào chưa đăng ký (1)" in html
    assert reverse("tracking:register", args=[commune.pk, later.pk]) in html
    assert reverse("tracking:register", args=[commune.pk, campaign.pk]) not in html


def test_an_office_whose_level_decides_no_award_forwards_every_passed_one(client, stage):
    """The authority test is written as ids (the award types each level grants, decision
    0025): a level that grants none decides nothing and forwards every passed nomination."""
    AwardType.objects.update(grantor_levels="province")
    html = page(client, stage["office"])
    assert "chờ lập quyết định: <strong>0</strong>" in html
    assert "vượt thẩm quyền, chờ trình cấp trên (2)" in html
    assert reverse("awards:nomination_review", args=[stage["passed"].pk]) in html
