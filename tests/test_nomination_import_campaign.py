"""The nominations sheet's "Phong trào" column (decision 0094): a row may name the
campaign (phong trào thi đua) it answers, by its number and symbol or by the template's
list label; a campaign unknown, or not addressed to the importing unit, is refused beside
its row and cell, and nothing of the file is written; a blank cell is a yearly nomination
as before. The template offers only the campaigns addressed to the unit."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from awards.models import Nomination
from awards.nomination_sheet import campaign_label
from campaigns.models import Campaign, DocumentType
from tests.test_nomination_import import (
    HEADER,
    LDTT,
    YEAR,
    problems,
    row,
    run,
    ward_of,
    xlsx,
)
from tests.test_nomination_import import confirm as confirm_import
from units.models import ImportRecord

pytestmark = pytest.mark.django_db

CAMPAIGN_HEADER = [*HEADER, "Phong trào"]


def line(award, campaign="", **fields):
    return [*row(award, **fields), campaign]


def launch(issuer, number, symbol, *, year=YEAR, status=Campaign.Status.PUBLISHED, subject=""):
    abbreviation = symbol.split("-")[0]
    return Campaign.objects.create(
        issuer=issuer,
        document_type=DocumentType.objects.get(abbreviation=abbreviation),
        number=number,
        symbol=symbol,
        subject=subject or f"Về việc phát động phong trào thi đua năm {year} ({issuer.name})",
        issued_on=datetime.date(year, 1, 5),
        start_date=datetime.date(year, 1, 5),
        end_date=datetime.date(year, 12, 31),
        status=status,
    )


@pytest.fixture
def ward(cycle):
    return ward_of(cycle)


@pytest.fixture
def launches(ward, demo_units):
    """The district's and the province's launches (addressed to Bình Lư), and others'."""
    return {
        "district": launch(ward["district"], "12", "CT-UBND"),
        "province": launch(demo_units["ubnd-tinh-lai-chau"], "05", "KH-UBND"),
        "other_district": launch(demo_units["ubnd-tan-uyen"], "31", "KH-UBND"),
        "other_commune": launch(demo_units["ubnd-x-son-binh"], "07", "KH-UBND"),
        "draft": launch(ward["district"], "44", "KH-UBND", status=Campaign.Status.DRAFT),
    }


def test_a_campaign_named_by_number_or_by_label_is_saved_on_the_nomination(ward, launches):
    staff, commune = ward["staff"], ward["commune"]
    content = xlsx(
        [
            line(LDTT, "12/CT-UBND", name="Lò Thị Mai", birth=1988),
            line(LDTT, campaign_label(launches["province"]), name="Tòng Văn Minh", birth=1990),
        ],
        header=CAMPAIGN_HEADER,
    )
    record = run(staff, content, commune)
    assert record.status == ImportRecord.Status.READY, record.problems
    # the preview says which campaign each row was matched to
    assert [note for *_, note in record.preview] == [
        f"Theo phong trào: Chỉ thị số 12/CT-UBND ngày 05/01/{YEAR} của UBND huyện Tam Đường.",
        f"Theo phong trào: Kế hoạch số 05/KH-UBND ngày 05/01/{YEAR} của UBND tỉnh Lai Châu.",
    ]
    record = confirm_import(staff, record)
    assert record.status == ImportRecord.Status.DONE, record.problems
    by_name = {n.nominee_person.full_name: n for n in Nomination.objects.all()}
    assert by_name["Lò Thị Mai"].campaign == launches["district"]
    assert by_name["Tòng Văn Minh"].campaign == launches["province"]
    assert all(n.year == YEAR for n in by_name.values())


def test_an_unknown_campaign_is_refused_on_its_row_and_nothing_is_written(ward, launches):
    staff, commune = ward["staff"], ward["commune"]
    content = xlsx(
        [
            line(LDTT, "12/CT-UBND", name="Lò Thị Mai", birth=1988),
            line(LDTT, "99/CT-UBND", name="Tòng Văn Minh", birth=1990),
        ],
        header=CAMPAIGN_HEADER,
    )
    record = run(staff, content, commune)
    assert record.status == ImportRecord.Status.REFUSED
    [(column, message)] = problems(record)[3]
    assert column == "Phong trào"
    assert message.startswith("Không có phong trào “99/CT-UBND” gửi đến UBND xã Bình Lư.")
    assert 2 not in problems(record)
    assert not Nomination.objects.exists()


def test_another_districts_or_units_campaign_is_refused(ward, launches):
    staff, commune = ward["staff"], ward["commune"]
    content = xlsx(
        [
            line(LDTT, "31/KH-UBND", name="Lò Thị Mai", birth=1988),
            line(LDTT, campaign_label(launches["other_commune"]), name="Tòng Văn Minh", birth=1990),
            line(LDTT, "44/KH-UBND", name="Lò Thị A"),  # the district's draft, not launched
        ],
        header=CAMPAIGN_HEADER,
    )
    record = run(staff, content, commune)
    assert record.status == ImportRecord.Status.REFUSED
    found = problems(record)
    [(column, message)] = found[2]
    assert column == "Phong trào"
    assert "của UBND huyện Tân Uyên không gửi đến UBND xã Bình Lư" in message
    [(column, message)] = found[3]  # a label copied from another commune's list
    assert column == "Phong trào"
    assert "“07/KH-UBND” của UBND xã Sơn Bình không gửi đến UBND xã Bình Lư" in message
    [(column, message)] = found[4]
    assert column == "Phong trào"
    assert message.startswith(
        "Phong trào “44/KH-UBND” của UBND huyện Tam Đường đang ở trạng thái “Dự thảo”"
    )
    assert not Nomination.objects.exists()


def test_a_number_two_launches_share_is_asked_about_unless_the_year_tells(ward, launches):
    staff, commune = ward["staff"], ward["commune"]
    last_year = launch(ward["district"], "12", "CT-UBND", year=YEAR - 1)
    province = launch(launches["province"].issuer, "12", "CT-UBND")
    content = xlsx(
        [line(LDTT, "12/ct-ubnd", name="Lò Thị Mai", birth=1988)], header=CAMPAIGN_HEADER
    )
    record = run(staff, content, commune)
    [(column, message)] = problems(record)[2]
    assert column == "Phong trào" and message.startswith("“12/ct-ubnd” khớp 2 phong trào")
    province.delete()
    record = run(staff, content, commune)
    assert record.status == ImportRecord.Status.READY, record.problems
    confirm_import(staff, record)
    assert Nomination.objects.get().campaign == launches["district"]  # this year's, not last_year
    assert last_year.pk != launches["district"].pk


def test_a_blank_campaign_keeps_a_yearly_nomination_and_the_column_may_be_absent(ward, launches):
    staff, commune = ward["staff"], ward["commune"]
    blank = xlsx([line(LDTT, "", name="Lò Thị Mai", birth=1988)], header=CAMPAIGN_HEADER)
    record = confirm_import(staff, run(staff, blank, commune))
    assert record.status == ImportRecord.Status.DONE, record.problems
    absent = xlsx([row(LDTT, name="Tòng Văn Minh", birth=1990)])
    record = confirm_import(staff, run(staff, absent, commune))
    assert record.status == ImportRecord.Status.DONE, record.problems
    assert [(n.campaign_id, n.year) for n in Nomination.objects.all()] == [(None, YEAR)] * 2


def test_the_template_lists_only_the_campaigns_addressed_to_the_unit(ward, launches, client):
    client.force_login(ward["staff"])
    response = client.get(reverse("sheets:template", args=["nominations"]))
    book = load_workbook(io.BytesIO(response.content))
    header = [c.value for c in book["Dữ liệu"][1]]
    assert header[-1] == "Phong trào"
    columns = {
        column[0].value: (column[0].column_letter, [c.value for c in column[1:] if c.value])
        for column in book["Danh mục"].iter_cols()
    }
    letter, listed = columns["Phong trào"]
    assert sorted(listed) == sorted(
        campaign_label(launches[key]) for key in ("district", "province")
    )
    assert "Chỉ thị số 12/CT-UBND ngày 05/01/" in campaign_label(launches["district"])
    rules = {
        str(rule.sqref).split(":")[0]: rule.formula1
        for rule in book["Dữ liệu"].data_validations.dataValidation
    }
    data_letter = book["Dữ liệu"].cell(row=1, column=len(header)).column_letter
    assert rules[f"{data_letter}2"] == f"'Danh mục'!${letter}$2:${letter}${len(listed) + 1}"


def test_the_export_carries_the_campaign_and_comes_back(ward, launches, client):
    staff, commune = ward["staff"], ward["commune"]
    content = xlsx(
        [line(LDTT, "12/CT-UBND", name="Lò Thị Mai", birth=1988)], header=CAMPAIGN_HEADER
    )
    confirm_import(staff, run(staff, content, commune))
    client.force_login(staff)
    response = client.get(reverse("sheets:export", args=["nominations"]))
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Dữ liệu"]
    assert sheet.cell(row=1, column=sheet.max_column).value == "Phong trào"
    assert sheet.cell(row=2, column=sheet.max_column).value == campaign_label(launches["district"])
    Nomination.objects.update(status=Nomination.Status.WITHDRAWN)  # proposed again
    buffer = io.BytesIO()
    book.save(buffer)
    record = run(staff, buffer.getvalue(), commune)
    assert record.status == ImportRecord.Status.READY, record.problems
