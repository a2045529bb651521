"""After the 2025 merger the successor carries on its predecessors' records (decision
0008): its staff read the nominations the merged units made, its office and council the
sessions the merged bodies held, read only. Before, the demo's phường listed no
nomination and the province's council no session, though the honour roll showed them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from awards import services
from awards.models import Nomination
from tests.awards_stage import build_stage
from units.models import Membership, Unit
from units.services import unit_merge

pytestmark = pytest.mark.django_db


@pytest.fixture
def merged(cycle, demo_units):
    stage = build_stage(cycle)
    for member in cycle["council"]:
        services.vote_cast(actor=member, item=stage["item"], choice="agree")
    services.session_close(actor=cycle["office"], session=stage["session"])
    # 2025: the commune into a new one, the district into the province
    new_commune = Unit.objects.create(
        code="xa-moi", name="UBND xã Mới", level="commune", parent=demo_units["ubnd-tinh-lai-chau"]
    )
    unit_merge(source=cycle["commune"], target=new_commune, by=None, reason="Nghị quyết 2025")
    unit_merge(
        source=cycle["district"], target=demo_units["ubnd-tinh-lai-chau"], by=None, reason="NQ"
    )
    return {**stage, "new_commune": new_commune, "province": demo_units["ubnd-tinh-lai-chau"]}


def test_the_successor_units_staff_read_the_old_nominations(client, merged, cycle):
    """cb.binhlu's role moved with the merger: the commune's nominations stay readable;
    those not yet decided are the successor's to continue (decision 0067: before, the
    draft stayed a draft nobody could send)."""
    staff = cycle["staff"]
    assert Membership.objects.get(user=staff).unit == merged["new_commune"]
    client.force_login(staff)
    html = client.get(reverse("awards:nomination_list")).content.decode()
    on_agenda = merged["on_agenda"]
    assert on_agenda.nominee_name in html
    page = client.get(reverse("awards:nomination_detail", args=[on_agenda.pk]))
    assert page.status_code == 200
    draft = merged["draft"]
    response = client.post(reverse("awards:nomination_submit", args=[draft.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Nomination.Status.SUBMITTED
    assert draft.nominating_unit == merged["new_commune"]


def test_the_successor_office_and_council_read_the_old_sessions(client, merged, cycle):
    session = merged["session"]
    for user in (cycle["office"], cycle["council"][0]):
        client.force_login(user)
        html = client.get(reverse("awards:session_list")).content.decode()
        assert session.title in html, user
        page = client.get(reverse("awards:session_detail", args=[session.pk])).content.decode()
        assert "Thông qua" in page
        assert "Kết thúc phiên họp" not in page
        item = client.get(reverse("awards:nomination_detail", args=[merged["on_agenda"].pk]))
        assert item.status_code == 200


def test_the_successor_leader_opens_the_dossiers_of_the_old_sessions(client, merged, make_member):
    """The province's leader read the district's session (its chairman closes sessions)
    but every nominee on it linked to "không tìm thấy" (decision 0027): the leader reads
    the dossiers of the bodies merged into theirs, as the office and council do."""
    leader = make_member("ld.tinh", merged["province"], Membership.Role.LEADER)
    client.force_login(leader)
    page = client.get(reverse("awards:session_detail", args=[merged["session"].pk]))
    assert page.status_code == 200
    link = reverse("awards:nomination_detail", args=[merged["on_agenda"].pk])
    assert link in page.content.decode()
    item = client.get(link)
    assert item.status_code == 200
    assert "Ghi kết quả thẩm định" not in item.content.decode()
