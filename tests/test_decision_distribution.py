"""Nơi nhận of a decision was fixed to "- Như Điều 3; - Lưu: VT.": the clerk could not
add the Sở Nội vụ, the council or the leaders a real decision is sent to, and had to
write them on the printed copy (decision 0071)."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from awards import pdf
from awards.models import Decision

pytestmark = pytest.mark.django_db


def text(data: bytes) -> str:
    return re.sub(
        r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    )


@pytest.fixture
def stage(cycle):
    from tests.awards_stage import build_stage

    return build_stage(cycle)


def test_the_clerk_writes_the_recipients_and_the_decision_prints_them(client, stage):
    client.force_login(stage["office"])
    form = client.get(reverse("awards:decision_create")).content.decode()
    assert "Nơi nhận" in form
    response = client.post(
        reverse("awards:decision_create"),
        {
            "issuer": stage["district"].pk,
            "subject": "Về việc tặng Giấy khen",
            "symbol": "QĐ-UBND",
            "place": "Tam Đường",
            "signer_title": "CHỦ TỊCH",
            "signer_name": "Sùng Lữ Páo",
            # as clerks type them: with or without the dash and the semicolon, blank lines
            "distribution": "- Sở Nội vụ (Ban Thi đua - Khen thưởng);\r\n\r\nTT Huyện ủy, TT HĐND huyện\r\n- Như Điều 3;",
            "nominations": [stage["passed"].pk],
        },
    )
    assert response.status_code == 302
    decision = Decision.objects.latest("pk")
    body = text(pdf.decision_pdf(decision))
    assert (
        "Nơi nhận: - Như Điều 3; - Sở Nội vụ (Ban Thi đua - Khen thưởng); "
        "- TT Huyện ủy, TT HĐND huyện; - Lưu: VT." in body
    )
    # the edit form gives them back as written
    edit = client.get(reverse("awards:decision_edit", args=[decision.pk])).content.decode()
    assert "Sở Nội vụ (Ban Thi đua - Khen thưởng)" in edit


def test_without_recipients_the_decision_reads_as_before(stage):
    body = text(pdf.decision_pdf(stage["decision"]))
    assert "Nơi nhận: - Như Điều 3; - Lưu: VT." in body
