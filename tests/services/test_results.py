"""Results tracking: registrations, reports (late, missing), attainment, blocs and ranking,
with figures checked against hand-computed values on a small fixture."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from campaigns.models import BlocScore, Criterion, ReportPeriod, ResultReport
from campaigns.results import reminders, selectors, services
from tests.conftest import new_member
from tests.factories import still_running
from tests.module_data import built_demo, data_once
from units.models import Membership

pytestmark = pytest.mark.django_db
D = Decimal


def _setup(demo, demo_units, make_member):
    campaign = demo["000"]  # Tam Đường
    still_running(campaign)
    office = make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)
    communes = [demo_units[c] for c in ("ubnd-tt-tam-duong", "ubnd-x-binh-lu", "ubnd-x-son-binh")]
    staff = [make_member(f"cb.{u.code}", u, Membership.Role.UNIT_STAFF) for u in communes]
    numeric = services.criterion_add(
        actor=office,
        campaign=campaign,
        name="Thu ngân sách",
        kind="numeric",
        measure="triệu đồng",
        target=D(100),
        group="Kinh tế",
    )
    yes_no = services.criterion_add(
        actor=office,
        campaign=campaign,
        name="Đạt chuẩn nông thôn mới",
        kind="boolean",
        group="Kinh tế",
    )
    period = ReportPeriod.objects.create(
        campaign=campaign, kind="final", due_on=timezone.localdate() - datetime.timedelta(days=10)
    )
    return {
        "campaign": campaign,
        "office": office,
        "units": communes,
        "staff": staff,
        "numeric": numeric,
        "yes_no": yes_no,
        "period": period,
    }


def _built() -> dict:
    data = built_demo()
    return {**data, "setup": _setup(data["demo"], data["demo_units"], new_member)}


# built once for the module, each test in its own savepoint with its own copy of the
# objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, demo, setup = data_once(
    _built, "demo_units", "demo", "setup"
)


def test_participation_reports_and_attainment(setup):
    s = setup
    campaign = s["campaign"]
    for unit, user in zip(s["units"][:2], s["staff"][:2], strict=True):
        services.registration_submit(
            actor=user,
            campaign=campaign,
            unit=unit,
            targets={s["numeric"].pk: D(120)},
            titles_aimed="Tập thể lao động tiên tiến",
        )
    # unit 0 reports on time (backdated), unit 1 late (today, after the due date), unit 2 never
    r0 = services.report_save(
        actor=s["staff"][0],
        period=s["period"],
        unit=s["units"][0],
        values={s["numeric"].pk: (D(130), "Biên lai"), s["yes_no"].pk: (D(1), "")},
        submit=True,
    )
    ResultReport.objects.filter(pk=r0.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=20)
    )
    services.report_save(
        actor=s["staff"][1],
        period=s["period"],
        unit=s["units"][1],
        values={s["numeric"].pk: (D(80), ""), s["yes_no"].pk: (D(0), "")},
        submit=True,
    )

    figures = selectors.participation(campaign)
    # Tam Đường addresses the 9 active units below it (3 offices, its culture centre,
    # the Front, the town, 2 communes, a cooperative), never itself: counted by hand.
    assert figures["addressed"] == 9
    assert figures["registered"] == 2
    period = figures["periods"][0]
    assert (period["on_time"], period["late"], period["missing"]) == (1, 1, 7)

    rows = {r["criterion"].name: r for r in selectors.attainment(campaign, s["period"])}
    assert rows["Thu ngân sách"]["reported"] == 2 and rows["Thu ngân sách"]["reached"] == 1
    assert rows["Đạt chuẩn nông thôn mới"]["reached"] == 1


def test_units_report_only_for_themselves(setup):
    s = setup
    with pytest.raises(PermissionDenied):
        services.report_save(actor=s["staff"][0], period=s["period"], unit=s["units"][1], values={})
    with pytest.raises(PermissionDenied):
        services.registration_submit(
            actor=s["staff"][0], campaign=s["campaign"], unit=s["units"][1], targets={}
        )
    figures = {s["numeric"].pk: (D(120), "Biên lai")}
    with pytest.raises(ValidationError, match="chưa có kết quả"):
        services.report_save(
            actor=s["staff"][0], period=s["period"], unit=s["units"][0], values={}, submit=True
        )
    report = services.report_save(
        actor=s["staff"][0], period=s["period"], unit=s["units"][0], values=figures, submit=True
    )
    with pytest.raises(ValidationError, match="đã nộp"):
        services.report_save(actor=s["staff"][0], period=s["period"], unit=s["units"][0], values={})
    services.report_return(actor=s["office"], report=report, reason="Thiếu minh chứng")
    report = services.report_save(
        actor=s["staff"][0], period=s["period"], unit=s["units"][0], values=figures, submit=True
    )
    assert report.status == "submitted" and report.return_reason == ""


def test_registration_deadline(setup):
    s = setup
    s["campaign"].registration_deadline = timezone.localdate() - datetime.timedelta(days=1)
    s["campaign"].save()
    with pytest.raises(ValidationError, match="quá hạn đăng ký"):
        services.registration_submit(
            actor=s["staff"][0], campaign=s["campaign"], unit=s["units"][0], targets={}
        )


def test_bloc_ranking_with_ties_and_head_only_agreed_scores(setup):
    s = setup
    a, b, c = s["units"]
    bloc = services.bloc_create(
        actor=s["office"],
        issuer=s["campaign"].issuer,
        year=2025,
        name="Khối xã, thị trấn",
        head=a,
        members=[b, c],
    )
    with pytest.raises(ValidationError, match="khối khác"):
        services.bloc_create(
            actor=s["office"],
            issuer=s["campaign"].issuer,
            year=2025,
            name="Khối 2",
            head=c,
            members=[],
        )
    services.score_enter(
        actor=s["staff"][1], campaign=s["campaign"], bloc=bloc, unit=b, kind="self", points=D(95)
    )
    with pytest.raises(PermissionDenied, match="trưởng khối"):
        services.score_enter(
            actor=s["staff"][1],
            campaign=s["campaign"],
            bloc=bloc,
            unit=b,
            kind="agreed",
            points=D(99),
        )
    head = s["staff"][0]
    for unit, points in ((a, D(90)), (b, D(92)), (c, D(90))):
        services.score_enter(
            actor=head, campaign=s["campaign"], bloc=bloc, unit=unit, kind="agreed", points=points
        )
    ranking = selectors.bloc_ranking(s["campaign"], bloc)
    assert [(r.unit, r.rank, r.tied) for r in ranking] == [
        (b, 1, False),
        (a, 2, True),
        (c, 2, True),
    ]
    assert ranking[0].self_points == D(95)
    assert BlocScore.objects.count() == 4


def test_points_criteria_need_a_maximum(setup):
    with pytest.raises(ValidationError, match="điểm tối đa"):
        services.criterion_add(
            actor=setup["office"],
            campaign=setup["campaign"],
            name="Chấm điểm",
            kind=Criterion.Kind.POINTS,
        )


def test_reminders_before_and_after_the_deadline_once_each(
    setup, django_capture_on_commit_callbacks
):
    from django.core import mail

    s = setup
    for user in s["staff"]:
        user.email = f"{user.username}@example.vn"
        user.save()
    campaign = s["campaign"]
    campaign.registration_deadline = timezone.localdate() + datetime.timedelta(days=2)
    campaign.save()
    services.registration_submit(
        actor=s["staff"][0], campaign=campaign, unit=s["units"][0], targets={}
    )
    with django_capture_on_commit_callbacks(execute=True):
        sent = reminders.send_reminders()
    # registration: units 1 and 2 (2 days before); final report (10 days late): all three units
    assert sent == 5
    registration = [m for m in mail.outbox if "đăng ký thi đua" in m.subject]
    assert sorted(m.to[0] for m in registration) == [
        f"{u.username}@example.vn" for u in s["staff"][1:]
    ]
    assert all("sắp đến hạn" in m.subject for m in registration)
    assert all("http://127.0.0.1:8000/quan-ly/theo-doi/don-vi/" in m.body for m in registration)
    assert reminders.send_reminders() == 0  # run again: nothing more
    later = timezone.localdate() + datetime.timedelta(days=5)
    assert reminders.send_reminders(today=later) == 2  # registration now overdue: once more
