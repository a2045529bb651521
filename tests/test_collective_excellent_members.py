"""“Tập thể lao động xuất sắc” (Luật Thi đua, khen thưởng 2022, Điều 27; decision 0070):
every member completes their tasks, at least 70% are “Lao động tiên tiến”, one member is
“Chiến sĩ thi đua cơ sở” and none is disciplined. The app checked none of it: the person
register may not hold every member, so the unit writes on the dossier how many members
the collective has, how many completed their tasks and how many are “Lao động tiên
tiến”; the checklist reads them, with what the register holds, as advice to the clerk
and the appraiser (decision 0003: the checklist advises, the council decides)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from awards import services
from awards.eligibility import checklist
from awards.models import AwardGrant, AwardType, Nomination
from tests.factories import attach_files, nominate

pytestmark = pytest.mark.django_db

YEAR = 2025


def form_data(cycle, **counts) -> dict:
    return {
        "nominating_unit": cycle["commune"].pk,
        "nominee_kind": "unit",
        "nominee_unit": cycle["commune"].pk,
        "award_type": AwardType.objects.get(code="tap-the-ldxs").pk,
        "commendation_kind": "annual",
        "year": YEAR,
        "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ năm 2025.",
        **counts,
    }


def members_check(nomination):
    return next(c for c in checklist(nomination) if c.label == "Thành viên")


def test_the_clerk_writes_the_counts_and_both_see_the_70_percent_met(client, cycle):
    client.force_login(cycle["staff"])
    response = client.post(
        reverse("awards:nomination_create"),
        form_data(cycle, member_count="12", members_completed="12", members_advanced="9"),
    )
    assert response.status_code == 302, response.context["form"].errors
    nomination = Nomination.objects.get(award_type__code="tap-the-ldxs")
    assert (nomination.member_count, nomination.members_completed) == (12, 12)
    check = members_check(nomination)
    assert check.level == "ok"
    assert "12/12 thành viên hoàn thành nhiệm vụ" in check.message
    assert "9/12 thành viên đạt “Lao động tiên tiến” năm 2025 (75%)" in check.message
    assert "Điều 27" in check.basis
    page = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert "9/12 thành viên đạt “Lao động tiên tiến” năm 2025 (75%)" in page  # the clerk

    attach_files(nomination, cycle["staff"])
    services.nomination_submit(actor=cycle["staff"], nomination=nomination)
    nomination.refresh_from_db()
    office = cycle["office"] if nomination.issuer == cycle["district"] else None
    assert office is not None, nomination.issuer
    client.force_login(office)
    page = client.get(reverse("awards:nomination_review", args=[nomination.pk])).content.decode()
    assert "9/12 thành viên đạt “Lao động tiên tiến”" in page  # the appraiser


def test_under_70_percent_or_a_member_short_of_the_tasks_is_said(client, cycle):
    nomination = nominate(
        cycle,
        unit=cycle["commune"],
        code="tap-the-ldxs",
        year=YEAR,
        member_count=10,
        members_completed=9,
        members_advanced=6,
    )
    check = members_check(nomination)
    assert check.level == "warn"
    assert "6/10 thành viên đạt “Lao động tiên tiến” năm 2025 (60%)" in check.message
    assert "dưới mức ít nhất 70% (cần ít nhất 7)" in check.message
    assert "9/10 thành viên hoàn thành nhiệm vụ: cần tất cả (100%)" in check.message
    client.force_login(cycle["staff"])
    page = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert "dưới mức ít nhất 70% (cần ít nhất 7)" in page


def test_counts_not_written_say_the_rule_cannot_be_checked(cycle):
    nomination = nominate(cycle, unit=cycle["commune"], code="tap-the-ldxs", year=YEAR)
    check = members_check(nomination)
    assert check.level == "warn"
    assert "Chưa ghi số thành viên" in check.message and "ít nhất 70%" in check.message


def test_the_form_refuses_counts_that_cannot_be(client, cycle):
    client.force_login(cycle["staff"])
    response = client.post(
        reverse("awards:nomination_create"),
        form_data(cycle, member_count="10", members_completed="11", members_advanced="12"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["members_advanced"] == [
        "Số đạt “Lao động tiên tiến” (12) không thể nhiều hơn số thành viên (10)."
    ]
    assert errors["members_completed"] == [
        "Số hoàn thành nhiệm vụ (11) không thể nhiều hơn số thành viên (10)."
    ]
    assert not Nomination.objects.exists()


def test_a_chien_si_thi_dua_co_so_among_the_members_and_discipline(cycle):
    commune = cycle["commune"]
    nomination = nominate(
        cycle,
        unit=commune,
        code="tap-the-ldxs",
        year=YEAR,
        member_count=2,
        members_completed=2,
        members_advanced=2,
    )

    def line(label):
        return next(c for c in checklist(nomination) if c.label == label)

    assert line("Chiến sĩ thi đua cơ sở").level == "warn"
    assert "Chưa thấy cá nhân nào của UBND xã Bình Lư" in line("Chiến sĩ thi đua cơ sở").message
    mai = cycle["people"][0]
    AwardGrant.objects.create(
        award_type=AwardType.objects.get(code="cstd-co-so"),
        person=mai,
        awardee_unit=commune,
        year=YEAR,
        decision_reference="12/QĐ-UBND",
    )
    assert line("Chiến sĩ thi đua cơ sở").level == "ok"
    assert "Lò Thị A" in line("Chiến sĩ thi đua cơ sở").message
    assert line("Kỷ luật").level == "ok"
    mai.under_discipline = True
    mai.save()
    assert line("Kỷ luật").level == "warn"
    assert "Lò Thị A" in line("Kỷ luật").message


def test_other_collective_titles_have_no_member_lines(cycle):
    nomination = nominate(cycle, unit=cycle["commune"], code="tap-the-ldtt", year=YEAR)
    labels = {c.label for c in checklist(nomination)}
    assert "Thành viên" not in labels and "Chiến sĩ thi đua cơ sở" not in labels


def test_the_unit_writes_how_many_members_are_chien_si_thi_dua_co_so(client, cycle):
    """The register may not hold the collective's Chiến sĩ thi đua cơ sở (granted by a
    department head outside the system): the unit writes how many, as it writes the
    Lao động tiên tiến; the line says what it wrote beside what the register holds
    (decision 0079). A Chiến sĩ thi đua cơ sở is one of the Lao động tiên tiến."""
    client.force_login(cycle["staff"])
    url = reverse("awards:nomination_create")
    response = client.post(
        url,
        form_data(
            cycle,
            member_count="12",
            members_completed="12",
            members_advanced="9",
            members_emulators="10",
        ),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["members_emulators"] == [
        "Số đạt “Chiến sĩ thi đua cơ sở” (10) không thể nhiều hơn số đạt “Lao động tiên "
        "tiến” (9): Chiến sĩ thi đua cơ sở được chọn trong số Lao động tiên tiến."
    ]
    assert not Nomination.objects.filter(award_type__code="tap-the-ldxs").exists()
    response = client.post(
        url,
        form_data(
            cycle,
            member_count="12",
            members_completed="12",
            members_advanced="9",
            members_emulators="1",
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    nomination = Nomination.objects.get(award_type__code="tap-the-ldxs")
    assert nomination.members_emulators == 1
    line = next(c for c in checklist(nomination) if c.label == "Chiến sĩ thi đua cơ sở")
    assert line.level == "ok"
    assert "Đơn vị ghi 1 cá nhân đạt “Chiến sĩ thi đua cơ sở” năm 2025" in line.message
    assert "sổ khen thưởng chưa ghi nhận" in line.message
    page = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert "đạt “Chiến sĩ thi đua cơ sở”: 1" in page
    edit = client.get(reverse("awards:nomination_edit", args=[nomination.pk])).content.decode()
    assert 'name="members_emulators"' in edit
