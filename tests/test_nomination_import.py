"""A unit's yearly list of nominations from one Excel sheet (decision 0068): the clerk
downloads the template, fills it, uploads it, reads each row's error beside it, and
confirms; every valid row becomes a draft nomination of the unit, all in one
transaction, through the same service (and rules) as the single-nomination form."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from awards import services as award_services
from awards.models import AwardType, Nomination
from tests.factories import nominate
from tests.factories import village as village_of
from units.models import ImportRecord, Membership, Person, Unit
from units.sheets import services
from units.sheets.kinds import kind_get

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year  # this year: the list the clerk sends at its end
HEADER = [
    "Danh hiệu, hình thức",
    "Năm xét",
    "Họ và tên",
    "Năm sinh",
    "Giới tính",
    "Chức vụ",
    "Người mới",
    "Đơn vị",
    "Hộ gia đình",
    "Loại hình khen thưởng",
    "Tóm tắt thành tích",
]
LDTT = "Lao động tiên tiến"
CSTD = "Chiến sĩ thi đua cơ sở"
TTLDTT = "Tập thể lao động tiên tiến"
GK_PERSON = "Giấy khen của Chủ tịch UBND cấp xã (cá nhân)"
GK_HOUSEHOLD = "Giấy khen của Chủ tịch UBND cấp xã (hộ gia đình)"


def row(award, year=YEAR, name="", birth=None, gender="", position="", new="", unit="",
        household="", kind="", summary="Hoàn thành tốt nhiệm vụ trong năm."):  # fmt: skip
    return [award, year, name, birth, gender, position, new, unit, household, kind, summary]


def xlsx(rows, header=HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Dữ liệu"
    sheet.append(header)
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run(actor, content, unit):
    with TestCase.captureOnCommitCallbacks(execute=True):
        record = services.import_upload(
            actor=actor,
            kind="nominations",
            upload=SimpleUploadedFile("de-nghi-2026.xlsx", content),
            office=unit,
        )
    record.refresh_from_db()
    return record


def confirm(actor, record):
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.import_confirm(actor=actor, record=record)
    record.refresh_from_db()
    return record


def problems(record) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = {}
    for number, column, message in record.problems:
        found.setdefault(number, []).append((column, message))
    return found


@pytest.fixture
def ward(cycle):
    return ward_of(cycle)


def ward_of(cycle) -> dict:
    """The commune of `cycle` with its list of people and a village below it."""
    commune = cycle["commune"]
    village = village_of(commune)
    mai = Person.objects.create(
        full_name="Lò Thị Mai", unit=commune, gender="female", birth_year=1988
    )
    minh = Person.objects.create(
        full_name="Tòng Văn Minh", unit=village, gender="male", birth_year=1990
    )
    return {**cycle, "village": village, "mai": mai, "minh": minh}


def test_a_yearly_list_is_previewed_then_written_as_drafts_in_one_go(ward, client):
    staff, commune = ward["staff"], ward["commune"]
    content = xlsx(
        [
            row(LDTT, name="Lo Thi Mai", birth=1988),  # typed without diacritics
            row(CSTD, name="Lò Thị Mai"),  # one Lò Thị Mai on the list: no year needed
            row(LDTT, name="Tòng Văn Minh", birth=1990, unit="Bản Nà Đông"),
            row(LDTT, name="Giàng A Dế", birth=1995, gender="Nam", position="Dân quân", new="Có"),
            row(TTLDTT, unit="ban-na-dong"),
            row(GK_HOUSEHOLD, household="Hộ ông Lò Văn Pọm, bản Nà Đông"),
            row(GK_PERSON, name="Tòng Văn Minh", kind="Đột xuất", summary="Cứu người đuối nước."),
        ]
    )
    people, nominations = Person.objects.count(), Nomination.objects.count()
    record = run(staff, content, commune)
    assert record.status == ImportRecord.Status.READY, record.problems
    assert record.counts["create"] == 7 and record.counts["refuse"] == 0
    # the preview writes nothing
    assert (Person.objects.count(), Nomination.objects.count()) == (people, nominations)
    labels = [label for _, _, label, _ in record.preview]
    assert labels[0] == f"Lò Thị Mai (1988) — Lao động tiên tiến — {YEAR}"
    assert labels[4] == f"Bản Nà Đông — Tập thể lao động tiên tiến — {YEAR}"
    assert record.preview[3][3] == (
        "Thêm cá nhân mới vào danh sách của UBND xã Bình Lư: Giàng A Dế, Nam, sinh năm 1995."
    )

    client.force_login(staff)
    page = client.get(reverse("sheets:record", args=[record.pk])).content.decode()
    assert "Xác nhận nhập 7 dòng" in page

    record = confirm(staff, record)
    assert record.status == ImportRecord.Status.DONE, record.problems
    made = Nomination.objects.filter(pk__in=record.changes["created"]).order_by("pk")
    assert made.count() == 7
    assert {n.status for n in made} == {Nomination.Status.DRAFT}
    assert {n.nominating_unit for n in made} == {commune}
    assert {n.issuer for n in made} == {ward["district"]}  # as the form sends them
    assert [n.nominee_name for n in made] == [
        "Lò Thị Mai",
        "Lò Thị Mai",
        "Tòng Văn Minh",
        "Giàng A Dế",
        "Bản Nà Đông",
        "Hộ ông Lò Văn Pọm, bản Nà Đông",
        "Tòng Văn Minh",
    ]
    assert made[0].nominee_person == made[1].nominee_person == ward["mai"]
    assert made[6].commendation_kind == Nomination.CommendationKind.UNSCHEDULED
    assert made[0].commendation_kind == Nomination.CommendationKind.ANNUAL
    new = Person.objects.get(full_name="Giàng A Dế")
    assert (new.unit, new.gender, new.birth_year, new.position) == (
        commune,
        "male",
        1995,
        "Dân quân",
    )
    assert Person.objects.count() == people + 1
    # each dossier says where it came from
    event = made[0].events.get()
    assert event.by == staff and f"Nhập từ Excel: lần nhập #{record.pk}, dòng 2" in event.note
    assert "Thêm cá nhân mới" in made[3].events.get().note

    page = client.get(reverse("sheets:record", args=[record.pk])).content.decode()
    assert reverse("awards:nomination_list") in page  # the way to the list, to send them


def test_each_wrong_row_says_what_is_wrong_beside_it_and_nothing_is_written(ward, client):
    staff, commune = ward["staff"], ward["commune"]
    already = nominate(ward, person=ward["people"][0], year=YEAR)  # Lò Thị A, LĐTT 2026
    content = xlsx(
        [
            row(LDTT, name="Lò Văn Xa"),  # 2: nobody of that name
            row(LDTT, name="Lò Thị Mai", birth=1989),  # 3: a Lò Thị Mai, born 1988
            row("Lao dong tien tien xuat sac", name="Lò Thị Mai"),  # 4: no such award
            row(CSTD, name="Lò Thị Mai", kind="Đột xuất"),  # 5: a title is not unscheduled
            row(LDTT, name="Lò Thị Mai", birth=1988),  # 6
            row(LDTT, name="Lo Thi Mai"),  # 7: the same title, the same year, again
            row(LDTT, name="Lò Thị A"),  # 8: already proposed this year
            row(LDTT, year=YEAR + 1, name="Tòng Văn Minh"),  # 9: a year still to come
            row(LDTT, year=1990, name="Tòng Văn Minh"),  # 10: too far back for a yearly title
            row(LDTT, year="", name="Tòng Văn Minh"),  # 11: blank required cell
            row("", name="Tòng Văn Minh"),  # 12: blank required cell
            row(TTLDTT),  # 13: a collective, but which?
            row(LDTT, name="Tòng Văn Minh", unit="UBND xã Sơn Bình"),  # 14: another commune
        ]
    )
    nominations = Nomination.objects.count()
    record = run(staff, content, commune)
    assert record.status == ImportRecord.Status.REFUSED
    found = problems(record)
    assert sorted(found) == [2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14]
    assert found[2] == [
        (
            "Họ và tên",
            "Không có “Lò Văn Xa” trong danh sách cá nhân của UBND xã Bình Lư (và các đơn vị "
            "trực thuộc). Nếu là người mới, ghi “Có” ở cột “Người mới” và ghi Giới tính.",
        )
    ]
    assert found[3] == [
        (
            "Năm sinh",
            "Không có “Lò Thị Mai” sinh năm 1989 trong danh sách. Danh sách có: Lò Thị Mai "
            "(sinh năm 1988, UBND xã Bình Lư). Nếu là người đó, sửa năm sinh; nếu là người "
            "khác, ghi “Có” ở cột “Người mới”.",
        )
    ]
    assert found[4][0][0] == "Danh hiệu, hình thức"
    assert found[4][0][1].startswith("Không có danh hiệu, hình thức “Lao dong tien tien xuat sac”")
    assert found[5] == [
        (
            "Loại hình khen thưởng",
            "“Chiến sĩ thi đua cơ sở” là danh hiệu thi đua, xét theo năm hoặc theo đợt thi "
            "đua, không xét đột xuất (nên cũng không theo thủ tục đơn giản). Khen thành tích "
            "đột xuất thì chọn Giấy khen hoặc Bằng khen.",
        )
    ]
    assert found[7] == [
        (
            "Họ và tên",
            f"Trùng với dòng 6: Lò Thị Mai đã có “Lao động tiên tiến” năm {YEAR} trong tệp; "
            "mỗi danh hiệu chỉ xét một lần trong năm.",
        )
    ]
    [(column, message)] = found[8]
    assert column == "Họ và tên"
    assert message.startswith(
        f"Lò Thị A đã có hồ sơ đề nghị “Lao động tiên tiến” năm {YEAR} (lập ngày"
    )
    assert "mỗi danh hiệu chỉ xét một lần trong năm" in message
    assert found[9] == [("Năm xét", f"Năm xét phải từ 1945 đến {YEAR}.")]
    assert found[10] == [
        ("Năm xét", f"Năm xét khen thưởng hằng năm phải từ 2000 đến {YEAR}, ví dụ {YEAR - 1}.")
    ]
    assert found[11] == [("Năm xét", "Bắt buộc, đang để trống.")]
    assert found[12] == [("Danh hiệu, hình thức", "Bắt buộc, đang để trống.")]
    assert found[13] == [
        (
            "Đơn vị",
            "“Tập thể lao động tiên tiến” khen tập thể: ghi tập thể được đề nghị (mã hoặc tên "
            "đơn vị) ở cột “Đơn vị”.",
        )
    ]
    assert found[14] == [
        ("Đơn vị", "Đơn vị “UBND xã Sơn Bình” không thuộc phạm vi quản lý của bạn.")
    ]
    assert Nomination.objects.count() == nominations
    already.refresh_from_db()
    assert already.status == Nomination.Status.DRAFT

    # the page shows each error on its row, and offers no confirm
    client.force_login(staff)
    page = client.get(reverse("sheets:record", args=[record.pk]) + "?loai=refuse")
    html = page.content.decode()
    assert "Xác nhận nhập" not in html
    assert "Danh sách có: Lò Thị Mai (sinh năm 1988, UBND xã Bình Lư)" in html
    assert "Trùng với dòng 6" in html


def test_a_namesake_is_matched_or_asked_about_never_added_twice(ward):
    staff, commune = ward["staff"], ward["commune"]
    Person.objects.create(full_name="Lò Văn Hùng", unit=commune, gender="male", birth_year=1980)
    Person.objects.create(
        full_name="Lò Văn Hùng", unit=ward["village"], gender="male", birth_year=1992
    )
    Person.objects.create(full_name="Lò Văn Tâm", unit=commune, gender="male")  # no year
    content = xlsx(
        [
            row(LDTT, name="Lò Thị Mai", gender="Nữ", new="Có"),  # 2: she is on the list
            row(LDTT, name="Lò Văn Hùng"),  # 3: two of them
            row(LDTT, name="Lò Văn Hùng", birth=1992),  # 4: that one
            row(LDTT, name="Lò Văn Tâm", birth=1979),  # 5: on the list without a year
            row(LDTT, name="Lò Văn Tâm", birth=1979, gender="Nam", new="Có"),  # 6: someone else
            row(CSTD, name="Lò Văn Tâm", birth=1979, gender="Nam", new="Có"),  # 7: the same new
            row(LDTT, name="Sùng A Páo", new="Có"),  # 8: a new person needs a gender
        ]
    )
    people = Person.objects.count()
    record = run(staff, content, commune)
    found = problems(record)
    assert sorted(found) == [2, 3, 5, 8]
    assert found[2] == [
        (
            "Người mới",
            "UBND xã Bình Lư đã có Lò Thị Mai (sinh năm 1988) trong danh sách: nếu là người "
            "này, bỏ “Có” ở cột “Người mới”; nếu là người khác cùng họ tên, ghi năm sinh.",
        )
    ]
    assert found[3] == [
        (
            "Năm sinh",
            "Có 2 người tên “Lò Văn Hùng”: sinh năm 1980, UBND xã Bình Lư; sinh năm 1992, "
            "Bản Nà Đông. Ghi năm sinh hoặc đơn vị để chọn đúng người.",
        )
    ]
    assert found[5] == [
        (
            "Năm sinh",
            "Danh sách có Lò Văn Tâm (chưa ghi năm sinh, UBND xã Bình Lư). Nếu là người này, "
            "xóa năm sinh ở dòng này; nếu là người khác, ghi “Có” ở cột “Người mới”.",
        )
    ]
    assert found[8] == [("Giới tính", "Người mới: ghi giới tính (Nam hoặc Nữ).")]
    notes = {number: note for number, _, _, note in record.preview}
    assert notes[6] == (
        "Thêm cá nhân mới vào danh sách của UBND xã Bình Lư: Lò Văn Tâm, Nam, sinh năm 1979."
    )
    assert notes[7] == "Cùng người mới ở dòng 6."
    assert Person.objects.count() == people

    # the rows fixed: one new Lò Văn Tâm for both of his rows, nobody else added
    content = xlsx(
        [
            row(LDTT, name="Lò Văn Hùng", birth=1992),
            row(LDTT, name="Lò Văn Tâm", birth=1979, gender="Nam", new="Có"),
            row(CSTD, name="Lò Văn Tâm", birth=1979, gender="Nam", new="Có"),
        ]
    )
    record = confirm(staff, run(staff, content, commune))
    assert record.status == ImportRecord.Status.DONE, record.problems
    assert Person.objects.count() == people + 1
    made = Nomination.objects.filter(pk__in=record.changes["created"]).order_by("pk")
    assert made[1].nominee_person == made[2].nominee_person
    assert made[1].nominee_person.birth_year == 1979
    assert made[0].nominee_person.unit == ward["village"]


def test_a_clerk_imports_only_for_their_own_unit(ward, make_member, client):
    staff, commune = ward["staff"], ward["commune"]
    other_commune = Unit.objects.get(code="ubnd-x-son-binh")
    other = make_member("cb.sonbinh", other_commune)
    content = xlsx([row(LDTT, name="Lò Thị Mai")])

    # by the service
    with pytest.raises(PermissionDenied):
        run(other, content, commune)
    # by the page: the unit is not offered, and a forged one is refused beside the field
    client.force_login(other)
    page = client.get(reverse("sheets:index") + "?loai=nominations").content.decode()
    assert "UBND xã Sơn Bình" in page and "UBND xã Bình Lư" not in page
    response = client.post(
        reverse("sheets:index"),
        {
            "kind": "nominations",
            "office": commune.pk,
            "file": SimpleUploadedFile("a.xlsx", content),
        },
    )
    assert response.status_code == 400
    assert not ImportRecord.objects.exists()
    # the standing office of the district is not the unit's clerk either
    with pytest.raises(PermissionDenied):
        run(ward["office"], content, commune)

    # a record of unit A is not unit B's to read or confirm
    record = run(staff, content, commune)
    assert record.status == ImportRecord.Status.READY, record.problems
    for name in ("record", "problems", "source"):
        assert client.get(reverse(f"sheets:{name}", args=[record.pk])).status_code == 404
    assert client.post(reverse("sheets:confirm", args=[record.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        confirm(other, record)
    record.refresh_from_db()
    assert record.status == ImportRecord.Status.READY
    assert not Nomination.objects.exists()

    # a clerk who left the unit after the upload cannot confirm
    Membership.objects.filter(user=staff).update(archived=True)
    with pytest.raises(PermissionDenied):
        confirm(staff, record)
    assert not Nomination.objects.exists()


def test_a_failure_while_writing_leaves_no_nomination_and_no_person(ward, monkeypatch):
    staff, commune = ward["staff"], ward["commune"]
    content = xlsx(
        [
            row(LDTT, name="Giàng A Dế", birth=1995, gender="Nam", new="Có"),
            row(LDTT, name="Lò Thị Mai"),
            row(LDTT, name="Tòng Văn Minh"),
        ]
    )
    record = run(staff, content, commune)
    assert record.status == ImportRecord.Status.READY, record.problems
    original = award_services.nomination_create
    calls = []

    def third_refused(**kwargs):
        calls.append(kwargs)
        if len(calls) == 3:  # e.g. another clerk proposed him meanwhile
            from django.core.exceptions import ValidationError

            raise ValidationError({"nominee_person": "Tòng Văn Minh đã có hồ sơ đề nghị."})
        return original(**kwargs)

    monkeypatch.setattr(award_services, "nomination_create", third_refused)
    people = Person.objects.count()
    record = confirm(staff, record)
    assert len(calls) == 3
    assert record.status == ImportRecord.Status.REFUSED
    assert record.problems == [[4, "Họ và tên", "Tòng Văn Minh đã có hồ sơ đề nghị."]]
    assert not Nomination.objects.exists()
    assert Person.objects.count() == people  # Giàng A Dế was not kept either


def test_the_template_has_the_headers_the_help_and_the_award_types_in_force(ward, client):
    client.force_login(ward["staff"])
    response = client.get(reverse("sheets:template", args=["nominations"]))
    assert response.status_code == 200
    assert "mau-nhap-de-nghi-khen-thuong" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Dữ liệu", "Hướng dẫn", "Danh mục"]
    assert [c.value for c in book["Dữ liệu"][1]] == [
        "Danh hiệu, hình thức *",
        "Năm xét *",
        *HEADER[2:10],
        *MEMBER_HEADER,  # a collective's members, before the summary
        HEADER[10],
        "Phong trào",  # optional, last (decision 0094)
    ]
    lists = book["Danh mục"]
    columns = {
        column[0].value: (column[0].column_letter, [c.value for c in column[1:] if c.value])
        for column in lists.iter_cols()
    }
    letter, awards = columns["Danh hiệu, hình thức"]
    assert LDTT in awards and GK_HOUSEHOLD in awards and TTLDTT in awards
    # the district's Giấy khen ended on 30/06/2025: not offered for this year's list
    assert not any("cấp huyện" in name for name in awards)
    rules = {
        str(rule.sqref).split(":")[0]: rule.formula1
        for rule in book["Dữ liệu"].data_validations.dataValidation
    }
    assert rules["A2"] == f"'Danh mục'!${letter}$2:${letter}${len(awards) + 1}"
    assert {"E2", "G2", "J2"} <= set(rules)  # Giới tính, Người mới, Loại hình
    help_text = " ".join(
        str(c.value) for line in book["Hướng dẫn"].iter_rows() for c in line if c.value
    )
    assert "Người mới" in help_text and "dự thảo" in help_text


def test_last_years_list_exported_comes_back_as_this_years(ward, client):
    staff, commune = ward["staff"], ward["commune"]
    for person in (ward["mai"], ward["minh"]):
        nominate(ward, person=person, year=YEAR - 1)
    nominate(ward, unit=ward["village"], code="tap-the-ldtt", year=YEAR - 1)
    client.force_login(staff)
    response = client.get(reverse("sheets:export", args=["nominations"]))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Dữ liệu"]
    assert sheet.max_row == 4
    for line in sheet.iter_rows(min_row=2):
        assert line[1].value == YEAR - 1
        line[1].value = YEAR
    buffer = io.BytesIO()
    book.save(buffer)
    record = run(staff, buffer.getvalue(), commune)
    assert record.status == ImportRecord.Status.READY, record.problems
    assert record.counts["create"] == 3
    # the same file again: every title is already proposed for this year
    record = confirm(staff, record)
    again = run(staff, buffer.getvalue(), commune)
    assert again.status == ImportRecord.Status.REFUSED and again.counts["refuse"] == 3


def test_a_commendation_uploaded_twice_is_not_proposed_twice(ward):
    staff, commune = ward["staff"], ward["commune"]
    content = xlsx([row(GK_HOUSEHOLD, household="Hộ ông Lò Văn Pọm, bản Nà Đông")])
    confirm(staff, run(staff, content, commune))
    again = run(staff, content, commune)
    [(number, column, message)] = again.problems
    assert (number, column) == (2, "Hộ gia đình")
    assert message.startswith(
        "Hộ ông Lò Văn Pọm, bản Nà Đông đã có hồ sơ đề nghị “Giấy khen của Chủ tịch UBND cấp "
        f"xã (hộ gia đình)” năm {YEAR} (lập ngày"
    )
    assert Nomination.objects.count() == 1


def test_revert_withdraws_the_drafts_and_keeps_them(ward):
    staff, commune = ward["staff"], ward["commune"]
    content = xlsx([row(LDTT, name="Lò Thị Mai"), row(LDTT, name="Tòng Văn Minh")])
    record = confirm(staff, run(staff, content, commune))
    services.import_revert(actor=staff, record=record, reason="Nhầm danh sách năm")
    record.refresh_from_db()
    assert record.status == ImportRecord.Status.REVERTED
    made = Nomination.objects.filter(pk__in=record.changes["created"])
    assert made.count() == 2  # kept, never deleted
    assert {n.status for n in made} == {Nomination.Status.WITHDRAWN}
    assert {n.events.last().note for n in made} == {
        f"Hoàn tác lần nhập #{record.pk}: Nhầm danh sách năm"
    }

    # once one of them is sent, the import is no longer reverted as a whole
    record = confirm(staff, run(staff, content, commune))
    sent = Nomination.objects.get(pk=record.changes["created"][0])
    from tests.factories import attach_files

    attach_files(sent, staff)
    award_services.nomination_submit(actor=staff, nomination=sent)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="đã gửi"):
        services.import_revert(actor=staff, record=record, reason="Nhầm")
    assert Nomination.objects.get(pk=record.changes["created"][1]).status == "draft"


def test_the_clerk_finds_the_import_from_the_list_and_sees_only_their_kind(ward, client):
    client.force_login(ward["staff"])
    page = client.get(reverse("awards:nomination_list")).content.decode()
    link = reverse("sheets:index") + "?loai=nominations"
    assert link in page and "Nhập từ Excel" in page
    response = client.get(link)
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("sheets:template", args=["nominations"]) in html
    assert "Đơn vị đề nghị" in html
    # the standing office's kinds are not the clerk's
    assert reverse("sheets:template", args=["persons"]) not in html
    for kind in ("persons", "units", "register"):
        assert client.get(reverse("sheets:template", args=[kind])).status_code == 403
        assert client.get(reverse("sheets:export", args=[kind])).status_code == 403


def test_the_office_keeps_its_page_without_the_units_kind(ward, client):
    client.force_login(ward["office"])
    html = client.get(reverse("sheets:index")).content.decode()
    assert "Cơ quan thường trực" in html
    assert reverse("sheets:template", args=["nominations"]) not in html
    assert client.get(reverse("sheets:template", args=["nominations"])).status_code == 403


def test_the_kind_is_registered():
    kind = kind_get("nominations")
    assert kind is not None and kind.title == "Đề nghị khen thưởng"
    assert AwardType.objects.filter(name=LDTT).exists()


def test_the_import_page_shows_only_the_counts_a_nomination_import_can_have(ward, client):
    """A nomination import only adds drafts or refuses a row: the page's "Cập nhật 0" and
    "Không đổi 0", counts of the office's kinds, said nothing (decision 0070). The units'
    import keeps all four."""
    staff, commune = ward["staff"], ward["commune"]
    record = run(staff, xlsx([row(LDTT, name="Lò Thị Mai", birth=1988)]), commune)
    client.force_login(staff)
    page = client.get(reverse("sheets:record", args=[record.pk])).content.decode()
    assert 'data-count="create"' in page and 'data-count="refuse"' in page
    assert "Cập nhật" not in page and "Không đổi" not in page
    assert "?loai=update" not in page and "?loai=unchanged" not in page
    assert kind_get("units").actions == ("create", "update", "unchanged", "refuse")


MEMBER_HEADER = [
    "Số thành viên",
    "Số hoàn thành nhiệm vụ",
    "Số đạt Lao động tiên tiến",
    "Số đạt Chiến sĩ thi đua cơ sở",
]
TTLDXS = "Tập thể lao động xuất sắc"


def test_a_collectives_members_are_read_with_a_vietnamese_error_for_each_bad_count(ward, client):
    """Tập thể lao động xuất sắc needs every member to complete their tasks and 70% of
    them to be Lao động tiên tiến: the clerk writes the counts in the file, as on the
    form, and a count that cannot be is refused beside its cell."""
    staff, commune = ward["staff"], ward["commune"]
    header = [*HEADER, *MEMBER_HEADER]
    content = xlsx(
        [
            [*row(TTLDXS, unit="ban-na-dong"), 20, 20, "15", 2],  # 2: kept
            [*row(TTLDXS, unit=commune.code), 10, 9, 12, 1],  # 3: more LĐTT than members
            [*row(LDTT, name="Lò Thị Mai"), 5, None, None, None],  # 4: a person has no members
            [*row(TTLDTT, unit="ban-na-dong"), "mười", None, None, None],  # 5: not a number
            [*row(TTLDTT, unit=commune.code), None, 3, None, None],  # 6: no total
            [*row(TTLDTT, unit="ban-na-dong", year=YEAR - 1), 0, 0, 0, 0],  # 7: no members
            [*row(TTLDXS, unit="ban-na-dong", year=YEAR - 1), 20, 20, 4, 5],  # 8: CSTĐ > LĐTT
        ],
        header=header,
    )
    record = run(staff, content, commune)
    found = problems(record)
    assert sorted(found) == [3, 4, 5, 6, 7, 8]
    assert found[3] == [
        (
            "Số đạt Lao động tiên tiến",
            "Số đạt “Lao động tiên tiến” (12) không thể nhiều hơn số thành viên (10).",
        )
    ]
    assert found[4] == [("Số thành viên", "Chỉ ghi số thành viên khi đề nghị cho một tập thể.")]
    assert found[5] == [("Số thành viên", "Số thành viên phải là số, không phải “mười”.")]
    assert found[6] == [("Số thành viên", "Ghi số thành viên của tập thể.")]
    assert found[7] == [("Số thành viên", "Số thành viên của tập thể phải từ 1 trở lên.")]
    assert found[8] == [
        (
            "Số đạt Chiến sĩ thi đua cơ sở",
            "Số đạt “Chiến sĩ thi đua cơ sở” (5) không thể nhiều hơn số đạt “Lao động tiên "
            "tiến” (4): Chiến sĩ thi đua cơ sở được chọn trong số Lao động tiên tiến.",
        )
    ]

    # the good row alone: written with its counts, which the checklist reads
    content = xlsx([[*row(TTLDXS, unit="ban-na-dong"), 20, "20", 15, 2]], header=header)
    record = confirm(staff, run(staff, content, commune))
    made = Nomination.objects.get(pk__in=record.changes["created"])
    assert (
        made.member_count,
        made.members_completed,
        made.members_advanced,
        made.members_emulators,
    ) == (20, 20, 15, 2)
    client.force_login(staff)
    page = client.get(reverse("awards:nomination_detail", args=[made.pk])).content.decode()
    assert "15/20 thành viên đạt “Lao động tiên tiến”" in page

    # and the unit's list exported carries them back
    book = load_workbook(
        io.BytesIO(client.get(reverse("sheets:export", args=["nominations"])).content)
    )
    sheet = book["Dữ liệu"]
    headers = [c.value for c in sheet[1]]
    line = [c.value for c in sheet[2]]
    assert [line[headers.index(h)] for h in MEMBER_HEADER] == [20, 20, 15, 2]


def test_the_template_has_the_member_columns_with_their_help(ward, client):
    client.force_login(ward["staff"])
    book = load_workbook(
        io.BytesIO(client.get(reverse("sheets:template", args=["nominations"])).content)
    )
    headers = [c.value for c in book["Dữ liệu"][1]]
    assert all(h in headers for h in MEMBER_HEADER)
    help_text = " ".join(
        str(c.value) for line in book["Hướng dẫn"].iter_rows() for c in line if c.value
    )
    assert "Tập thể lao động xuất sắc" in help_text and "70%" in help_text
