"""A scan's digits checked against each other (campaigns/ocr_digits.py, decision 0038): a
number read with a letter, a symbol's year read with a letter, a date of no possible year.
What the review page shows: the right value, marked "Cần kiểm tra"."""

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaigns.confidence import uncertain
from campaigns.importer import parse_text

HEADER = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BẠC LIÊU Độc lập - Tự do - Hạnh phúc
Số: {number}/{symbol} Bạc Liêu, ngày 14 tháng 3 năm {year}
QUYẾT ĐỊNH
VỀ VIỆC TẶNG BẰNG KHEN CHO CÁC TẬP THỂ
Căn cứ Luật Thi đua, khen thưởng năm 2022;
"""
FIELDS = ("number", "symbol", "date")


def page(number="418", symbol="QĐ-UBND", year="2019", body=""):
    return HEADER.format(number=number, symbol=symbol, year=year) + body


def test_a_number_read_with_a_letter_takes_the_reading_that_agrees_with_its_digits():
    """'230H' on the page; the enlarged readings say 2308 and 230: only 2308 has the
    page's digits where the page has digits, so it is taken, marked for checking."""
    parsed = parse_text(page("230H"), scanned=True, header_readings=[page("2308"), page("230")])
    assert parsed.number == "2308"
    assert "number" in uncertain(parsed.confidence, FIELDS)


def test_a_number_with_a_letter_and_readings_that_disagree_is_kept_and_marked():
    parsed = parse_text(page("4B"), scanned=True, header_readings=[page("46"), page("40")])
    assert parsed.number == "4B"
    assert "number" in uncertain(parsed.confidence, FIELDS)


def test_a_symbol_year_read_with_a_letter_takes_the_dates_year_and_is_marked():
    """'200H/QĐ-UBND' dated 2008: a symbol's year is its date's year."""
    parsed = parse_text(page(symbol="200H/QĐ-UBND", year="2008"), scanned=True)
    assert parsed.symbol == "2008/QĐ-UBND"
    assert "symbol" in uncertain(parsed.confidence, FIELDS)
    assert parsed.date == datetime.date(2008, 3, 14)


def test_a_symbol_year_that_the_date_contradicts_is_only_marked():
    parsed = parse_text(page(symbol="200H/QĐ-UBND", year="2019"), scanned=True)
    assert parsed.symbol == "200H/QĐ-UBND"
    assert "symbol" in uncertain(parsed.confidence, FIELDS)


def test_a_date_of_no_possible_year_takes_the_same_day_written_again_in_the_text():
    """'năm 23006' (a 3 and a 6 where 006 was): year 2300 is no document's. The text
    writes the same day again, 'ngày 14 tháng 03 năm 2006': that year is taken, marked."""
    body = "Bạc Liêu, ngày 14 tháng 03 năm 2006\n"
    parsed = parse_text(page(year="23006", body=body), scanned=True)
    assert parsed.date == datetime.date(2006, 3, 14)
    assert "date" in uncertain(parsed.confidence, FIELDS)


def test_a_date_of_no_possible_year_is_marked_when_the_text_does_not_settle_it():
    body = "ngày 14/3/2006 và ngày 14/3/2007\n"
    parsed = parse_text(page(year="2300", body=body), scanned=True)
    assert parsed.date == datetime.date(2300, 3, 14)
    assert "date" in uncertain(parsed.confidence, FIELDS)


def test_a_possible_date_is_not_changed_by_another_year_in_the_text():
    body = "Kế hoạch ngày 14 tháng 3 năm 2018 của Ủy ban.\n"
    parsed = parse_text(page(year="2019", body=body), scanned=True)
    assert parsed.date == datetime.date(2019, 3, 14)
    assert "date" not in uncertain(parsed.confidence, FIELDS)


def test_a_typed_text_is_left_as_written():
    text = page("230H", symbol="200H/QĐ-UBND", year="2008")
    parsed = parse_text(text)
    assert (parsed.number, parsed.symbol) == ("230H", "200H/QĐ-UBND")


# -- tesseract's alternatives for each character (`digit_choices`, lstm_choice_mode=2) --


def word(text, **alternatives):
    """A hOCR word as `ocr_digits.hocr_choices` keeps it: each character read at 95 with
    no alternative, but those given by position (`at2=[["6", 60]]`)."""
    out = []
    for index, character in enumerate(text):
        out.append([[character, 95]] + alternatives.get(f"at{index}", []))
    return [text, out]


def test_a_number_read_with_a_letter_takes_the_digit_the_readings_alternatives_vote_for():
    """'4B' on the page (B, then 0 at 65 and 6 at 60 as alternatives); the two enlarged
    readings read 46 and 40, each with the other digit close behind: summed over the
    three, 6 leads, and the clerk sees 46, marked 'Cần kiểm tra'."""
    choices = {
        "page": [[["Số:", None], word("4B/2008/QĐ-UBND", at1=[["0", 65], ["6", 60]])]],
        "bands": [
            [[word("46/2008/QĐ-UBND", at1=[["0", 70]])]],
            [[word("40/2008/QĐ-UBND", at1=[["6", 90]])]],
        ],
    }
    text = page("4B", symbol="2008/QĐ-UBND", year="2008")
    parsed = parse_text(text, scanned=True, digit_choices=choices)
    assert parsed.number == "46"
    assert "number" in uncertain(parsed.confidence, FIELDS)
    assert parse_text(text, scanned=True).number == "4B"  # without them, as before


def test_a_letter_with_no_digit_among_its_alternatives_is_left_and_marked():
    choices = {"page": [[word("4B/2008/QĐ-UBND", at1=[["R", 40]])]], "bands": []}
    text = page("4B", symbol="2008/QĐ-UBND", year="2008")
    parsed = parse_text(text, scanned=True, digit_choices=choices)
    assert parsed.number == "4B"
    assert "number" in uncertain(parsed.confidence, FIELDS)


def test_a_year_whose_digit_tesseract_hesitated_over_is_marked_not_changed():
    """'năm 2000' where tesseract scored a 6 nearly as high as the last 0 (75 to 79): the
    date is kept as read, but the review page asks to check it, and the symbol's year
    with it; a rival far behind (40) marks nothing."""
    text = page(symbol="2000/QĐ-UBND", year="2000")

    def line(rival):
        year = word("2000", at3=[["6", rival]])
        year[1][3][0][1] = 79
        return [word("418/2000/QĐ-UBND"), ["ngày", None], word("14"), year]

    close = parse_text(text, scanned=True, digit_choices={"page": [line(75)], "bands": []})
    assert close.date == datetime.date(2000, 3, 14)
    assert {"date", "symbol"} <= uncertain(close.confidence, FIELDS)
    far = parse_text(text, scanned=True, digit_choices={"page": [line(40)], "bands": []})
    assert not {"date", "symbol"} & uncertain(far.confidence, FIELDS)


def test_hocr_with_alternatives_is_read_into_words_of_digits():
    from campaigns.ocr_digits import hocr_choices

    hocr = b"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body><div class='ocr_page'>
<span class='ocr_line' title="bbox 10 20 300 40; baseline 0 0">
 <span class='ocrx_word' title='bbox 10 20 40 40; x_wconf 90'>S\xe1\xbb\x91:</span>
 <span class='ocrx_word' title='bbox 50 20 90 40; x_wconf 80'>4B
  <span class='ocr_symbol'><span class='ocrx_cinfo' id='lstm_choices_1_1_1'>
   <span class='ocrx_cinfo' id='choice_1' title='x_confs 89.2'>4</span></span>
  <span class='ocrx_cinfo' id='lstm_choices_1_1_2'>
   <span class='ocrx_cinfo' id='choice_2' title='x_confs 75.1'>B</span>
   <span class='ocrx_cinfo' id='choice_3' title='x_confs 59.9'>6</span>
   <span class='ocrx_cinfo' id='choice_4' title='x_confs 0'>8</span></span></span>
 </span></span>
<span class='ocr_line' title="bbox 10 900 300 940; baseline 0 0">
 <span class='ocrx_word' title='bbox 10 900 40 940; x_wconf 90'>2019</span></span>
</div></body></html>"""
    lines = hocr_choices(hocr, top=500)
    assert lines == [[["Số:", None], ["4B", [[["4", 89]], [["B", 75], ["6", 60]]]]]]


def test_an_uploaded_low_resolution_page_carries_its_digits_alternatives_to_the_reader():
    """The worker's path (`ocr_document` → `parse_scan`): a 150 dpi page whose number
    tesseract reads '4B' comes to the review page as 46, marked; the page reads as its
    committed text (the alternatives are asked of the same tesseract run)."""
    from pathlib import Path

    import pytest

    from campaigns import ocr

    if not ocr.available():
        pytest.skip("tesseract (vie) is not installed (deploy/system-packages.sh)")
    corpus = Path(__file__).parent / "fixtures" / "reader_corpus"
    scan = corpus / "scans" / "bvhttdl-46-qd.png"
    result = ocr.ocr_document(scan.read_bytes(), scan.name)
    assert result.text + "\n" == (corpus / "bvhttdl-46-qd-scan.txt").read_text(encoding="utf-8")
    assert result.digit_choices["page"] and len(result.digit_choices["bands"]) == 2
    parsed = ocr.parse_scan(result)
    assert parsed.number == "46"
    assert "number" in uncertain(parsed.confidence, FIELDS)


def test_a_choice_of_two_characters_costs_the_reader_nothing():
    """tesseract may give one choice for two characters ("4B" as one glyph): the word's
    alternatives then do not line up with its characters. The reader leaves them and
    reads the header as without them (it used to fail over to the bare text: no number,
    no date, no issuer)."""
    from campaigns.ocr_digits import hocr_choices

    hocr = b"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body><div class='ocr_page'>
<span class='ocr_line' title="bbox 10 20 300 40; baseline 0 0">
 <span class='ocrx_word' title='bbox 50 20 90 40; x_wconf 80'>4B/2008/Q\xc4\x90-UBND
  <span class='ocrx_cinfo' id='lstm_choices_1_1_1'>
   <span class='ocrx_cinfo' id='choice_1' title='x_confs 89.2'>4B/2008/Q\xc4\x90-UBND</span>
   <span class='ocrx_cinfo' id='choice_2' title='x_confs 60'>46/2008/Q\xc4\x90-UBND</span>
  </span></span></span>
</div></body></html>"""
    lines = hocr_choices(hocr)
    assert all(alternatives is None for line in lines for _, alternatives in line)
    text = page("4B", symbol="2008/QĐ-UBND", year="2008")
    crooked = {"page": [[["4B/2008/QĐ-UBND", [[["4B/2008/QĐ-UBND", 89]]]]]], "bands": []}
    parsed = parse_text(text, scanned=True, digit_choices=crooked)
    assert (parsed.number, parsed.date) == ("4B", datetime.date(2008, 3, 14))
    assert parsed.issuer


def test_hocr_that_is_not_xml_gives_no_alternatives():
    from campaigns.ocr_digits import hocr_choices

    assert hocr_choices(b"<html><span class='ocr_line' title='bbox a b'>") == []
    assert hocr_choices(b"\xff\xfe garbage") == []


# -- whatever a scan's digits and their alternatives are, the header is read -----------


MARKS = "0123456789BHOoIlSZ²³¹٣/-QĐUBND "
CHOICE = st.lists(
    st.tuples(st.text(alphabet=MARKS, min_size=0, max_size=2), st.integers(0, 100)).map(list),
    min_size=0,
    max_size=3,
)


@st.composite
def choices_for(draw, texts):
    """Page and band readings of the given words, their alternatives of any shape."""

    def reading():
        out = []
        for text in texts:
            if draw(st.booleans()):
                alternatives = [[[ch, draw(st.integers(0, 100))], *draw(CHOICE)] for ch in text]
            else:
                alternatives = draw(st.lists(CHOICE, max_size=len(text) + 1))
            out.append([text, alternatives or None])
        return [out]

    return {"page": reading(), "bands": [reading() for _ in range(draw(st.integers(0, 2)))]}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_digits_and_alternatives_leave_the_header_read(data):
    """The scan path (header vote, digit checks, alternatives) never throws: a throw
    costs the clerk every field (parse_text falls back to the bare text)."""
    from campaigns.importer import _Parser, _vote_header
    from campaigns.ocr_digits import check_digits

    number = data.draw(st.text(alphabet=MARKS, min_size=1, max_size=6))
    year = data.draw(st.text(alphabet=MARKS, min_size=4, max_size=5))
    head = data.draw(st.text(alphabet=MARKS, min_size=1, max_size=5))
    text = page(number, symbol=f"{head}/QĐ-UBND", year=year)
    readings = [
        page(data.draw(st.text(alphabet=MARKS, max_size=5)), year=year)
        for _ in range(data.draw(st.integers(0, 2)))
    ]
    choices = data.draw(choices_for([f"{number}/{head}/QĐ-UBND", "ngày", "14", year]))
    parser = _Parser(text, scanned=True)
    parser.run()
    if readings:
        _vote_header(parser, readings)
    check_digits(parser, readings, datetime.date(2026, 12, 7), choices)
    assert parser.doc.issuer


def test_a_superscript_digit_in_a_symbol_year_costs_the_reader_nothing():
    """'20²H': ² counts as a digit to Python's isdigit but is no number: the vote over
    the alternatives made '20²6' of it and int() threw, so the clerk got the bare text."""
    text = page("418", symbol="20²H/QĐ-UBND", year="2008")
    choices = {"page": [[word("418/20²H/QĐ-UBND", at7=[["6", 60]])]], "bands": []}
    parsed = parse_text(text, scanned=True, digit_choices=choices)
    assert parsed.number == "418" and parsed.issuer
    assert parsed.symbol == "20²H/QĐ-UBND"


# Round 14 (decision 0056): the eleventh set's photocopies


def test_a_letter_inside_a_number_is_voted_on_as_one_at_its_end_is():
    """'1E50' on the page: the E is a digit tesseract hesitated over (1 among its and the
    band readings' alternatives): 1150, marked. It was dropped as 'not a number'."""
    choices = {
        "page": [[word("1E50/QĐ-UBND", at1=[["1", 63]])]],
        "bands": [
            [[word("EE50/QĐ-UBND", at0=[["1", 75]], at1=[["1", 74]])]],
            [[word("1E50/QĐ-UBND", at1=[["1", 49]])]],
        ],
    }
    text = page("1E50")
    parsed = parse_text(text, scanned=True, digit_choices=choices)
    assert parsed.number == "1150"
    assert "number" in uncertain(parsed.confidence, FIELDS)


def test_a_number_of_letters_and_digits_with_no_alternatives_is_left_for_the_clerk():
    parsed = parse_text(page("1E50"), scanned=True)
    assert parsed.number == "1E50"
    assert "number" in uncertain(parsed.confidence, FIELDS)


def test_a_bracket_inside_a_symbols_body_is_a_speck():
    text = HEADER.replace("TỈNH BẠC LIÊU", "BỘ NỘI VỤ").format(
        number="291", symbol="Q0-BN]V", year="2006"
    )
    parsed = parse_text(text, scanned=True)
    assert parsed.symbol == "QĐ-BNV"


def test_a_symbol_year_the_date_contradicts_takes_the_reading_whose_year_is_the_dates():
    """The page reads 31/2008 over a date in 2009; the band reading of the same line reads
    33/2009: the line the page misread twice is taken from that reading, marked."""
    text = page("31", symbol="2008/QĐ-UBND", year="2009")
    readings = [
        page("33", symbol="2009/QĐ-UBND", year="nps"),
        page("39", symbol="2009Q0-UBND", year="nps"),
    ]
    parsed = parse_text(text, scanned=True, header_readings=readings)
    assert (parsed.number, parsed.symbol) == ("33", "2009/QĐ-UBND")
    assert parsed.date == datetime.date(2009, 3, 14)
    assert {"number", "symbol"} <= set(uncertain(parsed.confidence, FIELDS))


def test_a_symbol_year_the_date_contradicts_and_no_reading_settles_is_kept():
    text = page("31", symbol="2008/QĐ-UBND", year="2009")
    readings = [page("31", symbol="2008/QĐ-UBND", year="nps")]
    parsed = parse_text(text, scanned=True, header_readings=readings)
    assert (parsed.number, parsed.symbol) == ("31", "2008/QĐ-UBND")
