"""Staff searches of people, units and nominations put the rows written with the query's
diacritics first, as the public search does (decisions 0043, 0054): "Hòa" lists Hòa
before Hoa and Hoà. Nothing outside the user's scope is found, ranked first or not."""

from __future__ import annotations

import pytest
from django.urls import reverse

from awards.models import AwardType, Nomination
from units.models import Person, Unit

pytestmark = pytest.mark.django_db

# In the search's own order (by name): Hoa, Hoà, Hòa.
SPELLINGS = ("Hoa", "Hoà", "Hòa")


def found(client, url_name: str, field: str, query: str) -> list[str]:
    response = client.get(reverse(url_name), {"field": field, "q": query})
    assert response.status_code == 200
    return [row["text"] for row in response.json()["results"]]


@pytest.fixture
def hoa(cycle, demo_units):
    people = [
        Person.objects.create(full_name=f"Lò Văn {s}", unit=cycle["commune"], gender="male")
        for s in SPELLINGS
    ]
    # the same name in another commune, exactly as typed: never found by Bình Lư
    Person.objects.create(
        full_name="Lò Văn Hòa Khác", unit=demo_units["ubnd-x-son-binh"], gender="male"
    )
    for s in SPELLINGS:
        Unit.objects.create(
            code=f"ban-{s.encode('unicode_escape').decode().replace(chr(92), '')}".lower(),
            name=f"Bản {s}",
            kind=Unit.Kind.VILLAGE,
            level=Unit.Level.OTHER,
            parent=cycle["commune"],
        )
    return people


def test_people_written_as_typed_come_first(client, cycle, hoa):
    client.force_login(cycle["staff"])
    url = "awards:nomination_choices"
    assert found(client, url, "nominee_person", "lo van hoa")[:3] == [
        "Lò Văn Hoa (UBND xã Bình Lư)",
        "Lò Văn Hoà (UBND xã Bình Lư)",
        "Lò Văn Hòa (UBND xã Bình Lư)",
    ]
    assert found(client, url, "nominee_person", "Lò Văn Hòa")[:3] == [
        "Lò Văn Hòa (UBND xã Bình Lư)",
        "Lò Văn Hoa (UBND xã Bình Lư)",
        "Lò Văn Hoà (UBND xã Bình Lư)",
    ]
    assert found(client, url, "nominee_person", "Hoà")[0] == "Lò Văn Hoà (UBND xã Bình Lư)"


def test_ranking_finds_nothing_outside_the_users_units(client, cycle, hoa):
    client.force_login(cycle["staff"])
    texts = found(client, "awards:nomination_choices", "nominee_person", "Hòa")
    assert not any("Khác" in text for text in texts)
    assert len(texts) == 3


def test_units_written_as_typed_come_first(client, cycle, hoa):
    client.force_login(cycle["staff"])
    texts = found(client, "awards:nomination_choices", "nominee_unit", "Bản Hòa")
    assert [t for t in texts if t.startswith("Bản")] == ["Bản Hòa", "Bản Hoa", "Bản Hoà"]
    texts = found(client, "awards:nomination_choices", "nominee_unit", "ban hoa")
    assert [t for t in texts if t.startswith("Bản")] == ["Bản Hoa", "Bản Hoà", "Bản Hòa"]


def test_nominations_written_as_typed_come_first(client, cycle, hoa):
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    nominations = [
        Nomination.objects.create(
            award_type=ldtt,
            nominee_person=person,
            nominating_unit=cycle["commune"],
            issuer=cycle["district"],
            year=2025,
            status="appraised",
        )
        for person in reversed(hoa)  # newest first in the search's own order: Hoa, Hoà, Hòa
    ]
    client.force_login(cycle["office"])
    plain = found(client, "awards:session_choices", "nominations", "hoa")
    assert [t.split(" —")[0] for t in plain] == ["Lò Văn Hoa", "Lò Văn Hoà", "Lò Văn Hòa"]
    marked = found(client, "awards:session_choices", "nominations", "Hòa")
    assert [t.split(" —")[0] for t in marked] == ["Lò Văn Hòa", "Lò Văn Hoa", "Lò Văn Hoà"]
    assert len(nominations) == 3


def test_the_offices_inbox_filter_ranks_units_written_as_typed_first(client, cycle, hoa):
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    for unit in Unit.objects.filter(name__startswith="Bản").order_by("-pk"):
        Nomination.objects.create(
            award_type=ldtt,
            nominee_unit=unit,
            nominating_unit=unit,
            issuer=cycle["district"],
            year=2025,
            status="submitted",
        )
    client.force_login(cycle["office"])
    response = client.get(reverse("awards:inbox"), {"unit": "Bản Hòa"})
    units = [n.nominating_unit.name for n in response.context["nominations"]]
    assert units == ["Bản Hòa", "Bản Hoa", "Bản Hoà"]


def test_the_migration_fills_the_marked_text_a_save_writes(hoa):
    import importlib

    from django.apps import apps

    for model in (Unit, Person):
        saved = dict(model.objects.values_list("pk", "search_marked"))
        assert all(saved.values())
        model.objects.update(search_marked="")
        importlib.import_module("units.migrations.0013_search_marked").fill(apps, None)
        assert dict(model.objects.values_list("pk", "search_marked")) == saved
