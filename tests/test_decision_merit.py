"""Điều 1 says why each award is given in the award type's own words (issue 14, decision
0021): Lao động tiên tiến is for completing one's tasks well (Law 06/2022, Art. 26), not
for "thành tích xuất sắc"; the words are the award type's data, editable by an admin,
with "có thành tích xuất sắc" where none is set."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from awards import pdf
from awards.demo import load_demo_cycle
from awards.models import AwardType, Decision, Nomination
from tests.module_data import built_demo, data_once
from units.demo import load_demo_users

pytestmark = pytest.mark.django_db


def text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def article_1(body: str) -> str:
    return body[body.index("Điều 1.") : body.index("Điều 2.")]


def _built() -> dict:
    """Two Lao động tiên tiến and one Tập thể lao động tiên tiến (the demo cycle)."""
    data = built_demo()
    load_demo_users(data["demo_units"])
    return {**data, "decision": load_demo_cycle()}


# built once for the module, each test in its own savepoint with its own copy of the
# objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, demo, decision = data_once(
    _built, "demo_units", "demo", "decision"
)


def only_individuals(decision: Decision) -> Decision:
    draft = Decision.objects.create(
        issuer=decision.issuer,
        year=2025,
        subject="Về việc tặng danh hiệu Lao động tiên tiến",
        place="Thành phố Lai Châu",
        signer_title="CHỦ TỊCH",
        signer_name="Nguyễn Văn Nghiệp",
    )
    Nomination.objects.filter(decision=decision, nominee_unit__isnull=True).update(decision=draft)
    return draft


def test_lao_dong_tien_tien_is_given_for_completing_tasks_well(decision):
    body = article_1(text(pdf.decision_pdf(only_individuals(decision))))
    assert (
        "Điều 1. Tặng danh hiệu “Lao động tiên tiến” cho 02 cá nhân đã hoàn thành tốt "
        "nhiệm vụ (có danh sách kèm theo)." in body
    )
    assert "thành tích xuất sắc" not in body


def test_each_line_of_a_mixed_decision_gives_its_own_reason(decision):
    body = article_1(text(pdf.decision_pdf(decision)))
    assert "thành tích xuất sắc" not in body
    assert "1. Tặng danh hiệu “Lao động tiên tiến” cho 02 cá nhân đã hoàn thành tốt nhiệm vụ;" in (
        body
    )
    assert (
        "2. Tặng danh hiệu “Tập thể lao động tiên tiến” cho 01 tập thể đã hoàn thành tốt "
        "nhiệm vụ và kế hoạch được giao." in body
    )


def test_a_giay_khen_keeps_outstanding_achievement(decision):
    draft = only_individuals(decision)
    award = AwardType.objects.get(code="giay-khen-xa-ca-nhan")
    Nomination.objects.filter(decision=draft).update(award_type=award)
    body = article_1(text(pdf.decision_pdf(draft)))
    assert "Điều 1. Tặng Giấy khen cho 02 cá nhân có thành tích xuất sắc" in body


def test_the_reason_is_the_award_types_data(decision):
    """An administrator's wording is printed; an empty one falls back to the default."""
    draft = only_individuals(decision)
    AwardType.objects.filter(code="lao-dong-tien-tien").update(
        merit="đã hoàn thành tốt nhiệm vụ, công tác năm 2025"
    )
    body = article_1(text(pdf.decision_pdf(draft)))
    assert "cho 02 cá nhân đã hoàn thành tốt nhiệm vụ, công tác năm 2025 (có danh sách" in body
    AwardType.objects.filter(code="lao-dong-tien-tien").update(merit="")
    body = article_1(text(pdf.decision_pdf(draft)))
    assert "cho 02 cá nhân có thành tích xuất sắc (có danh sách kèm theo)." in body
