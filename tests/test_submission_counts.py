"""The tờ trình a chairman signs said "khen thưởng 1 tập thể, cá nhân" for one person,
and cited the Law without its number (decision 0071)."""

import io
import re

import pytest
from pypdf import PdfReader

from awards import pdf
from tests.factories import nominate, passed_nominations

pytestmark = pytest.mark.django_db


def text(data: bytes) -> str:
    return re.sub(
        r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    )


def test_one_person(cycle):
    body = text(pdf.submission_pdf(cycle["district"], passed_nominations(cycle, 1)))
    assert "khen thưởng 01 cá nhân có thành tích xuất sắc" in body
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022" in body


def test_collectives_and_people_counted_apart(cycle):
    people = passed_nominations(cycle, 2)
    collective = nominate(cycle, unit=cycle["commune"], code="tap-the-ldtt")
    body = text(pdf.submission_pdf(cycle["district"], [*people, collective]))
    assert "khen thưởng 01 tập thể, 02 cá nhân có thành tích xuất sắc" in body
