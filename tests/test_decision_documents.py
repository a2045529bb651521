"""Documents a clerk would sign (issue 14): the decision cites the law in force on its
date and says what it gives; its annex is grouped by award with job titles in their own
column; the certificates carry the full achievement and a số vào sổ; the minutes are
signed with names; a launch document's item heading stands apart from its text.

Each is checked in the text pypdf extracts from the PDF (PITFALLS: diacritics kept)."""

from __future__ import annotations

import datetime
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction
from pypdf import PdfReader

from awards import pdf
from awards.demo import load_demo_cycle
from awards.models import AwardGrant, AwardType, Decision, LegalBasis, Nomination
from campaigns.models import Campaign
from campaigns.pdf import campaign_pdf
from tests.module_data import built_demo, data_once
from units.demo import load_demo_users
from units.models import Person

pytestmark = pytest.mark.django_db

LAW_2015 = "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
LAW_2025 = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025"
DECREE_98 = "Nghị định số 98/2023/NĐ-CP"
DECREE_152 = "Nghị định số 152/2025/NĐ-CP"


def text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def lines(data: bytes, page: int = 0) -> list[str]:
    return PdfReader(io.BytesIO(data)).pages[page].extract_text().splitlines()


def _built() -> dict:
    """The demo cycle: two Lao động tiên tiến and one Tập thể lao động tiên tiến, issued
    by the city on 26/12/2024 after the council met on 22/12/2024 (the city ended on
    30/06/2025: decision 0070)."""
    data = built_demo()
    load_demo_users(data["demo_units"])
    return {**data, "decision": load_demo_cycle()}


# built once for the module, each test in its own savepoint with its own copy of the
# objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, demo, decision = data_once(
    _built, "demo_units", "demo", "decision"
)


def as_draft(decision: Decision) -> Decision:
    """The same nominations on a new draft (what the office sees before issuing)."""
    draft = Decision.objects.create(
        issuer=decision.issuer,
        year=2025,
        subject="Về việc khen thưởng",
        place="Thành phố Lai Châu",
        signer_title="CHỦ TỊCH",
        signer_name="Nguyễn Văn Nghiệp",
    )
    Nomination.objects.filter(decision=decision).update(decision=draft)
    return draft


# Legal bases -------------------------------------------------------------------------


def after_the_reform(decision: Decision) -> Decision:
    """The same decision dated 26/12/2025 (the demo's is of 26/12/2024)."""
    Decision.objects.filter(pk=decision.pk).update(issued_on=datetime.date(2025, 12, 26))
    decision.refresh_from_db()
    return decision


def test_a_decision_after_1_7_2025_cites_the_2025_law_and_decree_152(decision):
    body = text(pdf.decision_pdf(after_the_reform(decision)))
    assert f"Căn cứ {LAW_2025};" in body
    assert DECREE_152 in body and "Luật Thi đua, khen thưởng số 06/2022/QH15" in body
    assert LAW_2015 not in body and DECREE_98 not in body


def test_a_decision_before_1_7_2025_cites_the_2015_law_and_decree_98(decision):
    Decision.objects.filter(pk=decision.pk).update(issued_on=datetime.date(2025, 3, 10))
    decision.refresh_from_db()
    body = text(pdf.decision_pdf(decision))
    assert f"Căn cứ {LAW_2015};" in body and DECREE_98 in body
    assert LAW_2025 not in body and DECREE_152 not in body


def test_legal_bases_are_data_an_admin_edits(decision):
    """A basis added with its first day is cited from that day; one archived is not."""
    LegalBasis.objects.create(
        text="Nghị quyết số 01/2025/NQ-HĐND ngày 10 tháng 12 năm 2025 của HĐND tỉnh",
        effective_from=datetime.date(2025, 12, 20),
        order=40,
    )
    LegalBasis.objects.filter(text__startswith="Luật Thi đua").update(archived=True)
    html = pdf.decision_html(after_the_reform(decision))
    assert "Căn cứ Nghị quyết số 01/2025/NQ-HĐND" in html
    assert "Căn cứ Luật Thi đua" not in html
    # the order: laws, then decrees, then the resolution
    assert html.index(LAW_2025) < html.index(DECREE_152) < html.index("Nghị quyết số 01/2025")


# Điều 1 and the annex ----------------------------------------------------------------


def test_article_1_names_what_is_given(decision):
    body = text(pdf.decision_pdf(decision))
    assert "Khen thưởng 3 tập thể, cá nhân, hộ gia đình" not in body
    assert "1. Tặng danh hiệu “Lao động tiên tiến” cho 02 cá nhân đã hoàn thành" in body
    assert "2. Tặng danh hiệu “Tập thể lao động tiên tiến” cho 01 tập thể đã hoàn thành" in body


def test_article_1_of_a_single_giay_khen(decision, demo_units):
    draft = as_draft(decision)
    award = AwardType.objects.get(code="giay-khen-xa-ca-nhan")
    Nomination.objects.filter(decision=draft).update(award_type=award)
    Nomination.objects.filter(decision=draft, nominee_unit__isnull=False).update(decision=None)
    body = text(pdf.decision_pdf(draft))
    assert "Điều 1. Tặng Giấy khen cho 02 cá nhân có thành tích xuất sắc" in body
    # a commune's Giấy khen carries 0,3 times the base salary under Decree 152/2025
    assert "I. Giấy khen của Chủ tịch UBND cấp xã (02 cá nhân; tiền thưởng 0,3 lần" in body


def test_the_annex_is_grouped_by_award_with_job_titles_in_their_own_column(decision):
    html = pdf.decision_html(decision)
    annex = html[html.index('<section class="annex">') :]
    assert "<th>Chức vụ</th>" in annex and "Danh hiệu, hình thức</th>" not in annex
    first = annex.index("I. Danh hiệu “Lao động tiên tiến” (02 cá nhân")
    second = annex.index("II. Danh hiệu “Tập thể lao động tiên tiến” (01 tập thể")
    mai = Person.objects.get(full_name="Lò Thị Mai")
    assert first < annex.index("Lò Thị Mai") < second
    assert f"<td>Lò Thị Mai</td><td>{mai.position}</td>" in annex
    body = text(pdf.decision_pdf(decision))
    assert f"Lò Thị Mai, {mai.position}" not in body and "Lò Thị Mai" in body


def test_the_same_person_is_listed_once_under_an_award(decision):
    """A grant written twice (before drafts refused it) is still one line of the annex."""
    grant = decision.grants.get(person__full_name="Lò Thị Mai")
    grant.pk = None
    grant.nomination = None
    grant.register_number = None
    grant.save()
    html = pdf.decision_html(decision)
    annex = html[html.index('<section class="annex">') :]
    assert annex.count("<td>Lò Thị Mai</td>") == 1
    assert "(02 cá nhân" in annex


def test_the_draft_date_line_stays_on_one_line(decision):
    """ "Thành phố Lai Châu, ngày … tháng … năm …" on one line, not "Thành / phố Lai Châu"."""
    page = lines(pdf.decision_pdf(as_draft(decision)))
    dateline = [line for line in page if "Lai Châu," in line]
    assert dateline and "Thành phố Lai Châu, ngày" in dateline[0], page[:8]
    assert "năm" in dateline[0]


# Certificates ------------------------------------------------------------------------


def test_certificates_print_the_whole_achievement_and_no_repeated_heading(decision):
    long = "Hoàn thành xuất sắc nhiệm vụ; " * 14 + "dẫn đầu phong trào thi đua của phường."
    AwardGrant.objects.filter(decision=decision, person__full_name="Lò Thị Mai").update(
        achievement=long
    )
    body = text(pdf.certificates_pdf(decision))
    assert "…" not in body
    assert re.sub(r"\s+", " ", long) in body
    assert "Danh hiệu, hình thức:" not in body
    assert body.count("TẶNG DANH HIỆU") == 3 and "LAO ĐỘNG TIÊN TIẾN" in body
    assert "Bà Lò Thị Mai" in body


def test_every_certificate_has_its_register_number(decision):
    numbers = list(
        decision.grants.order_by("register_number").values_list("register_number", flat=True)
    )
    assert numbers == [1, 2, 3]
    body = text(pdf.certificates_pdf(decision))
    for number in ("0001/2024", "0002/2024", "0003/2024"):
        assert body.count(f"Số vào sổ: {number}") == 1
    # the model's "Số quyết định … ngày … tháng … năm …" (docs/decisions/0019)
    assert body.count("Quyết định số 01/QĐ-UBND ngày 26 tháng 12 năm 2024") == 3


def test_register_numbers_are_unique_per_issuer_and_year(decision):
    grant = decision.grants.order_by("register_number").last()
    twin = AwardGrant(
        award_type=grant.award_type,
        household="Hộ ông Lò Văn A",
        year=2024,
        awardee_unit=grant.awardee_unit,
        register_issuer=grant.register_issuer,
        register_year=2024,
        register_number=grant.register_number,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    twin.register_year = 2026  # the next year's register starts again
    twin.save()


# Minutes and the launch document -----------------------------------------------------


def test_the_minutes_are_signed_with_names(decision):
    session = Nomination.objects.filter(decision=decision).first().agenda_items.get().session
    body = text(pdf.minutes_pdf(session))
    assert "; ." not in body
    signatures = body[body.rindex("THƯ KÝ") :]
    assert "CHỦ TỊCH HỘI ĐỒNG" in signatures
    assert "Hoàng Thị Lan" in signatures and "Nguyễn Văn Nghiệp" in signatures


def test_a_launch_items_heading_does_not_run_into_its_text(demo):
    campaign = Campaign.objects.get(number="5834")
    item = campaign.items.exclude(heading="").exclude(text="").first()
    data = campaign_pdf(campaign)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    page_lines = [line.strip() for i in range(pages) for line in lines(data, i)]
    heading = [line for line in page_lines if item.heading in line]
    assert heading, item.heading
    assert heading[0].endswith(item.heading), heading[0]


# For the user guide: `make screenshots` writes these PNGs into docs/screenshots --------

SCREENSHOTS = os.environ.get("THIDUA_SCREENSHOTS", "")


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm (poppler-utils) không có")
def test_documents_render_to_png_for_review(decision, tmp_path):
    """The decision's first page and annex, a certificate and the minutes, as a clerk
    looks at them (docs/user-guide.md shows these images)."""
    session = Nomination.objects.filter(decision=decision).first().agenda_items.get().session
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data, page in (
        ("decision-1-page1", pdf.decision_pdf(decision), 1),
        ("decision-2-annex", pdf.decision_pdf(decision), 2),
        ("decision-3-certificate", pdf.certificates_pdf(decision), 1),
        ("decision-4-minutes", pdf.minutes_pdf(session), 1),
    ):
        source = tmp_path / f"{name}.pdf"
        source.write_bytes(data)
        png = folder / f"{name}.png"
        png.unlink(missing_ok=True)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", "-f", str(page), "-l", str(page), "-singlefile"]
            + [str(source), str(folder / name)],
            check=True,
        )
        assert png.stat().st_size > 10_000
