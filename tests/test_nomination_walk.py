"""The nomination side walked as its users would (decision 0064): the unit's clerk who
nominates, attaches, corrects and sends again; the standing office that appraises. What
got in their way, each fixed."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards import services
from awards.models import NominationFile
from tests.factories import nominate
from units.models import Membership

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def _returned(cycle, nomination, note="Báo cáo thành tích chưa có xác nhận của thủ trưởng."):
    nomination.refresh_from_db()
    if nomination.status == nomination.Status.DRAFT:
        services.nomination_submit(actor=cycle["staff"], nomination=nomination)
    services.nomination_appraise(
        actor=cycle["office"], nomination=nomination, result="returned", note=note
    )
    nomination.refresh_from_db()
    return nomination


# 1. A file attached by mistake ---------------------------------------------------------


def test_a_file_attached_by_mistake_is_taken_off_the_dossier_and_kept(client, cycle):
    """The clerk attached another person's report (and, returned, an unsigned one): the
    page offered only "Tải lên", so the wrong file went to the office, the council and
    the register beside the right one, both "Báo cáo thành tích". It is now taken off
    with a reason while the unit still edits the dossier; it is archived, not deleted."""
    nomination = nominate(cycle, person=cycle["people"][0])
    wrong = services.nomination_add_file(
        actor=cycle["staff"],
        nomination=nomination,
        upload=SimpleUploadedFile("bao-cao-lo-thi-b.pdf", PDF),
        kind=NominationFile.Kind.ACHIEVEMENT_REPORT,
    )
    client.force_login(cycle["staff"])
    detail = reverse("awards:nomination_detail", args=[nomination.pk])
    remove = reverse("awards:nomination_file_remove", args=[nomination.pk, wrong.pk])
    download = reverse("awards:nomination_file_download", args=[nomination.pk, wrong.pk])
    page = client.get(detail).content.decode()
    assert f'action="{remove}"' in page and "Gỡ tệp" in page

    # a reason is asked, as for a campaign's file
    html = client.post(remove, {"reason": "  "}, follow=True).content.decode()
    assert "Cần ghi lý do gỡ tệp." in html
    assert client.get(download).status_code == 200

    html = client.post(
        remove, {"reason": "Đính kèm nhầm báo cáo của Lò Thị B"}, follow=True
    ).content.decode()
    assert "Đã gỡ tệp “bao-cao-lo-thi-b.pdf”." in html
    assert download not in html
    assert (
        "Gỡ tệp “bao-cao-lo-thi-b.pdf” (Báo cáo thành tích): "
        "Đính kèm nhầm báo cáo của Lò Thị B" in html
    )
    assert client.get(download).status_code == 404
    again = client.post(remove, {"reason": "Đính kèm nhầm báo cáo của Lò Thị B"}, follow=True)
    assert "đã được gỡ khỏi hồ sơ trước đó" in again.content.decode()
    assert nomination.events.filter(note__startswith="Gỡ tệp").count() == 1
    wrong.refresh_from_db()
    assert wrong.archived and wrong.archived_by == cycle["staff"]
    assert wrong.archived_reason == "Đính kèm nhầm báo cáo của Lò Thị B"
    assert wrong.file.storage.exists(wrong.file.name)  # kept, never deleted

    # returned for a signed report: the unsigned one comes off, the required one is missing
    _returned(cycle, nomination)
    (unsigned,) = nomination.files.filter(archived=False)
    html = client.post(
        reverse("awards:nomination_file_remove", args=[nomination.pk, unsigned.pk]),
        {"reason": "Thay bằng bản có xác nhận"},
        follow=True,
    ).content.decode()
    assert "Còn thiếu: Báo cáo thành tích." in html


def test_a_sent_dossiers_files_stay_and_no_one_else_takes_them_off(client, cycle, make_member):
    """Once sent, the office reads the files: the unit asks for the dossier back (it is
    returned) before taking one off. The office, another unit's clerk and a visitor
    cannot take a file off at any time."""
    nomination = nominate(cycle, person=cycle["people"][0])
    (report,) = nomination.files.all()
    remove = reverse("awards:nomination_file_remove", args=[nomination.pk, report.pk])
    detail = reverse("awards:nomination_detail", args=[nomination.pk])

    other = make_member(
        "cb.khac",
        cycle["district"].children.exclude(pk=cycle["commune"].pk).first(),
        Membership.Role.UNIT_STAFF,
    )
    client.force_login(other)
    assert client.post(remove, {"reason": "x"}).status_code == 404
    client.logout()
    response = client.post(remove, {"reason": "x"})
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]

    services.nomination_submit(actor=cycle["staff"], nomination=nomination)
    client.force_login(cycle["staff"])
    assert f'action="{remove}"' not in client.get(detail).content.decode()
    html = client.post(remove, {"reason": "x"}, follow=True).content.decode()
    assert "Không thể gỡ tệp khi hồ sơ đang ở trạng thái “Đã gửi”." in html

    client.force_login(cycle["office"])
    _returned(cycle, nomination)
    review = reverse("awards:nomination_review", args=[nomination.pk])
    assert f'action="{remove}"' not in client.get(review).content.decode()
    html = client.post(remove, {"reason": "x"}, follow=True).content.decode()
    assert "Bạn không phải cán bộ của đơn vị đề nghị." in html
    report.refresh_from_db()
    assert not report.archived


# 2. A title proposed as unscheduled ----------------------------------------------------


def test_a_title_is_not_proposed_as_unscheduled_to_skip_the_councils_vote(client, cycle):
    """ "Chiến sĩ thi đua cơ sở", "Đột xuất", "Thủ tục đơn giản" was saved and sent; the
    office's "đủ điều kiện" then passed it with no council vote, though the title is voted
    on by secret ballot. A title (danh hiệu thi đua) is earned over a year or a campaign,
    never for one deed: the simplified procedure is for a Giấy khen, a Bằng khen."""
    from awards.models import AwardType, Nomination

    person = cycle["people"][0]
    data = {
        "nominating_unit": cycle["commune"].pk,
        "nominee_kind": "person",
        "nominee_person": person.pk,
        "award_type": AwardType.objects.get(code="cstd-co-so").pk,
        "commendation_kind": "unscheduled",
        "year": 2025,
        "simplified": "on",
        "achievement_summary": "Cứu người trong lũ quét.",
    }
    client.force_login(cycle["staff"])
    response = client.post(reverse("awards:nomination_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["commendation_kind"] == [
        "“Chiến sĩ thi đua cơ sở” là danh hiệu thi đua, xét theo năm hoặc theo đợt thi "
        "đua, không xét đột xuất (nên cũng không theo thủ tục đơn giản). Khen thành tích "
        "đột xuất thì chọn Giấy khen hoặc Bằng khen."
    ]
    assert not Nomination.objects.exists()

    # the same deed, rewarded with a Giấy khen under the simplified procedure, goes on
    data["award_type"] = AwardType.objects.get(code="giay-khen-huyen-ca-nhan").pk
    assert client.post(reverse("awards:nomination_create"), data).status_code == 302
    # the title for the year stays open to the unit
    data.update(
        award_type=AwardType.objects.get(code="lao-dong-tien-tien").pk,
        commendation_kind="annual",
        simplified="",
    )
    assert client.post(reverse("awards:nomination_create"), data).status_code == 302


# 3. The same title twice in a year ------------------------------------------------------


def test_a_second_nomination_for_the_same_title_and_year_is_refused_naming_the_first(client, cycle):
    """The clerk sent Đặng Văn Hùng for Lao động tiên tiến 2026 a second time (the demo
    had sent him already): nothing said so until the office's checklist read "Cùng đối
    tượng đang có một hồ sơ khác", without saying which. A title is held once a year: the
    unit is told at once, beside the nominee, which dossier already has it."""
    from awards.models import AwardGrant, AwardType, Nomination

    person = cycle["people"][0]
    first = nominate(cycle, person=person, year=2025)
    services.nomination_submit(actor=cycle["staff"], nomination=first)
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    data = {
        "nominating_unit": cycle["commune"].pk,
        "nominee_kind": "person",
        "nominee_person": person.pk,
        "award_type": ldtt.pk,
        "commendation_kind": "annual",
        "year": 2025,
        "achievement_summary": "Hoàn thành tốt nhiệm vụ.",
    }
    client.force_login(cycle["staff"])
    response = client.post(reverse("awards:nomination_create"), data)
    assert response.status_code == 200
    from django.utils import timezone

    created = timezone.localtime(first.created_at).strftime("%d/%m/%Y")
    assert response.context["form"].errors["nominee_person"] == [
        f"Lò Thị A đã có hồ sơ đề nghị “Lao động tiên tiến” năm 2025 (lập ngày {created}, "
        "Bình Lư đề nghị, trạng thái “Đã gửi”): mỗi danh hiệu chỉ xét một lần trong năm. "
        "Mở hồ sơ đó để sửa, bổ sung; muốn lập lại thì rút hồ sơ đó trước.".replace(
            "Bình Lư", cycle["commune"].name
        )
    ]
    assert Nomination.objects.count() == 1

    # the office's checklist names it too
    second_year = nominate(cycle, person=person, year=2024)
    Nomination.objects.filter(pk=second_year.pk).update(year=2025)  # as old data may hold
    second_year.refresh_from_db()
    from awards.eligibility import checklist

    duplicate = next(c for c in checklist(second_year) if c.label == "Trùng lặp")
    assert duplicate.level == "block"
    assert f"lập ngày {created}, {cycle['commune'].name} đề nghị, trạng thái “Đã gửi”" in (
        duplicate.message
    )

    # an edit into the same title and year is refused as well; another year is not
    other = nominate(cycle, person=person, year=2023)
    response = client.post(
        reverse("awards:nomination_edit", args=[other.pk]), {**data, "year": 2025}
    )
    assert response.status_code == 200 and "mỗi danh hiệu" in str(
        response.context["form"].errors["nominee_person"]
    )

    # withdrawn, it no longer stands in the way
    for n in (first, second_year):
        services.nomination_withdraw(actor=cycle["staff"], nomination=n, reason="Lập lại")
    assert client.post(reverse("awards:nomination_create"), data).status_code == 302

    # a title already in the register for that year is named with its decision
    AwardGrant.objects.create(
        award_type=ldtt,
        person=person,
        year=2022,
        awardee_unit=cycle["commune"],
        decision_reference="15/QĐ-UBND",
    )
    response = client.post(reverse("awards:nomination_create"), {**data, "year": 2022})
    assert response.context["form"].errors["nominee_person"] == [
        "Lò Thị A đã được tặng “Lao động tiên tiến” năm 2022 (Quyết định số 15/QĐ-UBND): "
        "mỗi danh hiệu chỉ xét một lần trong năm."
    ]


# 4. A prerequisite decided in the same round --------------------------------------------


def test_the_checklist_names_a_prerequisite_title_still_being_considered(cycle):
    """Lò Thị Mai's Chiến sĩ thi đua cơ sở 2026 read "Cần “Lao động tiên tiến” năm 2026;
    chưa thấy trong sổ khen thưởng năm 2026" while her Lao động tiên tiến 2026 waited for
    the same council: the two are considered together each year, and the appraiser was
    led to return a sound dossier. The line now names the dossier under consideration."""
    from django.utils import timezone

    from awards.eligibility import checklist

    person = cycle["people"][0]
    ldtt = nominate(cycle, person=person, year=2025)
    cstd = nominate(cycle, person=person, code="cstd-co-so", year=2025)

    def prerequisite():
        return next(c for c in checklist(cstd) if c.label == "Điều kiện")

    # a draft the unit has not sent is not being considered
    assert "Đang xét" not in prerequisite().message

    services.nomination_submit(actor=cycle["staff"], nomination=ldtt)
    services.nomination_appraise(actor=cycle["office"], nomination=ldtt, result="eligible")
    created = timezone.localtime(ldtt.created_at).strftime("%d/%m/%Y")
    check = prerequisite()
    assert check.level == "warn"  # not yet granted: the council and the decision decide
    assert check.message == (
        "Cần “Lao động tiên tiến” năm 2025; chưa thấy trong sổ khen thưởng năm 2025. "
        "Đang xét: hồ sơ “Lao động tiên tiến” năm 2025 (lập ngày "
        f"{created}, {cycle['commune'].name} đề nghị, trạng thái “Đủ điều kiện, chờ Hội "
        "đồng”); chỉ đủ điều kiện khi hồ sơ đó được khen thưởng."
    )

    # withdrawn, it is no longer under consideration
    services.nomination_withdraw(actor=cycle["staff"], nomination=ldtt, reason="Nhầm năm")
    assert "Đang xét" not in prerequisite().message


# 5. What a returned dossier's correction changed ----------------------------------------


def test_the_history_says_what_the_unit_corrected_before_sending_again(client, cycle):
    """Returned for "Thiếu số liệu", corrected and sent again, the dossier's history read
    "Đã sửa hồ sơ." and nothing more: the office, appraising it a second time, could not
    tell what had changed. The line now names the fields, with the old and new value
    where it is short."""
    from awards.models import AwardType

    nomination = _returned(cycle, nominate(cycle, person=cycle["people"][0]), "Thiếu số liệu")
    client.force_login(cycle["staff"])
    data = {
        "nominating_unit": cycle["commune"].pk,
        "nominee_kind": "person",
        "nominee_person": cycle["people"][0].pk,
        "award_type": AwardType.objects.get(code="lao-dong-tien-tien").pk,
        "commendation_kind": "annual",
        "year": 2024,
        "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ; thu ngân sách đạt 112%.",
    }
    edit = reverse("awards:nomination_edit", args=[nomination.pk])
    assert client.post(edit, data).status_code == 302
    client.force_login(cycle["office"])
    page = client.get(reverse("awards:nomination_review", args=[nomination.pk]))
    assert "Đã sửa: năm xét (2025 → 2024), tóm tắt thành tích." in page.content.decode()

    client.force_login(cycle["staff"])
    assert client.post(edit, data).status_code == 302  # saved again, nothing changed
    assert nomination.events.last().note == "Đã lưu, không thay đổi nội dung."


# 6. A person typed in again without a birth year -----------------------------------------


def test_a_person_already_on_the_list_is_not_added_again_when_the_birth_year_is_left_out(
    client, cycle
):
    """The clerk opened "Thêm người mới" and typed "Đặng Văn Hùng" without a birth year:
    a second Đặng Văn Hùng was made beside the one on the list (born 1985), so his awards
    of earlier years, which the checks of consecutive years and duplicates read, were on
    the other record. The form now asks which one is meant."""
    from awards.models import AwardType, Nomination
    from units.models import Person

    Person.objects.create(
        full_name="Đặng Văn Hùng", unit=cycle["commune"], gender="male", birth_year=1985
    )
    data = {
        "nominating_unit": cycle["commune"].pk,
        "nominee_kind": "person",
        "nominee_person": "",
        "new_person_name": "đặng văn  hùng",
        "new_person_gender": "male",
        "new_person_unit": cycle["commune"].pk,
        "award_type": AwardType.objects.get(code="lao-dong-tien-tien").pk,
        "commendation_kind": "annual",
        "year": 2025,
        "achievement_summary": "Hoàn thành tốt nhiệm vụ.",
    }
    client.force_login(cycle["staff"])
    url = reverse("awards:nomination_create")
    people = Person.objects.count()
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["new_person_birth_year"] == [
        f"{cycle['commune'].name} đã có Đặng Văn Hùng (sinh năm 1985) trong danh sách: "
        "chọn ở ô “Cá nhân được đề nghị”. Nếu là người khác cùng họ tên, ghi năm sinh."
    ]
    assert Person.objects.count() == people
    assert not Nomination.objects.exists()

    # another person of the same name, born another year: added, as the form says
    assert client.post(url, {**data, "new_person_birth_year": 1999}).status_code == 302
    assert Person.objects.count() == people + 1


# 7. Which campaign, which year -----------------------------------------------------------


def test_the_lists_say_which_campaign_or_year_a_dossier_is_for(client, cycle, demo, make_member):
    """The unit's list read "Về việc phát động phong trào thi đua thực hiện th…" for a
    dossier under a campaign: nearly every campaign's subject starts so, and the number
    that tells them apart was left out. The office's inbox had no year or campaign at all,
    so a Lao động tiên tiến of 2024 and one of 2025 read the same."""
    from campaigns.models import Campaign

    campaign = Campaign.objects.filter(issuer__code="ubnd-tinh-lai-chau").first()
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.PUBLISHED)
    campaign.refresh_from_db()
    assert campaign.number
    under = nominate(
        cycle,
        person=cycle["people"][0],
        code="bang-khen-tinh-ca-nhan",
        year=None,
        campaign=campaign,
    )
    yearly = nominate(cycle, person=cycle["people"][1], year=2024)
    for n in (under, yearly):
        services.nomination_submit(actor=cycle["staff"], nomination=n)

    client.force_login(cycle["staff"])
    page = client.get(reverse("awards:nomination_list")).content.decode()
    named = f"<td>{campaign.reference} (năm {campaign.year})</td>"  # Chỉ thị số 09/CT-UBND
    assert campaign.number_symbol in named and named in page and "<td>2024</td>" in page

    client.force_login(cycle["office"])  # the district decides the yearly title
    page = client.get(reverse("awards:inbox")).content.decode()
    assert "Năm / phong trào" in page and "<td>2024</td>" in page
    client.force_login(make_member("nv.tinh", campaign.issuer, Membership.Role.OFFICE_STAFF))
    assert named in client.get(reverse("awards:inbox")).content.decode()
