"""Work left open by a merged unit carries on at its successor (decision 0067).

Before, a commune's draft nomination merged in 2025 stayed a draft nobody could edit or
send (its unit was archived), and a nomination sent to a dissolved district sat in no
inbox: the successor's staff and office could only read them."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from awards import services
from awards.models import Nomination
from tests.awards_stage import simplified
from tests.factories import nominate
from units.models import Membership, Person, Unit
from units.services import units_reorganise

pytestmark = pytest.mark.django_db


@pytest.fixture
def merged(cycle, demo_units, make_member):
    """Old Bình Lư (commune) with a draft and a sent nomination, both for its district
    Tam Đường; then the reform: the commune into the new Xã Bình Lư (03390), the district
    into the province."""
    call_command("load_divisions", "--province", "Lai Châu", stdout=io.StringIO())
    person = Person.objects.create(full_name="Lò Văn Dở Dang", unit=cycle["commune"], gender="male")
    other = Person.objects.create(full_name="Lò Thị Đã Gửi", unit=cycle["commune"], gender="female")
    draft = nominate(cycle, person=person)
    sent = nominate(cycle, person=other)
    services.nomination_submit(actor=cycle["staff"], nomination=sent)
    decided = simplified(cycle, "Lò Văn Quyết Định", "giay-khen-huyen-ca-nhan")
    decision = services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject="Về việc tặng Giấy khen",
        signer_name="Sùng Lữ Páo",
        nominations=[decided],
    )
    services.decision_issue(
        actor=cycle["office"], decision=decision, issued_on=datetime.date(2025, 6, 20)
    )
    assert draft.issuer == sent.issuer == cycle["district"]
    new = Unit.objects.get(admin_code="03390")
    office = make_member("vp.binhlu", new, Membership.Role.OFFICE_STAFF)
    units_reorganise(
        actor=None,
        mapping=[
            (cycle["commune"], new),
            (cycle["district"], demo_units["ubnd-tinh-lai-chau"]),
        ],
        reason="Nghị quyết 1670/NQ-UBTVQH15",
    )
    for nomination in (draft, sent, decided):
        nomination.refresh_from_db()
    return {**cycle, "draft": draft, "sent": sent, "decided": decided, "new": new, "office": office}


def test_the_successors_staff_finish_and_send_the_old_draft(client, merged):
    draft, new = merged["draft"], merged["new"]
    client.force_login(merged["staff"])
    dashboard = client.get(reverse("staff:dashboard")).content.decode()
    assert draft.nominee_name in dashboard  # "còn là dự thảo", not "Không có hồ sơ nào"
    page = client.get(reverse("awards:nomination_detail", args=[draft.pk])).content.decode()
    assert "UBND xã Bình Lư" in page
    assert "Sáp nhập" in page  # the history says why the unit and the body changed
    response = client.post(reverse("awards:nomination_submit", args=[draft.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Nomination.Status.SUBMITTED
    assert draft.nominating_unit == new
    assert draft.issuer == new  # the commune decides its Lao động tiên tiến since 1/7/2025


def test_a_nomination_sent_to_a_dissolved_district_reaches_the_new_communes_office(client, merged):
    sent, new = merged["sent"], merged["new"]
    assert sent.status == Nomination.Status.SUBMITTED
    assert sent.issuer == new and sent.nominating_unit == new
    client.force_login(merged["office"])
    inbox = client.get(reverse("awards:inbox")).content.decode()
    assert sent.nominee_name in inbox
    services.nomination_appraise(actor=merged["office"], nomination=sent, result="eligible")
    sent.refresh_from_db()
    assert sent.status == Nomination.Status.APPRAISED


def test_decided_records_keep_the_old_unit_and_body(merged, cycle):
    """Only open work moves: what was decided stays as it was issued."""
    decided = merged["decided"]
    assert decided.status == Nomination.Status.DECIDED
    assert decided.nominating_unit == cycle["commune"]
    assert decided.issuer == cycle["district"]
    assert decided.grant.awardee_unit == cycle["commune"]
    assert decided.decision.issuer == cycle["district"]
