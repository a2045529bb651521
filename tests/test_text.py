from hypothesis import given
from hypothesis import strategies as st

from units.text import normalize_search, search_terms


def test_diacritics_and_d_stroke_fold_to_ascii():
    assert normalize_search("Phong trào THI ĐUA đặc biệt") == "phong trao thi dua dac biet"
    assert normalize_search("Ủy ban  nhân\tdân") == "uy ban nhan dan"


def test_old_and_new_tone_placement_normalise_alike():
    assert normalize_search("Hoá") == normalize_search("Hóa") == "hoa"
    assert normalize_search("Uỷ") == normalize_search("Ủy") == "uy"


def test_search_terms_split_words():
    assert search_terms("  Tam  Đường ") == ["tam", "duong"]
    assert search_terms("") == []


# The normaliser as it was written before it was built on `fold`: the reference its
# results must keep matching, since stored search columns were filled with it.
def _reference_normalize(text):
    import re
    import unicodedata

    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = re.sub(r"[^\w\s]", " ", stripped).replace("_", " ")
    return re.sub(r"\s+", " ", stripped.lower()).strip()


VIETNAMESE = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)


def test_fold_keeps_every_position():
    from units.text import fold

    text = "Ủy ban nhân dân huyện Tam Đường: “THI ĐUA” hoá/hóa"
    assert fold(text) == "uy ban nhan dan huyen tam duong: “thi dua” hoa/hoa"
    assert len(fold(text)) == len(text)
    every = VIETNAMESE + VIETNAMESE.upper()
    assert fold(every) == "".join(normalize_search(ch) for ch in every)


def test_the_reader_folds_with_the_same_primitive():
    from campaigns import importer
    from units import text

    assert importer.fold.__wrapped__ is text.fold
    assert importer.fold("Đ") == "d" and hasattr(importer.fold, "cache_clear")


def test_normalize_search_is_unchanged_for_composed_and_decomposed_text():
    import unicodedata

    samples = [
        "Số 5834/PĐTĐ-UBND ngày 31/12/2024",
        "Phong trào “Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau”",
        "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU; Sở Nội vụ_Ban TĐKT",
        VIETNAMESE,
        VIETNAMESE.upper(),
        "Ελληνικά ΟΔΟΣ, Кириллица й, 한국어, ß, İstanbul, ﬁ, K",
    ]
    for sample in samples:
        for form in ("NFC", "NFD"):
            text = unicodedata.normalize(form, sample)
            assert normalize_search(text) == _reference_normalize(text), (form, sample)


@given(st.text(alphabet=st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + " -/.,\u0301\u0323")))
def test_normalize_search_matches_the_reference_on_any_vietnamese_text(text):
    assert normalize_search(text) == _reference_normalize(text)


@given(st.text())
def test_normalize_search_matches_the_reference_on_any_text(text):
    assert normalize_search(text) == _reference_normalize(text)


def test_a_stored_number_is_written_as_vietnamese_write_it():
    """One place for every figure the pages, forms and decisions write (number_text)."""
    from decimal import Decimal

    from units.text import number_text

    assert number_text(Decimal("15.00")) == "15"
    assert number_text(Decimal("0.450")) == "0,45"
    assert number_text(Decimal("100.00")) == "100"  # normalize() is 1E+2: never "1E+2"
    assert number_text(Decimal("1234.50")) == "1234,5"
