"""The decision's annex over many pages (issue 16): a fixed table layout with set column
widths, the header on every page, no row cut in two by a page break."""

from __future__ import annotations

import datetime
import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from awards import pdf
from awards.models import AwardGrant, AwardType, Decision
from units.models import Person

pytestmark = pytest.mark.django_db

# Rows of one to four lines, so that page breaks fall inside rows unless they are avoided.
POSITIONS = [
    "Giáo viên Trường Tiểu học số 1 xã Bình Lư",
    "Bí thư Chi bộ, Trưởng bản Nà Khuổi, Tổ trưởng tổ hòa giải, Chi hội trưởng Chi hội Nông dân",
    "",
    "Phó Trưởng phòng",
    "Nhân viên hợp đồng",
]


@pytest.fixture
def long_decision(demo_units):
    city = demo_units["ubnd-tp-lai-chau"]
    ward = demo_units["ubnd-p-tan-phong"]
    decision = Decision.objects.create(
        issuer=city,
        year=2025,
        number=215,
        issued_on=datetime.date(2025, 12, 26),
        subject="Về việc tặng danh hiệu Lao động tiên tiến năm 2025",
        signer_title="CHỦ TỊCH",
        signer_name="Nguyễn Văn Nghiệp",
        status=Decision.Status.ISSUED,
    )
    people = Person.objects.bulk_create(
        Person(
            full_name=f"Lò Thị Người {i:02d}", unit=ward, position=POSITIONS[i % 5], gender="female"
        )
        for i in range(60)
    )
    award = AwardType.objects.get(code="lao-dong-tien-tien")
    AwardGrant.objects.bulk_create(
        AwardGrant(award_type=award, person=p, awardee_unit=ward, year=2025, decision=decision)
        for p in people
    )
    return decision


def pages_text(data: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def test_the_annex_table_has_fixed_layout_and_column_widths(long_decision):
    html = pdf.decision_html(long_decision)
    table = html[html.index("<table") : html.index("</table>")]
    assert 'class="annex-table annex-table--awards"' in table
    assert table.count("<col ") == 5 and "<thead>" in table  # amount column (issue 13)


def test_every_row_stays_whole_on_one_page_under_a_repeated_header(long_decision):
    pages = pages_text(pdf.decision_pdf(long_decision))
    annex = pages[1:]
    assert len(annex) >= 3
    for text in annex:
        assert "STT" in text and "Họ và tên / Tập thể" in text and "Chức vụ" in text
    for person in Person.objects.filter(full_name__startswith="Lò Thị Người"):
        row = f"{person.full_name} {person.position}" if person.position else person.full_name
        found = [i for i, text in enumerate(annex) if row in text]
        assert len(found) == 1, (row, found)
    # Numbered 1 to 60 in order, across the pages.
    numbers = [int(n) for n in re.findall(r"(?<![\d/])(\d{1,2}) Lò Thị Người", " ".join(annex))]
    assert numbers == list(range(1, 61))


def pdftotext_pages(data: bytes) -> list[str]:
    """The text of each page as poppler's pdftotext reads it (what a clerk copies out)."""
    if not shutil.which("pdftotext"):
        return pages_text(data)
    out = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    return [re.sub(r"\s+", " ", page) for page in out.split("\f") if page.strip()]


def test_the_total_is_printed_once_at_the_end_of_the_annex(long_decision):
    pages = pdftotext_pages(pdf.decision_pdf(long_decision))
    annex = pages[1:]
    assert len(annex) >= 3
    assert " ".join(pages).count("Tổng cộng") == 1
    assert "Tổng cộng" in annex[-1]
    # After the last row, on the last page.
    last = annex[-1]
    assert last.index("Lò Thị Người 59") < last.index("Tổng cộng")
