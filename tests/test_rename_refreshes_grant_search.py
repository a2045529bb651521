"""A person or a unit renamed is found on the honour roll by the new name, not the old
one: the grants' stored search text is rebuilt with the rename, whichever way it is made
(admin, Excel import, a save), in one bulk update (decision 0054)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.forms.models import model_to_dict
from django.urls import reverse

from awards.models import AwardGrant
from tests.factories import issued_decision, passed_nominations
from units.models import ImportRecord, Person, Unit

from .test_sheets import confirm, run, xlsx

pytestmark = pytest.mark.django_db


def roll(client, query: str) -> list[str]:
    cache.clear()
    response = client.get(reverse("awards_public:honour_roll"), {"q": query})
    assert response.status_code == 200
    return [grant.awardee_name for grant in response.context["page"].object_list]


@pytest.fixture
def honoured(cycle) -> Person:
    nominations = passed_nominations(cycle, 2)
    nominations[0].nominee_person.full_name = "Lò Thị Mai"
    nominations[0].nominee_person.save()
    issued_decision(cycle, nominations)
    return nominations[0].nominee_person


def admin_save(client, obj, **changes) -> None:
    """The admin's change form sent with one field changed, as an administrator does."""
    meta = obj._meta
    data = {k: "" if v is None else v for k, v in model_to_dict(obj).items()}
    data.update(changes, _save="Lưu")
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


def test_a_person_renamed_in_the_admin_is_found_by_the_new_name_only(client, admin_user, honoured):
    assert roll(client, "Lò Thị Mai") == ["Lò Thị Mai"]
    client.force_login(admin_user)
    admin_save(client, honoured, full_name="Lò Thị Hòa")
    client.logout()
    assert roll(client, "Lò Thị Hòa") == ["Lò Thị Hòa"]
    assert roll(client, "lo thi hoa") == ["Lò Thị Hòa"]
    assert roll(client, "Lò Thị Mai") == []


def test_a_person_renamed_by_the_excel_import_is_found_by_the_new_name_only(
    client, cycle, honoured
):
    content = xlsx(
        ["Mã cá nhân", "Họ và tên", "Đơn vị", "Giới tính"],
        [[honoured.pk, "Lò Thị Hạnh", honoured.unit.code, "Nam"]],
    )
    record = run(cycle["office"], "persons", content, cycle["district"])
    assert record.status == ImportRecord.Status.READY, record.problems
    confirm(cycle["office"], record)
    assert roll(client, "Lò Thị Hạnh") == ["Lò Thị Hạnh"]
    assert roll(client, "thi hanh") == ["Lò Thị Hạnh"]
    assert roll(client, "mai") == []


def test_a_unit_renamed_is_found_by_its_new_name_on_its_peoples_grants(
    client, admin_user, cycle, honoured
):
    commune = Unit.objects.get(pk=honoured.unit_id)
    client.force_login(admin_user)
    admin_save(client, commune, name="UBND xã Bình Lư Mới")
    client.logout()
    assert set(roll(client, "binh lu moi")) == {"Lò Thị Mai", "Lò Văn 02"}
    assert roll(client, "Lò Thị Mai binh lu moi") == ["Lò Thị Mai"]


def test_a_rename_rebuilds_every_grant_in_a_fixed_number_of_queries(
    cycle, honoured, django_assert_max_num_queries
):
    commune = Unit.objects.get(pk=honoured.unit_id)
    commune.name = "UBND xã Bình Lư A"
    with django_assert_max_num_queries(20) as few:
        commune.save()
    issued_decision(cycle, passed_nominations(cycle, 12))
    commune.name = "UBND xã Bình Lư B"
    with django_assert_max_num_queries(len(few)):
        commune.save()
    grants = AwardGrant.objects.filter(awardee_unit=commune)
    assert grants.count() == 14
    assert all(" binh lu b " in g.search_text for g in grants)
    assert all(" bình lư b " in g.search_marked for g in grants)
