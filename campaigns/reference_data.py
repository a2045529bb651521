"""Reference data: document types and their symbol abbreviations (Decree 30/2020, appendix III).

Used by the data migration and by anything that must restore the defaults.
Functions take the model class so migrations can pass their historical model.
"""

DOCUMENT_TYPES = [
    # (name, abbreviation, is_letter)
    ("Công văn", "", True),
    ("Kế hoạch", "KH", False),
    ("Chỉ thị", "CT", False),
    ("Quyết định", "QĐ", False),
    ("Thông báo", "TB", False),
    ("Hướng dẫn", "HD", False),
    ("Phát động thi đua", "PĐTĐ", False),
    ("Báo cáo", "BC", False),
    ("Tờ trình", "TTr", False),
    ("Biên bản", "BB", False),
    ("Chương trình", "CTr", False),
    ("Quy chế", "QC", False),
    ("Quy định", "QyĐ", False),
    ("Nghị quyết", "NQ", False),
]


def load_document_types(DocumentType) -> None:
    """Create the default document types that are missing; existing rows are left as edited."""
    for order, (name, abbreviation, is_letter) in enumerate(DOCUMENT_TYPES, start=1):
        DocumentType.objects.get_or_create(
            name=name,
            defaults={"abbreviation": abbreviation, "is_letter": is_letter, "order": order},
        )
