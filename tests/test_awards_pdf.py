"""Award PDFs checked by their extracted text: decision with annex, certificates,
minutes and the tờ trình."""

import io
import re

import pytest
from pypdf import PdfReader

from awards import pdf
from awards.demo import load_demo_cycle
from awards.models import Nomination
from units.demo import load_demo_users

pytestmark = pytest.mark.django_db


def text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages)), len(reader.pages)


@pytest.fixture
def decision(demo, demo_units):
    load_demo_users(demo_units)
    return load_demo_cycle()


def test_decision_with_its_annex(decision):
    body, pages = text(pdf.decision_pdf(decision))
    assert "ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU" in body and "Số: 01/QĐ-UBND" in body
    assert "Thành phố Lai Châu, ngày 26 tháng 12 năm 2024" in body
    assert "QUYẾT ĐỊNH" in body and "Điều 1." in body and "Nguyễn Văn Nghiệp" in body
    annex = body[body.index("DANH SÁCH KHEN THƯỞNG") :]
    assert "Kèm theo Quyết định số 01/QĐ-UBND ngày 26 tháng 12 năm 2024" in annex
    for name in ("Lò Thị Mai", "Đặng Văn Hùng", "UBND phường Tân Phong"):
        assert name in annex
    assert "Lao động tiên tiến" in annex and "Tập thể lao động tiên tiến" in annex
    assert pages == 2


def test_one_certificate_per_awardee(decision):
    body, pages = text(pdf.certificates_pdf(decision))
    assert pages == decision.grants.count() == 3
    assert body.count("Quyết định số 01/QĐ-UBND ngày 26 tháng 12 năm 2024") == 3
    assert "TẶNG DANH HIỆU LAO ĐỘNG TIÊN TIẾN Bà Lò Thị Mai" in body


def test_minutes_with_attendance_and_tallies(decision):
    session = Nomination.objects.filter(decision=decision).first().agenda_items.get().session
    body, _ = text(pdf.minutes_pdf(session))
    assert "BIÊN BẢN" in body and "có mặt: 3" in body
    assert "Lường Văn Thắng" in body and "Hoàng Thị Lan" in body
    assert "; ." not in body and "Thành viên vắng mặt: không có." in body
    last = session.seats.order_by("pk").last()  # the last seat absent: no stray "; ."
    type(last).objects.filter(pk=last.pk).update(present=False)
    body, _ = text(pdf.minutes_pdf(session))
    name = last.user.get_full_name() or last.user.username
    assert "; ." not in body and f"Thành viên vắng mặt: {name}." in body
    assert body.count("Thông qua") == 3
    assert body.count("Biểu quyết công khai") == 3 and "Lò Thị Mai" in body


def test_submission_to_the_higher_level(decision, demo_units):
    city = demo_units["ubnd-tp-lai-chau"]
    forwarded = Nomination.objects.filter(decision=decision)[:1]
    body, _ = text(pdf.submission_pdf(city, forwarded))
    assert "TỜ TRÌNH" in body and "Về việc đề nghị khen thưởng" in body
    assert forwarded[0].nominee_name in body
    assert "ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU" in body  # from the body that submits


def test_minutes_say_a_withdrawn_item_was_not_considered(cycle):
    """An item withdrawn before the close has no result: the minutes said "Không thông
    qua" for it, as the session page no longer does."""
    from awards import services
    from tests.awards_stage import build_stage

    stage = build_stage(cycle)
    services.nomination_withdraw(
        actor=cycle["staff"], nomination=stage["on_agenda"], reason="Chuyển công tác"
    )
    services.session_close(actor=cycle["office"], session=stage["session"])
    body, _ = text(pdf.minutes_pdf(stage["session"]))
    assert "Không xét (hồ sơ đã rút)" in body
    assert "Không thông qua" not in body
