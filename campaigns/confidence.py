"""How sure the document reader is of each field it fills on the review page.

A field's confidence is the product of two things:

* how it was found (`how`, set by the parser): a name read from its place in a Decree 30
  header is worth more than one guessed from a news sentence or completed from the place
  (0.4 to 0.95); a field found nowhere is 0. A field the parser had to repair (a symbol's
  lost hyphen, an abbreviation or a province one letter off on a scan, a number with a
  letter for a digit, an issuer completed from the place) or that is of no known shape (a
  symbol naming no known body, a place that is no province and is not in the issuer's
  name) is found at 0.5 to 0.6, so it is marked (issue 12, third round); so, on a scan, is
  a number ending in a capital ("230H"), a date whose day or month tesseract read as
  letters, a symbol with digits where its type should be ("71-BCA") and the type then,
  and a type heading read from a garbled line ("PTHÔNG EỪỮ" for THÔNG TƯ) (fourth round);
* whether the words read are Vietnamese (`plausibility`): the share of the field's words
  that are well-formed syllables, a body's abbreviation ("UBND") counting as one. OCR
  garbage ("CEFTTG", "XIH") lowers it; so does a
  number that is not a number (issue 14: "Số: ^3" is refused, with a warning).

A scanned document's fields are also capped at 0.85 (tesseract's reading is never
certain) and lowered when tesseract's own mean word confidence on the page is under 0.8;
its long fields (the trích yếu, the signer's name) are capped at 0.6: over a line of
capitals some letter is nearly always misread, and a wrong diacritic still spells a
Vietnamese syllable, so only the clerk can tell. The review page marks every field under `UNCERTAIN` for the clerk to check
first (docs/decisions/0012-reader.md).
"""

from __future__ import annotations

UNCERTAIN = 0.7
SCAN_CAP = 0.85
SCAN_LONG_CAP = 0.6
SCAN_LONG = ("subject", "signer_name")

TEXT_FIELDS = ("issuer", "place", "subject", "signer_name", "signer_title")
HEADER = ("issuer", "doc_type", "number", "symbol", "place", "date", "subject")
SIGNATURE = ("signing_authority", "signer_title", "signer_name")


def field_confidence(doc, how: dict[str, float]) -> dict[str, float]:
    from .importer import plausibility

    scores: dict[str, float] = {}
    for name in (*HEADER, *SIGNATURE):
        value = getattr(doc, name)
        if not value:
            scores[name] = 0.0  # not found: marked "Không tìm thấy", not "Cần kiểm tra"
            continue
        score = how.get(name, 0.8)
        if name in TEXT_FIELDS:
            score *= plausibility(str(value)) ** 2
        if name == "subject" and len(str(value)) > 450:
            score *= 0.6  # a trích yếu runs a line or three; this took in the body
        if doc.scanned:
            score = min(score, SCAN_LONG_CAP if name in SCAN_LONG else SCAN_CAP)
            if doc.ocr_confidence is not None:  # a clean page reads at 0.75 to 0.9
                score *= min(1.0, doc.ocr_confidence + 0.2)
        # 0 means "not found" (the page marks it so); a field read is at least 0.01, so
        # a value none of whose words is Vietnamese is marked "Cần kiểm tra"
        scores[name] = max(round(score, 2), 0.01)
    return scores


def uncertain(confidence: dict[str, float], names) -> set[str]:
    """The fields read but not surely: what the clerk should check first (a field not
    found is 0, marked "Không tìm thấy" instead)."""
    return {name for name in names if 0 < confidence.get(name, 1.0) < UNCERTAIN}
