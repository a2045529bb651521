"""Issue 16: the nomination and session forms choose people, units, campaigns and
dossiers by typing, above a few dozen choices, instead of rendering every row as an
<option>. The search endpoint answers only from the rows the form itself accepts, and
the form still refuses an id outside the user's scope."""

import pytest
from django.urls import reverse

from awards.models import AwardType, Nomination
from units.formfields import SEARCH_THRESHOLD
from units.models import Membership, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(cycle, demo_units):
    """More people in the commune than a select shows, and one in another commune."""
    Person.objects.bulk_create(
        Person(
            full_name=f"Người thứ {i}",
            unit=cycle["commune"],
            gender="male",
            search_text=f" nguoi thu {i} ",
        )
        for i in range(SEARCH_THRESHOLD + 5)
    )
    elsewhere = Person.objects.create(
        full_name="Đèo Văn Khác", unit=demo_units["ubnd-x-son-binh"], gender="male"
    )
    return {**cycle, "elsewhere": elsewhere}


def search(client, url_name, field, query):
    return client.get(reverse(url_name), {"field": field, "q": query})


def test_many_people_are_chosen_by_typing_not_listed(client, many):
    client.force_login(many["staff"])
    page = client.get(reverse("awards:nomination_create")).content.decode()
    assert "Người thứ 3" not in page  # no option per person
    assert 'data-url="/quan-ly/khen-thuong/de-nghi/tim/?field=nominee_person"' in page
    assert 'role="combobox"' in page and 'id="id_nominee_person"' in page
    assert "js/search-select.js" in page
    # a field with few choices stays a select: the award types
    assert '<select name="award_type"' in page


def test_few_people_stay_a_select(client, cycle):
    client.force_login(cycle["staff"])
    page = client.get(reverse("awards:nomination_create")).content.decode()
    assert '<select name="nominee_person"' in page and "Lò Thị A" in page


def test_the_search_finds_people_of_the_users_units_only(client, many):
    client.force_login(many["staff"])
    response = search(client, "awards:nomination_choices", "nominee_person", "nguoi thu 1")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    texts = [r["text"] for r in data["results"]]
    assert "Người thứ 1 (UBND xã Bình Lư)" in texts
    assert all(t.startswith("Người thứ 1") for t in texts) and len(texts) <= 20
    # typed without diacritics, with đ as d: found, but only within the user's scope
    assert search(client, "awards:nomination_choices", "nominee_person", "deo van").json() == {
        "results": [],
        "more": False,
    }
    lo = search(client, "awards:nomination_choices", "nominee_person", "lo thi").json()
    assert {r["id"] for r in lo["results"]} == {p.pk for p in many["people"]}


def test_the_other_commune_finds_its_own_person_and_not_ours(client, many, make_member):
    other = make_member("cb.sonbinh", many["elsewhere"].unit, Membership.Role.UNIT_STAFF)
    client.force_login(other)
    found = search(client, "awards:nomination_choices", "nominee_person", "Đèo").json()
    assert [r["id"] for r in found["results"]] == [many["elsewhere"].pk]
    assert (
        search(client, "awards:nomination_choices", "nominee_person", "lo thi").json()["results"]
        == []
    )


def test_the_form_refuses_a_person_outside_the_users_scope(client, many):
    client.force_login(many["staff"])
    response = client.post(
        reverse("awards:nomination_create"),
        {
            "nominating_unit": many["commune"].pk,
            "nominee_kind": "person",
            "nominee_person": many["elsewhere"].pk,
            "award_type": AwardType.objects.get(code="lao-dong-tien-tien").pk,
            "commendation_kind": "annual",
            "year": 2025,
            "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ.",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Lựa chọn không hợp lệ" in page
    assert 'role="combobox"' in page and 'aria-invalid="true"' in page  # beside the box
    assert not Nomination.objects.exists()


def test_a_chosen_person_is_shown_by_name_when_the_form_comes_back(client, many):
    client.force_login(many["staff"])
    chosen = Person.objects.get(full_name="Người thứ 7")
    response = client.post(
        reverse("awards:nomination_create"),
        {"nominee_kind": "person", "nominee_person": chosen.pk},  # other fields missing
    )
    page = response.content.decode()
    assert f'name="nominee_person" value="{chosen.pk}"' in page
    assert 'value="Người thứ 7 (UBND xã Bình Lư)"' in page


def test_the_endpoint_refuses_strangers_and_unknown_fields(client, many, make_member, demo_units):
    url = reverse("awards:nomination_choices")
    assert client.get(url, {"field": "nominee_person", "q": "a"}).status_code == 302  # login
    office = make_member("nv.khac", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)
    client.force_login(office)  # standing office, no unit role: prepares no nomination
    assert search(client, "awards:nomination_choices", "nominee_person", "a").status_code == 403
    client.force_login(many["staff"])
    for field in ("award_type", "password", ""):
        assert search(client, "awards:nomination_choices", field, "a").status_code == 404
    empty = search(client, "awards:nomination_choices", "nominee_person", "  ").json()
    assert empty == {"results": [], "more": False}
    nul = search(client, "awards:nomination_choices", "nominee_person", "a\x00b")
    assert nul.status_code == 200 and nul.json()["results"] == []


def test_session_form_chooses_dossiers_by_typing_when_there_are_many(client, cycle):
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    people = Person.objects.bulk_create(
        Person(full_name=f"Hồ sơ {i}", unit=cycle["commune"], gender="male")
        for i in range(SEARCH_THRESHOLD + 3)
    )
    Nomination.objects.bulk_create(
        Nomination(
            award_type=ldtt,
            nominee_person=p,
            nominating_unit=cycle["commune"],
            issuer=cycle["district"],
            year=2025,
            status="appraised",
        )
        for p in people
    )
    # a dossier of another district's council is never offered
    client.force_login(cycle["office"])
    page = client.get(reverse("awards:session_create")).content.decode()
    assert "Hồ sơ 5 —" not in page and 'data-name="nominations" data-multiple' in page
    Person.objects.filter(pk__in=[p.pk for p in people]).update(search_text=" ho so 5 ")
    found = search(client, "awards:session_choices", "nominations", "ho so 5").json()
    assert len(found["results"]) == 20 and found["more"] is True
    first = found["results"][0]["id"]
    assert Nomination.objects.get(pk=first).issuer == cycle["district"]
    response = client.post(
        reverse("awards:session_create"),
        {
            "issuer": cycle["district"].pk,
            "title": "Phiên họp cuối năm",
            "held_on": "20/12/2025",
            "members": [m.pk for m in cycle["council"]],
            "nominations": [first],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]


def test_the_new_persons_unit_is_chosen_by_typing_when_there_are_many(client, cycle):
    """The unit of a person added inline offered every unit below the user's bodies as an
    <option>: a superuser's form at 2,001 units was 117 KB and took 3.3 s (decision 0020)."""
    from units.models import Unit

    for i in range(SEARCH_THRESHOLD + 5):
        Unit.objects.create(
            code=f"thon-{i}",
            name=f"Thôn Mẫu {i}",
            kind=Unit.Kind.PUBLIC_SERVICE,
            level=Unit.Level.COMMUNE,
            parent=cycle["commune"],
        )
    client.force_login(cycle["staff"])
    page = client.get(reverse("awards:nomination_create")).content.decode()
    assert "Thôn Mẫu 3<" not in page  # no option per unit
    assert 'data-url="/quan-ly/khen-thuong/de-nghi/tim/?field=new_person_unit"' in page
    found = search(client, "awards:nomination_choices", "new_person_unit", "thon mau 3").json()
    assert "Thôn Mẫu 3" in [row["text"] for row in found["results"]]
