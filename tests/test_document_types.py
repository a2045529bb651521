"""Document types live in one table (campaigns/reference_data.py): the DocumentType rows
and what the document reader recognises both come from it."""

import pytest

from campaigns import importer
from campaigns.importer import parse_text
from campaigns.models import DocumentType
from campaigns.reference_data import DOCUMENT_KINDS
from units.text import fold


@pytest.mark.django_db
def test_the_rows_are_the_tables_rows_in_order():
    rows = list(
        DocumentType.objects.order_by("order").values_list("name", "abbreviation", "is_letter")
    )
    assert rows == [(k.name, k.abbreviation, k.is_letter) for k in DOCUMENT_KINDS if k.is_row]


def test_the_reader_knows_what_it_knew_before():
    """The reader's vocabulary as it was written out by hand before the table."""
    assert sorted(importer.HEADINGS) == sorted(
        [
            ("ke hoach", "Kế hoạch"),
            ("chi thi", "Chỉ thị"),
            ("quyet dinh", "Quyết định"),
            ("thong bao", "Thông báo"),
            ("huong dan", "Hướng dẫn"),
            ("bao cao", "Báo cáo"),
            ("to trinh", "Tờ trình"),
            ("bien ban", "Biên bản"),
            ("chuong trinh", "Chương trình"),
            ("quy che", "Quy chế"),
            ("quy dinh", "Quy định"),
            ("nghi quyet", "Nghị quyết"),
            ("loi keu goi", "Lời kêu gọi"),
            ("phat dong", "Phát động thi đua"),
            # issue 12: decrees and circulars are read too (not issued here)
            ("nghi dinh", "Nghị định"),
            ("thong tu", "Thông tư"),
        ]
    )
    assert set(importer.REFERENCE_TYPES) == set(
        "Công văn|Kế hoạch|Chỉ thị|Quyết định|Nghị quyết|Nghị định|Thông tư|Thông báo|Hướng dẫn|"
        "Kết luận|Chương trình|Báo cáo|Tờ trình|Luật|Pháp lệnh|Quy định|Quy chế|Đề án".split("|")
    )
    assert importer.ABBREVIATIONS["pdtd"] == "Phát động thi đua"
    assert importer.ABBREVIATIONS["qyd"] == "Quy định"


def test_the_order_types_are_tried_in_does_not_matter():
    for words in (
        [key for key, _ in importer.HEADINGS],
        [fold(t) for t in importer.REFERENCE_TYPES],
    ):
        for a in words:
            assert not [b for b in words if b != a and b.startswith(a)], a


def test_every_row_with_a_heading_is_read_from_its_heading():
    for kind in DOCUMENT_KINDS:
        if kind.heading:
            doc = parse_text(
                f"UBND HUYỆN TAM ĐƯỜNG\nSố: 1/X-UBND\n{kind.name.upper()}\nVề việc thử\n"
            )
            assert doc.doc_type == kind.name


def test_a_call_to_emulation_is_read_but_is_not_a_row():
    kind = next(k for k in DOCUMENT_KINDS if k.name == "Lời kêu gọi")
    assert kind.heading and not kind.is_row
    doc = parse_text("LỜI KÊU GỌI\nthi đua yêu nước\n")
    assert doc.doc_type == "Lời kêu gọi"
