"""Reference data: the types of administrative document (Decree 30/2020, appendix III).

One table for every place that knows document types: the DocumentType rows a
campaign's document can have (loaded by migration 0002 and by
`load_document_types`), and what the document reader (campaigns/importer.py)
recognises as a document's type heading, as a symbol's abbreviation, or cited in
a body ("Chỉ thị số 09/CT-UBND").

Functions take the model class so migrations can pass their historical model.
Reference-data loader: writes directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from units.text import fold


@dataclass(frozen=True)
class DocumentKind:
    """Một loại văn bản, and where thidua meets it."""

    name: str
    abbreviation: str = ""  # of the symbol, e.g. "KH" in "15/KH-UBND"
    is_letter: bool = False  # a Công văn: "V/v ..." under the number, no type heading
    is_row: bool = True  # a DocumentType row; False: only read in documents
    heading: bool = True  # a document opens with it as its type heading ("KẾ HOẠCH")
    heading_words: str = ""  # the words that open that heading, when not the whole name
    cited: bool = True  # the reader finds it cited: "<type> số 12/..."

    @property
    def heading_key(self) -> str:
        """The heading's opening words as the reader matches them (folded)."""
        return fold(self.heading_words or self.name)


DOCUMENT_KINDS: tuple[DocumentKind, ...] = (
    # The DocumentType rows, in their order.
    DocumentKind("Công văn", is_letter=True, heading=False),
    DocumentKind("Kế hoạch", "KH"),
    DocumentKind("Chỉ thị", "CT"),
    DocumentKind("Quyết định", "QĐ"),
    DocumentKind("Thông báo", "TB"),
    DocumentKind("Hướng dẫn", "HD"),
    DocumentKind("Phát động thi đua", "PĐTĐ", heading_words="Phát động", cited=False),
    DocumentKind("Báo cáo", "BC"),
    DocumentKind("Tờ trình", "TTr"),
    DocumentKind("Biên bản", "BB", cited=False),
    DocumentKind("Chương trình", "CTr"),
    DocumentKind("Quy chế", "QC"),
    DocumentKind("Quy định", "QyĐ"),
    DocumentKind("Nghị quyết", "NQ"),
    # What only the reader knows: a call to emulation (not a type of Decree 30), and
    # laws, decrees and the like, which are cited but never issued here.
    DocumentKind("Lời kêu gọi", is_row=False, cited=False),
    DocumentKind("Nghị định", is_row=False, heading=False),
    DocumentKind("Thông tư", is_row=False, heading=False),
    # a joint circular of two or more ministries ("THÔNG TƯ LIÊN TỊCH", 02/2011/TTLT-VPCP-BNV):
    # its heading opens with the circular's, so the reader tells them apart where it reads one
    DocumentKind("Thông tư liên tịch", "TTLT", is_row=False, heading=False, cited=False),
    DocumentKind("Kết luận", is_row=False, heading=False),
    DocumentKind("Luật", is_row=False, heading=False),
    DocumentKind("Pháp lệnh", is_row=False, heading=False),
    DocumentKind("Đề án", is_row=False, heading=False),
)


def load_document_types(DocumentType) -> None:
    """Create the default document types that are missing; existing rows are left as edited."""
    rows = [kind for kind in DOCUMENT_KINDS if kind.is_row]
    for order, kind in enumerate(rows, start=1):
        DocumentType.objects.get_or_create(
            name=kind.name,
            defaults={
                "abbreviation": kind.abbreviation,
                "is_letter": kind.is_letter,
                "order": order,
            },
        )
