"""Issue 14 again: each printable document as a văn thư reads it before signing it,
against Decree 30/2020/NĐ-CP (Phụ lục I). Text by pypdf; the rule under the trích yếu
by where it is drawn (tests/pdf_layout.py). Decision 0031."""

import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from awards import pdf
from awards.dashboard import campaign_dashboard
from awards.demo import load_demo_cycle
from awards.models import Nomination
from campaigns.pdf import campaign_pdf
from tests.pdf_layout import pages, rules, runs
from units.demo import load_demo_users

pytestmark = pytest.mark.django_db

MM = 72 / 25.4


def lines(data: bytes, page: int | None = None) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    chosen = reader.pages if page is None else [reader.pages[page]]
    return [line.strip() for p in chosen for line in p.extract_text().splitlines() if line.strip()]


def flat(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(lines(data)))


@pytest.fixture
def decision(demo, demo_units):
    load_demo_users(demo_units)
    return load_demo_cycle()


def subject_rule(data: bytes, last_line: str, next_line: str):
    """The rule drawn between the trích yếu's last line and the line after it (None if
    there is none), and the text column's centre."""
    page = pages(data)[0]
    texts = runs(page)
    above = next(r for r in texts if r.text.startswith(last_line))
    below = next(r for r in texts if r.text.startswith(next_line) and r.y < above.y)
    found = [rule for rule in rules(page) if below.y < rule.y < above.y]
    column = (30 * MM + (page.mediabox.width - 15 * MM)) / 2
    return (found[0] if found else None), column


def assert_short_centred_rule(rule, column):
    assert rule is not None, "no rule under the trích yếu"
    # Decree 30: a solid line 1/3 to 1/2 of the line of text, centred under it
    assert 30 * MM < rule.width < 80 * MM, rule.width / MM
    assert abs(rule.centre - column) < 2, (rule.centre, column)


def test_the_decisions_subject_has_its_rule_under_it(decision):
    data = pdf.decision_pdf(decision)
    rule, column = subject_rule(data, "năm 2024 (dữ liệu mẫu)", "CHỦ TỊCH ỦY BAN NHÂN DÂN")
    assert_short_centred_rule(rule, column)


def test_a_plans_subject_has_its_rule_under_it(demo):
    data = campaign_pdf(demo["003"])  # Kế hoạch của UBND huyện Tam Đường
    rule, column = subject_rule(data, "kỷ niệm các sự kiện lịch sử của tỉnh", "Căn cứ")
    assert_short_centred_rule(rule, column)


def test_a_letter_has_no_subject_rule_in_its_body(demo):
    """A Công văn carries "V/v …" under its number and no title: nothing to underline."""
    data = campaign_pdf(demo["000"])
    page = pages(data)[0]
    texts = runs(page)
    kinh_gui = next(r for r in texts if r.text.startswith("Kính gửi"))
    number = next(r for r in texts if r.text.startswith("Số:"))
    assert not [rule for rule in rules(page) if kinh_gui.y < rule.y < number.y - 30]


def test_a_decision_in_the_chairs_name_is_signed_by_the_chair(decision):
    """ "CHỦ TỊCH ỦY BAN NHÂN DÂN … QUYẾT ĐỊNH:" is the Chair's decision: it is signed
    "CHỦ TỊCH" (or "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), never "TM. ỦY BAN NHÂN DÂN", which
    signs for the committee as a collective. The demo's draft was written with it."""
    text = lines(pdf.decision_pdf(decision), 0)
    assert "TM. ỦY BAN NHÂN DÂN" not in text
    assert text.index("CHỦ TỊCH") + 1 == text.index("Nguyễn Văn Nghiệp")
    decision.signing_authority, decision.signer_title = "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    text = lines(pdf.decision_pdf(decision), 0)
    assert text.index("KT. CHỦ TỊCH") + 1 == text.index("PHÓ CHỦ TỊCH")


def test_the_decision_form_refuses_a_committees_signature(decision, demo_units):
    from awards.forms import DecisionForm

    office = decision.issuer.memberships.filter(role="office_staff").first().user
    form = DecisionForm(
        data={
            "issuer": decision.issuer.pk,
            "subject": "Về việc khen thưởng",
            "signing_authority": "TM. ỦY BAN NHÂN DÂN",
            "signer_title": "CHỦ TỊCH",
            "signer_name": "Nguyễn Văn Nghiệp",
        },
        user=office,
    )
    assert not form.is_valid()
    assert "Chủ tịch" in " ".join(form.errors["signing_authority"])


def test_the_annex_says_which_decision_it_goes_with_as_decree_30_writes_it(decision):
    data = pdf.decision_pdf(decision)
    assert (
        "(Kèm theo Quyết định số 01/QĐ-UBND ngày 26 tháng 12 năm 2024 của Chủ tịch "
        "Ủy ban nhân dân thành phố Lai Châu)"
    ) in flat(data)
    fonts = set()

    def visit(text, cm, tm, font, size):
        if "Kèm theo" in text and font:
            fonts.add(str(font.get("/BaseFont")))

    pages(data)[1].extract_text(visitor_text=visit)
    assert fonts and all("Italic" in name for name in fonts), fonts


def test_a_department_prints_its_parent_above_and_its_place(decision, demo_units):
    """Phòng Nội vụ's tờ trình: "UBND THÀNH PHỐ LAI CHÂU" over its own name, and the
    place of the body it belongs to ("Thành phố Lai Châu, ngày …"), as Decree 30 asks."""
    office = demo_units["pnv-tp-lai-chau"]
    data = pdf.submission_pdf(office, Nomination.objects.filter(decision=decision)[:1])
    text = lines(data, 0)
    assert text[0] == "UBND THÀNH PHỐ LAI CHÂU"
    assert text[1].startswith("PHÒNG NỘI VỤ")
    today = timezone.localdate()
    assert any(
        line.startswith("Thành phố Lai Châu, ngày") and line.endswith(f"năm {today.year}")
        for line in text
    ), text


def test_the_minutes_are_headed_by_the_council_under_its_committee(decision):
    """ "Số: …/BB-HĐTĐKT" is the council's: its name under its People's Committee."""
    session = Nomination.objects.filter(decision=decision).first().agenda_items.get().session
    data = pdf.minutes_pdf(session)
    text = lines(data, 0)
    assert text[:3] == ["UBND THÀNH PHỐ LAI CHÂU", "HỘI ĐỒNG", "THI ĐUA - KHEN THƯỞNG"], text[:4]
    # the number is written by hand: room for it between "Số:" and "/BB-HĐTĐKT"
    texts = runs(pages(data)[0])
    label = next(r for r in texts if r.text == "Số:")
    symbol = next(r for r in texts if r.text == "/BB-HĐTĐKT")
    assert symbol.x - label.x > 15 * MM, (symbol.x - label.x) / MM


def test_the_submission_can_be_signed_and_filed(decision, demo_units):
    city = demo_units["ubnd-tp-lai-chau"]
    data = pdf.submission_pdf(city, Nomination.objects.filter(decision=decision))
    text = lines(data)
    assert any(
        line.startswith("Kính gửi:") and "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu" in line
        for line in text
    ), text
    assert "Nơi nhận:" in text and "- Như trên;" in text and "- Lưu: VT." in text
    assert text.index("TM. ỦY BAN NHÂN DÂN") + 1 == text.index("CHỦ TỊCH")


def test_the_final_review_can_be_signed_and_prints_no_empty_table(demo):
    campaign = demo["000"]
    data = pdf.final_review_pdf(campaign, campaign_dashboard(campaign), "Tổng kết.")
    text = lines(data)
    assert "Nơi nhận:" in text and "- Lưu: VT." in text
    assert text.index("TM. ỦY BAN NHÂN DÂN") + 1 == text.index("CHỦ TỊCH")
    body = flat(data)
    # nothing to list: a sentence, not a table with one row saying so
    assert "Số đơn vị đạt" not in body and "Chưa có tiêu chí thi đua." in body
    assert "Tập thể, cá nhân Đơn vị Danh hiệu, hình thức Quyết định" not in body


def test_the_fund_statement_is_signed_for_the_committee(decision):
    from awards import money
    from awards.models import Fund
    from units.pdf import render_pdf

    fund = Fund.objects.get(issuer=decision.issuer)
    context = {"fund": fund, "rows": money.ledger(fund), "figures": money.fund_figures(fund)}
    text = lines(render_pdf("pdf/fund_statement.html", {**context, "today": timezone.localdate()}))
    assert "THỦ TRƯỞNG CƠ QUAN" not in text  # the committee's report: its Chair signs
    assert text.index("TM. ỦY BAN NHÂN DÂN") + 1 == text.index("CHỦ TỊCH")


@pytest.mark.parametrize("key", ["0601", "0603"])
def test_a_statistics_forms_row_labels_are_readable(demo_units, key):
    """Biểu 0601's and 0603's label column was squeezed by the columns of figures to a
    word or two a line ("Tổng / số", "- Toàn / quốc", "1. Chia / theo / phạm / vi tổ /
    chức / thi đua", 0601 on 3 pages): a short label now reads on one line."""
    from awards import official_stats

    data = official_stats.form_pdf(
        official_stats.form_data(key, demo_units["ubnd-tp-lai-chau"], 2025)
    )
    text = lines(data)
    form = official_stats.FORMS[key]
    labels = [row.label for row in form.rows if len(row.label) <= 30]
    assert labels
    for label in labels:
        assert any(label in line for line in text), (label, text[:40])


def page_lines(data: bytes) -> list[list[str]]:
    """Each page's lines, without the page number at its top."""
    result = []
    for page in PdfReader(io.BytesIO(data)).pages:
        found = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        result.append([line for line in found if not line.isdigit()])
    return result


def test_no_item_heading_is_left_at_the_foot_of_a_page(demo):
    """Seed 002 put "- Về lĩnh vực văn hóa, xã hội:" alone at the foot of page 2, its
    text on page 3."""
    campaign = demo["002"]
    headings = [
        sub.heading
        for item in campaign.items_tree()
        for sub in [item, *item.subitems]
        if sub.heading
    ]
    assert headings
    for number, found in enumerate(page_lines(campaign_pdf(campaign))[:-1], start=1):
        assert not any(found[-1].endswith(h) for h in headings), (number, found[-1])


def test_the_signature_is_not_left_alone_on_its_page(demo):
    """Seed 002's Nơi nhận and signature made a page 5 of their own: a clerk keeps the
    end of the text with them, so no page can be signed on its own."""
    data = campaign_pdf(demo["002"])
    last = page_lines(data)[-1]
    text = last[: last.index("Nơi nhận:")]
    assert text and text[-1].endswith("./."), last[:3]


def test_the_fund_statement_leaves_the_other_column_of_a_line_empty(decision):
    """A payment printed "0" in Thu and a receipt "0" in Chi: a ledger leaves it blank."""
    from awards import money
    from awards.models import Fund
    from units.pdf import render_pdf

    fund = Fund.objects.get(issuer=decision.issuer)
    context = {"fund": fund, "rows": money.ledger(fund), "figures": money.fund_figures(fund)}
    data = render_pdf("pdf/fund_statement.html", {**context, "today": timezone.localdate()})
    assert "710.000" in flat(data)
    # pypdf reads a row's figures as one run: "0 710.000 34.290.000" before
    figures = [r.text for r in runs(pages(data)[0]) if "710.000" in r.text]
    assert figures and not [text for text in figures if "0" in text.split()], figures
