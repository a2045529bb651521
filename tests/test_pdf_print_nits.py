"""Print nits of the award PDFs, as a clerk sees them printed (pages rendered with
pdftoppm and looked at; the tests read the PDF's text and where it is drawn). Decision
0063."""

from __future__ import annotations

import io
import re
import shutil

import pytest
from pypdf import PdfReader

from awards import pdf
from awards.demo import load_demo_cycle
from awards.models import Nomination
from tests.pdf_layout import cell_gaps
from units.demo import load_demo_users

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(demo, demo_units):
    load_demo_users(demo_units)
    return load_demo_cycle()


def text(data: bytes) -> str:
    return re.sub(
        r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    )


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) chưa cài")
@pytest.mark.parametrize("document", ["decision", "minutes", "submission"])
def test_the_stt_header_keeps_its_padding_inside_its_borders(decision, demo_units, document):
    """The decision's annex printed "STT" against the right border of its cell (the
    column, 6 % of the width, was narrower than the bold word and its padding)."""
    if document == "decision":
        data, page = pdf.decision_pdf(decision), 2
    elif document == "minutes":
        session = Nomination.objects.filter(decision=decision).first().agenda_items.get().session
        data, page = pdf.minutes_pdf(session), 1
    else:
        nominations = Nomination.objects.filter(decision=decision)
        data, page = pdf.submission_pdf(demo_units["ubnd-tp-lai-chau"], nominations), 1
    assert "STT" in text(data)
    left, right = cell_gaps(data, page, "STT")
    assert left >= 3 and right >= 3, (left, right)  # the cell's padding is 5 pt
    assert abs(left - right) < 1, (left, right)  # centred, as the other headers


@pytest.mark.parametrize(
    "title, subject",
    [
        (
            "Phiên họp Hội đồng TĐKT phường Tân Phong xét khen thưởng (dữ liệu mẫu)",
            "Họp Hội đồng TĐKT phường Tân Phong xét khen thưởng (dữ liệu mẫu)",
        ),
        (
            "Phiên họp xét khen thưởng năm 2025",
            "Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng năm 2025",
        ),
        (
            "họp Hội đồng Thi đua - Khen thưởng xét Bằng khen",
            "Họp Hội đồng Thi đua - Khen thưởng xét Bằng khen",
        ),
        ("Hội đồng TĐKT xét khen thưởng đợt 2", "Họp Hội đồng TĐKT xét khen thưởng đợt 2"),
        ("Đợt 2 năm 2025", "Họp Hội đồng Thi đua - Khen thưởng: Đợt 2 năm 2025"),
    ],
)
def test_the_minutes_title_says_the_meeting_once(decision, title, subject):
    """Under “BIÊN BẢN” the minutes printed “Họp Hội đồng Thi đua - Khen thưởng: ” before
    the session's name, which (as the demo's and the clerks' are) names the meeting
    itself: “Họp Hội đồng Thi đua - Khen thưởng: Phiên họp Hội đồng TĐKT phường …”."""
    session = Nomination.objects.filter(decision=decision).first().agenda_items.get().session
    type(session).objects.filter(pk=session.pk).update(title=title)
    session.refresh_from_db()
    body = text(pdf.minutes_pdf(session))
    assert f"BIÊN BẢN {subject} Thời gian:" in body
    assert "Phiên họp" not in body and body.count("Họp ") == 1
