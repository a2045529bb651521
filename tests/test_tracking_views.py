"""Results tracking pages: the office sets criteria and blocs; units register, report and
score; units see and edit only their own; the bloc head scores only its bloc."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.models import Nomination
from campaigns.models import (
    BlocScore,
    Campaign,
    Criterion,
    Registration,
    ReportPeriod,
    ResultReport,
)
from campaigns.results import services as services_results
from tests.conftest import new_member
from tests.factories import still_running
from tests.module_data import built_demo, data_once
from units.models import Bloc, Membership, Unit

pytestmark = pytest.mark.django_db


def _world(demo, demo_units, make_member):
    campaign = demo["000"]
    still_running(campaign)
    return {
        "campaign": campaign,
        "office": make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF),
        "a": demo_units["ubnd-x-binh-lu"],
        "b": demo_units["ubnd-x-son-binh"],
        "staff_a": make_member("cb.a", demo_units["ubnd-x-binh-lu"], Membership.Role.UNIT_STAFF),
        "staff_b": make_member("cb.b", demo_units["ubnd-x-son-binh"], Membership.Role.UNIT_STAFF),
        "outsider": make_member(
            "cb.x", demo_units["ubnd-x-muong-khoa"], Membership.Role.UNIT_STAFF
        ),
    }


def _built() -> dict:
    data = built_demo()
    return {**data, "world": _world(data["demo"], data["demo_units"], new_member)}


# built once for the module, each test in its own savepoint with its own copy of the
# objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, demo, world = data_once(
    _built, "demo_units", "demo", "world"
)


def test_office_criteria_periods_deadline_and_blocs(client, world):
    c = world["campaign"]
    client.force_login(world["office"])
    url = reverse("tracking:criteria", args=[c.pk])
    client.post(
        url,
        {
            "criterion": "1",
            "c-name": "Thu ngân sách",
            "c-kind": "numeric",
            "c-target": "100",
            "c-weight": "1",
            "c-group": "Kinh tế",
        },
    )
    client.post(url, {"period": "1", "p-kind": "final", "p-due_on": "15/12/2026"})
    client.post(url, {"deadline": "31/03/2025"})
    c.refresh_from_db()
    assert c.criteria.get().name == "Thu ngân sách"
    assert c.periods.get().due_on == datetime.date(2026, 12, 15)
    assert c.registration_deadline == datetime.date(2025, 3, 31)
    response = client.post(
        reverse("tracking:blocs"),
        {
            "issuer": c.issuer.pk,
            "year": 2026,
            "name": "Khối xã",
            "head": world["a"].pk,
            "members": [world["a"].pk, world["b"].pk],
        },
    )
    assert response.status_code == 302 and Bloc.objects.get().head == world["a"]


def test_units_register_and_report_only_for_themselves(client, world):
    c = world["campaign"]
    c.criteria.create(name="Thu ngân sách", kind="numeric", target=100)
    period = ReportPeriod.objects.create(
        campaign=c, kind="final", due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    criterion = c.criteria.get()
    client.force_login(world["staff_a"])
    page = client.get(reverse("tracking:unit_campaigns")).content.decode()
    assert "Đăng ký thi đua" in page
    client.post(
        reverse("tracking:register", args=[world["a"].pk, c.pk]),
        {f"target-{criterion.pk}": "120", "titles_aimed": "Tập thể lao động tiên tiến"},
    )
    assert Registration.objects.get(unit=world["a"]).targets.get().value == 120
    client.post(
        reverse("tracking:report", args=[world["a"].pk, period.pk]),
        {f"value-{criterion.pk}": "130", f"evidence-{criterion.pk}": "Biên lai", "submit": "1"},
    )
    report = ResultReport.objects.get(unit=world["a"])
    assert report.status == "submitted" and report.is_late  # due yesterday
    # another unit's forms: refused, nothing written
    assert client.get(reverse("tracking:register", args=[world["b"].pk, c.pk])).status_code == 403
    assert (
        client.post(
            reverse("tracking:report", args=[world["b"].pk, period.pk]),
            {f"value-{criterion.pk}": "1", "submit": "1"},
        ).status_code
        == 403
    )
    assert not ResultReport.objects.filter(unit=world["b"]).exists()
    assert (
        client.post(
            reverse("tracking:report", args=[world["a"].pk, period.pk]),
            {f"value-{criterion.pk}": "abc"},
        ).status_code
        == 200
    )


def test_bloc_head_scores_only_its_bloc(client, world):
    c = world["campaign"]
    bloc = Bloc.objects.create(issuer=c.issuer, year=2025, name="Khối xã", head=world["a"])
    bloc.members.set([world["a"], world["b"]])
    url = reverse("tracking:scores", args=[bloc.pk, c.pk])
    client.force_login(world["staff_b"])  # a member, not the head
    page = client.get(url).content.decode()
    assert f'name="self-{world["b"].pk}"' in page and 'name="agreed-' not in page
    client.post(url, {f"self-{world['b'].pk}": "91", f"agreed-{world['b'].pk}": "99"})
    assert not BlocScore.objects.filter(kind="agreed").exists()  # not the head's to give
    assert BlocScore.objects.get(kind="self").points == 91
    client.force_login(world["staff_a"])  # the head
    client.post(url, {f"agreed-{world['a'].pk}": "95", f"agreed-{world['b'].pk}": "97"})
    assert BlocScore.objects.filter(kind="agreed").count() == 2
    client.force_login(world["outsider"])  # not in the bloc: it does not exist for them
    assert client.get(url).status_code == 404


def test_ranking_makes_drafts_from_the_dashboard(client, world):
    c = world["campaign"]
    bloc = Bloc.objects.create(issuer=c.issuer, year=c.year, name="Khối xã", head=world["a"])
    bloc.members.set([world["a"], world["b"]])
    BlocScore.objects.create(campaign=c, bloc=bloc, unit=world["a"], kind="agreed", points=95)
    BlocScore.objects.create(campaign=c, bloc=bloc, unit=world["b"], kind="agreed", points=90)
    from awards.models import AwardType

    client.force_login(world["office"])
    url = reverse("awards:campaign_awards", args=[c.pk])
    award = AwardType.objects.get(code="giay-khen-huyen-tap-the")
    response = client.post(
        url, {"from_ranking": "1", "bloc": bloc.pk, "award_type": award.pk, "top": 1}, follow=True
    )
    assert "Đã lập 1 dự thảo" in response.content.decode()
    assert Nomination.objects.get().nominee_unit == world["a"]


@pytest.mark.parametrize("extra", [0, 30])
def test_unit_campaign_list_queries_do_not_grow_with_campaigns(
    client, world, django_assert_max_num_queries, extra
):
    c = world["campaign"]
    copies = []
    for i in range(extra):
        row = Campaign.objects.get(pk=c.pk)
        row.pk, row.number, row.source = None, str(10_000 + i), f"copy:{i}"
        copies.append(row)
    Campaign.objects.bulk_create(copies)
    due = timezone.localdate()
    campaigns = [c, *Campaign.objects.filter(source__startswith="copy:")]
    for campaign in campaigns:
        period = ReportPeriod.objects.create(campaign=campaign, kind="final", due_on=due)
        Registration.objects.create(campaign=campaign, unit=world["a"])
        ResultReport.objects.create(period=period, unit=world["a"])
    client.force_login(world["staff_a"])
    # count, the page's ids, its rows with their relations, and the menu's roles: a fixed
    # number at any size
    with django_assert_max_num_queries(12):
        response = client.get(reverse("tracking:unit_campaigns"))
    ids = {campaign.pk for campaign in campaigns}
    pages = [response]
    if extra:  # 20 campaigns a page, newest first: the rest are on page 2
        with django_assert_max_num_queries(12):
            pages.append(client.get(reverse("tracking:unit_campaigns") + "?trang=2"))
        assert "Trang 2/2" in pages[1].content.decode()
    assert len(response.context["rows"]) == min(response.context["page"].paginator.count, 20)
    rows = [r for page in pages for r in page.context["rows"] if r["campaign"].pk in ids]
    assert len(rows) == extra + 1
    assert all(r["registration"] and r["periods"][0][1] for r in rows)
    statuses = sum(page.content.decode().count(": Dự thảo") for page in pages)
    assert statuses == extra + 1  # each report's status


def test_office_edits_and_archives_criteria_and_periods_with_history(client, world):
    c = world["campaign"]
    office = world["office"]
    client.force_login(office)
    criterion = services_results.criterion_add(
        actor=office, campaign=c, name="Thu ngân sách", kind="numeric", target=100
    )
    spare = services_results.criterion_add(actor=office, campaign=c, name="Thừa", kind="boolean")
    period = ReportPeriod.objects.create(
        campaign=c, kind="final", due_on=datetime.date(2026, 12, 15)
    )
    edit = reverse("tracking:criterion_edit", args=[c.pk, criterion.pk])
    assert edit in client.get(reverse("tracking:criteria", args=[c.pk])).content.decode()
    response = client.post(
        edit,
        {
            "c-name": "Thu ngân sách nhà nước",
            "c-kind": "numeric",
            "c-target": "120",
            "c-weight": "2",
        },
    )
    assert response.status_code == 302
    criterion.refresh_from_db()
    assert (criterion.name, criterion.target, criterion.weight) == (
        "Thu ngân sách nhà nước",
        120,
        2,
    )
    assert criterion.history.first().history_user == office
    # the spare one is removed (archived, with its reason), no longer listed
    client.post(
        reverse("tracking:criterion_edit", args=[c.pk, spare.pk]),
        {"archive": "1", "reason": "Trùng tiêu chí khác"},
    )
    spare = Criterion.all_objects.get(pk=spare.pk)
    assert spare.archived and spare.archived_reason == "Trùng tiêu chí khác"
    assert list(c.criteria.all()) == [criterion]
    page = client.get(reverse("tracking:criteria", args=[c.pk])).content.decode()
    assert "Thừa" not in page
    # once a unit registered against it, the criterion cannot be removed
    still_running(c, keep_year=False)
    services_results.registration_submit(
        actor=world["staff_a"], campaign=c, unit=world["a"], targets={criterion.pk: 110}
    )
    response = client.post(edit, {"archive": "1", "reason": "Không cần"}, follow=True)
    assert "Không bỏ được tiêu chí “Thu ngân sách nhà nước”" in response.content.decode()
    assert not Criterion.all_objects.get(pk=criterion.pk).archived
    # a period: its due date moved, then removed while no unit has reported
    period_edit = reverse("tracking:period_edit", args=[c.pk, period.pk])
    client.post(period_edit, {"p-kind": "final", "p-due_on": "20/12/2026"})
    period.refresh_from_db()
    assert period.due_on == datetime.date(2026, 12, 20)
    assert period.history.count() == 2
    client.post(period_edit, {"archive": "1", "reason": "Gộp vào kỳ tổng kết chung"})
    assert not c.periods.exists() and ReportPeriod.all_objects.get(pk=period.pk).archived
    # the office of another body cannot reach them
    client.force_login(world["outsider"])
    assert client.get(period_edit).status_code in (403, 404)


def test_scoring_a_big_bloc_renders_no_template_per_unit(client, world):
    """A bloc of a district's communes has 100 members: its head's page showed two
    inputs per member, each a template render (and its error list another) that left
    garbage only the cycle collector frees, so one request in four waited for a full
    pass (decision 0020, 3b). The inputs are now written directly, the same HTML."""
    c = world["campaign"]
    bloc = Bloc.objects.create(issuer=c.issuer, year=c.year, name="Khối xã", head=world["a"])
    extra = [
        Unit.objects.create(name=f"Xã {i}", code=f"XA-BLOC-{i}", parent=world["a"].parent)
        for i in range(20)
    ]
    url = reverse("tracking:scores", args=[bloc.pk, c.pk])
    client.force_login(world["staff_a"])  # the head
    bloc.members.set([world["a"], world["b"]])
    small = client.get(url)
    bloc.members.set([world["a"], world["b"], *extra])
    big = client.get(url)
    assert len(big.templates) == len(small.templates)
    page = big.content.decode()
    unit = extra[0]
    assert (
        f'<input type="text" name="agreed-{unit.pk}" inputmode="decimal" id="id_agreed-{unit.pk}">'
        in page
    )
    # A wrong value is kept in its input, marked invalid, with its message beside it.
    response = client.post(url, {f"agreed-{unit.pk}": "9x"})
    page = response.content.decode()
    assert (
        f'<input type="text" name="agreed-{unit.pk}" value="9x" inputmode="decimal" '
        f'aria-invalid="true" aria-describedby="id_agreed-{unit.pk}_error" '
        f'id="id_agreed-{unit.pk}">' in page
    )
    assert "Nhập một số, ví dụ 12,5." in page
    assert not BlocScore.objects.filter(bloc=bloc).exists()


def test_the_report_form_shows_what_the_unit_registered(client, world):
    """The unit reported each criterion without its own registered target beside it, and a
    scored criterion read "(0 đến 10.00 điểm)" (decision 0027); the registration form
    still wrote "(0 đến 10,00 điểm)"."""
    from decimal import Decimal

    c = world["campaign"]
    revenue = services_results.criterion_add(
        actor=world["office"], campaign=c, name="Thu ngân sách", kind="numeric", measure="%"
    )
    services_results.criterion_add(
        actor=world["office"],
        campaign=c,
        name="Cải cách hành chính",
        kind="points",
        max_points=Decimal("10"),
    )
    services_results.registration_submit(
        actor=world["staff_a"], campaign=c, unit=world["a"], targets={revenue.pk: Decimal("85.5")}
    )
    period = services_results.period_add(
        actor=world["office"],
        campaign=c,
        kind="interim",
        due_on=timezone.localdate() + datetime.timedelta(days=5),
    )
    client.force_login(world["staff_a"])
    html = client.get(reverse("tracking:report", args=[world["a"].pk, period.pk])).content.decode()
    assert "Thu ngân sách (%) — đơn vị đăng ký 85,5" in html
    assert "Cải cách hành chính (0 đến 10 điểm)" in html
    assert "10.00" not in html
    html = client.get(reverse("tracking:register", args=[world["a"].pk, c.pk])).content.decode()
    assert "Cải cách hành chính (0 đến 10 điểm)" in html
    assert "10,00" not in html


def test_the_report_form_shows_only_targets_the_unit_sent(client, world):
    """Only the service writes registrations, sent (submitted_at set); a row without it
    (written outside the service: a restored legacy row) was never sent, and the report
    form showed its targets as what the unit registered."""
    from decimal import Decimal

    from campaigns.models import RegistrationTarget
    from campaigns.results.selectors import registered_targets

    c = world["campaign"]
    revenue = services_results.criterion_add(
        actor=world["office"], campaign=c, name="Thu ngân sách", kind="numeric", measure="%"
    )
    unsent = Registration.objects.create(campaign=c, unit=world["a"])
    RegistrationTarget.objects.create(registration=unsent, criterion=revenue, value=Decimal("85.5"))
    period = services_results.period_add(
        actor=world["office"],
        campaign=c,
        kind="interim",
        due_on=timezone.localdate() + datetime.timedelta(days=5),
    )
    url = reverse("tracking:report", args=[world["a"].pk, period.pk])
    client.force_login(world["staff_a"])
    html = client.get(url).content.decode()
    assert "Thu ngân sách (%)" in html
    assert "đơn vị đăng ký 85,5" not in html
    assert registered_targets(c, world["a"]) == {}
    # sent through the service, the same target is shown
    services_results.registration_submit(
        actor=world["staff_a"], campaign=c, unit=world["a"], targets={revenue.pk: Decimal("85.5")}
    )
    assert "Thu ngân sách (%) — đơn vị đăng ký 85,5" in client.get(url).content.decode()
    assert registered_targets(c, world["a"]) == {revenue.pk: Decimal("85.5")}


def test_a_bloc_is_edited_only_by_the_office_that_organised_it(client, world, demo_units):
    """Sửa khối opens for the bloc's own office; its head's staff, a member's staff and
    another district's office find no such page, and a post from them changes nothing."""
    c = world["campaign"]
    bloc = Bloc.objects.create(issuer=c.issuer, year=c.year, name="Khối xã", head=world["a"])
    bloc.members.set([world["a"], world["b"]])
    url = reverse("tracking:bloc_edit", args=[bloc.pk])
    other_office = Membership.objects.create(
        user=world["outsider"], unit=demo_units["ubnd-tan-uyen"], role="office_staff"
    ).user
    change = {"year": c.year, "name": "Đổi tên", "head": world["b"].pk, "members": [world["b"].pk]}
    for user in (world["staff_a"], world["staff_b"], other_office):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, change).status_code == 404
    bloc.refresh_from_db()
    assert (bloc.name, bloc.head) == ("Khối xã", world["a"])
    client.force_login(world["office"])
    assert "Sửa khối: Khối xã" in client.get(url).content.decode()


def test_a_bloc_with_a_unit_archived_since_is_still_corrected(client, world):
    """A member archived after the bloc was set up (the 2025 merger) is shown checked on
    Sửa khối; saving the bloc as it is, only its name changed, said "Select a valid
    choice" for that member, so the bloc could no longer be corrected at all."""
    c = world["campaign"]
    bloc = Bloc.objects.create(issuer=c.issuer, year=c.year, name="Khối xã", head=world["a"])
    bloc.members.set([world["a"], world["b"]])
    Unit.objects.filter(pk=world["b"].pk).update(archived=True)
    client.force_login(world["office"])
    url = reverse("tracking:bloc_edit", args=[bloc.pk])
    assert world["b"].name in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "year": c.year,
            "name": "Khối các xã",
            "head": world["a"].pk,
            "members": [world["a"].pk, world["b"].pk],
        },
    )
    assert response.status_code == 302
    bloc.refresh_from_db()
    assert bloc.name == "Khối các xã"
    assert set(bloc.members.values_list("pk", flat=True)) == {world["a"].pk, world["b"].pk}
    # an archived unit that was no member is not added anew
    gone = Unit.objects.get(code="ubnd-x-muong-khoa")
    Unit.objects.filter(pk=gone.pk).update(archived=True)
    members = [world["a"].pk, world["b"].pk, gone.pk]
    response = client.post(
        url, {"year": c.year, "name": "Khối xã", "head": world["a"].pk, "members": members}
    )
    assert response.status_code == 200
    assert not bloc.members.filter(pk=gone.pk).exists()
