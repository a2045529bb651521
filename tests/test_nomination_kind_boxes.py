"""The nomination form shows only the chosen kind's boxes (decision 0086, item 1): a
Tập thể's unit and members' counts, a Cá nhân's person or new person, a household's name.
The server keeps only the chosen kind's boxes: what the hidden ones still hold (a person
chosen before switching kind, a members' count typed wrong) is neither saved nor a reason
to refuse; a missing box of the chosen kind is named beside it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from awards.models import AwardType, Nomination
from units.models import Person

pytestmark = pytest.mark.django_db


def post(client, cycle, **fields):
    client.force_login(cycle["staff"])
    data = {
        "nominating_unit": cycle["commune"].pk,
        "commendation_kind": "annual",
        "year": "2025",
        "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ năm 2025.",
        **fields,
    }
    return client.post(reverse("awards:nomination_create"), data)


def errors_beside(response) -> dict:
    return response.context["form"].errors


def test_a_person_nomination_ignores_the_collectives_boxes_even_typed_wrong(client, cycle):
    person = cycle["people"][0]
    response = post(
        client,
        cycle,
        nominee_kind="person",
        nominee_person=person.pk,
        nominee_unit=cycle["commune"].pk,  # chosen before switching to Cá nhân
        member_count="mười hai",  # hidden: not a reason to refuse
        members_completed="12",
        award_type=AwardType.objects.get(code="lao-dong-tien-tien").pk,
    )
    assert response.status_code == 302, errors_beside(response)
    nomination = Nomination.objects.get()
    assert nomination.nominee_person == person
    assert nomination.nominee_unit is None
    assert (nomination.member_count, nomination.members_completed) == (None, None)


def test_a_collective_nomination_ignores_the_new_persons_boxes(client, cycle):
    people_before = Person.objects.count()
    response = post(
        client,
        cycle,
        nominee_kind="unit",
        nominee_unit=cycle["commune"].pk,
        member_count="12",
        members_completed="12",
        new_person_name="Vàng Văn Sử",  # typed, then Tập thể chosen
        new_person_birth_year="năm 85",  # wrong, but hidden
        award_type=AwardType.objects.get(code="tap-the-ldtt").pk,
    )
    assert response.status_code == 302, errors_beside(response)
    nomination = Nomination.objects.get()
    assert nomination.nominee_unit == cycle["commune"]
    assert nomination.member_count == 12
    assert Person.objects.count() == people_before  # no Vàng Văn Sử created


@pytest.mark.parametrize(
    ("kind", "box", "message"),
    [
        (
            "person",
            "nominee_person",
            "Chọn cá nhân được đề nghị, hoặc thêm người mới (ghi họ và tên).",
        ),
        ("unit", "nominee_unit", "Chọn tập thể được đề nghị."),
        ("household", "nominee_household", "Ghi tên hộ gia đình được đề nghị."),
    ],
)
def test_the_chosen_kinds_missing_box_is_named_beside_it(client, cycle, kind, box, message):
    response = post(
        client,
        cycle,
        nominee_kind=kind,
        # the other kinds' boxes filled: they do not stand in for the chosen one
        nominee_person=cycle["people"][0].pk if kind != "person" else "",
        nominee_unit=cycle["commune"].pk if kind != "unit" else "",
        nominee_household="Hộ ông Lò Văn Pành" if kind != "household" else "",
    )
    assert response.status_code == 200
    assert errors_beside(response)[box] == [message]
    others = {"nominee_person", "nominee_unit", "nominee_household"} - {box}
    assert not others & set(errors_beside(response))
    html = response.content.decode()
    assert html.count(message) == 1
    # beside its box: inside the chosen kind's group, after the box's label
    group = html[html.index(f'data-nominee-kind="{kind}"') :]
    group = group[: group.index("</fieldset>")]
    assert message in group
    assert not Nomination.objects.exists()


def test_a_new_person_without_a_name_is_told_beside_the_name(client, cycle):
    response = post(
        client,
        cycle,
        nominee_kind="person",
        new_person_gender="male",
        new_person_birth_year="1985",
        new_person_unit=cycle["commune"].pk,
        award_type=AwardType.objects.get(code="lao-dong-tien-tien").pk,
    )
    assert response.status_code == 200
    errors = errors_beside(response)
    assert errors["new_person_name"] == ["Ghi họ và tên người mới."]
    assert "nominee_person" not in errors  # said once, where it is missing
    assert '<details class="new-person" open>' in response.content.decode()
    assert not Nomination.objects.exists()


def test_each_kinds_boxes_are_grouped_with_a_legend(client, cycle):
    client.force_login(cycle["staff"])
    html = client.get(reverse("awards:nomination_create")).content.decode()
    for kind, legend, boxes in (
        (
            "person",
            "Cá nhân",
            ("id_nominee_person", "id_new_person_name", "id_new_person_position"),
        ),
        ("unit", "Tập thể", ("id_nominee_unit", "id_member_count", "id_members_advanced")),
        ("household", "Hộ gia đình", ("id_nominee_household",)),
    ):
        start = html.index(f'<fieldset class="nominee-group" data-nominee-kind="{kind}"')
        group = html[start : html.index("</fieldset>", start)]
        assert f"<legend>{legend}</legend>" in group
        for box in boxes:
            assert f'id="{box}"' in group, (kind, box)
    assert html.count('class="nominee-group"') == 3
