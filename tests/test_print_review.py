"""A văn thư's print review (decision 0087): every PDF the app makes, rendered from the
demo and looked at page by page against Decree 30/2020/NĐ-CP before signing. Each test
reads the PDF (pypdf, or poppler's word boxes in tests/pdf_layout.py) or the stylesheet a
browser prints with, and failed before its fix."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from pypdf import PdfReader

from awards import money, official_stats, pdf
from awards.dashboard import campaign_dashboard
from awards.models import Nomination
from awards.money_models import Fund
from campaigns.pdf import campaign_html, campaign_pdf
from campaigns.templatetags.documents import document_paragraphs, keep_symbols
from tests.pdf_layout import pages, runs, words
from tests.test_documents_as_a_clerk_reads_them import decision  # noqa: F401 (fixture)
from units.pdf import render_pdf

pytestmark = pytest.mark.django_db


def page_texts(data: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]


def flat(data: bytes) -> str:
    return " ".join(page_texts(data))


def fonts_of(data: bytes, text: str) -> set[str]:
    """The fonts (PDF base names: "…Bold", "…Italic") the runs holding `text` are set in."""
    found: set[str] = set()
    for page in PdfReader(io.BytesIO(data)).pages:

        def visit(run, cm, tm, font, size):
            if text in run and font is not None:
                found.add(str(font.get("/BaseFont", "")))

        page.extract_text(visitor_text=visit)
    return found


# The decision and its certificates --------------------------------------------------


def test_a_decision_saved_without_a_place_prints_its_issuers_place(decision):  # noqa: F811
    """The form lets "Địa danh" empty (an amending decision copies it): the date line read
    "ngày 08 tháng 12 năm 2026" with no place, on the decision and on each certificate."""
    decision.place = ""
    decision.save(update_fields=["place"])
    place = decision.issuer.document_place
    assert place
    assert f"{place}, ngày" in page_texts(pdf.decision_pdf(decision))[0]
    assert f"{place}, ngày" in page_texts(pdf.certificates_pdf(decision))[0]


def test_every_certificate_sits_where_the_others_do(decision):  # noqa: F811
    """The page's default 8 px body margin pushed the first certificate 6 pt lower than
    the next ones: a set printed on pre-cut frames would not line up."""
    data = pdf.certificates_pdf(decision)
    tops = [next(r.y for r in runs(page) if r.text.startswith("CỘNG HÒA")) for page in pages(data)]
    assert len(tops) > 1 and max(tops) - min(tops) < 0.5, tops


# The tờ trình and the fund's ledger ---------------------------------------------------


def test_the_submissions_names_are_not_broken_by_a_wide_award_column(decision, demo_units):  # noqa: F811
    """The list's automatic widths gave the award names the room and broke each name
    ("Lò Văn / 01", "Đối / tượng")."""
    nominations = Nomination.objects.filter(decision=decision)
    data = pdf.submission_pdf(demo_units["ubnd-tp-lai-chau"], nominations)
    names = [n.nominee_name for n in nominations if n.nominee_person_id]
    assert names

    def on_one_line(name: str) -> bool:
        first, *rest = name.split()
        for number in range(1, len(pages(data)) + 1):
            found = words(data, number)
            for start in (w for w in found if w.text == first):
                if all(
                    any(w.text == p and abs(w.top - start.top) < 1 for w in found) for p in rest
                ):
                    return True
        return False

    for name in [*names, "Đối tượng"]:
        assert on_one_line(name), name


def test_the_ledger_never_cuts_a_number_and_symbol(decision):  # noqa: F811
    """ "01/QĐ-UBND" was broken after its hyphen in the ledger's narrow columns
    ("01/QĐ-" over "UBND"), in the entry's text and in its Quyết định column."""
    fund = Fund.objects.get(issuer=decision.issuer)
    context = {"fund": fund, "rows": money.ledger(fund), "figures": money.fund_figures(fund)}
    data = render_pdf("pdf/fund_statement.html", {**context, "today": timezone.localdate()})
    symbol = decision.number_symbol
    found = [w.text for w in words(data, 1)]
    whole = [t for t in found if symbol in t]
    cut = [t for t in found if t.startswith(symbol.split("/")[0] + "/") and symbol not in t]
    assert len(whole) >= 6 and not cut, (whole, cut)


def test_keep_symbols_holds_each_number_and_symbol_and_escapes_the_rest():
    html = keep_symbols("Theo Quyết định số 01/QĐ-UBND và Luật 06/2022/QH15 <b>")
    assert '<span class="nowrap">01/QĐ-UBND</span>' in html
    assert '<span class="nowrap">06/2022/QH15</span>' in html
    assert "&lt;b&gt;" in html and "<b>" not in html


# The launch documents ---------------------------------------------------------------


def test_a_plans_section_headings_are_bold(demo):
    """Seed 003 (Kế hoạch): "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích" printed as plain text
    among the paragraphs (Decree 30: a mục's number and name in bold)."""
    campaign = demo["003"]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in campaign.preamble
    html = campaign_html(campaign)
    assert "<strong>I. MỤC ĐÍCH, YÊU CẦU</strong>" in html
    assert "<strong>1. Mục đích</strong>" in html
    assert any("Bold" in f for f in fonts_of(campaign_pdf(campaign), "MỤC ĐÍCH, YÊU CẦU"))


def test_only_headings_are_set_in_bold():
    html = str(
        document_paragraphs(
            "I. MỤC ĐÍCH, YÊU CẦU\nI. Mục đích là nâng cao nhận thức\n1. Mục đích\n"
            "1. Các cơ quan tiếp tục triển khai thực hiện có hiệu quả Chỉ thị số 34-CT/TW.\n"
            "2. Tiếp tục đẩy mạnh các phong trào;\n<script>"
        )
    )
    bold = re.findall(r"<strong>(.*?)</strong>", html)
    assert bold == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]
    assert "&lt;script&gt;" in html


# The statistics forms ---------------------------------------------------------------


def form(key: str, demo_units) -> bytes:
    data = official_stats.form_data(key, demo_units["ubnd-tam-duong"], 2025)
    return official_stats.form_pdf(data)


def test_a_forms_section_row_starts_the_page_its_figures_are_on(demo_units):
    """Biểu 0601: "3. Chia theo phương thức tổ chức phong trào thi đua" sat alone at the
    foot of page 1, its rows on page 2."""
    texts = page_texts(form("0601", demo_units))
    assert len(texts) > 1
    heading = next(i for i, t in enumerate(texts) if "3. Chia theo phương thức" in t)
    assert "Thi đua theo chuyên đề" in texts[heading], texts[heading][-200:]


@pytest.mark.parametrize("key", ["0601", "0603"])
def test_a_forms_signers_are_on_the_page_of_its_last_rows(demo_units, key):
    """Biểu 0603's column headings (8 words a line at 12 pt) took half of each page and
    left its last note and both signers alone on a third page."""
    texts = page_texts(form(key, demo_units))
    last_row = official_stats.FORMS[key].rows[-1].label
    signed = next(t for t in texts if "THỦ TRƯỞNG ĐƠN VỊ" in t)
    assert last_row in signed and len(texts) == 2, len(texts)


@pytest.mark.parametrize("key", ["0601", "0602", "0603"])
def test_a_forms_notes_and_signers_read_as_the_model(demo_units, key):
    """ "Ghi chú:" was written before each note (five times on 0602); the compiler was set
    as a "Nơi nhận:" label in small italics and the head's "(Ký, đóng dấu, ghi rõ họ
    tên)" in bold: now both titles in bold capitals over their note in italics."""
    data = form(key, demo_units)
    text = flat(data)
    assert len(official_stats.FORMS[key].notes) > 1
    assert text.count("Ghi chú") == 1, text.count("Ghi chú")
    assert "NGƯỜI LẬP BIỂU" in text and "Người lập biểu" not in text
    for note in ("(Ký, ghi rõ họ tên)", "(Ký, đóng dấu, ghi rõ họ tên)"):
        used = fonts_of(data, note)
        assert used and all("Italic" in f and "Bold" not in f for f in used), (note, used)
    assert all("Bold" in f for f in fonts_of(data, "NGƯỜI LẬP BIỂU"))


# The final review -------------------------------------------------------------------


def test_the_final_review_says_nothing_registered_in_words(demo):
    """ "0/0 cơ quan, đơn vị đăng ký thi đua" (the demo's Tam Đường, which has no unit
    below it since the reform) and "Đã khen thưởng 0 tập thể, cá nhân; tiền
    thưởng đã chi 0 đồng" for a campaign without them."""
    campaign = demo["000"]
    data = campaign_dashboard(campaign)
    # the demo's districts after the 2025 reform: no unit below the issuer any more
    data["figures"] = {**data["figures"], "addressed": 0, "registered": 0}
    text = flat(pdf.final_review_pdf(campaign, data, "Tổng kết."))
    assert "0/0" not in text and "Đã khen thưởng 0" not in text
    assert "Chưa có cơ quan, đơn vị nào đăng ký thi đua." in text
    assert "Chưa khen thưởng tập thể, cá nhân nào theo phong trào." in text


# Pages printed from the browser -----------------------------------------------------


def test_a_page_printed_from_the_browser_is_a4_with_the_decrees_margins():
    """The public decision and campaign pages printed on the browser's default paper
    (US Letter, 10 mm margins), the SHA-256 how-to with its shell commands, and the nation
    line broken in two ("… VIỆT / NAM") in the column the binding margin leaves."""
    css = (Path(settings.BASE_DIR) / "static/css/site.css").read_text("utf-8")
    start = css.index("@media print {")
    block = css[start : css.index("\n}", start)]
    assert re.search(r"@page\s*\{\s*size:\s*A4;\s*margin:\s*20mm 15mm 20mm 30mm;", block)
    assert re.search(r"\.issued-document \.hint\s*\{\s*display:\s*none", block)
    assert re.search(r"\.doc-nation\s*\{\s*white-space:\s*nowrap", block)
