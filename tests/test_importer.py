"""The document reader: expected values for the five seeds (read by a person),
messy real-world shapes, files, the command, and hypothesis robustness."""

import datetime
import io
import json
import unicodedata
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaigns.importer import parse_file, parse_text, read_document

SEEDS = Path(__file__).resolve().parents[0] / "fixtures" / "documents"
D = datetime.date


def seed(key: str):
    path = next(SEEDS.glob(f"{key}_*.txt"))
    return parse_file(path)


def test_seed_000_letter_with_blank_number_and_day():
    doc = seed("000")
    assert doc.issuer == "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG"
    assert (doc.doc_type, doc.number, doc.symbol) == ("Công văn", None, "UBND-NV")
    assert (doc.place, doc.date, doc.date_month, doc.date_year) == ("Tam Đường", None, 7, 2024)
    assert doc.subject == (
        "phát động phong trào thi đua lập thành tích chào mừng Đại hội Đảng bộ các cấp, "
        "Đại hội thi đua yêu nước"
    )
    assert doc.theme.startswith("Đảng bộ, chính quyền và nhân dân các dân tộc huyện Tam Đường")
    assert doc.theme.endswith(
        "hướng tới chào mừng Đại hội Đảng bộ các cấp, Đại hội thi đua yêu nước"
    )
    assert doc.end_date == D(2025, 6, 30)
    assert doc.recipients == [
        "Các cơ quan, ban, ngành, đoàn thể huyện",
        "UBND các xã, thị trấn",
        "Các Doanh nghiệp, HTX trên địa bàn huyện",
    ]
    assert [i[:30] for i in doc.content_items] == [
        "Tiếp tục tuyên truyền, quán tr",
        "Tích cực thi đua xây dựng Đảng",
        "Nâng cao chất lượng các phong ",
        "Thi đua tổ chức thực hiện tốt ",
        "Các cơ quan quản lý Nhà nước t",
    ]
    assert "mỗi địa phương, đơn vị" in doc.content_items[0]  # page break joined
    assert doc.content_items[1].endswith("nhiệm kỳ 2020-2025.")  # its second paragraph
    assert [(a["name"], a["start"], a["end"]) for a in doc.anniversaries] == [
        ("95 năm ngày thành lập Đảng cộng sản Việt nam", D(1930, 2, 3), D(2025, 2, 3)),
        ("50 năm giải phóng miền Nam, thống nhất đất nước", D(1975, 4, 30), D(2025, 4, 30)),
        ("135 năm ngày sinh Chủ tịch Hồ Chí Minh", D(1890, 5, 19), D(2025, 5, 19)),
        ("80 năm thành lập nước Cộng hoà XHCN Việt Nam", D(1945, 9, 2), D(2025, 9, 2)),
        ("77 năm ngày Bác Hồ ra lời kêu gọi thi đua ái quốc", D(1948, 6, 1), D(2025, 6, 1)),
    ]
    assert doc.references[0] == {
        "doc_type": "Công văn",
        "name": None,
        "number": "2563",
        "symbol": "UBND-TH",
        "date": D(2024, 7, 4),
        "issuer": "UBND tỉnh Lai Châu",
        "grounds": False,  # "Thực hiện Công văn số 2563 …": what it answers, not a ground
    }
    assert ("Chỉ thị", "34-CT", "TW", D(2014, 4, 7), "Bộ Chính trị") in [
        (r["doc_type"], r["number"], r["symbol"], r["date"], r["issuer"]) for r in doc.references
    ]
    assert doc.distribution[:3] == [
        "TT. Hội đồng TĐKT tỉnh",
        "TT. Huyện ủy (B/c)",
        "TT. HĐND huyện",
    ]
    assert doc.distribution[-1] == "Lưu: VT"
    assert (doc.signing_authority, doc.signer_title, doc.signer_name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Sùng Lữ Páo",
    )


def test_seed_001_pdf_text_with_hard_breaks_and_no_header():
    doc = seed("001")
    assert doc.issuer is None and doc.number is None and doc.date is None
    assert doc.doc_type == "Phát động thi đua"
    assert doc.subject.startswith(
        "Đảng bộ, chính quyền và Nhân dân các dân tộc huyện Tân Uyên đẩy mạnh"
    )
    assert doc.subject.endswith("chào mừng các sự kiện lịch sử của tỉnh Lai Châu trong năm 2024")
    assert doc.theme.endswith("chào mừng các sự kiện lịch sử của tỉnh Lai Châu")
    assert "Tân Uyên phát triển nhanh và bền vững" in doc.theme  # lines rejoined
    assert doc.end_date == D(2024, 12, 31)  # "đến hết năm 2024"
    assert len(doc.items) == 3 and [i.label for i in doc.items] == ["Một là,", "Hai là,", "Ba là,"]
    assert doc.content_items[0].startswith("tiếp tục quán triệt, tuyên truyền sâu rộng")
    assert doc.content_items[1].count("\n") == 2  # three paragraphs
    assert [(a["start"], a["end"]) for a in doc.anniversaries] == [
        (D(1909, 6, 28), D(2024, 6, 28)),
        (D(1949, 10, 10), D(2024, 10, 10)),
        (D(1953, 12, 12), D(2023, 12, 12)),
        (D(2004, 1, 1), D(2024, 1, 1)),
    ]
    assert doc.references[0]["number"] == "109-KH" and doc.references[0]["symbol"] == "HU"
    assert doc.references[0]["issuer"] == "Ban Thường vụ Huyện ủy"
    assert "Cổng Thông tin điện tử huyện (đăng tải)" in doc.distribution
    assert doc.signer_name == "Nguyễn Thanh Văn"


def test_seed_002_markdown_city_campaign():
    doc = seed("002")
    assert doc.issuer == "ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU"
    assert (doc.doc_type, doc.number, doc.symbol) == ("Phát động thi đua", "5834", "PĐTĐ-UBND")
    assert (doc.place, doc.date) == ("Thành phố Lai Châu", D(2024, 12, 31))
    assert doc.subject == (
        "Hoàn thành thắng lợi các chỉ tiêu, nhiệm vụ phát triển Kinh tế - Xã hội đảm bảo "
        "Quốc phòng - An ninh năm 2025"
    )
    assert doc.theme.startswith("Quyết tâm thi đua hoàn thành thắng lợi các mục tiêu")
    assert "*" not in doc.theme
    assert len(doc.items) == 5
    assert [c.text.split(":")[0] for c in doc.items[2].children] == [
        "Về lĩnh vực kinh tế",
        "Về lĩnh vực văn hóa, xã hội",
        "Về lĩnh vực quốc phòng - an ninh, thanh tra, tư pháp và công tác đối ngoại",
        "Về lĩnh vực xây dựng hệ thống chính trị",
    ]
    assert doc.end_date is None  # the document gives no "đến ngày"
    assert doc.recipients == []
    assert doc.distribution[0] == "Sở Nội vụ" and len(doc.distribution) == 7
    assert doc.signer_name == "Nguyễn Văn Nghiệp"


def test_seed_003_plan_with_sections_and_flattened_header():
    doc = seed("003")
    assert (doc.doc_type, doc.number, doc.symbol) == ("Kế hoạch", None, "KH-UBND")
    assert (doc.place, doc.date, doc.date_month, doc.date_year) == ("Tam Đường", None, 6, 2023)
    assert doc.subject == (
        "Phát động phong trào thi đua đặc biệt lập thành tích chào mừng kỷ niệm các sự kiện lịch sử của tỉnh"
    )
    assert doc.theme.startswith("Thi đua đổi mới, sáng tạo, lập thành tích cao nhất")
    assert doc.end_date == D(2023, 10, 30)
    assert [i.label for i in doc.items] == ["-"] * 5  # II.2 Nội dung thi đua
    assert len(doc.items[1].children) == 9
    assert doc.references[0] == {
        "doc_type": "Công văn",
        "name": None,
        "number": "1954",
        "symbol": "UBND-TH",
        "date": D(2023, 5, 30),
        "issuer": "Ủy ban nhân dân tỉnh Lai Châu",
        "grounds": True,  # "Căn cứ Công văn số 1954/UBND-TH …"
    }
    assert len(doc.anniversaries) == 4
    assert doc.distribution[-1] == "Lưu: VT, NV"
    assert "I. MỤC ĐÍCH, YÊU CẦU" in doc.preamble
    assert "III. TỔ CHỨC THỰC HIỆN" in doc.closing


def test_seed_004_news_article_around_a_directive():
    doc = seed("004")
    assert (doc.doc_type, doc.number, doc.symbol) == ("Chỉ thị", "09", "CT-UBND")
    assert doc.date == D(2024, 12, 31)
    assert doc.issuer == "UBND tỉnh Lai Châu"
    assert doc.subject.startswith("Về việc phát động phong trào thi đua thực hiện thắng lợi")
    assert doc.theme.startswith("Đoàn kết, kỷ cương, trách nhiệm, sáng tạo, phát triển")
    assert len(doc.content_items) == 7
    assert doc.content_items[0].startswith("Tiếp tục quán triệt, tuyên truyền sâu rộng tư tưởng")
    assert doc.signer_name is None


FLAT = """Cổng thông tin điện tử tỉnh Hậu Giang
Trang chủ > Văn bản
ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / TỈNH HẬU GIANG Độc lập - Tự do - Hạnh phúc
Số: 11/2024/QĐ-UBND Vị Thanh, ngày 05 tháng 3 năm 2024
QUYẾT ĐỊNH
Về việc ban hành Kế hoạch phát động phong trào thi đua năm 2024
Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết;
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát động phong trào thi đua năm 2024.
Điều 2. Quyết định có hiệu lực kể từ ngày ký./.
Nơi nhận: TM. ỦY BAN NHÂN DÂN
- Như Điều 2; KT. CHỦ TỊCH
- Bộ Nội vụ; PHÓ CHỦ TỊCH
- Lưu: VT, NC.
Trương Cảnh Tuyên
"""


def test_flattened_two_column_header_and_close():
    doc = parse_text(FLAT)
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH HẬU GIANG"
    assert (doc.number, doc.symbol) == ("11", "2024/QĐ-UBND")
    assert (doc.place, doc.date) == ("Vị Thanh", D(2024, 3, 5))
    assert doc.doc_type == "Quyết định"
    assert doc.subject == "Về việc ban hành Kế hoạch phát động phong trào thi đua năm 2024"
    assert (
        doc.references[0]["symbol"] == "2023/NĐ-CP" and doc.references[0]["issuer"] == "Chính phủ"
    )
    assert doc.distribution == ["Như Điều 2", "Bộ Nội vụ", "Lưu: VT, NC"]
    assert doc.signing_authority == "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"
    assert (doc.signer_title, doc.signer_name) == ("PHÓ CHỦ TỊCH", "Trương Cảnh Tuyên")


def test_text_without_diacritics_and_old_tone_marks():
    text = (
        "UY BAN NHAN DAN\nHUYEN PHONG THO\nSo: 125/KH-UBND\nPhong Tho, ngay 12 thang 4 nam 2024\n"
        "KE HOACH\nTo chuc phong trao thi dua nam 2024\nII. NOI DUNG\n1. Thi dua xay dung giao thong.\n"
        "2. Thi dua phat trien san xuat.\nPhong trao thuc hien tu nay den ngay 31/12/2024.\n"
        "Noi nhan:\n- Luu: VT.\nKT. CHU TICH\nPHO CHU TICH\nLo Van Hung\n"
    )
    doc = parse_text(text)
    assert doc.issuer == "UY BAN NHAN DAN HUYEN PHONG THO"
    assert (doc.doc_type, doc.number, doc.date) == ("Kế hoạch", "125", D(2024, 4, 12))
    assert doc.content_items == ["Thi dua xay dung giao thong.", "Thi dua phat trien san xuat."]
    assert doc.end_date == D(2024, 12, 31)
    assert (doc.signing_authority, doc.signer_title, doc.signer_name) == (
        "KT. CHU TICH",
        "PHO CHU TICH",
        "Lo Van Hung",
    )
    # Decomposed input (NFD, as some PDFs and Macs give it) with old tone placement is read
    # like any other: fields found, and kept as the writer placed the marks, in NFC.
    nfd = unicodedata.normalize(
        "NFD", "UỶ BAN NHÂN DÂN\nHUYỆN PHONG THỔ\nSố: 7/KH-UBND\nKẾ HOẠCH\nThi đua hoá nông thôn\n"
    )
    doc = parse_text(nfd)
    assert (doc.issuer, doc.subject) == ("UỶ BAN NHÂN DÂN HUYỆN PHONG THỔ", "Thi đua hoá nông thôn")
    assert unicodedata.is_normalized("NFC", doc.text)


def test_parent_body_slash_date_and_letter_items():
    text = (
        "UBND TỈNH LAI CHÂU\nSỞ NỘI VỤ\nSố: 05/HD-SNV\nLai Châu, ngày 31/12/2024\nHƯỚNG DẪN\n"
        "Công tác thi đua, khen thưởng năm 2025\nThực hiện Chỉ thị số 09/CT-UBND ngày 31/12/2024 "
        "của UBND tỉnh Lai Châu, Sở Nội vụ hướng dẫn như sau:\na) Đăng ký thi đua trước ngày 15/3/2025;\n"
        "b) Báo cáo sơ kết trước ngày 15/6/2025.\n"
    )
    doc = parse_text(text)
    assert (doc.issuer_parent, doc.issuer) == ("UBND TỈNH LAI CHÂU", "SỞ NỘI VỤ")
    assert (doc.doc_type, doc.number, doc.symbol, doc.date) == (
        "Hướng dẫn",
        "05",
        "HD-SNV",
        D(2024, 12, 31),
    )
    assert [i.label for i in doc.items] == ["a", "b"]
    assert doc.references[0]["issuer"] == "UBND tỉnh Lai Châu"


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Phong trào được triển khai từ nay đến ngày 30/6/2025.", D(2025, 6, 30)),
        ("Thời gian thực hiện: từ nay đến hết năm 2024.", D(2024, 12, 31)),
        ("Phong trào thực hiện đến hết tháng 2/2024.", D(2024, 2, 29)),
        ("Thời gian từ ngày 01/01/2025 đến ngày 30 tháng 9 năm 2025.", D(2025, 9, 30)),
    ],
)
def test_end_date_forms(sentence, expected):
    doc = parse_text(f"KẾ HOẠCH\nThi đua\nNhằm phát huy thành tích.\n{sentence}\n")
    assert doc.end_date == expected


CONTRACT = {
    "issuer": (str, type(None)),
    "doc_type": (str, type(None)),
    "number": (str, type(None)),
    "symbol": (str, type(None)),
    "place": (str, type(None)),
    "date": (str, type(None)),
    "subject": (str, type(None)),
    "theme": (str, type(None)),
    "end_date": (str, type(None)),
    "signer_name": (str, type(None)),
    "signer_title": (str, type(None)),
    "signing_authority": (str, type(None)),
    "recipients": list,
    "distribution": list,
    "content_items": list,
    "anniversaries": list,
    "references": list,
}


def check_contract(data: dict) -> None:
    for key, kind in CONTRACT.items():
        assert isinstance(data[key], kind), key
    for key in ("recipients", "distribution", "content_items"):
        assert all(isinstance(x, str) for x in data[key])
    for entry in data["anniversaries"]:
        assert set(entry) == {"name", "start", "end"}
    for entry in data["references"]:
        assert set(entry) == {"doc_type", "name", "number", "symbol", "date", "issuer", "grounds"}
    for value in (data["date"], data["end_date"]):
        if value:
            datetime.date.fromisoformat(value)
    json.dumps(data, ensure_ascii=False)


VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        list(
            "aăâbcdđeêghiklmnoôơpqrstuưvxyàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ"
        )
        + list("ĐƯƠÔÂĂÊ ABCDEGHIKLMNOPQRSTUVXY0123456789 \n\n\t.,;:/-–+()“”\"'|*#}")
    ),
    max_size=400,
)
FRAGMENTS = st.lists(
    st.sampled_from(
        [
            "Số: /UBND-NV",
            "Số: 12/2024/QĐ-UBND",
            "Tam Đường, ngày  tháng 7 năm 2024",
            "ngày 31/12/2024",
            "KẾ HOẠCH",
            "V/v phát động",
            "Kính gửi:",
            "- UBND các xã;",
            "Nơi nhận:",
            "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
            "Một là, thi đua",
            "1.",
            "a)",
            "+ ",
            "I. NỘI DUNG",
            "chủ đề “",
            "(03/02/1930 - 03/02/2025)",
            "Công văn số 1/UBND ngày 99/99/2024 của",
            "đến hết năm 2024",
            "đến ngày 31/02/2025",
        ]
    ),
    max_size=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        VIETNAMESE,
        FRAGMENTS.map("\n".join),
        st.tuples(FRAGMENTS, VIETNAMESE).map(lambda t: "\n".join(t[0]) + t[1]),
    )
)
def test_any_text_returns_the_contract(text):
    check_contract(parse_text(text).as_contract())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(VIETNAMESE, st.tuples(FRAGMENTS, VIETNAMESE).map(lambda t: "\n".join(t[0]) + t[1])),
    st.lists(FRAGMENTS.map("\n".join), max_size=2),
)
def test_any_scan_text_is_read_without_the_fallback(text, readings):
    """The scan-only repairs (known bodies, trích yếu, digits, header vote) never throw:
    parse_text would fall back to the bare text and the clerk lose every field."""
    from campaigns.importer import _Parser, _vote_header
    from campaigns.ocr_digits import check_digits

    parser = _Parser(text, scanned=True, low_resolution=bool(readings))
    parser.run()
    if readings and parser.doc.text:
        _vote_header(parser, readings)
    check_digits(parser, readings, datetime.date(2026, 12, 7), None)
    check_contract(parser.doc.as_contract())


def test_empty_and_garbage_inputs():
    for text in ("", "   ", "\x00\x01", "Số:", "chủ đề “không đóng", "(" * 500):
        check_contract(parse_text(text).as_contract())


def test_reads_docx_with_a_two_column_header_table(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nHUYỆN TAM ĐƯỜNG\nSố: 15/KH-UBND"
    table.cell(
        0, 1
    ).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTam Đường, ngày 15 tháng 7 năm 2024"
    for text in [
        "KẾ HOẠCH",
        "Thi đua chuyển đổi số",
        "1. Số hóa hồ sơ.",
        "2. Dịch vụ công trực tuyến.",
    ]:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    doc = parse_text(read_document(buffer.getvalue(), "ke-hoach.docx"))
    assert doc.issuer == "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG"
    assert (doc.number, doc.symbol, doc.date) == ("15", "KH-UBND", D(2024, 7, 15))
    assert doc.content_items == ["Số hóa hồ sơ.", "Dịch vụ công trực tuyến."]


@pytest.mark.django_db
def test_reads_our_own_pdf(demo):
    from campaigns.pdf import campaign_pdf

    doc = parse_text(read_document(campaign_pdf(demo["002"]), "5834.pdf"))
    assert (doc.number, doc.symbol, doc.date) == ("5834", "PĐTĐ-UBND", D(2024, 12, 31))
    assert len(doc.items) == 5
    assert doc.signer_name == "Nguyễn Văn Nghiệp"


def test_unreadable_files_give_clear_errors(tmp_path):
    from campaigns.importer import UnreadableDocument

    with pytest.raises(UnreadableDocument, match="không phải tệp Word"):
        read_document(b"not a zip", "x.docx")
    with pytest.raises(UnreadableDocument, match="Chỉ đọc được"):
        read_document(b"data", "x.exe")
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("parse_document", str(tmp_path / "missing.txt"), "--json")


def test_command_prints_exactly_one_json_object(capsys):
    path = next(SEEDS.glob("002_*.txt"))
    call_command("parse_document", str(path), "--json")
    data = json.loads(capsys.readouterr().out)
    check_contract(data)
    assert data["number"] == "5834" and data["date"] == "2024-12-31"
    assert len(data["content_items"]) == 5


def test_straight_quotes_old_tone_marks_and_brace_marks():
    text = (
        "UỶ BAN NHÂN DÂN\nTHỊ XÃ MƯỜNG LAY\nSố: 07/KH-UBND\nMường Lay, ngày 02 tháng 02 năm 2024\n"
        "KẾ HOẠCH\nPhát động thi đua hoàn thành nhiệm vụ năm 2024\n"
        'UBND thị xã phát động phong trào thi đua với chủ đề: "Đoàn kết, sáng tạo, hoàn thành '
        'thắng lợi nhiệm vụ năm 2024".\nNơi nhận:\n- TT. Thị uỷ;\n- TT. HĐND thị xã; } (B/c)\n'
        "- Lưu: VT.\nTM. UỶ BAN NHÂN DÂN\nCHỦ TỊCH\nLò Văn Thành\n"
    )
    doc = parse_text(text)
    assert doc.issuer == "UỶ BAN NHÂN DÂN THỊ XÃ MƯỜNG LAY"
    assert doc.date == D(2024, 2, 2)
    assert doc.theme == "Đoàn kết, sáng tạo, hoàn thành thắng lợi nhiệm vụ năm 2024"
    assert doc.distribution == ["TT. Thị uỷ", "TT. HĐND thị xã (B/c)", "Lưu: VT"]
    assert (doc.signing_authority, doc.signer_name) == ("TM. UỶ BAN NHÂN DÂN", "Lò Văn Thành")


# -- files: whatever bytes arrive, a Vietnamese message or text, never a crash -----------

FILE_NAMES = st.sampled_from(
    ["van-ban.txt", "van-ban.docx", "van-ban.pdf", "anh.png", "anh.jpg", "khac.exe", "khong-duoi"]
)
HEADS = st.sampled_from(
    [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"\xef\xbb\xbf"]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(head=HEADS, body=st.binary(max_size=3000), name=FILE_NAMES)
def test_any_file_is_text_or_a_vietnamese_refusal(head, body, name):
    from campaigns.importer import ScannedDocument, UnreadableDocument

    try:
        text = read_document(head + body, name)
    except ScannedDocument:
        return  # a scan: the OCR path checks it (tests/test_import_views.py)
    except UnreadableDocument as exc:
        assert str(exc) and any(ch in str(exc) for ch in "ảệếốớọ"), str(exc)
        return
    check_contract(parse_text(text).as_contract())
    check_contract(parse_text(text, scanned=True).as_contract())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    head=st.sampled_from([b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"%PDF-1.4\n"]),
    body=st.binary(max_size=2000),
)
def test_any_scan_bytes_are_checked_without_a_crash(head, body):
    from campaigns import ocr
    from campaigns.importer import UnreadableDocument

    name = "trang.pdf" if head.startswith(b"%PDF") else "trang.png"
    try:
        pages = ocr.check_scan(head + body, name)
    except UnreadableDocument as exc:
        assert str(exc)
        return
    assert pages >= 1


def test_parse_document_reads_a_scan(capsys):
    from campaigns import ocr

    if not ocr.available():
        pytest.skip("tesseract (vie) is not installed (deploy/system-packages.sh)")
    scan = SEEDS.parent / "reader_corpus" / "scans" / "danang-snv-20-hd.png"
    call_command("parse_document", str(scan), "--json")
    data = json.loads(capsys.readouterr().out)
    assert (data["number"], data["symbol"], data["date"]) == ("20", "HD-SNV", "2013-11-28")
    from units.text import fold

    # tesseract may miss a diacritic: the body is the one the clerk picks all the same
    assert fold(data["issuer"]) == "so noi vu"
    assert fold(data["issuer_parent"]) == "ubnd thanh pho da nang"
    assert 0 < data["confidence"]["subject"] < 0.7  # a scan's subject: check it first


def test_a_misread_scan_year_is_judged_by_vietnams_date_not_the_servers():
    """_ocr_year takes a year up to next year as a real one. At 00:30 on 1/1/2027 in Việt
    Nam it is still 31/12/2026 in UTC: a scan dated "năm 3028" (a 2 misread as 3) is
    2028, next year in Việt Nam; judged by the server's UTC date it would be two years
    ahead and left as read."""
    from unittest import mock

    from django.utils import timezone

    scan = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH TÂY NINH Độc lập - Tự do - Hạnh phúc\n"
        "Số: 615/QĐ-UBND Tây Ninh, ngày 15 tháng 11 năm 3028\n"
        "KẾ HOẠCH\nTổ chức phong trào thi đua\n"
    )
    utc_evening = datetime.datetime(2026, 12, 31, 17, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=utc_evening):
        assert timezone.localdate() == datetime.date(2027, 1, 1)
        assert parse_text(scan, scanned=True).date == datetime.date(2028, 11, 15)


def test_a_scan_is_read_without_django_settings():
    """bench/parser.py and bench/corpus.py read the corpus without Django's settings. A
    scan's date went through Django's time zone setting, so every scan with a date raised
    there and fell back to an empty reading (the ninth held-out set read 3 of 84 header
    fields before this): the reader needs Việt Nam's date, not Django's settings."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "from campaigns.importer import parse_text\n"
        "doc = parse_text('ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n"
        "TỈNH BẠC LIÊU Độc lập - Tự do - Hạnh phúc\\n"
        "Số: 418/KH-UBND Bạc Liêu, ngày 15 tháng 11 năm 2019\\n"
        "KẾ HOẠCH\\nTổ chức phong trào thi đua\\n', scanned=True)\n"
        "print(doc.number, doc.date.isoformat())\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["418", "2019-11-15"]


def test_a_low_resolution_page_has_its_header_read_twice_more():
    """A page 1240 points across (an A4 page at 150 dpi) is low resolution: its header band
    is read again at 1.5× and 2× for the reader to compare (decision 0032)."""
    from campaigns import ocr

    if not ocr.available():
        pytest.skip("tesseract (vie) is not installed (deploy/system-packages.sh)")
    scan = SEEDS.parent / "reader_corpus" / "scans" / "danang-snv-20-hd.png"
    result = ocr.ocr_document(scan.read_bytes(), scan.name)
    assert result.low_resolution and result.size == (1240, 1754)
    assert len(result.header_readings) == 2
    assert all("20" in reading for reading in result.header_readings)
    assert "300 dpi" in ocr.low_resolution_warning(result.size)
