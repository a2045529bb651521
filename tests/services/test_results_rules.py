"""The rules of results tracking that a review found could be bypassed, and the history
every write leaves. Each test here failed before campaigns/results existed."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from campaigns.models import Campaign
from campaigns.results import reminders, selectors, services
from campaigns.results.models import BlocScore, ReminderLog, ReportPeriod, ResultReport
from tests.conftest import new_member
from tests.factories import still_running
from tests.module_data import built_demo, data_once
from units.models import Membership, OutgoingEmail

pytestmark = pytest.mark.django_db
D = Decimal


def _world(demo, demo_units, make_member):
    campaign = demo["000"]  # UBND huyện Tam Đường
    still_running(campaign)
    office = make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)
    a, b = demo_units["ubnd-x-binh-lu"], demo_units["ubnd-x-son-binh"]
    criterion = services.criterion_add(
        actor=office, campaign=campaign, name="Thu ngân sách", kind="numeric", target=D(100)
    )
    period = services.period_add(
        actor=office,
        campaign=campaign,
        kind="final",
        due_on=timezone.localdate() + datetime.timedelta(days=2),
    )
    return {
        "campaign": campaign,
        "office": office,
        "a": a,
        "b": b,
        "staff_a": make_member("cb.a", a, Membership.Role.UNIT_STAFF),
        "staff_b": make_member("cb.b", b, Membership.Role.UNIT_STAFF),
        "criterion": criterion,
        "period": period,
        "demo": demo,
        "units": demo_units,
        "make_member": make_member,
    }


def _built() -> dict:
    data = built_demo()
    return {**data, "world": _world(data["demo"], data["demo_units"], new_member)}


# built once for the module, each test in its own savepoint with its own copy of the
# objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, demo, world = data_once(
    _built, "demo_units", "demo", "world"
)


def test_a_unit_cannot_report_into_a_campaign_that_does_not_address_it(world):
    """Staff of a Tam Đường commune pushing figures into Lai Châu city's campaign."""
    city_campaign = next(c for c in world["demo"].values() if c.issuer.code == "ubnd-tp-lai-chau")
    office = world["make_member"]("nv.tp", city_campaign.issuer, Membership.Role.OFFICE_STAFF)
    criterion = services.criterion_add(
        actor=office, campaign=city_campaign, name="Số hộ", kind="numeric", target=D(10)
    )
    period = services.period_add(
        actor=office, campaign=city_campaign, kind="final", due_on=datetime.date(2026, 12, 31)
    )
    with pytest.raises(ValidationError, match="không gửi đến đơn vị"):
        services.report_save(
            actor=world["staff_a"],
            period=period,
            unit=world["a"],
            values={criterion.pk: (D(999), "")},
            submit=True,
        )
    assert not ResultReport.objects.filter(period=period).exists()
    assert selectors.attainment(city_campaign, period)[0]["reached"] == 0


def test_no_report_into_an_unpublished_campaign(world):
    Campaign.objects.filter(pk=world["campaign"].pk).update(status=Campaign.Status.DRAFT)
    world["campaign"].refresh_from_db()
    period = ReportPeriod.objects.get(pk=world["period"].pk)
    with pytest.raises(ValidationError, match="chưa ban hành"):
        services.report_save(
            actor=world["staff_a"],
            period=period,
            unit=world["a"],
            values={world["criterion"].pk: (D(1), "")},
        )
    assert not ResultReport.objects.exists()


def test_attainment_counts_only_the_units_the_campaign_addresses(world):
    """A report left by a unit that is no longer addressed (archived) is not counted,
    just as participation does not count it."""
    for staff, unit in ((world["staff_a"], world["a"]), (world["staff_b"], world["b"])):
        services.report_save(
            actor=staff,
            period=world["period"],
            unit=unit,
            values={world["criterion"].pk: (D(150), "")},
            submit=True,
        )
    assert selectors.attainment(world["campaign"], world["period"])[0]["reached"] == 2
    world["b"].archived = True
    world["b"].save()
    assert selectors.attainment(world["campaign"], world["period"])[0]["reached"] == 1
    figures = selectors.participation(world["campaign"])["periods"][0]
    assert figures["on_time"] + figures["late"] == 1


def _bloc(world):
    return services.bloc_create(
        actor=world["office"],
        issuer=world["campaign"].issuer,
        year=world["campaign"].year,
        name="Khối các xã",
        head=world["a"],
        members=[world["b"]],
    )


def test_an_agreed_score_is_changed_only_with_a_reason_and_keeps_its_history(world):
    bloc = _bloc(world)
    enter = dict(campaign=world["campaign"], bloc=bloc, unit=world["b"], kind="agreed")
    services.score_enter(actor=world["staff_a"], points=D(90), **enter)
    with pytest.raises(ValidationError, match="cần ghi lý do"):
        services.score_enter(actor=world["staff_a"], points=D(99), **enter)
    assert BlocScore.objects.get(kind="agreed").points == 90
    services.score_enter(
        actor=world["staff_a"], points=D(99), reason="Chấm lại sau phúc tra", **enter
    )
    history = list(selectors.score_history(world["campaign"], bloc))
    assert [(h.points, h.history_user, h.history_change_reason) for h in history] == [
        (D(99), world["staff_a"], "Chấm lại sau phúc tra"),
        (D(90), world["staff_a"], None),
    ]


def test_no_scoring_of_another_bodys_or_a_draft_campaign(world):
    bloc = _bloc(world)
    city_campaign = next(c for c in world["demo"].values() if c.issuer.code == "ubnd-tp-lai-chau")
    with pytest.raises(ValidationError, match="không thuộc cơ quan phát động"):
        services.score_enter(
            actor=world["staff_a"],
            campaign=city_campaign,
            bloc=bloc,
            unit=world["a"],
            kind="self",
            points=D(80),
        )
    Campaign.objects.filter(pk=world["campaign"].pk).update(status=Campaign.Status.DRAFT)
    world["campaign"].refresh_from_db()
    with pytest.raises(ValidationError, match="Chỉ chấm điểm phong trào"):
        services.score_enter(
            actor=world["staff_a"],
            campaign=world["campaign"],
            bloc=bloc,
            unit=world["a"],
            kind="self",
            points=D(80),
        )
    assert not BlocScore.objects.exists()


def test_a_bloc_takes_only_units_below_its_issuer(world):
    with pytest.raises(ValidationError, match="không thuộc UBND huyện Tam Đường"):
        services.bloc_create(
            actor=world["office"],
            issuer=world["campaign"].issuer,
            year=2025,
            name="Khối lạ",
            head=world["a"],
            members=[world["units"]["ubnd-x-muong-khoa"]],
        )


def test_every_write_leaves_a_history_row_naming_its_actor(world):
    s = world
    registration = services.registration_submit(
        actor=s["staff_a"], campaign=s["campaign"], unit=s["a"], targets={s["criterion"].pk: D(5)}
    )
    report = services.report_save(
        actor=s["staff_a"],
        period=s["period"],
        unit=s["a"],
        values={s["criterion"].pk: (D(7), "Biên lai")},
        submit=True,
    )
    services.report_return(actor=s["office"], report=report, reason="Thiếu minh chứng")
    services.registration_deadline_set(
        actor=s["office"], campaign=s["campaign"], deadline=datetime.date(2025, 3, 1)
    )
    bloc = _bloc(world)
    assert s["criterion"].history.get().history_user == s["office"]
    assert s["period"].history.get().history_user == s["office"]
    assert registration.history.get().history_user == s["staff_a"]
    assert bloc.history.get().history_user == s["office"]
    steps = [(h.status, h.history_user) for h in report.history.order_by("history_id")]
    assert steps == [("submitted", s["staff_a"]), ("returned", s["office"])]
    assert report.history.latest().history_change_reason == "Thiếu minh chứng"
    deadline = s["campaign"].history.latest()
    assert deadline.history_user == s["office"]
    assert deadline.registration_deadline == datetime.date(2025, 3, 1)


def test_a_reminder_whose_email_failed_is_sent_again(world, settings):
    s = world
    s["staff_a"].email = "cb.a@example.vn"
    s["staff_a"].save()
    today = s["period"].due_on - datetime.timedelta(days=1)
    assert reminders.send_reminders(today=today) == 1
    log = ReminderLog.objects.get(unit=s["a"])
    assert reminders.send_reminders(today=today) == 0  # queued: not twice
    OutgoingEmail.objects.filter(pk=log.email_id).update(status=OutgoingEmail.Status.FAILED)
    assert reminders.send_reminders(today=today) == 1  # the outbox gave up: try again
    log.refresh_from_db()
    assert log.email.status == OutgoingEmail.Status.PENDING
    assert OutgoingEmail.objects.filter(recipients=["cb.a@example.vn"]).count() == 2


def test_a_bloc_scores_only_the_campaigns_of_its_year(world):
    bloc = services.bloc_create(
        actor=world["office"],
        issuer=world["campaign"].issuer,
        year=world["campaign"].year + 1,
        name="Khối năm sau",
        head=world["a"],
        members=[world["b"]],
    )
    with pytest.raises(ValidationError, match="không chấm điểm phong trào của năm"):
        services.score_enter(
            actor=world["staff_a"],
            campaign=world["campaign"],
            bloc=bloc,
            unit=world["a"],
            kind="self",
            points=D(80),
        )


def test_the_scoring_page_shows_a_score_written_without_a_user(client, world):
    from django.urls import reverse

    bloc = _bloc(world)
    BlocScore.objects.create(
        campaign=world["campaign"], bloc=bloc, unit=world["b"], kind="agreed", points=D(70)
    )
    client.force_login(world["staff_a"])
    page = client.get(reverse("tracking:scores", args=[bloc.pk, world["campaign"].pk]))
    assert page.status_code == 200 and "70" in page.content.decode()


def test_a_first_save_that_another_request_beat_is_a_message_not_a_500(client, world, monkeypatch):
    """Two first submissions at once (a double click, two staff of one unit): both find
    no row, both insert; the second gets a message and keeps nothing half-written."""
    from django.urls import reverse

    from campaigns.results.models import Registration

    s = world
    services.registration_submit(
        actor=s["staff_a"], campaign=s["campaign"], unit=s["a"], targets={s["criterion"].pk: D(5)}
    )
    # the second request read before the first one's insert was committed
    monkeypatch.setattr(services, "_locked", lambda model, **keys: model(**keys))
    client.force_login(s["staff_a"])
    url = reverse("tracking:register", args=[s["a"].pk, s["campaign"].pk])
    response = client.post(url, {f"target-{s['criterion'].pk}": "7"})
    assert response.status_code == 200
    assert "vừa được lưu ở một cửa sổ hoặc bởi người khác" in response.content.decode()
    registration = Registration.objects.get()
    assert registration.targets.get().value == 5


def test_rows_from_before_the_history_get_a_first_history_row(world):
    """The migration that starts the history records what exists, so the first change
    of an agreed score recorded before it still shows the value it replaced."""
    import importlib

    from django.apps import apps

    bloc = _bloc(world)
    score = BlocScore.objects.create(
        campaign=world["campaign"], bloc=bloc, unit=world["b"], kind="agreed", points=D(90)
    )
    BlocScore.history.all().delete()  # as before the migration
    migration = importlib.import_module("campaigns.migrations.0012_results_history_first_rows")
    migration.record_existing_rows(apps, None)
    services.score_enter(
        actor=world["staff_a"],
        campaign=world["campaign"],
        bloc=bloc,
        unit=world["b"],
        kind="agreed",
        points=D(99),
        reason="Phúc tra",
    )
    history = [(h.points, h.history_change_reason) for h in score.history.order_by("history_id")]
    assert history == [(D(90), "Có từ trước khi ghi lịch sử."), (D(99), "Phúc tra")]


def test_the_deadline_service_checks_the_date_and_the_state(world):
    with pytest.raises(ValidationError, match="năm phải từ 2000 đến 2100"):
        services.registration_deadline_set(
            actor=world["office"], campaign=world["campaign"], deadline=datetime.date(1, 1, 1)
        )
    Campaign.objects.filter(pk=world["campaign"].pk).update(status=Campaign.Status.SUMMARISED)
    with pytest.raises(ValidationError, match="đã tổng kết"):
        services.registration_deadline_set(
            actor=world["office"], campaign=world["campaign"], deadline=datetime.date(2025, 3, 1)
        )


def test_a_closed_campaign_still_takes_its_final_reports(client, world):
    """Closed at its end date, a campaign's final report is still due: the unit's page
    links to it (not to registering), and the reminder goes out."""
    from django.urls import reverse

    s = world
    Campaign.objects.filter(pk=s["campaign"].pk).update(status=Campaign.Status.CLOSED)
    s["staff_a"].email = "cb.a@example.vn"
    s["staff_a"].save()
    client.force_login(s["staff_a"])
    page = client.get(reverse("tracking:unit_campaigns")).content.decode()
    assert reverse("tracking:report", args=[s["a"].pk, s["period"].pk]) in page
    assert reverse("tracking:register", args=[s["a"].pk, s["campaign"].pk]) not in page
    assert "Phong trào đã kết thúc: không nhận đăng ký thi đua." in page
    today = s["period"].due_on - datetime.timedelta(days=1)
    assert reminders.send_reminders(today=today) == 1
    assert ReminderLog.objects.get().subject == f"period:{s['period'].pk}"


def test_a_bloc_is_corrected_by_its_office_keeping_what_was_scored(world):
    """Sửa khối: name, year, head and members change, the history naming who; another
    bloc's member stays refused; once scored, the year and the scored members stay."""
    bloc = _bloc(world)
    town = world["units"]["ubnd-tt-tam-duong"]
    year = world["campaign"].year
    other = world["make_member"]("nv.tu", world["units"]["ubnd-tan-uyen"], "office_staff")
    change = dict(bloc=bloc, year=year, name="Khối các xã, thị trấn", head=world["b"])
    with pytest.raises(PermissionDenied):
        services.bloc_update(actor=other, members=[world["a"], world["b"]], **change)
    services.bloc_update(actor=world["office"], members=[world["b"], town], **change)
    bloc.refresh_from_db()
    assert (bloc.name, bloc.head) == ("Khối các xã, thị trấn", world["b"])
    assert set(bloc.members.all()) == {world["b"], town}  # Bình Lư taken out, no score
    assert bloc.history.first().history_user == world["office"]
    second = services.bloc_create(
        actor=world["office"],
        issuer=bloc.issuer,
        year=year,
        name="Khối khác",
        head=world["a"],
        members=[],
    )
    with pytest.raises(ValidationError, match="đã thuộc một khối khác"):
        services.bloc_update(actor=world["office"], members=[world["a"], town], **change)
    services.score_enter(
        actor=world["staff_b"],
        campaign=world["campaign"],
        bloc=bloc,
        unit=world["b"],
        kind="self",
        points=D(80),
    )
    with pytest.raises(ValidationError, match="không đổi năm"):
        services.bloc_update(
            actor=world["office"], members=[world["b"]], **{**change, "year": year + 1}
        )
    with pytest.raises(ValidationError, match="không bỏ ra được: UBND xã Sơn Bình"):
        services.bloc_update(actor=world["office"], members=[town], **{**change, "head": town})
    assert set(bloc.members.all()) == {world["b"], town}
    assert second.members.get() == world["a"]
