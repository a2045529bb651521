"""The reader on its labelled corpus of real documents (tests/fixtures/reader_corpus,
bench/corpus.py), and the header shapes of issue 12 one by one.

The floors sit just under what the reader reaches today (docs/benchmarks.md, section
parser): a change that reads fewer fields right fails here. The held-out documents (the
tenth set: twelve documents found for it, each read as text, as a 150 dpi photocopy scan and
as a 200 dpi scan) were made and labelled before the tenth round and are never tuned on;
their floor is lower, and is the honest figure. (Their text readings' misses were looked at
in round 10, decision 0042: those are seen; the scans stay held out.) (The first round's "unseen" documents and
the second to ninth rounds' held-out sets were looked at and are part of the seen ones now.)
A totals-only held-out set (bench.corpus.TOTALS_ONLY) (the fifteenth, split "heldout15", decision
0052) has its own floor, whose failure
shows its totals only, never its misses; "all" leaves it out, as bench/parser.py does. The
eleventh and twelfth sets (decisions 0041, 0047) were such sets until round 13, when their
misses were looked at (decision 0050), the thirteenth and fourteenth (decisions 0049, 0055)
until round 14 (decision 0051): they are seen now.
"""

import datetime

import pytest

from bench.corpus import (
    HEADER_FIELDS,
    HELDOUT15,
    TOTALS_ONLY_SPLITS,
    load_corpus,
    normalise,
)
from campaigns.confidence import UNCERTAIN, uncertain
from campaigns.importer import parse_text
from tests.corpus_once import parse_once, score_once
from units.text import fold

CORPUS = load_corpus()
FLOORS = {  # (header fields, all fields)
    # the seen part holds the ninth round's held-out set (scans) since the tenth round: 93.4%
    # and 94.1% (1108/1186, 1298/1380), the ninth set's 57/84 among them; with the tenth
    # set's text readings since decision 0042 (72/84 before its rules, 84/84 after): 93.9%
    # and 94.5% (1192/1270, 1398/1480); with the seen documents' 200 dpi scans (decision
    # 0044): 96.1% and 96.5% (1543/1605, 1803/1869); with the tenth set's scans (decision
    # 0046: 146/168 before round 11's rules, 158/168 after): 96.2% and 96.3% (1706/1773,
    # 1992/2069); with the eleventh and twelfth sets' 81 readings, opened in round 13
    # (decision 0050: text 169/189, 150 dpi 140/189, 200 dpi 180/189 before its rules):
    # 93.8% and 93.7% (2195/2340, 2564/2735); after round 13's text rules (their texts
    # 169/189 -> 187/189): 94.6% and 94.5% (2214/2340, 2585/2735); with the thirteenth and
    # fourteenth sets' 84 readings, opened in round 14 (decision 0051: text 187/196, 150 dpi
    # 143/196, 200 dpi 181/196 when opened): 93.1% and 92.7% (2725/2928, 3192/3443); after
    # round 14's rules (their texts 187/196 -> 191/196, 200 dpi 181/196 -> 188/196): 93.6%
    # and 93.2% (2740/2928, 3209/3443); 2743/2928 with decision 0051's relabelling; after
    # round 14's scan rules on the eleventh and twelfth sets' photocopies (decision 0056:
    # their 150 dpi scans 140/189 -> 170/189): 95.2% and 94.7% (2788/2928, 3259/3443)
    "seen": (0.95, 0.94),
    # the tenth held-out set's scans (decision 0036) read 85.1% and 83.0% before round 10
    # (143/168, 166/200) and 86.9% and 85.0% after it (146/168, 170/200); their misses were
    # printed then, so they are seen from round 11 (decision 0046)
    # the eleventh held-out set before its round (reader of main at 4ebe4f1, decision 0041):
    # 85.7% and 84.2% (252/294, 298/354); text 85/98, 150 dpi scans 74/98, 200 dpi scans 93/98
    # After round 11 (decision 0046, totals only): 86.4% and 84.7% (254/294, 300/354), which
    # it still read when it was opened in round 13 (decision 0050; text 85/98, 150 dpi 76/98,
    # 200 dpi 93/98)
    # the twelfth held-out set before its round (reader of main at 1e92e92, decision 0047):
    # 86.1% and 87.2% (235/273, 272/312); text 84/91, 150 dpi scans 64/91, 200 dpi scans 87/91,
    # the same when it was opened in round 13 (decision 0050)
    # the thirteenth held-out set before its round (reader of main at 59b841b, decision 0049):
    # 91.5% and 87.4% (269/294, 325/372); text 95/98, 150 dpi scans 78/98, 200 dpi scans 96/98;
    # when it was opened in round 14 (main at e7d6880, decision 0051): 92.2% and 87.9%
    # (271/294, 327/372), text 97/98 (round 13's text rules), the scans as before
    # the fourteenth held-out set before its round (reader of main at 4b94317, decision 0055):
    # 81.6% and 83.3% (240/294, 280/336); text 90/98, 150 dpi scans 65/98, 200 dpi scans 85/98,
    # the same when it was opened in round 14 (main at e7d6880, decision 0051)
    # the fifteenth held-out set before its round (reader of main at e7d6880, decision 0052):
    # 87.4% and 82.5% (257/294, 307/372); text 91/98, 150 dpi scans 73/98, 200 dpi scans 93/98
    HELDOUT15: (0.87, 0.82),
    # every reading but the totals-only sets', as in bench/parser.py
    # the seen part after round 14's scan rules (decision 0056): 95.2% and 94.7% (2788/2928,
    # 3259/3443)
    "all": (0.95, 0.94),
}


def test_the_corpus_is_real_and_wide():
    documents = {d.original for d in CORPUS}
    provinces = {d.province.split(" (")[0] for d in CORPUS}
    assert len(documents) >= 30
    assert len(provinces) >= 10
    for split in TOTALS_ONLY_SPLITS:
        assert len({d.original for d in CORPUS if d.split == split}) >= 12, split
    assert all(d.split in {"seen", *TOTALS_ONLY_SPLITS} for d in CORPUS)
    assert {d.kind for d in CORPUS} >= {"text", "pdf", "portal", "news", "scan"}
    assert all(d.source for d in CORPUS)


def test_only_the_totals_only_sets_are_held_out():
    """The tenth set's scans' misses were printed after round 10: from round 11 every one of
    its 36 readings is seen (decision 0046); the eleventh and twelfth sets' 81 readings from
    round 13 (decision 0050), the thirteenth and fourteenth sets' 84 from round 14 (decision
    0051); only a totals-only set stays held out."""
    from bench.corpus import CORPUS as DIRECTORY

    def saying(history: str) -> list:
        ids = {
            path.stem
            for path in DIRECTORY.glob("*.json")
            if history in path.read_text(encoding="utf-8")
        }
        return [d for d in CORPUS if d.id in ids]

    tenth = saying("seen from round 11, decision 0046")
    assert len(tenth) == 24 and all(d.split == "seen" and d.scanned for d in tenth)
    assert {d.dpi for d in tenth} == {150, 200}
    opened = saying("seen from round 13, decision 0050")
    assert len(opened) == 81 and all(d.split == "seen" for d in opened)
    assert len({d.original for d in opened}) == 27
    assert {d.dpi for d in opened} == {None, 150, 200}
    fourteenth = saying("seen from round 14, decision 0051")
    assert len(fourteenth) == 84 and all(d.split == "seen" for d in fourteenth)
    assert len({d.original for d in fourteenth}) == 28
    assert {d.dpi for d in fourteenth} == {None, 150, 200}
    assert {d.split for d in CORPUS} == {"seen", *TOTALS_ONLY_SPLITS}


def test_the_before_compared_is_that_of_the_kinds_still_held_out():
    from bench.parser import held_before

    before = {
        "commit": "x",
        "header": [215, 252],
        "all": [252, 300],
        "fields": {"issuer": [30, 36]},
        "by_kind": {
            "scan150": {"readings": 12, "header": [61, 84], "all": [72, 100]},
            "scan200": {"readings": 12, "header": [82, 84], "all": [94, 100]},
            "text": {"readings": 12, "header": [72, 84], "all": [86, 100]},
        },
    }
    scans = held_before(before, {"scan150", "scan200"})
    assert (scans["header"], scans["all"]) == ([143, 168], [166, 200])
    assert "text" not in scans["by_kind"] and not scans["fields"]
    assert held_before(before, {"scan150", "scan200", "text"}) == before


@pytest.mark.parametrize("split", ["seen", *sorted(TOTALS_ONLY_SPLITS), "all"])
def test_accuracy_floor(split):
    if split == "all":
        documents = [d for d in CORPUS if d.split not in TOTALS_ONLY_SPLITS]
    else:
        documents = [d for d in CORPUS if d.split == split]
    result = score_once(documents)
    header_floor, all_floor = FLOORS[split]
    header, every = result["header"], result["all"]
    if split in TOTALS_ONLY_SPLITS:  # its misses stay unseen: totals only (0041 to 0055)
        shown = f"{header.right}/{header.total} header, {every.right}/{every.total} all"
    else:
        shown = "\n".join(map(str, result["misses"]))
    del result
    assert header.rate >= header_floor, shown
    assert every.rate >= all_floor, shown


def test_seen_pages_scanned_at_200_dpi():
    """The seen documents' pages at 200 dpi (decision 0044: made so that the scan repairs,
    designed on 150 dpi photocopies, are checked on an office scanner's pages): 97.9% of
    header fields and 97.9% of all (328/335, 381/389); with the tenth set's 200 dpi pages,
    seen from round 11 (decision 0046), 60 pages; with the eleventh and twelfth sets', seen
    from round 13 (decision 0050), 87 pages: 97.4% and 96.3% (592/608, 685/711); with the
    thirteenth and fourteenth sets', seen from round 14 (decision 0051), 115 pages: 96.3% and
    94.5% (774/804, 895/947) when they were opened, 97.3% and 95.5% (782/804, 904/947) after
    round 14's rules; 98.0% and 96.2% (788/804, 911/947) after its scan rules (decision
    0056)."""
    documents = [d for d in CORPUS if d.split == "seen" and d.dpi == 200]
    assert len(documents) == 115
    result = score_once(documents)
    shown = "\n".join(map(str, result["misses"]))
    assert result["header"].rate >= 0.98, shown
    assert result["all"].rate >= 0.96, shown


def test_seen_photocopies_scanned_at_150_dpi():
    """The seen documents' 150 dpi photocopies, the scans the reader reads worst: 81.3% and
    81.9% (654/804, 776/947) before round 14's scan rules, 86.2% and 86.2% (693/804,
    816/947) after them (decision 0056: the eleventh and twelfth sets' 140/189 -> 170/189)."""
    documents = [d for d in CORPUS if d.split == "seen" and d.dpi == 150]
    assert len(documents) == 115
    result = score_once(documents)
    shown = "\n".join(map(str, result["misses"]))
    assert result["header"].rate >= 0.86, shown
    assert result["all"].rate >= 0.86, shown


def test_text_documents_read_at_least_as_the_issue_asks():
    """Seen text readings: 99.0% of header fields (1113/1124) after round 13 (decision 0050;
    the eleventh and twelfth sets' 27 texts 187/189); 98.8% (1304/1320) after round 14
    (decision 0051; the thirteenth and fourteenth sets' 28 texts 191/196)."""
    text = [d for d in CORPUS if not d.scanned and d.split == "seen"]
    assert score_once(text)["header"].rate >= 0.98


def test_wrong_fields_of_scans_are_marked_uncertain():
    """Most fields a scan gets wrong are among those the review page marks (on the scans
    the rules were written on, the second round's held-out scans among them since the
    third round: their 'KH-LBND' and 'Súc Trang' kept 0.85 before it)."""
    marked = wrong = 0
    for document in (d for d in CORPUS if d.scanned and d.split == "seen"):
        parsed = parse_once(document)  # with its header readings, as the worker reads it
        flagged = uncertain(parsed["confidence"], HEADER_FIELDS)
        for name in HEADER_FIELDS:
            got, expected = parsed.get(name), document.expected.get(name)
            if expected and got and normalise(got) != normalise(expected):
                wrong += 1
                marked += name in flagged
    # 28 of 36 when the eighth held-out set joined the seen scans (its unmarked digits and
    # cut symbols, decision 0030); 29 of 30 with the header's further readings (0032); 48 of
    # 56 when the ninth held-out set joined them (its 7 unmarked fields, decision 0032); 39 of
    # 47 when the scans' trích yếu was repaired (0039: the fields it put right were marked
    # ones, so the share fell while the unmarked wrong fields stayed 8); 86 of 95 when the
    # eleventh and twelfth sets joined them (decision 0050: one more unmarked); 126 of 142
    # when the thirteenth and fourteenth sets joined them (decision 0051: seven more unmarked,
    # a body's slash read as a space, a doubled 'Đ', a cut issuer, …); 120 of 132 after round
    # 14's rules (the slash kept, the cut name joined, hyphens put back: four fewer unmarked);
    # 95 of 103 after round 14's scan rules (decision 0056: 'TT.HĐND', 'QĐĐ', 'FTKT' … left)
    assert wrong and marked / wrong >= 0.8
    assert wrong - marked <= 8


# -- the shapes of issue 12, one at a time ----------------------------------------------

HEADER = """{issuer}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/KH-{code}
{place}, ngày 03 tháng 9 năm 2025
KẾ HOẠCH
Tổ chức phong trào thi đua năm 2025
Căn cứ Luật Thi đua, khen thưởng năm 2022;
"""


@pytest.mark.parametrize(
    ("issuer_lines", "issuer", "parent"),
    [
        ("UBND TỈNH LAI CHÂU\nSỞ NỘI VỤ", "SỞ NỘI VỤ", "UBND TỈNH LAI CHÂU"),
        ("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA", "ỦY BAN NHÂN DÂN TỈNH THANH HÓA", None),
        (
            "UBND TỈNH THANH HÓA\nHỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
            "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
            "UBND TỈNH THANH HÓA",
        ),
        (
            "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG\nTỈNH QUẢNG NINH",
            "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH QUẢNG NINH",
            None,
        ),
        ("UBND HUYỆN TAM ĐƯỜNG\nPHÒNG NỘI VỤ", "PHÒNG NỘI VỤ", "UBND HUYỆN TAM ĐƯỜNG"),
        ("BỘ NỘI VỤ", "BỘ NỘI VỤ", None),
        # after the 2025 reform: communes under the province, no district
        ("ỦY BAN NHÂN DÂN\nXÃ TÂN PHONG", "ỦY BAN NHÂN DÂN XÃ TÂN PHONG", None),
        ("ỦY BAN NHÂN DÂN\nĐẶC KHU PHÚ QUỐC", "ỦY BAN NHÂN DÂN ĐẶC KHU PHÚ QUỐC", None),
        (
            "UBND TỈNH LAI CHÂU\nSỞ GIÁO DỤC\nVÀ ĐÀO TẠO",
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
            "UBND TỈNH LAI CHÂU",
        ),
    ],
)
def test_issuing_body_comes_back_whole(issuer_lines, issuer, parent):
    doc = parse_text(HEADER.format(issuer=issuer_lines, code="UBND", place="Lai Châu"))
    assert (doc.issuer, doc.issuer_parent) == (issuer, parent)
    assert doc.confidence["issuer"] >= UNCERTAIN


def test_columns_interleaved_line_by_line():
    text = (
        "UBND TỈNH LAI CHÂU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc\n"
        "Số: 120/KH-SNV Lai Châu, ngày 10 tháng 3 năm 2025\n"
        "KẾ HOẠCH\nPHONG TRÀO THI ĐUA NĂM 2025\nCăn cứ Luật Thi đua, khen thưởng;\n"
    )
    doc = parse_text(text)
    assert (doc.issuer, doc.issuer_parent) == ("SỞ NỘI VỤ", "UBND TỈNH LAI CHÂU")
    assert (doc.number, doc.symbol, doc.place) == ("120", "KH-SNV", "Lai Châu")
    assert doc.date == datetime.date(2025, 3, 10)
    assert (doc.doc_type, doc.subject) == ("Kế hoạch", "PHONG TRÀO THI ĐUA NĂM 2025")


def test_portal_chrome_around_the_document():
    text = (
        "Trang chủ\nGiới thiệu\nVăn bản\nThông tin tài liệu\nLượt xem: 1.234\n"
        "Ngày đăng: 12/3/2025\nTẢI VỀ\n"
        + HEADER.format(issuer="ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN", code="UBND", place="Điện Biên")
        + "Bình luận\nChia sẻ"
    )
    doc = parse_text(text)
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN"
    assert doc.issuer_parent is None
    assert doc.subject == "Tổ chức phong trào thi đua năm 2025"


def test_ocr_errors_are_repaired_where_sure():
    text = (
        "ỦY BẢN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH LẠNG SƠN Độc lắp - Tư do - Hành phút\n"
        "Sö: 07/KH-BND Lang Sơn, ngày L3 tháng L năm 2020\n"
        "KẾ HOẠCH\nTRIỂN KHAI PHONG TRÀO THI ĐUA\n"
        "Thực hiện chỉ đạo của tỉnh, phong trào thi đua phát động đến các đơn vị, "
        "cán bộ, công chức nhằm nâng cao hiệu quả công tác thi đua, khen thirởng.\n"
    )
    doc = parse_text(text, scanned=True)
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"  # its words spelled right (round six)
    assert (doc.number, doc.symbol) == ("07", "KH-UBND")
    assert doc.date == datetime.date(2020, 1, 13)
    assert "khen thưởng" in doc.text  # ư read as "ir"
    assert all(value <= 0.85 for value in doc.confidence.values())


def test_v_v_line_after_the_number():
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN MƯỜNG TÈ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 88/UBND-VP\nV/v phát động phong trào thi đua\nchào mừng Đại hội\n"
        "Mường Tè, ngày 4 tháng 4 năm 2024\nKính gửi: Các cơ quan, đơn vị.\n"
    )
    doc = parse_text(text)
    assert (doc.doc_type, doc.number, doc.symbol) == ("Công văn", "88", "UBND-VP")
    assert doc.subject == "phát động phong trào thi đua chào mừng Đại hội"
    assert doc.issuer == "ỦY BAN NHÂN DÂN HUYỆN MƯỜNG TÈ"


# -- issue 14: nothing garbage kept silently -----------------------------------------


def test_a_number_that_is_not_a_number_is_refused_with_a_warning():
    doc = parse_text(HEADER.format(issuer="UBND TỈNH LAI CHÂU", code="UBND", place="Lai Châu"))
    assert doc.number == "15"
    garbage = HEADER.replace("Số: 15/", "Số: ^3/").format(
        issuer="UBND TỈNH LAI CHÂU", code="UBND", place="Lai Châu"
    )
    doc = parse_text(garbage)
    assert doc.number is None
    assert doc.symbol == "KH-UBND"
    assert any("“^3”" in w for w in doc.warnings)
    assert doc.as_contract()["warnings"] == doc.warnings


def test_no_issuer_is_left_empty_and_unsure():
    doc = parse_text("Số: 15/KH-UBND Lai Châu, ngày 3 tháng 9 năm 2025\nKẾ HOẠCH\nThi đua\n")
    assert doc.issuer is None
    assert doc.confidence["issuer"] == 0


# -- second round (rules written on the seen documents, the held-out set not looked at) --


def test_a_rule_under_the_title_ends_the_subject():
    """A circular's title in sentence case, a rule under it, then the first paragraph
    (PDF text with a blank line after every line): the subject stops at the rule."""
    text = (
        "BỘ NỘI VỤ\n\nSố: 08/2004/TT-BNV\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Độc lập - Tự do - Hạnh phúc\n\nHà Nội, ngày 19 tháng 2 năm 2004\n\nTHÔNG TƯ\n\n"
        "Hướng dẫn thực hiện Nghị định số 115/2003/NĐ-CP\n\n"
        "của Chính phủ về chế độ công chức dự bị\n\n________________\n\n"
        "Thi hành Nghị định số 115/2003/NĐ-CP của Chính phủ, Bộ Nội vụ hướng dẫn\n\n"
        "thực hiện như sau:\n\nI. NHỮNG QUY ĐỊNH CHUNG\n\n"
    )
    doc = parse_text(text)
    assert doc.subject == (
        "Hướng dẫn thực hiện Nghị định số 115/2003/NĐ-CP của Chính phủ về chế độ công chức dự bị"
    )


def test_ocr_punctuation_in_the_date_line():
    """tesseract often reads a colon after "ngày" or "tháng"; the place and date are
    still read, and a day OCR garbled leaves the date empty but keeps the place."""
    head = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BẮC NINH Độc lắp - Tư do\n"
    doc = parse_text(head + "Số: 155/KH-UBND Bác Ninh, ngày 26 tháng: 5 nam 2017\n", scanned=True)
    assert (doc.place, doc.date) == ("Bác Ninh", datetime.date(2017, 5, 26))
    doc = parse_text(head + "Số: 28/HD-TĐKT Yên Bài, ngày: thang E nam 2007\n", scanned=True)
    assert (doc.place, doc.date, doc.date_year) == ("Yên Bài", None, 2007)


def test_a_sentence_with_a_date_is_not_a_place_line():
    """A news item: "…, đảm bảo an ninh trên địa bàn tỉnh, ngày 18/3/2021, Uỷ ban nhân dân
    tỉnh đã ban hành Kế hoạch số 42/KH-UBND …": no place, and the sentence is read."""
    text = (
        "Đẩy mạnh tổ chức phong trào thi đua năm 2021\n(26/03/2021)\n"
        "Để góp phần thực hiện tốt nhiệm vụ, đảm bảo quốc phòng, an ninh trên địa bàn tỉnh, "
        "ngày 18/3/2021, Uỷ ban nhân dân tỉnh đã ban hành Kế hoạch số 42/KH-UBND tổ chức "
        "phong trào thi đua năm 2021.\n"
    )
    doc = parse_text(text)
    assert doc.place is None
    assert (doc.issuer, doc.doc_type, doc.number, doc.symbol) == (
        "Uỷ ban nhân dân tỉnh",
        "Kế hoạch",
        "42",
        "KH-UBND",
    )
    assert doc.date == datetime.date(2021, 3, 18)


def test_specks_tesseract_read_in_a_title_in_capitals_are_dropped():
    text = (
        "UBND THÀNH PHỐ ĐÀ NẴNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ NỘI VỤ Độc lắp - Tư do - Hành phút\n"
        "Số: 20/HD-SNV Đà Nẵng, ngày 28 tháng 11 năm 2013\n"
        "HƯỚNG DẪN\nVỀ. ĐỐI TƯỢNG, HỒ SƠ XÉT.VÀ ĐỀ NGHỊ KHEN THƯỞNG CỦA: TP. ĐÀ NẴNG\n"
        "Căn cứ Hướng dẫn số 915/HD-BTĐKT ngày 05/6/2013 của Ban Thi đua - Khen thưởng;\n"
    )
    doc = parse_text(text, scanned=True)
    assert doc.subject == "VỀ ĐỐI TƯỢNG, HỒ SƠ XÉT VÀ ĐỀ NGHỊ KHEN THƯỞNG CỦA TP. ĐÀ NẴNG"


# -- third round (rules written on the second held-out set, trained on since; the third
# -- held-out set not tuned on). Constructed headers, other places and numbers. ---------


def test_table_cells_broken_across_lines_are_joined():
    """A site's table breaks each cell's words: "ỦY / BAN NHÂN DÂN", "Số: / 7/KH-UBND",
    "Bình / Dương, ngày …": the issuer, number, symbol and whole place are read."""
    text = (
        "ỦY\nBAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố:\n7/KH-UBND\n|\nBình\n"
        "Dương, ngày 5 tháng 1 năm 2024\n|\nKẾ HOẠCH\nTỔ CHỨC PHONG TRÀO THI ĐUA NĂM 2024\n"
        "Căn cứ Luật Thi đua, khen thưởng năm 2022;\n"
    )
    doc = parse_text(text)
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG"
    assert (doc.number, doc.symbol, doc.place) == ("7", "KH-UBND", "Bình Dương")
    assert doc.date == datetime.date(2024, 1, 5)
    text = text.replace("ỦY\nBAN NHÂN DÂN", "ỦY BAN NHÂN\nDÂN").replace(
        "Bình\nDương", "TP Thủ\nDầu Một"
    )
    doc = parse_text(text)
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG"
    assert doc.place == "TP Thủ Dầu Một"


def test_line_breaks_printed_as_text_are_line_breaks():
    r"""A site kept its line breaks as the text "\r\n": the header is read as lines."""
    text = (
        "\\r\\n ỦY BAN NHÂN DÂN TỈNH CAO BẰNG | \\r\\n \\r\\n CỘNG\\r\\n HÒA XÃ HỘI CHỦ "
        "NGHĨA VIỆT NAM | \\r\\n\n\\r\\n Số: 12/KH-UBND \\r\\n | \\r\\n \\r\\n Cao Bằng, "
        "ngày 2 tháng 3 năm 2023 \\r\\n | \\r\\n\n\\r\\n\\r\\n KẾ HOẠCH\\r\\nTHI ĐUA NĂM "
        "2023\\r\\n\\r\\nCăn cứ Luật Thi đua, khen thưởng;\n"
    )
    doc = parse_text(text)
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG"
    assert doc.place == "Cao Bằng"
    assert "\\r" not in doc.text and "\\n" not in doc.text


def test_a_header_flattened_on_one_line_is_cut_into_its_lines():
    """A PDF's text layer gives the whole header on one line, with the diacritics split
    off as loose marks: the parent, the department, the type and the V/v are read."""
    text = (
        "1. UBND TỈNH BẾN TRE CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ Y TẾ Độc lập - Tự do - "
        "Hạnh phúc Số : 455 /SYT-VP Bến Tre, ngày 12 tháng3 năm 2019 V/v tổng kết công tác "
        "thi đua cua nganh Y tê ́ ̀ ̉ năm 2018. Kính gửi: - Các đơn vị trực thuộc Sở. Sở Y "
        "tế đề nghị các đơn vị gửi báo cáo tổng kết công tác thi đua trước ngày 20/3/2019.\n"
    )
    doc = parse_text(text)
    assert (doc.issuer, doc.issuer_parent) == ("SỞ Y TẾ", "UBND TỈNH BẾN TRE")
    assert (doc.doc_type, doc.number, doc.symbol) == ("Công văn", "455", "SYT-VP")
    assert (doc.place, doc.date) == ("Bến Tre", datetime.date(2019, 3, 12))
    assert doc.subject.startswith("tổng kết công tác thi đua cua nganh Y tê")


def test_a_council_or_committee_without_its_province_line_is_completed_and_marked():
    """A site's table lost "TỈNH X" under "HỘI ĐỒNG NHÂN DÂN": the place line names a
    province, so the issuer is its council, marked for the clerk to check."""
    text = (
        "HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 21/2025/NQ-HĐND | Quảng Trị, ngày 10 tháng 8 năm 2025 |\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
    )
    doc = parse_text(text)
    assert doc.issuer == "HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG TRỊ"
    assert 0 < doc.confidence["issuer"] < UNCERTAIN
    doc = parse_text(text.replace("HỘI ĐỒNG", "ỦY BAN").replace("Quảng Trị", "Cần Thơ"))
    assert doc.issuer == "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"


def test_an_old_title_naming_its_issuer_keeps_only_the_subject():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 45/2002/QĐ-UB\nBiên Hòa, ngày 3 tháng 5 năm 2002\nQUYẾT ĐỊNH\n"
        "CỦA ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI VỀ VIỆC BAN HÀNH QUY CHẾ THI ĐUA\n"
        "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân;\n"
    )
    doc = parse_text(text)
    assert doc.subject == "VỀ VIỆC BAN HÀNH QUY CHẾ THI ĐUA"


def test_a_symbol_that_lost_its_hyphen_gets_it_back_and_is_marked():
    doc = parse_text(HEADER.format(issuer="UBND TỈNH LAI CHÂU", code="X", place="Lai Châu"))
    text = HEADER.replace("Số: 15/KH-{code}", "Số: 2207/{code}").format(
        issuer="ỦY BAN NHÂN DÂN\nTỈNH GIA LAI", code="QĐUBND", place="Gia Lai"
    )
    doc = parse_text(text)
    assert doc.symbol == "QĐ-UBND"
    assert 0 < doc.confidence["symbol"] < UNCERTAIN
    doc = parse_text(
        text.replace("QĐUBND", "TBSGDĐT").replace("ỦY BAN NHÂN DÂN\n", "SỞ GIÁO DỤC VÀ ĐÀO TẠO\n")
    )
    assert doc.symbol == "TB-SGDĐT"


def test_a_symbol_naming_no_known_body_is_marked():
    good = parse_text(HEADER.format(issuer="UBND TỈNH LAI CHÂU", code="UBND", place="Lai Châu"))
    assert good.confidence["symbol"] >= UNCERTAIN
    odd = parse_text(HEADER.format(issuer="UBND TỈNH LAI CHÂU", code="XQRT", place="Lai Châu"))
    assert odd.symbol == "KH-XQRT"
    assert 0 < odd.confidence["symbol"] < UNCERTAIN


def test_a_place_that_is_no_province_nor_in_the_issuer_is_marked():
    doc = parse_text(HEADER.format(issuer="UBND TỈNH LAI CHÂU", code="UBND", place="Lai Châu"))
    assert doc.confidence["place"] >= UNCERTAIN
    doc = parse_text(
        HEADER.format(issuer="ỦY BAN NHÂN DÂN\nHUYỆN PHONG THỔ", code="UBND", place="Phong Thổ")
    )
    assert doc.confidence["place"] >= UNCERTAIN  # the issuer names it
    doc = parse_text(HEADER.format(issuer="UBND TỈNH LAI CHÂU", code="UBND", place="Minh"))
    assert 0 < doc.confidence["place"] < UNCERTAIN


def test_ocr_slips_in_known_words_are_read_and_marked():
    """On a scan: a body's abbreviation one letter off ("KH-LBND"), a number with a
    letter for a 1 ("T27"), a colon after "ngày"/"tháng" and a month read as letters
    ("LÍ" for 11), a province one letter off ("Bến Trc"), specks before the title."""
    text = (
        "ỦY BẢN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH BẾN TRE Độc lắp - Tư do - Hành phút\n"
        "Số: T27/KH-LBND Bến Trc, ngày: 14 tháng: LÍ nam 2016\n"
        "l _—— KẾ HOẠCH\nTỔ CHỨC PHONG TRÀO THI ĐUA NĂM 2017\n"
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;\n"
    )
    doc = parse_text(text, scanned=True)
    assert (doc.number, doc.symbol) == ("127", "KH-UBND")
    assert (doc.place, doc.date) == ("Bến Tre", datetime.date(2016, 11, 14))
    assert (doc.doc_type, doc.subject) == ("Kế hoạch", "TỔ CHỨC PHONG TRÀO THI ĐUA NĂM 2017")
    marked = uncertain(doc.confidence, HEADER_FIELDS)
    assert {"number", "symbol", "place"} <= marked


# -- fourth round: rules from the third held-out set's misses (training data since) -------


def test_a_wrapped_title_runs_on_past_a_line_starting_ban():
    """'… TRÊN ĐỊA / BÀN TỈNH …' (camau-36-kh): 'BÀN' is no board ('BAN'), so the title
    goes on instead of stopping at an authority line."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 418/KH-UBND\nTây Ninh, ngày 9 tháng 3 năm 2023\n"
        "KẾ HOẠCH\nTỔ CHỨC PHONG TRÀO THI ĐUA XÂY DỰNG NÔNG THÔN MỚI TRÊN ĐỊA\n"
        "BÀN TỈNH TÂY NINH NĂM 2023\n"
        "Thực hiện Luật Thi đua, khen thưởng năm 2022, Ủy ban nhân dân tỉnh ban hành Kế hoạch.\n"
    )
    doc = parse_text(text)
    assert doc.subject == (
        "TỔ CHỨC PHONG TRÀO THI ĐUA XÂY DỰNG NÔNG THÔN MỚI TRÊN ĐỊA BÀN TỈNH TÂY NINH NĂM 2023"
    )
    assert doc.confidence["subject"] >= UNCERTAIN


def test_a_capitals_title_starting_ban_hanh_in_a_pipes_table_is_read():
    """A site dropped the type heading of a table header (camau-06-qd): the trích yếu in
    capitals 'BAN HÀNH …' is read (not taken for a board), the type from the symbol."""
    text = (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 27/2019/QĐ-UBND | Hưng Yên, ngày 14 tháng 8 năm 2019 |\n"
        "BAN HÀNH QUY ĐỊNH CÔNG TÁC THI ĐUA, KHEN THƯỞNG TRÊN ĐỊA BÀN TỈNH HƯNG YÊN\n"
        "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN\n"
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;\n"
    )
    doc = parse_text(text)
    assert doc.subject == (
        "BAN HÀNH QUY ĐỊNH CÔNG TÁC THI ĐUA, KHEN THƯỞNG TRÊN ĐỊA BÀN TỈNH HƯNG YÊN"
    )
    assert doc.doc_type == "Quyết định"
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN"


def test_spaced_out_letters_are_joined_into_words():
    """'T H Ủ   T Ư Ớ N G …' (ttg-263-qd): the widest gaps part the words."""
    text = (
        "B  Ộ     T  À  I     C H Í N H\n"
        "Số: 1290/QĐ-BTC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 5 tháng 6 năm 2012\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC TẶNG BẰNG KHEN CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH\n"
        "Căn cứ Luật Thi đua, khen thưởng;\n"
    )
    assert parse_text(text).issuer == "BỘ TÀI CHÍNH"
    # evenly spaced letters give no word boundary: left as read
    even = text.replace("B  Ộ     T  À  I     C H Í N H", "B Ộ T À I C H Í N H")
    assert "B Ộ T À I" in parse_text(even).issuer


def test_a_heading_in_sentence_case_with_its_subject_on_the_line():
    """'Quyết định Về việc tặng thưởng …' right under the header (ttg-263-qd)."""
    text = (
        "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ\nSố: 733/QĐ-UBND\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Phú Thọ, ngày 11 tháng 4 năm 2016\n"
        "Quyết định Về việc tặng Cờ thi đua của Ủy ban nhân dân tỉnh\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ\nCăn cứ Luật Thi đua, khen thưởng;\n"
    )
    doc = parse_text(text)
    assert doc.doc_type == "Quyết định"
    assert doc.subject == "Về việc tặng Cờ thi đua của Ủy ban nhân dân tỉnh"


SCAN = (
    "ỦY BẢN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH VĨNH LONG Độc lắp - Tư do - Hành phút\n"
    "Số: {number}/{symbol} Vĩnh Long, ngày {day} thang {month} năm 2024\n"
    "{heading}\nVỀ VIỆC TẶNG BẰNG KHEN CHO CÁC TẬP THỂ\n"
    "Căn cứ Luật Thi đua, khen thưởng năm 2022;\n"
)


def test_a_scan_number_ending_in_a_capital_is_marked():
    """'230H' for 2308 (khanhhoa-2308-qd-scan): a Decree 30 number's letter is small
    ('12a'); a capital one on a scan is likely a misread digit."""
    clean = SCAN.format(number="1508", symbol="QĐ-UBND", day="4", month="10", heading="QUYẾT ĐỊNH")
    assert parse_text(clean, scanned=True).confidence["number"] >= 0.5
    assert "number" not in uncertain(parse_text(clean, scanned=True).confidence, ["number"])
    doc = parse_text(clean.replace("1508", "150B"), scanned=True)
    assert doc.number == "150B"
    assert "number" in uncertain(doc.confidence, ["number"])


def test_a_scan_date_whose_day_was_read_as_letters_is_marked():
    """'ngày T thang 2' (khanhhoa-2308-qd-scan, the 1 of '12' lost): a date that needed
    a letter read as a digit is marked, as a clean one is not."""
    clean = SCAN.format(number="1508", symbol="QĐ-UBND", day="4", month="10", heading="QUYẾT ĐỊNH")
    assert "date" not in uncertain(parse_text(clean, scanned=True).confidence, ["date"])
    doc = parse_text(clean.replace("ngày 4 thang 10", "ngày T thang 2"), scanned=True)
    assert doc.date == datetime.date(2024, 2, 1)
    assert "date" in uncertain(doc.confidence, ["date"])


def test_a_symbol_with_digits_for_its_type_is_marked_and_so_is_the_type_on_a_scan():
    """'35/2015/71-BCA' (bca-35-tt-scan): 'TT' read as '71'; the type then came from a
    line of the title, so it is marked too."""
    doc = parse_text(
        SCAN.format(number="12", symbol="2016/71-BTC", day="4", month="10", heading="QUY ĐỊNH"),
        scanned=True,
    )
    assert doc.symbol == "2016/71-BTC"
    assert {"symbol", "doc_type"} <= uncertain(doc.confidence, HEADER_FIELDS)


def test_a_body_abbreviation_in_the_issuer_does_not_mark_it():
    """'UBND TỈNH BẮC GIANG' (bacgiang-172-qd) scored as if 'UBND' were OCR garbage."""
    doc = parse_text(HEADER.format(issuer="UBND TỈNH TRÀ VINH", code="UBND", place="Trà Vinh"))
    assert doc.issuer == "UBND TỈNH TRÀ VINH"
    assert doc.confidence["issuer"] >= UNCERTAIN


def test_a_scan_title_word_one_letter_off_a_known_pair_is_put_right():
    """'QUẢN TÝ NHÀ NUỚỨC', 'MỘI SỐ', '“LOÀN DÂN' (khanhhoa-2308, phuyen-31,
    danang-snv-20 scans): a word pair of administrative titles one letter off is read as
    that pair; a right pair close to another ('THỰC TIỄN', 'SỐ LIỆU') is left alone."""
    text = SCAN.format(number="1508", symbol="QĐ-UBND", day="4", month="10", heading="QUYẾT ĐỊNH")
    title = "VỀ VIỆC TẶNG BẰNG KHEN CHO CÁC TẬP THỂ"
    wrong = "VỀ VIỆC SỬA ĐỔI MỘI SỐ ĐIỀU VỀ QUẢN TÝ NHÀ NUỚỨC VÀ “LOÀN DÂN” SỐ LIỆU THỰC TIỄN"
    doc = parse_text(text.replace(title, wrong), scanned=True)
    assert doc.subject == (
        "VỀ VIỆC SỬA ĐỔI MỘT SỐ ĐIỀU VỀ QUẢN LÝ NHÀ NƯỚC VÀ “TOÀN DÂN” SỐ LIỆU THỰC TIỄN"
    )
    assert "subject" in uncertain(doc.confidence, ["subject"])  # a scan's title: checked
    assert parse_text(text.replace(title, wrong)).subject == wrong  # a text is as written


def test_a_garbled_type_heading_on_a_scan_is_read_and_the_symbol_type_with_it():
    """'PTHÔNG EỪỮ' above 'QUY ĐỊNH CHI TIẾT …' and '35/2015/71-BCA' (bca-35-tt-scan):
    the heading a few letters off THÔNG TƯ is the type, the next line the trích yếu, the
    symbol's '71' the type's 'TT'; all three marked."""
    text = (
        "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lắp - Tư do - Hành phút\n"
        "Số: 48/2019/71-BTC Hà Nội, ngày 25 thang 7 nam 2019\n"
        "PTHÔNG EỪỮ\nQUY ĐỊNH CHẾ ĐỘ KHEN THƯỞNG TRONG NGÀNH TÀI CHÍNH\n"
        "Căn cứ Luật Thi đua, khen thưởng;\n"
    )
    doc = parse_text(text, scanned=True)
    assert (doc.doc_type, doc.symbol) == ("Thông tư", "2019/TT-BTC")
    assert doc.subject == "QUY ĐỊNH CHẾ ĐỘ KHEN THƯỞNG TRONG NGÀNH TÀI CHÍNH"
    assert {"doc_type", "symbol", "subject"} <= uncertain(doc.confidence, HEADER_FIELDS)


def test_va_under_the_number_on_a_scan_is_v_v():
    """'VA công nhận …' (haugiang-328-qd-scan): tesseract's 'V/v'."""
    text = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH VĨNH LONG Độc lắp - Tư do - Hành phút\n"
        "Số: 311/UBND-VX Vĩnh Long, ngày 4 thang 10 năm 2024\n"
        "VA tổ chức hội nghị điển hình tiên tiến\nKính gửi: Các sở, ban, ngành tỉnh\n"
    )
    doc = parse_text(text, scanned=True)
    assert doc.subject == "tổ chức hội nghị điển hình tiên tiến"
    assert doc.doc_type == "Công văn"


# -- fifth round: rules from the fourth held-out set's misses (training data since) -------


def test_an_issuer_cut_after_va_is_completed_from_the_text_by_the_symbol():
    """'BỘ NÔNG NGHIỆP VÀ |' (bnnmt-12-tt): a site cut the issuer's cell after its first
    line; the name runs on in the text ('Bộ trưởng Bộ … ban hành'), and the words taken
    are those whose initials make the symbol's body (TT-BTNMT), marked."""
    text = (
        "BỘ TÀI NGUYÊN VÀ |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 25/2019/TT-BTNMT |\nHà Nội, ngày 31 tháng 12 năm 2019 |\n"
        "THÔNG TƯ\nQUY ĐỊNH CHI TIẾT VỀ KHEN THƯỞNG TRONG NGÀNH\n"
        "Căn cứ Nghị định quy định chức năng của Bộ Tài nguyên và Môi trường;\n"
        "Bộ trưởng Bộ Tài nguyên và Môi trường ban hành Thông tư quy định chi tiết.\n"
    )
    doc = parse_text(text)
    assert doc.issuer == "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG"
    assert "issuer" in uncertain(doc.confidence, ["issuer"])
    # no mention whose initials make the symbol's body: left as read
    other = text.replace("TT-BTNMT", "TT-BXD")
    assert parse_text(other).issuer == "BỘ TÀI NGUYÊN VÀ"


def test_a_type_heading_with_words_after_it_gives_way_to_the_symbol_type():
    """'QUY ĐỊNH PHÂN CẤP …' alone under a circular's header, its heading dropped by the
    site (bnnmt-12-tt): the symbol says the type (NQ), the whole line is the trích yếu.
    A heading alone on its line, or agreeing with the symbol, is read as before."""
    text = (
        "HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 15/2021/NQ-HĐND | Bạc Liêu, ngày 8 tháng 12 năm 2021 |\n"
        "QUY ĐỊNH MỨC CHI CHO CÔNG TÁC THI ĐUA, KHEN THƯỞNG TRÊN ĐỊA BÀN TỈNH BẠC LIÊU\n"
        "Căn cứ Luật Thi đua, khen thưởng;\n"
    )
    doc = parse_text(text)
    assert doc.doc_type == "Nghị quyết"
    assert doc.subject == (
        "QUY ĐỊNH MỨC CHI CHO CÔNG TÁC THI ĐUA, KHEN THƯỞNG TRÊN ĐỊA BÀN TỈNH BẠC LIÊU"
    )
    agreeing = text.replace("15/2021/NQ-HĐND", "15/2021/QĐ-UBND").replace(
        "QUY ĐỊNH MỨC CHI", "QUYẾT ĐỊNH VỀ VIỆC QUY ĐỊNH MỨC CHI"
    )
    doc = parse_text(agreeing)
    assert doc.doc_type == "Quyết định"
    assert fold(doc.subject).startswith("ve viec quy dinh muc chi")


def test_a_title_line_opening_with_so_and_a_number_goes_on():
    """'… THEO NGHỊ QUYẾT / SỐ 02/NQ-HĐND NGÀY …' (dongnai-179-qd): 'SỐ' before a number
    is no department ('SỞ'), so the wrapped title is not cut there."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BẠC LIÊU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 611/QĐ-UBND\nBạc Liêu, ngày 3 tháng 4 năm 2022\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC HỖ TRỢ NGƯỜI CÓ CÔNG THEO NGHỊ QUYẾT\n"
        "SỐ 15/NQ-HĐND NGÀY 8 THÁNG 12 NĂM 2021 CỦA HỘI ĐỒNG NHÂN DÂN TỈNH BẠC LIÊU\n"
        "ỦY BAN NHÂN DÂN TỈNH BẠC LIÊU\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    assert parse_text(text).subject == (
        "VỀ VIỆC HỖ TRỢ NGƯỜI CÓ CÔNG THEO NGHỊ QUYẾT SỐ 15/NQ-HĐND NGÀY 8 THÁNG 12 NĂM "
        "2021 CỦA HỘI ĐỒNG NHÂN DÂN TỈNH BẠC LIÊU"
    )


def test_a_committee_and_its_department_on_one_line_are_parted():
    """'UBND TỈNH SƠN LA SỞ GIÁO DỤC VÀ ĐÀO TẠO' on one line (sonla-sgddt-424-cv, a
    flattened header): the department is the issuer, the committee its parent. A
    place whose name opens with such a word ('PHONG ĐIỀN') stays whole."""
    doc = parse_text(
        HEADER.format(issuer="UBND TỈNH HÀ NAM SỞ TƯ PHÁP", code="STP", place="Hà Nam")
    )
    assert (doc.issuer, doc.issuer_parent) == ("SỞ TƯ PHÁP", "UBND TỈNH HÀ NAM")
    doc = parse_text(HEADER.format(issuer="UBND HUYỆN PHONG ĐIỀN", code="UBND", place="Phong Điền"))
    assert (doc.issuer, doc.issuer_parent) == ("UBND HUYỆN PHONG ĐIỀN", None)


def test_a_dash_after_the_issuer_is_dropped():
    """'VĂN PHÒNG CHÍNH PHỦ — CỘNG HÒA …' (vpcp-447-tb-scan): the em dash between the
    columns is no part of the name."""
    text = (
        "BỘ NGOẠI GIAO — CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lắp - Tư do - Hành phút\n"
        "Số: 2215/BNG-LS Hà Nội, ngày 4 thang 10 năm 2024\n"
        "V/v hướng dẫn thủ tục khen thưởng\nKính gửi: Các cơ quan đại diện\n"
    )
    assert parse_text(text, scanned=True).issuer == "BỘ NGOẠI GIAO"
    assert parse_text(text).issuer == "BỘ NGOẠI GIAO"


def test_a_scan_symbol_type_with_a_digit_in_it_is_the_headings():
    """'Q2Ð-U'BND' (quangngai-2074-qd-scan) and '7H-VPCP' (vpcp-447-tb-scan): a type part
    with a digit in it, that is the heading's abbreviation once the digit is dropped or
    has its length, is that abbreviation; tesseract's Ð and a stray quote inside a word in
    capitals are put right. All marked; a text is read as written."""
    doc = parse_text(
        SCAN.format(number="1508", symbol="Q2Ð-U'BND", day="4", month="10", heading="QUYẾT ĐỊNH"),
        scanned=True,
    )
    assert doc.symbol == "QĐ-UBND"
    assert "symbol" in uncertain(doc.confidence, ["symbol"])
    doc = parse_text(
        SCAN.format(number="88", symbol="7B-UBND", day="4", month="10", heading="THÔNG BÁO"),
        scanned=True,
    )
    assert (doc.doc_type, doc.symbol) == ("Thông báo", "TB-UBND")
    assert "symbol" in uncertain(doc.confidence, ["symbol"])
    text = SCAN.format(number="88", symbol="7B-UBND", day="4", month="10", heading="THÔNG BÁO")
    assert parse_text(text).symbol == "7B-UBND"


def test_a_scan_day_read_as_a_digit_and_a_letter_keeps_the_place():
    """'Hà Nội, ngày 2E thang 9 nam 2017' (vpcp-447-tb-scan): the day is lost, not the
    place, the month and the year."""
    text = SCAN.format(number="1508", symbol="QĐ-UBND", day="2E", month="9", heading="QUYẾT ĐỊNH")
    doc = parse_text(text, scanned=True)
    assert doc.place == "Vĩnh Long"
    assert (doc.date, doc.date_month, doc.date_year) == (None, 9, 2024)


def test_a_province_one_letter_off_in_a_scan_title_is_put_right():
    """'… VỚI TỈNH HÀ LĨNH' (vpcp-447-tb-scan): after 'TỈNH' or 'THÀNH PHỐ' in a scan's
    title, a name one letter off exactly one province is that province; a right name, or
    one near none, is left alone; a text is read as written."""
    text = SCAN.format(number="1508", symbol="QĐ-UBND", day="4", month="10", heading="QUYẾT ĐỊNH")
    title = "VỀ VIỆC TẶNG BẰNG KHEN CHO CÁC TẬP THỂ"
    wrong = "VỀ VIỆC TẶNG BẰNG KHEN CHO CÁC TẬP THỂ TỈNH BẠC LIÊN VÀ TỈNH VĨNH LONG"
    doc = parse_text(text.replace(title, wrong), scanned=True)
    assert doc.subject == "VỀ VIỆC TẶNG BẰNG KHEN CHO CÁC TẬP THỂ TỈNH BẠC LIÊU VÀ TỈNH VĨNH LONG"
    assert parse_text(text.replace(title, wrong)).subject == wrong
    far = "VỀ VIỆC TẶNG BẰNG KHEN CHO CÁC TẬP THỂ TỈNH ĐOÀN"
    assert parse_text(text.replace(title, far), scanned=True).subject == far


# ---- sixth round: rules from the fifth held-out set's misses (training data now) ----


def test_a_joint_circular_heading_is_its_own_type():
    """'THÔNG TƯ LIÊN TỊCH' (vpcp-bnv-02-ttlt) is a joint circular, not a circular whose
    trích yếu opens with 'LIÊN TỊCH', on one line or two; with no heading read, the
    symbol's 'TTLT' says it."""
    text = (
        "BỘ TƯ PHÁP - BỘ CÔNG THƯƠNG\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 14/2016/TTLT-BTP-BCT\nHà Nội, ngày 12 tháng 5 năm 2016\n"
        "THÔNG TƯ LIÊN TỊCH\nQUY ĐỊNH VỀ PHỔ BIẾN PHÁP LUẬT TRONG THƯƠNG MẠI\n"
        "Căn cứ Luật Thương mại;\n"
    )
    doc = parse_text(text)
    assert (doc.doc_type, doc.subject) == (
        "Thông tư liên tịch",
        "QUY ĐỊNH VỀ PHỔ BIẾN PHÁP LUẬT TRONG THƯƠNG MẠI",
    )
    doc = parse_text(text.replace("THÔNG TƯ LIÊN TỊCH\n", "THÔNG TƯ\nLIÊN TỊCH\n"))
    assert (doc.doc_type, doc.subject) == (
        "Thông tư liên tịch",
        "QUY ĐỊNH VỀ PHỔ BIẾN PHÁP LUẬT TRONG THƯƠNG MẠI",
    )
    headless = text.replace(
        "THÔNG TƯ LIÊN TỊCH\nQUY ĐỊNH VỀ PHỔ BIẾN PHÁP LUẬT TRONG THƯƠNG MẠI\n", ""
    )
    assert parse_text(headless).doc_type == "Thông tư liên tịch"
    # a circular stays one
    single = text.replace("TTLT-BTP-BCT", "TT-BTP").replace("THÔNG TƯ LIÊN TỊCH", "THÔNG TƯ")
    assert parse_text(single).doc_type == "Thông tư"


def test_a_circular_symbol_gives_the_type_when_the_heading_is_unreadable():
    """A PDF whose font map broke the heading ('TH#NG T$', bnv-01-tt-font): the type is
    the symbol's, 'TT' too, marked as read from the symbol."""
    text = (
        "BỘ XÂY DỰNG\nSố: 05/2019/TT-BXD\nHà Nội, ngày 26 tháng 12 năm 2019\n"
        "TH#NG T$\nH$%ng d&n x'c (nh chi ph)\n"
        "Căn cứ Luật Xây dựng;\n"
    )
    doc = parse_text(text)
    assert doc.doc_type == "Thông tư"
    assert (
        "doc_type" in uncertain(doc.confidence, ["doc_type"]) or doc.confidence["doc_type"] <= 0.75
    )


def test_a_chairs_issuer_whose_province_line_was_lost_is_completed_from_the_place():
    """'CHỦ TỊCH ỦY BAN / NHÂN DÂN |' (gialai-44-qd-ctubnd, a QĐ-CTUBND): the chair's
    committee is completed as a bare committee is, from the place line, title kept, marked."""
    text = (
        "CHỦ TỊCH ỦY BAN\nNHÂN DÂN |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\n"
        "Số: 19/2025/QĐ-CTUBND |\nBình Phước, ngày 3 tháng 6 năm 2025 |\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    doc = parse_text(text)
    assert doc.issuer == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC"
    assert "issuer" in uncertain(doc.confidence, ["issuer"])


def test_an_authority_line_naming_no_province_is_completed_from_the_place():
    """'ỦY BAN NHÂN DÂN |' then 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH' (gialai-36-qd): the
    authority line gives the level, not the name; the place line gives the name, marked.
    An authority line that names it is taken as before."""
    text = (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 1402/QĐ-UBND | Trà Vinh, ngày 14 tháng 8 năm 2023 |\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Thi đua, khen thưởng;\n"
    )
    doc = parse_text(text)
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH"
    assert "issuer" in uncertain(doc.confidence, ["issuer"])
    named = text.replace("DÂN TỈNH\n", "DÂN TỈNH TRÀ VINH\n")
    assert parse_text(named).issuer == "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH"


def test_a_symbol_cut_by_spaces_around_its_dash_is_read_whole():
    """'111 /CV - UBND' (giapho-111-cv) and '4144 /GDĐT – VP' (hcm-sgddt-4144-cv): the part
    in capitals after a spaced dash is the symbol's; a place after a dash is not."""
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\nSố:    58   /CV - UBND\n"
        "Tân Phú, ngày 2 tháng 3 năm 2019\nV/v treo cờ Tổ quốc\n"
    )
    assert parse_text(text).symbol == "CV-UBND"
    assert parse_text(text.replace("/CV - UBND", "/SYT – NVY")).symbol == "SYT-NVY"
    assert parse_text(text.replace("/CV - UBND", "/CV-UBND – Tân Phú")).symbol == "CV-UBND"


def test_a_symbol_whose_end_a_column_broke_to_a_later_line_is_read_whole():
    """'255 / BC-BCĐPCGD-', the place-and-date line, then 'XMC' alone (ngason-bcd-255-bc):
    the lone word in capitals a few lines down ends the symbol."""
    text = (
        "UBND HUYỆN KIM ĐỘNG\nBAN CHỈ ĐẠO PCTT, TKCN\nSố: 41 / BC-BCĐPCTT-\n\n"
        "Kim Động, ngày 9 tháng 10 năm 2022\n\nTKCN\n\nBÁO CÁO\n"
        "KẾT QUẢ CÔNG TÁC PHÒNG CHỐNG THIÊN TAI NĂM 2022\nThực hiện chỉ đạo của tỉnh;\n"
    )
    doc = parse_text(text)
    assert doc.symbol == "BC-BCĐPCTT-TKCN"
    assert doc.doc_type == "Báo cáo"


def test_header_columns_on_the_same_line_are_parted_at_runs_of_spaces():
    """'Số : 4144 /GDĐT – VP          Thành phố Hồ Chí Minh, ngày …' (hcm-sgddt-4144-cv): two
    columns on one line, parted by a run of spaces, are read as two lines; a letter's
    trích yếu opening with 'Về' under its number is read without 'V/v'. A body line with
    wide spacing is left whole."""
    text = (
        "UBND TỈNH CAO BẰNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ Y TẾ                       Độc lập - Tự do - Hạnh phúc\n"
        "Số: 1207 /SYT-NVY                 Cao Bằng, ngày 7 tháng 6 năm 2021\n"
        "Về tăng cường phòng chống dịch bệnh\n"
        "Kính gửi: Các đơn vị y tế trực thuộc.\n"
        "Sở Y tế đề nghị các đơn vị      thực hiện ngay các việc sau.\n"
    )
    doc = parse_text(text)
    assert (doc.issuer, doc.issuer_parent) == ("SỞ Y TẾ", "UBND TỈNH CAO BẰNG")
    assert (doc.place, doc.date) == ("Cao Bằng", datetime.date(2021, 6, 7))
    assert (doc.doc_type, doc.subject) == ("Công văn", "Về tăng cường phòng chống dịch bệnh")
    assert "Sở Y tế đề nghị các đơn vị thực hiện ngay các việc sau." in doc.text


def test_a_scan_issuer_is_spelled_right_where_the_reading_is_sure():
    """'HỘ NỘI VỤ' under 422/HĐ-BNV (bnv-422-hd-scan) and 'ỦY BẠN NHÂN ĐÀN TỈNH GIÁ TÀI'
    (gialai-44-qd-ctubnd-scan): a head word one letter off that makes the symbol's body,
    a body's words with wrong marks, a province one letter off after TỈNH; all marked.
    A text, or a scan read right, is left as read."""
    scan = (
        "HỘ TƯ PHÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 316/HD-BTP Hà Nội, ngày 8 tháng 4 năm 2015\nHƯỚNG DẪN\n"
        "CÔNG TÁC THI ĐUA KHEN THƯỞNG NĂM 2015\nCăn cứ Luật Thi đua, khen thưởng;\n"
    )
    doc = parse_text(scan, scanned=True)
    assert doc.issuer == "BỘ TƯ PHÁP"
    assert "issuer" in uncertain(doc.confidence, ["issuer"])
    assert parse_text(scan).issuer == "HỘ TƯ PHÁP"
    committee = (
        "ỦY BẠN NHÂN ĐẦN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH HÀ NĂM Độc lập - Tự do - Hạnh phúc\n"
        "Số: 905/QĐ-UBND Phủ Lý, ngày 2 tháng 6 năm 2020\nQUYẾT ĐỊNH\n"
        "VỀ VIỆC TẶNG BẰNG KHEN\nCăn cứ Luật Thi đua, khen thưởng;\n"
    )
    doc = parse_text(committee, scanned=True)
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH HÀ NAM"
    assert "issuer" in uncertain(doc.confidence, ["issuer"])
    right = committee.replace("ỦY BẠN NHÂN ĐẦN", "ỦY BAN NHÂN DÂN").replace("HÀ NĂM", "HÀ NAM")
    doc = parse_text(right, scanned=True)
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH HÀ NAM"
    assert "issuer" not in uncertain(doc.confidence, ["issuer"])


def test_an_ocr_layer_without_marks_on_one_line_gives_the_council_and_its_place():
    """A real scan's text layer (longbien-hdtdkt-kh-ocr): marks lost, 'Đ' read as 'P', the
    council's name garbled ('THl/ONG'), the number and the day filled in by hand ('^'),
    the whole page on one line. The header is cut back into its lines; the council is
    its known name (marked) under its district's committee; the place and year are kept,
    the handwritten day and number are not read."""
    text = (
        "CONG HOA XA HOI CHU NGHIA VIET NAM Poc lap - Tu do - Hanh phuc UBND HUYEN THUONG "
        "TIN HOI DONG THI DUA-KHEN THUONG Thuong Tin, ngay ^ 4 thang^-nam 2019 So: ^1 "
        "/HD-HDTDKT HUONG DAN Xet khen thuong tong ket nam 2019 Can cu Luat Thi dua, Khen "
        "thuong nam 2003 va cac van ban huong dan, Hoi dong huong dan nhu sau.\n"
    )
    doc = parse_text(text)
    assert (doc.issuer, doc.issuer_parent) == (
        "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        "UBND HUYEN THUONG TIN",
    )
    assert "issuer" in uncertain(doc.confidence, ["issuer"])
    assert (doc.place, doc.date, doc.date_year, doc.number) == ("Thuong Tin", None, 2019, None)
    assert doc.symbol == "HD-HDTDKT"
    # a council named in a sentence, with its marks, is left as written
    plain = "Hội đồng Thi đua - Khen thưởng huyện họp ngày 4/3/2019."
    assert plain in parse_text(plain).text


def test_a_scan_date_with_a_dot_before_nam_and_a_misread_year_is_read_and_marked():
    """'ngày 20 thang LT.nam 3025' (gialai-44-qd-ctubnd-scan): a month read as letters with a
    speck before 'năm', a year whose first digit was misread: the date is read, marked. A
    year of the last century is left as read."""
    scan = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH TÂY NINH Độc lập - Tự do - Hạnh phúc\n"
        "Số: 615/QĐ-UBND Tây Ninh, ngày 15 thang LT.nam 3024\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC TẶNG BẰNG KHEN\nCăn cứ Luật Thi đua, khen thưởng;\n"
    )
    doc = parse_text(scan, scanned=True)
    assert (doc.place, doc.date) == ("Tây Ninh", datetime.date(2024, 11, 15))
    assert "date" in uncertain(doc.confidence, ["date"])
    old = scan.replace("LT.nam 3024", "11 nam 1998")
    assert parse_text(old, scanned=True).date == datetime.date(1998, 11, 15)


def test_a_text_layer_that_lost_its_marked_letters_gets_its_header_words_back():
    """'UBND TNH PH TH / S VN HO TH THAO V DU LCH / S: 02 /HD-SVHTTDL Ph Th, ngay 12 thang
    01 nm 2017 / HNG DN' (phutho-svhttdl-02-hd, a PDF whose font map lost every letter with
    a mark): the header's fixed words are put back from their unmarked letters (the
    national name, a committee, a province, a department and its field, the type heading,
    'Số:', the date's words), the guessed fields marked. Text with its marks is left as it
    is, and so is a lone 'S:' in it."""
    text = (
        "UBND TNH BC NINH CNG HOA X HI CH NGHA VIT NAM\n"
        "S TI CHNH c lp - T do - Hnh phc\n"
        "S: 15 /HD-STC Bc Ninh, ngy 03 thng 4 nm 2019\n"
        "HNG DN\nQuyt ton kinh ph nm 2018\n"
        "Thc hin Lut Ngn sch nh nc, S Ti chnh hng dn nh sau:\n"
    )
    doc = parse_text(text)
    assert (doc.issuer, doc.issuer_parent) == ("SỞ TÀI CHÍNH", "UBND TỈNH BẮC NINH")
    assert (doc.doc_type, doc.number, doc.symbol) == ("Hướng dẫn", "15", "HD-STC")
    assert (doc.place, doc.date) == ("Bắc Ninh", datetime.date(2019, 4, 3))
    assert {"issuer", "place"} <= set(uncertain(doc.confidence, ["issuer", "place"]))
    marked = "Ghi chú S: xem phụ lục, do Sở Tài chính lập."
    assert parse_text(marked).text == marked


def test_a_page_with_no_header_takes_its_issuer_from_the_authority_line():
    """A print view that kept only the title (ttg-cstdtq-print): the authority line under
    it names the issuer, the ministry for a minister's title, the committee for a chair's;
    marked. A page with a header keeps the header's issuer."""
    text = (
        "QUYẾT ĐỊNH\nVề việc tặng Bằng khen cho các tập thể\n_______\n"
        "BỘ TRƯỞNG BỘ XÂY DỰNG\nCăn cứ Luật Thi đua, khen thưởng;\n"
    )
    doc = parse_text(text)
    assert doc.issuer == "BỘ XÂY DỰNG"
    assert "issuer" in uncertain(doc.confidence, ["issuer"])
    chair = text.replace("BỘ TRƯỞNG BỘ XÂY DỰNG", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TRÀ VINH")
    assert parse_text(chair).issuer == "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH"
    headed = "BỘ TƯ PHÁP\nSố: 88/QĐ-BTP\nHà Nội, ngày 2 tháng 3 năm 2020\n" + text
    assert parse_text(headed).issuer == "BỘ TƯ PHÁP"


def test_a_flattened_header_keeps_a_symbol_with_its_year_whole():
    """'Số: 52/2018/QĐ-UBND | CỘNG HOÀ …' on the header's one line (langson-52-qd): the
    symbol keeps its year and its type and body."""
    text = (
        "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG ------------- Số: 17/2021/QĐ-UBND | CỘNG HOÀ XÃ HỘI "
        "CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ----------------------- Cao Bằng, "
        "ngày 12 tháng 8 năm 2021 |\nQUYẾT ĐỊNH\nBan hành quy định về quản lý chợ\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    doc = parse_text(text)
    assert (doc.number, doc.symbol) == ("17", "2021/QĐ-UBND")
    assert (doc.place, doc.date) == ("Cao Bằng", datetime.date(2021, 8, 12))


def test_a_symbol_ending_in_a_dash_takes_the_capitals_after_the_space():
    """'Số: 462/QĐ- UB' (laocai-462-qd-ub): the part in capitals after the space ends the
    symbol; a place after it does not."""
    text = "UỶ BAN NHÂN DÂN\nTỈNH TÂY NINH\nSố: 318/QĐ- UB\nTây Ninh, ngày 5 tháng 7 năm 1996\n"
    assert parse_text(text).symbol == "QĐ-UB"
    assert parse_text(text.replace("- UB", "- Tây Ninh")).symbol != "QĐ-Tây"


def test_a_scan_title_stops_at_a_broken_authority_line_and_the_national_name():
    """A scan of a page whose header was drawn again under the title (lamdong-07-ct-scan):
    'ỦY, BẠN NHÂN DẦN' / 'TỈNH …' is the authority line broken in two (a speck after the
    first word), and the national name is no part of a title; a symbol's body with a
    speck inside ('C1-U.BND') is read as the body, its type from the heading, marked."""
    scan = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH HÀ NAM Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 05/C1-U.BND Hà Nam, ngày 14 tháng 3 năm 2022\n\n"
        "CHỈ THỊ\nVỀ VIỆC TĂNG CƯỜNG CÔNG TÁC PHÒNG CHÁY\nCHỮA CHÁY TRÊN ĐỊA BÀN TỈNH\n\n"
        "ỦY, BAN NHÂN DÂN\nTỈNH HÀ NAM\n"
        "Thời gian qua, công tác phòng cháy đã có chuyển biến.\n"
    )
    doc = parse_text(scan, scanned=True)
    assert doc.subject == "VỀ VIỆC TĂNG CƯỜNG CÔNG TÁC PHÒNG CHÁY CHỮA CHÁY TRÊN ĐỊA BÀN TỈNH"
    assert doc.symbol == "CT-UBND"
    assert "symbol" in uncertain(doc.confidence, ["symbol"])
    national = scan.replace(
        "ỦY, BAN NHÂN DÂN\nTỈNH HÀ NAM\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    )
    assert parse_text(national, scanned=True).subject == doc.subject


def test_a_scan_title_keeps_right_words_near_a_known_pair():
    """A title word that is a Vietnamese syllable is not turned into another one because
    a known pair is a letter away ('HƯỚNG ĐẾN' became 'HƯỚNG DẪN', 'ĐỐI VỚI' 'ĐỔI MỚI',
    'HỘI ĐỒNG' 'HỘI CÔNG' on pages of round eight's study): only letters tesseract takes
    for each other on a degraded page (T, L, F, I) are put right in such a word, and
    any slip in a word that is no syllable ('THỤU', 'NUỚỨC')."""
    title = "PHÁT TRIỂN CÂY TRỒNG ĐỐI VỚI HỘI ĐỒNG XÃ ĐỊNH HƯỚNG ĐẾN NĂM 2035"
    doc = parse_text(
        SCAN.replace("VỀ VIỆC TẶNG BẰNG KHEN CHO CÁC TẬP THỂ", title).format(
            number="215", symbol="QĐ-UBND", day="9", month="6", heading="QUYẾT ĐỊNH"
        ),
        scanned=True,
    )
    assert fold(doc.subject) == fold(title)
    slips = "THỤU HIỆN KẾ HOẠCH QUẢN TÝ NHÀ NUỚỨC"
    doc = parse_text(
        SCAN.replace("VỀ VIỆC TẶNG BẰNG KHEN CHO CÁC TẬP THỂ", slips).format(
            number="215", symbol="QĐ-UBND", day="9", month="6", heading="QUYẾT ĐỊNH"
        ),
        scanned=True,
    )
    assert fold(doc.subject) == fold("THỰC HIỆN KẾ HOẠCH QUẢN LÝ NHÀ NƯỚC")


def test_a_scan_number_and_date_line_with_tesseract_slips_is_read_and_marked():
    """'Sẻ: 1167/…', '®Sö: 68/…', 'Hà Nội; ngày …', 'tháng, 3', 'tháng. 3 ram 2020',
    'L2-mäm', 'ngày F9' (pages of seen texts read for round eight's study): the number
    line's 'Số' with any mark or speck, a semicolon read for the comma before the date,
    a comma after 'tháng', 'năm' read with an r or m and a dash, F read for 1."""
    line = "Số: 418/QĐ-UBND Bạc Liêu, ngày 14 tháng 9 năm 2023"
    base = SCAN.replace(
        "Số: {number}/{symbol} Vĩnh Long, ngày {day} thang {month} năm 2024", "{line}"
    ).replace("TỈNH VĨNH LONG", "TỈNH BẠC LIÊU")
    cases = {
        "Sẻ: 418/QĐ-UBND Bạc Liêu, ngày 14 thang 9 năm 2023": "2023-09-14",
        "®Sö: 418/QĐ-UBND Bạc Liêu; ngày 14 tháng 9 năm 2023": "2023-09-14",
        "Số: 418/QĐ-UBND Bạc Liêu, ngày 14 tháng, 9 năm 2023": "2023-09-14",
        "Số: 418/QĐ-UBND Bạc Liêu, ngày 14 tháng. 9 ram 2023": "2023-09-14",
        "Số: 418/QĐ-UBND Bạc Liêu, ngày F4 tháng L1-mäm 2023": "2023-11-14",
    }
    for read, date in cases.items():
        doc = parse_text(base.format(line=read, heading="QUYẾT ĐỊNH"), scanned=True)
        assert (doc.number, doc.symbol, doc.place) == ("418", "QĐ-UBND", "Bạc Liêu"), read
        assert str(doc.date) == date, read
    clean = parse_text(base.format(line=line, heading="QUYẾT ĐỊNH"), scanned=True)
    assert str(clean.date) == "2023-09-14"
    assert "date" not in uncertain(clean.confidence, ["date"])
    slipped = parse_text(base.format(line=list(cases)[-1], heading="QUYẾT ĐỊNH"), scanned=True)
    assert "date" in uncertain(slipped.confidence, ["date"])


def test_a_scan_symbol_takes_its_type_from_the_heading_and_a_body_one_letter_over():
    """'NG-HĐDND' under NGHỊ QUYẾT, '2014/Q190-LUBND' and 'Q20-UBND' under QUYẾT ĐỊNH:
    the body one letter over a known one (HĐND, UBND) is that body, the type part one
    letter off the heading's code, or its first letter and digits (Đ read as '10', '20'),
    is that code; marked. A symbol whose type differs from the heading ('CT-UBND' under
    QUYẾT ĐỊNH) is left as read."""

    def read(symbol, heading):
        text = SCAN.format(number="27", symbol=symbol, day="3", month="8", heading=heading)
        return parse_text(
            text.replace("VĨNH LONG", "PHÚ THỌ").replace("Vĩnh Long", "Phú Thọ"), scanned=True
        )

    for symbol, heading, right in [
        ("NG-HĐDND", "NGHỊ QUYẾT", "NQ-HĐND"),
        ("2019/Q190-LUBND", "QUYẾT ĐỊNH", "2019/QĐ-UBND"),
        ("Q20-UBND", "QUYẾT ĐỊNH", "QĐ-UBND"),
        ("KH-UBNDD", "KẾ HOẠCH", "KH-UBND"),
    ]:
        doc = read(symbol, heading)
        assert doc.symbol == right, symbol
        assert "symbol" in uncertain(doc.confidence, ["symbol"])
    assert read("CT-UBND", "QUYẾT ĐỊNH").symbol == "CT-UBND"


def test_a_scan_place_a_few_letters_off_the_issuers_place_is_that_place():
    """'Gai Phố' under ỦY BAN NHÂN DÂN XÃ GIA PHỐ, '[hanh phố Hỗ Chỉ Minh' under a Sở of
    THÀNH PHỐ HỒ CHÍ MINH: a scan's place two letters from the place the issuer names is
    that place, marked; a place that is no such near miss is left as read."""
    text = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "XÃ TÂN PHƯỚC Độc lập - Tự do - Hạnh phúc\n"
        "Số: 35/KH-UBND {place}, ngày 8 tháng 4 năm 2022\n"
        "KẾ HOẠCH\nTỔ CHỨC NGÀY HỘI ĐẠI ĐOÀN KẾT TOÀN DÂN TỘC\n"
        "Thực hiện Kế hoạch của Ủy ban nhân dân huyện;\n"
    )
    for read in ("Tâm Phước", "[ân Phước", "Tâu Phưóc", "Ta Phước", "Tân Phưởcc"):
        doc = parse_text(text.format(place=read), scanned=True)
        assert fold(doc.place) == "tan phuoc", read
        assert "place" in uncertain(doc.confidence, ["place"])
    assert parse_text(text.format(place="Long An"), scanned=True).place == "Long An"


def test_a_scan_letters_trich_yeu_with_its_v_v_misread_is_the_subject():
    """'V4 thực hiện …', 'VÁ Về …', 'Vlv …', 'V/ …' under a letter's number (pages of
    seen letters read for round eight's study): the letter's 'V/v', so the trích yếu is
    the subject and the letter a Công văn; 'VÀ ĐÀO TẠO', the second line of a Sở's name,
    is left as it is."""
    text = (
        "UBND TỈNH HÀ NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ GIÁO DỤC Độc lập - Tự do - Hạnh phúc\nVÀ ĐÀO TẠO\n\n"
        "Số: 640/SGDĐT-VP Hà Nam, ngày 12 tháng 5 năm 2023\n"
        "{vv} tổ chức ngày hội đọc sách năm 2023\n\n"
        "Kính gửi: Các trường trung học phổ thông.\n"
    )
    for vv in ("V4", "VÁ", "Vlv", "V/", "V/v"):
        doc = parse_text(text.format(vv=vv), scanned=True)
        assert doc.doc_type == "Công văn", vv
        assert doc.subject == "tổ chức ngày hội đọc sách năm 2023", vv
        assert doc.issuer == "SỞ GIÁO DỤC VÀ ĐÀO TẠO", vv


def test_a_scan_title_word_starting_with_f_is_read_with_a_t():
    """'FRÁCH NHIỆM', ''FAI BUỔI' (lamdong-07-ct, vpcp-447-tb scans): no Vietnamese word
    starts with F, and tesseract reads a T so; a text's title is as written."""
    title = "NÂNG CAO FRÁCH NHIỆM 'FẠI CÁC XÃ FHUỘC HUYỆN"
    text = SCAN.replace("VỀ VIỆC TẶNG BẰNG KHEN CHO CÁC TẬP THỂ", title).format(
        number="88", symbol="KH-UBND", day="2", month="3", heading="KẾ HOẠCH"
    )
    assert normalise(parse_text(text, scanned=True).subject) == normalise(
        "NÂNG CAO TRÁCH NHIỆM 'TẠI CÁC XÃ THUỘC HUYỆN"
    )
    assert parse_text(text).subject == title


# -- ninth round: a low resolution scan's header read again and compared (decision 0032) --

SCAN_HEADER = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BẠC LIÊU Độc lập - Tự do - Hạnh phúc
Số: {number}/KH-UBND Bạc Liêu, ngày 14 tháng 3 năm {year}
KẾ HOẠCH
TỔ CHỨC PHONG TRÀO THI ĐUA NĂM 2019
"""


def scan(number="418", year="2019"):
    return SCAN_HEADER.format(number=number, year=year)


def test_a_digit_two_further_readings_agree_on_replaces_the_pages_and_is_marked():
    """'410' for 418 on the page, 418 in both enlarged readings: the reader takes 418 and
    marks it for checking (the page's own reading said otherwise)."""
    page = scan("410") + "Căn cứ Luật Thi đua, khen thưởng năm 2022;\n"
    parsed = parse_text(page, scanned=True, header_readings=[scan(), scan()])
    assert parsed.number == "418"
    assert "number" in uncertain(parsed.confidence, HEADER_FIELDS)
    assert parse_text(page, scanned=True).number == "410"  # as before without them


def test_a_value_a_further_reading_confirms_is_not_marked_for_it():
    page = scan() + "Căn cứ Luật Thi đua, khen thưởng năm 2022;\n"
    alone = parse_text(page, scanned=True)
    voted = parse_text(page, scanned=True, header_readings=[scan(), scan("4l8")])
    assert (voted.number, voted.symbol, voted.date) == (
        "418",
        "KH-UBND",
        datetime.date(2019, 3, 14),
    )
    for name in ("number", "symbol", "date", "doc_type"):
        assert voted.confidence[name] == alone.confidence[name]


def test_readings_that_disagree_mark_the_field_and_keep_the_pages_value():
    """The page reads 418, an enlarged reading 416, the other nothing: neither can be
    trusted over the other, so the page's value is kept and marked 'Cần kiểm tra'."""
    page = scan() + "Căn cứ Luật Thi đua, khen thưởng năm 2022;\n"
    parsed = parse_text(page, scanned=True, header_readings=[scan("416"), "TỈNH BẠC LIÊU\n"])
    assert parsed.number == "418"
    assert "number" in uncertain(parsed.confidence, HEADER_FIELDS)
    assert "number" not in uncertain(parse_text(page, scanned=True).confidence, HEADER_FIELDS)


def test_a_date_after_today_is_no_date_and_a_reading_of_a_real_one_replaces_it():
    """'năm 2300' (a 0 read as 3 and a 0 lost) is no date of a document; one further
    reading of the right shape replaces it, marked; with none, it is kept and marked."""
    page = scan(year="2300") + "Căn cứ Luật Thi đua, khen thưởng năm 2022;\n"
    parsed = parse_text(page, scanned=True, header_readings=[scan(year="2006"), "BẠC LIÊU\n"])
    assert parsed.date == datetime.date(2006, 3, 14)
    assert "date" in uncertain(parsed.confidence, HEADER_FIELDS)
    kept = parse_text(page, scanned=True, header_readings=["TỈNH BẠC LIÊU\n", "BẠC LIÊU\n"])
    assert kept.date == datetime.date(2300, 3, 14)
    assert "date" in uncertain(kept.confidence, HEADER_FIELDS)


def test_a_date_out_of_the_symbols_year_is_not_taken_from_a_reading():
    page = scan().replace("418/KH", "418/2019/QĐ").replace("KẾ HOẠCH", "QUYẾT ĐỊNH")
    parsed = parse_text(
        page, scanned=True, header_readings=[page.replace("năm 2019", "năm 2018")] * 2
    )
    assert parsed.date == datetime.date(2019, 3, 14)


def test_a_field_read_but_of_no_vietnamese_word_is_marked_not_taken_as_sure():
    """'Ngasơn' for Nga Sơn (a 300 dpi page of the ninth set, decision 0032): a place read,
    none of whose words is a Vietnamese syllable, scored 0, and 0 means "not found", so
    the review page marked it neither "Không tìm thấy" (it has a value) nor "Cần kiểm
    tra". A field read is never scored 0, and whatever is read under the line is marked."""
    text = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "HUYỆN KHÁNH TRÌ Độc lập - Tự do - Hạnh phúc\n"
        "Số: 214/KH-UBND Khxnhtrrì, ngày 9 tháng 3 năm 2024\n"
        "KẾ HOẠCH\nPhát động phong trào thi đua năm 2024\n"
    )
    doc = parse_text(text, scanned=True)
    assert doc.place == "Khxnhtrrì"
    assert doc.confidence["place"] > 0
    assert "place" in uncertain(doc.confidence, ["place"])


# -- tenth round: rules written on the tenth set's text readings (decision 0042), its
# -- scans not looked at. Constructed headers, other bodies, places and numbers. --------


def test_the_old_national_name_is_no_part_of_the_issuer_and_a_dash_number_is_read():
    """A ministry's decision of the 1960s: the state's name then, 'VIỆT NAM DÂN CHỦ CỘNG
    HOÀ', beside the issuer in a pipe row, and a number with a dash and no slash ('Số:
    215-TP'): the issuer is the ministry, the number 215, the symbol TP, and the place and
    date beside the number are read."""
    text = (
        "BỘ TƯ PHÁP | VIỆT NAM DÂN CHỦ CỘNG HOÀ |\n"
        "Số: 215-TP | Hải Phòng, ngày 04 tháng 05 năm 1962 |\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC THÀNH LẬP PHÒNG CÔNG CHỨNG\nBỘ TRƯỞNG BỘ TƯ PHÁP\n"
        "Căn cứ Nghị định số 12-CP ngày 3-2-1960 của Hội đồng Chính phủ;\n"
    )
    doc = parse_text(text)
    assert (doc.issuer, doc.issuer_parent) == ("BỘ TƯ PHÁP", None)
    assert (doc.number, doc.symbol) == ("215", "TP")
    assert (doc.place, doc.date) == ("Hải Phòng", datetime.date(1962, 5, 4))
    assert (doc.doc_type, doc.subject) == ("Quyết định", "VỀ VIỆC THÀNH LẬP PHÒNG CÔNG CHỨNG")
    # a number with a slash keeps being read first; a dash number in the body is not one
    slashed = text.replace("Số: 215-TP", "Số: 215/TP")
    assert (parse_text(slashed).number, parse_text(slashed).symbol) == ("215", "TP")
    # the Prime Minister's old symbol keeps its small g
    ttg = text.replace("BỘ TƯ PHÁP |", "THỦ TƯỚNG CHÍNH PHỦ |").replace("215-TP", "252-TTg")
    assert (parse_text(ttg).number, parse_text(ttg).symbol) == ("252", "TTg")
    body_only = "BỘ TƯ PHÁP\nQUYẾT ĐỊNH\nVỀ VIỆC THÀNH LẬP\nCăn cứ Nghị định số 12-CP;\n"
    assert parse_text(body_only).number is None


def test_a_place_that_is_a_numbered_district_or_ward_is_read():
    """'Quận 5, ngày …', 'Phường 3, ngày …' (a unit under a city's district, 'Số: 45 /TV'
    with no type part): the place is the numbered district; a sentence's digits before
    'ngày' are still no place."""
    text = (
        "ỦY BAN NHÂN DÂN QUẬN 5\n\nTHƯ VIỆN QUẬN\n\n__________\n\nSố:  45 /TV\n\n"
        "Về tổ chức ngày hội đọc sách.\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Độc lập – Tự do – Hạnh phúc\n\n____\n\n{place}, ngày  12   tháng 4  năm 2016\n\n"
        "Kính gửi:   – Các trường học trên địa bàn.\n\nThư viện quận đề nghị các trường.\n"
    )
    for place in ("Quận 5", "Phường 3"):
        doc = parse_text(text.format(place=place))
        assert (doc.place, doc.date) == (place, datetime.date(2016, 4, 12))
        assert (doc.number, doc.symbol) == ("45", "TV")
        assert (doc.doc_type, doc.subject) == ("Công văn", "Về tổ chức ngày hội đọc sách.")
    sentence = "Báo cáo số 12 gửi 3 đơn vị, ngày 5 tháng 4 năm 2016 đã nêu rõ.\n"
    assert parse_text(sentence).place is None


def test_a_flattened_header_with_its_dashes_and_a_space_lost_is_cut_into_its_lines():
    """A document site's text layer: the whole header on one line, the motto's dashes lost
    ("Độc lập  Tự do  Hạnh phúc"), "XÃ HỘI" read "XàHỘI", the symbol's dash lost, the
    heading, the title and the authority line run into the first "Căn cứ": the issuer, the
    type and the trích yếu are read, the authority line is no part of the title."""
    text = (
        "Nội dung Text: Quyết định số 12/2021/QĐ-UBND tỉnh Sóc Trăng\n\n"
        "  1. ỦY BAN NHÂN DÂN CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM TỈNH SÓC TRĂNG Độc lập  "
        "Tự do  Hạnh phúc    Số: 12/2021/QĐUBND Sóc Trăng, ngày 9 tháng 6 năm 2021   "
        "QUYẾT ĐỊNH QUY ĐỊNH MỨC THU PHÍ THAM QUAN DI TÍCH TRÊN ĐỊA BÀN TỈNH SÓC TRĂNG "
        "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 "
        "tháng 6 năm 2015; Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;\n"
    )
    doc = parse_text(text)
    assert (doc.issuer, doc.issuer_parent) == ("ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG", None)
    assert (doc.number, normalise(doc.symbol)) == ("12", normalise("2021/QĐ-UBND"))
    assert (doc.place, doc.date) == ("Sóc Trăng", datetime.date(2021, 6, 9))
    assert doc.doc_type == "Quyết định"
    assert doc.subject == "QUY ĐỊNH MỨC THU PHÍ THAM QUAN DI TÍCH TRÊN ĐỊA BÀN TỈNH SÓC TRĂNG"


def test_a_decision_with_no_heading_is_not_typed_by_the_plan_it_issues():
    """A site's copy of a decision that dropped its 'QUYẾT ĐỊNH' heading (a table of the
    document's properties in pipe rows above it, the header's cells broken inside words)
    and issues a plan in its annex ('KẾ HOẠCH' further down, after the articles): the type
    comes from the symbol, the trích yếu is the title in capitals under the header, and a
    heading after the body has begun is the annex's, not the document's."""
    text = (
        "Quyết định 733/QĐ-BTC năm 2024 về Kế hoạch chuyển đổi số do Bộ Tài chính ban hành\n"
        "Số hiệu | 733/QĐ-BTC |\nLoại văn bản | Quyết định |\nCơ quan ban hành | Bộ Tài chính |\n"
        "BỘ TÀI\nCHÍNH |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\nSố: 733/QĐ-BTC |\n"
        "Hà Nội, ngày 2 tháng 4 năm 2024 |\n"
        "BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ NGÀNH TÀI CHÍNH NĂM 2024\nBỘ TRƯỞNG BỘ TÀI CHÍNH\n"
        "Căn cứ Nghị định số 14/2023/NĐ-CP ngày 20 tháng 4 năm 2023 của Chính phủ;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n|\nKT. BỘ TRƯỞNG |\n"
        "KẾ HOẠCH\nCHUYỂN ĐỔI SỐ NGÀNH TÀI CHÍNH NĂM 2024\n"
        "(Kèm theo Quyết định số 733/QĐ-BTC ngày 2 tháng 4 năm 2024)\n"
    )
    doc = parse_text(text)
    assert (doc.number, doc.symbol) == ("733", "QĐ-BTC")
    assert doc.doc_type == "Quyết định"
    assert doc.subject == "BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ NGÀNH TÀI CHÍNH NĂM 2024"


def test_a_signature_beside_the_first_recipient_and_a_name_with_a_stray_mark():
    """A pipe row of the close put the authority beside the first recipient ('- Như Điều
    3; | TM. ỦY BAN NHÂN DÂN |'); a table's cell left a ';' after the signer's name, and a
    clerk's file path was run into the last recipient: the authority, title and name are
    read, and the recipients are the list's."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\nSố: 310/UBND-KT\nĐồng Xoài, ngày 3 tháng 5 năm 2012\n"
        "V/v báo cáo tình hình thực hiện\nKính gửi: Các sở, ngành.\n"
        "Đề nghị các sở, ngành báo cáo trước ngày 10/5/2012./.\n"
        "Nơi nhận:\n- Như trên; | {authority} |\n- Lưu: VT, KT.\n"
        "d:\\2012\\CV\\KT\\bao cao\n{title}\n\n\n{name}\n;\n"
    )
    doc = parse_text(text.format(authority="TM. ỦY BAN NHÂN DÂN", title="CHỦ TỊCH", name=""))
    assert doc.signing_authority == "TM. ỦY BAN NHÂN DÂN"
    assert doc.distribution[0] == "Như trên"
    # a site that cut the starts of lines lost "Nơi nhận:": the row still opens the close
    cut = text.replace("Nơi nhận:\n", "").format(
        authority="TM. ỦY BAN NHÂN DÂN", title="CHỦ TỊCH", name=""
    )
    assert parse_text(cut).signing_authority == "TM. ỦY BAN NHÂN DÂN"
    doc = parse_text(text.format(authority="KT. CHỦ TỊCH", title="PHÓ CHỦ TỊCH", name="Lê Văn An"))
    assert (doc.signing_authority, doc.signer_title) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert doc.signer_name == "Lê Văn An"
    assert doc.distribution == ["Như trên", "Lưu: VT, KT"]  # no file path


# -- thirteenth round: rules written on the eleventh and twelfth sets' text readings
# -- (decision 0050). Constructed headers, other bodies, places and numbers. -------------


def test_a_title_ending_in_a_place_stops_at_the_authority_line():
    """A title whose last word is a place's ('… TỈNH HÀ NAM', '… TỈNH SƠN LA') folds to a
    linking word ('năm', 'là'): the marks tell them apart, and the authority line under it
    ends the trích yếu; a title that does end in 'NĂM' goes on."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH {upper}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 31/QĐ-UBND\n{place}, ngày 02 tháng 3 năm 2015\n"
        "QUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ LÀM VIỆC CỦA SỞ TƯ PHÁP\nTỈNH {upper}\n"
        "{authority}\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    for place, upper in (("Hà Nam", "HÀ NAM"), ("Sơn La", "SƠN LA"), ("Đà Nẵng", "ĐÀ NẴNG")):
        for authority in (f"ỦY BAN NHÂN DÂN TỈNH {upper}", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"):
            doc = parse_text(text.format(place=place, upper=upper, authority=authority))
            assert doc.subject == f"BAN HÀNH QUY CHẾ LÀM VIỆC CỦA SỞ TƯ PHÁP TỈNH {upper}"
    year = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 31/KH-UBND\nHà Nam, ngày 02 tháng 3 năm 2015\n"
        "KẾ HOẠCH\nTHI ĐUA CHÀO MỪNG ĐẠI HỘI ĐẢNG BỘ TỈNH NĂM\n"
        "ỦY BAN NHÂN DÂN TỈNH 2015\nCăn cứ Luật Thi đua, khen thưởng;\n"
    )
    assert parse_text(year).subject.endswith("NĂM ỦY BAN NHÂN DÂN TỈNH 2015")


def test_a_title_line_opening_with_so_is_no_department():
    """'… ĐIỀU TRỊ MỘT / SỐ BỆNH …': a title line opening with 'SỐ' (a number word) is no
    authority line 'SỞ …' (a department): the trích yếu goes on."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 88/KH-UBND\nBắc Kạn, ngày 05 tháng 7 năm 2022\n"
        "KẾ HOẠCH\nTRIỂN KHAI MỘT\nSỐ NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TỈNH BẮC KẠN\n"
        "Căn cứ Nghị quyết số 76/NQ-CP;\n"
    )
    doc = parse_text(text)
    assert doc.subject == "TRIỂN KHAI MỘT SỐ NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TỈNH BẮC KẠN"
    department = text.replace("KẾ HOẠCH\n", "QUYẾT ĐỊNH\n").replace(
        "SỐ NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TỈNH BẮC KẠN", "SỞ NỘI VỤ TỈNH BẮC KẠN"
    )
    assert parse_text(department).subject == "TRIỂN KHAI MỘT"


def test_a_body_of_old_whose_number_has_a_dash_is_the_issuer_and_ends_the_title():
    """'HỘI ĐỒNG BỘ TRƯỞNG' over 'Số: 67-HĐBT' (a number with a dash, no slash): the body
    above the number is the issuer, and its name again under the title is the authority
    line, no part of the trích yếu."""
    text = (
        "HỘI ĐỒNG CHÍNH PHỦ\n********\nVIỆT NAM DÂN CHỦ CỘNG HÒA\n"
        "Độc lập - Tự do - Hạnh phúc\n********\nSố: 112-CP\n"
        "Hà Nội, ngày 21 tháng 6 năm 1971\nQUYẾT ĐỊNH\n"
        "VỀ VIỆC THÀNH LẬP THỊ XÃ HÒA BÌNH\nHỘI ĐỒNG CHÍNH PHỦ\n"
        "Căn cứ Luật Tổ chức Hội đồng Chính phủ;\n"
    )
    doc = parse_text(text)
    assert (doc.issuer, doc.number, doc.symbol) == ("HỘI ĐỒNG CHÍNH PHỦ", "112", "CP")
    assert doc.subject == "VỀ VIỆC THÀNH LẬP THỊ XÃ HÒA BÌNH"


def test_a_party_style_number_with_a_slash_after_the_type():
    """A mass organisation's or the Party's number: 'Số: 47 - KH/TĐTN-TTNTH' (spaced
    dash) or 'Số 112-KH/TU': the digits are the number, the rest the symbol, and the body
    above it is the issuer."""
    text = (
        "BAN CHẤP HÀNH ĐOÀN TỈNH NGHỆ AN\n***\n{number}\n"
        "Vinh, ngày 03 tháng 4 năm 2023\nKẾ HOẠCH\nTổ chức Tháng Thanh niên năm 2023\n"
        "Thực hiện chương trình công tác Đoàn năm 2023,\n"
    )
    for line, symbol in (
        ("Số: 47 - KH/TĐTN-TTNTH", "KH/TĐTN-TTNTH"),
        ("Số 112-KH/TU", "KH/TU"),
        ("Số: 112-KH/TU", "KH/TU"),
    ):
        doc = parse_text(text.format(number=line))
        assert (doc.number, doc.symbol) == ("47" if "47" in line else "112", symbol)
        assert doc.issuer == "BAN CHẤP HÀNH ĐOÀN TỈNH NGHỆ AN"
        assert (doc.doc_type, doc.subject) == ("Kế hoạch", "Tổ chức Tháng Thanh niên năm 2023")


def test_a_standing_committee_cut_over_two_lines_is_one_issuer():
    """'THƯỜNG TRỰC' over 'HĐND - UBND TỈNH X': the standing committee of the body on the
    next line, one issuer."""
    text = (
        "THƯỜNG TRỰC\nHĐND TỈNH YÊN BÁI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 12/TB-TTHĐND\nYên Bái, ngày 9 tháng 5 năm 2020\n"
        "THÔNG BÁO\nKẾT LUẬN PHIÊN HỌP THÁNG 5\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    doc = parse_text(text)
    assert (doc.issuer, doc.issuer_parent) == ("THƯỜNG TRỰC HĐND TỈNH YÊN BÁI", None)


def test_html_markup_left_in_a_sites_text_is_no_part_of_the_fields():
    """A document site's text with its HTML tags left in ('<b>', '<i>', '<span …>'), a
    symbol with '&' ('SGD&ĐT') and 'Kính gởi' (the southern spelling of 'Kính gửi') after
    the trích yếu: issuer, parent, symbol, place and trích yếu are read without them."""
    text = (
        "Tải bản đầy đủ (.docx) <span class='text_page_counter'>(1)</span>\n"
        "UBND TỈNH LONG AN<b> CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>\n"
        "<b>SỞ Y TẾ</b> <b> Độc lập - Tự do - Hạnh phúc</b>\n"
        "Số:512/SYT&KHCN <i>Tân An, ngày 14 tháng 3 năm 2011</i>\n"
        "V/v Triển khai tháng hành động vì an toàn thực phẩm Kính gởi: - Các bệnh viện;\n"
        "- Các trung tâm y tế huyện. Sở Y tế hướng dẫn như sau.\n"
    )
    doc = parse_text(text)
    assert (doc.issuer, doc.issuer_parent) == ("SỞ Y TẾ", "UBND TỈNH LONG AN")
    assert (doc.number, doc.symbol) == ("512", "SYT&KHCN")
    assert (doc.place, doc.date) == ("Tân An", datetime.date(2011, 3, 14))
    assert doc.subject == "Triển khai tháng hành động vì an toàn thực phẩm"
    assert "<" not in doc.text


def test_a_text_layer_that_left_a_space_for_each_lost_letter_gets_its_header_back():
    """A PDF whose font lost the letters of Unicode's Vietnamese block and left a space for
    each, one space left where a word ended with one ('C NG HOÀ XÃ H I CH NGHĨA VI T
    NAM', 'B TƯ PHÁP', 'S 15/QĐ-BTP', 'Đà N ng'),
    the page flattened to one line after a site's menu lines: the national name, the motto,
    a central body, 'Số', the place are put back, so the issuer, number, symbol, place, date
    and type (by the symbol) are read, marked for checking. A text with its marks, and one
    with a lone 'S 15/…' in it, is left as it is."""
    text = (
        "YOMEDIA\nADSENSE\nQuyết định số 15/2009/QĐ-BTP\n"
        "- B TƯ PHÁP C NG HOÀ XÃ H I CH NGHĨA VI T NAM Đ c l p – T do – H nh phúc "
        "S 15/QĐ-BTP Đà N ng, ngày 21 tháng 4 năm 2009 QUY T Đ NH V VI C BAN HÀNH "
        "QUY CH TH C HÀNH B TRƯ NG B TƯ PHÁP Căn c Ngh đ nh s 93/2008/NĐ-CP;\n"
    )
    doc = parse_text(text)
    assert normalise(doc.issuer) == normalise("BỘ TƯ PHÁP")
    assert (doc.number, doc.symbol) == ("15", "QĐ-BTP")
    assert (doc.place, doc.date) == ("Đà Nẵng", datetime.date(2009, 4, 21))
    assert doc.doc_type == "Quyết định"
    assert "issuer" in uncertain(doc.confidence, ["issuer"])
    # "UỶ" in the old tone placement lost its "Ỷ": "U BAN THƯ NG V  QU C H I"
    standing = text.replace("B TƯ PHÁP", "U BAN THƯ NG V QU C H I").replace("BTP", "UBTVQH")
    assert normalise(parse_text(standing).issuer) == normalise("ỦY BAN THƯỜNG VỤ QUỐC HỘI")
    marked = "Ghi chú S 15/QĐ-BTP: xem phụ lục, do Bộ Tư pháp lập."
    assert parse_text(marked).text == marked


def test_a_signing_authority_cut_after_its_abbreviation_is_joined_to_its_body():
    """A site's table cell cut after 'TM.' ('TM. / ỦY BAN NHÂN DÂN HUYỆN / KT. CHỦ TỊCH'),
    with no 'Nơi nhận:': the authority is 'TM.' with its body, then the deputy's line."""
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN CẦN GIỜ\nSố: 7/QĐ-UBND\nCần Giờ, ngày 4 tháng 1 năm 2019\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC\nCăn cứ Luật Tổ chức chính quyền;\n"
        "Điều 1. Thành lập Tổ công tác.\n{authority}\nỦY BAN NHÂN DÂN HUYỆN\nKT. CHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\nLê Thị Hoa\n"
    )
    for authority in ("TM.", "TM"):
        doc = parse_text(text.format(authority=authority))
        assert doc.signing_authority == "TM. ỦY BAN NHÂN DÂN HUYỆN KT. CHỦ TỊCH"
        assert (doc.signer_title, doc.signer_name) == ("PHÓ CHỦ TỊCH", "Lê Thị Hoa")


def test_the_totals_only_sets_are_printed_by_their_totals_alone():
    """bench/parser.py gives each totals-only held-out set (decisions 0041, 0047, 0049, 0055,
    0052) its own table of totals, and no line of it names one of its documents nor one of its
    fields."""
    from bench.corpus import TOTALS_ONLY
    from bench.parser import totals_only_lines

    assert [held.split for held in TOTALS_ONLY] == [HELDOUT15]
    assert len({d.original for d in CORPUS if d.split == HELDOUT15}) == 14
    lines = totals_only_lines()
    text = "\n".join(lines)
    for held in TOTALS_ONLY:
        assert f"### The {held.name} held-out set: totals only (decision {held.decision})" in text
    held_ids = {d.original for d in CORPUS if d.split in TOTALS_ONLY_SPLITS}
    assert not [line for line in lines if any(name in line for name in held_ids)]
    assert not [line for line in lines if any(f"| {field}" in line for field in HEADER_FIELDS)]


def test_a_body_named_by_a_number_and_a_slash_keeps_its_slash():
    """A steering committee named by its decision's number ('BAN CHỈ ĐẠO 389/QG'): the
    slash between the number and the capitals is the name's, not a table's separator; as
    text and as a scan's columns run together."""
    lines = (
        "BAN CHỈ ĐẠO 389/QG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 15/KH-BCĐ389\nHà Nội, ngày 3 tháng 2 năm 2022\nKẾ HOẠCH\nPHÒNG, CHỐNG BUÔN LẬU\n",
        "BAN CHỈ ĐẠO 389/QG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 15/KH-BCĐ389 Hà Nội, ngày 3 tháng 2 năm 2022\nKẾ HOẠCH\nPHÒNG, CHỐNG BUÔN LẬU\n",
    )
    for text in lines:
        for scanned in (False, True):
            assert parse_text(text, scanned=scanned).issuer == "BAN CHỈ ĐẠO 389/QG"
    table = "UBND TỈNH ĐỒNG NAI / SỞ Y TẾ\n" + lines[0].split("\n", 1)[1]
    assert parse_text(table).issuer == "SỞ Y TẾ"


def test_a_symbol_whose_hyphen_was_lost_to_a_space_is_joined():
    """A page that lost its hyphens ('Độc lập Tự do Hạnh phúc', 'Số: 86/QĐ UBND'): a type's
    code, a space and a body's code in capitals on the number's line are the symbol; a
    place after the type's code is not."""
    header = (
        "ỦY BAN NHÂN DÂN TỈNH CÀ MAU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập Tự do Hạnh "
        "phúc\n{number}\nCà Mau, ngày 5 tháng 6 năm 2015\nQUYẾT ĐỊNH\nVỀ VIỆC THÀNH LẬP TỔ "
        "CÔNG TÁC\n"
    )
    for number, symbol in (
        ("Số: 41/QĐ UBND", "QĐ-UBND"),
        ("Số: 41/2015/QĐ UBND", "2015/QĐ-UBND"),
        ("Số: 41/KH UBND", "KH-UBND"),
    ):
        doc = parse_text(header.format(number=number))
        assert (doc.number, doc.symbol) == ("41", symbol), number
    joined = parse_text(header.format(number="Số: 41/QĐ CÀ MAU, ngày 5 tháng 6 năm 2015"))
    assert joined.symbol == "QĐ"


def test_a_viewers_page_counter_and_a_dash_before_the_header_lines_are_no_part_of_them():
    """A document site's text layer: its page counter run into the issuer ('(1)BỘ Y TẾ')
    and a dash left before the national name and before 'Số:' ('-Số: 12/2014/TT-BYT Hà
    Nội, ngày …'), the motto's 'do' lost: issuer, number, symbol, place and date are read
    without them."""
    text = (
        "Lời nói đầu của tài liệu, trang trước.\n(1)BỘ Y TẾ\n-CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
        "NAM Độc lập - Tự - Hạnh phúc\n-Số: 12/2014/TT-BYT Hà Nội, ngày 7 tháng 4 năm 2014\n"
        "THÔNG TƯ\nHƯỚNG DẪN QUẢN LÝ THUỐC\nCăn cứ Luật Dược;\n"
    )
    doc = parse_text(text)
    assert (doc.issuer, doc.number, doc.symbol) == ("BỘ Y TẾ", "12", "2014/TT-BYT")
    assert (doc.place, doc.date) == ("Hà Nội", datetime.date(2014, 4, 7))
    assert (doc.doc_type, doc.subject) == ("Thông tư", "HƯỚNG DẪN QUẢN LÝ THUỐC")


def test_a_symbol_whose_hyphen_was_lost_after_the_issuers_own_code_is_parted():
    """A symbol read without its hyphen ('TBBHXH', 'BYTKHTC'), as a scan or a text layer
    gives it: a type's code and the issuer's code, the national bodies' without their 'VN'
    ('BẢO HIỂM XÃ HỘI VIỆT NAM': BHXH); or, a letter's, the issuer's code and its unit's."""
    header = (
        "{issuer}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 120/{symbol}\nHà Nội, ngày 5 tháng 6 năm 2019\n{title}\nCăn cứ Luật;\n"
    )
    for issuer, symbol, title, read in (
        ("BẢO HIỂM XÃ HỘI VIỆT NAM", "TBBHXH", "THÔNG BÁO\nVỀ VIỆC THU BẢO HIỂM", "TB-BHXH"),
        ("BẢO HIỂM XÃ HỘI VIỆT NAM", "2019/TTBHXH", "THÔNG TƯ\nVỀ VIỆC THU", "2019/TT-BHXH"),
        ("BỘ Y TẾ", "BYTKHTC", "V/v báo cáo kinh phí năm 2019", "BYT-KHTC"),
        ("BAN CHỈ ĐẠO 389", "BCĐ389", "KẾ HOẠCH\nPHÒNG, CHỐNG BUÔN LẬU", "BCĐ389"),
    ):
        text = header.format(issuer=issuer, symbol=symbol, title=title)
        for scanned in (False, True):
            assert parse_text(text, scanned=scanned).symbol == read, (symbol, scanned)


def test_a_known_body_cut_inside_its_name_over_two_header_lines_is_one_body():
    """A city office under its national body, its name cut inside ('BẢO HIỂM XÃ / HỘI TỈNH
    NGHỆ AN'), the columns run together as a scan reads them: the name the cut falls in is
    one body, under its parent."""
    text = (
        "BẢO HIỂM XÃ HỘI VIỆT NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "BẢO HIỂM XÃ Độc lập - Tự do - Hạnh phúc\nHỘI TỈNH NGHỆ AN\n\n"
        "Số: 312/TB-BHXH Nghệ An, ngày 2 tháng 8 năm 2022\nTHÔNG BÁO\nVỀ VIỆC THU BẢO HIỂM\n"
    )
    for scanned in (False, True):
        doc = parse_text(text, scanned=scanned)
        assert (doc.issuer, doc.issuer_parent) == (
            "BẢO HIỂM XÃ HỘI TỈNH NGHỆ AN",
            "BẢO HIỂM XÃ HỘI VIỆT NAM",
        )


def test_a_rule_read_beside_the_type_title_is_no_part_of_the_trich_yeu():
    """The rule under a type's title read on its line ('KẾ HOẠCH _', 'THÔNG TƯ -'): the
    trích yếu below does not open with it."""
    text = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG BÌNH Độc lập - Tự do - "
        "Hạnh phúc\n\nSố: 30/KH-UBND Quảng Bình, ngày 6 tháng 3 năm 2019\n\n{title}\n"
        "PHÒNG, CHỐNG THIÊN TAI NĂM 2019\n\nNăm 2018, tình hình thiên tai phức tạp.\n"
    )
    for title in ("KẾ HOẠCH _", "KẾ HOẠCH -", "KẾ HOẠCH ."):
        for scanned in (False, True):
            doc = parse_text(text.format(title=title), scanned=scanned)
            assert doc.subject == "PHÒNG, CHỐNG THIÊN TAI NĂM 2019", (title, scanned)


# -- fourteenth round: rules from the thirteenth and fourteenth sets' text readings (decision
# -- 0051). Constructed headers, other bodies, places and words than the documents. ---------


def test_words_a_site_ran_together_in_the_title_are_parted_at_their_syllables():
    """A site that lost the space between two words of a trích yếu in capitals ('ĐẠTCHUẨN',
    'TỔ CHỨCHỘI'): a word that is no Vietnamese syllable, but is two syllables in exactly
    one way, the first ending in a consonant and the second opening with one, is parted.
    Names, codes and words that are no such pair are left as they are. A scan's reading is
    parted alike, before its syllable repair (decision 0039)."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nSố: 77/QĐ-UBND\nYên Bái, ngày 9 tháng 3 năm 2016\n"
        "QUYẾT ĐỊNH\n{title}\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    for title, subject in (
        ("CÔNG NHẬN XÃ ĐẠTCHUẨN NÔNG THÔN MỚI", "CÔNG NHẬN XÃ ĐẠT CHUẨN NÔNG THÔN MỚI"),
        ("VỀ VIỆC TỔ CHỨCHỘI THI TIẾNG HÁT", "VỀ VIỆC TỔ CHỨC HỘI THI TIẾNG HÁT"),
        ("BAN HÀNHQUY CHẾ LÀM VIỆC CỦA BAN", "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA BAN"),
        ("PHÒNG CHỐNG DỊCH COVID TRONG TRƯỜNG HỌC", None),
        ("HỖ TRỢ HỘ NGHÈO Ở XÃ ÊBAN VÀ XÃ KRÔNG", None),
        ("CHO VAY VỐN QUA SEABANK VÀ VIETINBANK", None),
    ):
        assert parse_text(text.format(title=title)).subject == (subject or title)
    scan = parse_text(text.format(title="CÔNG NHẬN XÃ ĐẠTCHUẨN NÔNG THÔN MỚI"), scanned=True)
    assert scan.subject == "CÔNG NHẬN XÃ ĐẠT CHUẨN NÔNG THÔN MỚI"
