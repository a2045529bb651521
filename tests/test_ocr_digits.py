"""A scan's digits checked against each other (campaigns/ocr_digits.py, decision 0038): a
number read with a letter, a symbol's year read with a letter, a date of no possible year.
What the review page shows: the right value, marked "Cần kiểm tra"."""

import datetime

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
