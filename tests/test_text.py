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
