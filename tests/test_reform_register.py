"""The award register of the years before the 2025 reform, typed in after it (decision 0067).

A clerk copies the paper register as it was written: the old commune and the person's
name. Before, a person of a merged commune was "not found in UBND xã San Thàng" (the
merge had moved her to the new ward), the page told the clerk to import her as a person
first, which would have made a second her whose awards her nominations never see; and
the new ward's office could not name its predecessors at all ("không thuộc phạm vi")."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from awards.eligibility import checklist
from awards.models import AwardGrant, AwardType, Nomination
from tests.test_sheets import confirm, headers, run, xlsx
from units.models import ImportRecord, Membership, Person, Unit
from units.services import units_reorganise

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward(demo, demo_units, make_member):
    """San Thàng and the old Tân Phong merged into the new phường Tân Phong (03408)."""
    call_command("load_divisions", "--province", "Lai Châu", stdout=io.StringIO())
    new = Unit.objects.get(admin_code="03408")
    units_reorganise(
        actor=None,
        mapping=[(demo_units["ubnd-x-san-thang"], new), (demo_units["ubnd-p-tan-phong"], new)],
        reason="Nghị quyết 1670/NQ-UBTVQH15",
    )
    office = make_member("vp.tanphong", new, Membership.Role.OFFICE_STAFF)
    return {"new": new, "office": office, "old": demo_units["ubnd-x-san-thang"]}


def rows(unit_cell: str) -> list[list]:
    return [
        [
            "Lao động tiên tiến",
            year,
            unit_cell,
            "",
            "Tẩn Thị Chiêm",
            "",
            f"{number}/QĐ-UBND",
            f"20/12/{year}",
            "UBND thành phố Lai Châu",
            "",
        ]
        for year, number in ((2023, 812), (2024, 905))
    ]


def test_the_new_wards_office_types_in_its_old_communes_register(ward):
    chiem = Person.objects.get(full_name="Tẩn Thị Chiêm")
    assert chiem.unit == ward["new"]  # the merge moved her
    people = Person.objects.count()
    record = run(
        ward["office"],
        "register",
        xlsx(headers("register"), rows("UBND xã San Thàng")),
        ward["new"],
    )
    assert record.status == ImportRecord.Status.READY, record.problems
    record = confirm(ward["office"], record)
    assert record.status == ImportRecord.Status.DONE, record.problems
    assert Person.objects.count() == people  # no second Tẩn Thị Chiêm
    grants = AwardGrant.objects.filter(person=chiem).order_by("year")
    assert [g.year for g in grants] == [2023, 2024]
    # the register says where she worked when she was awarded
    assert {g.awardee_unit for g in grants} == {ward["old"]}


def test_the_typed_in_years_count_for_her_nomination_at_the_ward(ward):
    confirm(
        ward["office"],
        run(
            ward["office"],
            "register",
            xlsx(headers("register"), rows("ubnd-x-san-thang")),
            ward["new"],
        ),
    )
    chiem = Person.objects.get(full_name="Tẩn Thị Chiêm")
    # Chiến sĩ thi đua cơ sở asks here for two years of Lao động tiên tiến before it
    AwardType.objects.filter(code="cstd-co-so").update(prerequisite_years=2)
    nomination = Nomination(
        award_type=AwardType.objects.get(code="cstd-co-so"),
        nominee_person=chiem,
        nominating_unit=ward["new"],
        year=2025,
    )
    condition = next(c for c in checklist(nomination) if c.label == "Điều kiện")
    assert condition.level == "ok", condition.message
    assert "2 năm liên tục (2023–2024)" in condition.message
