"""A scan's issuer, parent and symbol checked against the known Vietnamese public bodies
(campaigns/bodies.py, decision 0037): what the review page shows for each field.

A name tesseract read a letter or two wrong ("HỘ NỘI VỤ") is shown as the body is spelled
and marked "Cần kiểm tra"; a name that is no known body, a text document, and a reading
two bodies are equally near stay as read.
"""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.bodies import nearest_body, parent_of, symbol_codes
from campaigns.confidence import UNCERTAIN
from campaigns.importer import parse_text
from units.models import Membership

SCANS = Path(__file__).resolve().parent / "fixtures" / "reader_corpus" / "scans"

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"


def letter(header: str, symbol: str, *, scanned: bool = True):
    """A one-page letter (công văn) as tesseract gives it: the issuer's column, the motto
    beside it, the number and symbol, place and date."""
    text = (
        f"{header}\n{MOTTO}Số: 2291/{symbol}\nHà Nội, ngày 25 tháng 4 năm 2024\n"
        "V/v một số lưu ý khi xây dựng đề án\n\nKính gửi: Ủy ban nhân dân các tỉnh\n\n"
        "Bộ đề nghị các địa phương thực hiện các nội dung sau.\n"
    )
    return parse_text(text, scanned=scanned)


def marked(doc, name: str) -> bool:
    return 0 < doc.confidence[name] < UNCERTAIN


def test_a_ministry_one_letter_off_is_spelled_as_it_is_and_marked():
    doc = letter("HỘ NỘI VỤ", "BNV-CQĐP")
    assert doc.issuer == "BỘ NỘI VỤ"
    assert marked(doc, "issuer")


def test_a_ministry_read_right_is_left_unmarked():
    doc = letter("BỘ NỘI VỤ", "BNV-CQĐP")
    assert doc.issuer == "BỘ NỘI VỤ"
    assert not marked(doc, "issuer")


def test_letters_confused_in_a_long_name_are_put_right():
    doc = letter("BỘ VĂN HOA, THỂ THẢO VÀ ĐU TỊCH", "BVHTTDL-VP")
    assert doc.issuer == "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    assert marked(doc, "issuer")


def test_a_department_under_its_province_keeps_the_documents_punctuation():
    doc = letter("UBND TỈNH PHÚ THỌ\nSỞ VĂN HOÁ THỂ\nLHAO VÀ DU LỊCH", "SVHTTDL-VP")
    assert doc.issuer == "SỞ VĂN HOÁ THỂ THAO VÀ DU LỊCH"
    assert doc.issuer_parent == "UBND TỈNH PHÚ THỌ"
    assert marked(doc, "issuer")


def test_a_joint_issuer_is_checked_body_by_body():
    doc = letter("BỘ TÀI CHÍNH - BỘ LAO\nĐÔNG -= THUƠNG BÌNH VÀ XÃ HỘI", "TTLT-RTC-BLDTBXH")
    assert doc.issuer == "BỘ TÀI CHÍNH - BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"
    # the symbol's bodies are those two ministries': R read for B, D for Đ
    assert doc.symbol == "TTLT-BTC-BLĐTBXH"
    assert marked(doc, "symbol")


def test_a_committees_council_word_with_a_doubled_letter_is_put_right():
    doc = letter("HỘI ĐỒNG NHÂN ĐẦÂN TỈNH ĐẮK LẮK", "HĐND-VP")
    assert doc.issuer == "HỘI ĐỒNG NHÂN DÂN TỈNH ĐẮK LẮK"
    assert marked(doc, "issuer")


def test_a_symbols_body_is_put_right_from_the_issuers_initials():
    doc = letter("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "QĐ-BVHTTDI")
    assert doc.symbol == "QĐ-BVHTTDL"
    assert marked(doc, "symbol")


def test_a_units_code_after_the_body_is_left_as_read():
    # TCCB (a ministry's personnel department) is two confused letters from TCCT, the army's
    # political department: after the body it is a unit, not a body, and is not touched
    assert letter("BỘ Y TẾ", "QĐ-BYT-TCCB").symbol == "QĐ-BYT-TCCB"
    assert letter("BỘ Y TẾ", "BYT-TCCB").symbol == "BYT-TCCB"


def test_a_general_department_that_lost_its_ministry_gets_it_back():
    doc = letter("TỔNG CỤC THUẾ", "TCT-DNL")
    assert doc.issuer == "TỔNG CỤC THUẾ"
    assert doc.issuer_parent == "BỘ TÀI CHÍNH"


def test_under_a_province_a_name_near_a_ministry_is_not_taken_for_it():
    # a ministry's header has no line above it: under UBND TỈNH the reading is no ministry
    doc = letter("UBND TỈNH NAM ĐỊNH\nBỘ NỘT VỤ", "SNV-VP")
    assert doc.issuer == "BỘ NỘT VỤ"
    assert doc.issuer_parent == "UBND TỈNH NAM ĐỊNH"


def test_a_body_not_in_the_lexicon_stays_as_read():
    doc = letter("BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG KHU VỰC PHÍA BẮC", "BQLDA-KH")
    assert doc.issuer == "BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG KHU VỰC PHÍA BẮC"
    assert doc.symbol == "BQLDA-KH"


def test_a_text_document_is_never_changed():
    doc = letter("HỘ NỘI VỤ", "BNV-CODP", scanned=False)
    assert doc.issuer == "HỘ NỘI VỤ"
    doc = letter("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "QĐ-BVHTTDI", scanned=False)
    assert doc.symbol == "QĐ-BVHTTDI"


def test_two_bodies_equally_near_change_nothing():
    # X is as far from S as from B: the province's department or the ministry, who knows
    assert nearest_body("XỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG") is None
    doc = letter("XỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "XNNMT-VP")
    assert doc.issuer == "XỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"


def test_the_lexicon_knows_bodies_before_and_after_the_2025_mergers():
    assert nearest_body("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")
    assert nearest_body("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG")
    assert nearest_body("BỘ DÂN TỘC VÀ TÔN GIÁO")
    assert nearest_body("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN")  # a province of before 1/7/2025
    assert parent_of("TỔNG CỤC HẢI QUAN") == "BỘ TÀI CHÍNH"
    assert {"BLĐTBXH", "BNNMT", "VPCP", "UBND"} <= symbol_codes()


needs_ocr = pytest.mark.skipif(
    not __import__("campaigns.ocr", fromlist=["available"]).available(),
    reason="tesseract with Vietnamese data is not installed (deploy/system-packages.sh)",
)


@needs_ocr
@pytest.mark.django_db
def test_the_review_page_shows_the_ministrys_name_put_right_and_asks_to_check_it(
    client, make_member, demo, django_capture_on_commit_callbacks
):
    """A ministry's letter scanned at 150 dpi: tesseract reads its issuer "HỘ NỘI VỤ"; the
    review page names "BỘ NỘI VỤ" (none of this clerk's bodies: the page asks to choose
    one, naming what it read), stored as unsure."""
    user = make_member("nv.tp", demo["002"].issuer, Membership.Role.OFFICE_STAFF)
    client.force_login(user)
    data = (SCANS / "bnv-2291-cv.png").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):  # the worker, eagerly
        response = client.post(
            reverse("staff:import_start"), {"file": SimpleUploadedFile("cv.png", data)}
        )
    review = client.get(response["Location"])
    page = review.content.decode()
    assert "“BỘ NỘI VỤ”" in page and "HỘ NỘI VỤ" not in page.split('id="recognised-text"')[0]
    assert 'id="issuer-unknown"' in page
    assert 0 < review.context["parsed"]["confidence"]["issuer"] < UNCERTAIN


def test_a_bodys_initials_are_plain_letters_but_d_stroke():
    """The code a symbol writes takes each word's letter without its marks ("ỦY BAN NHÂN
    DÂN" is UBND, never "ỦBND"), keeping Đ: a code with marks made a scan's "UBNDD" come
    out "ỦBND" in some processes (a set's order)."""
    from campaigns.bodies import snap_symbol
    from units.symbols import body_letters

    assert body_letters("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", keep_abbreviations=False) == "UBND"
    assert body_letters("ĐẢNG ỦY KHỐI", keep_abbreviations=False) == "ĐUK"
    for _ in range(3):
        assert snap_symbol("KH-UBNDD", ["ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"], {"kh"})[0] == "KH-UBND"
