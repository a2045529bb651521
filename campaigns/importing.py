"""Nhập văn bản: what a read document means for the database.

The parser (campaigns/importer.py) finds the fields; this module suggests what they
match in the database (issuing body, document type, parent campaign) and turns the
parts it found into plain data. It writes nothing: the services
`imported_document_create` (keep the source and its reading) and
`campaign_create_from_import` (the draft) do, in campaigns/services.py.
"""

from __future__ import annotations

import datetime
import re

from units.access import office_bodies
from units.text import normalize_search

from .models import Campaign, DocumentReference, DocumentType, ImportedDocument


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and _body_key(a) == _body_key(b)


def _body_key(name: str) -> str:
    key = normalize_search(name)
    return key.replace("uy ban nhan dan", "ubnd").replace("hoi dong nhan dan", "hdnd")


def _issuer_names(issuer: str | None, parent: str | None) -> list[str]:
    """The issuer's name, and with its parent's place ("SỞ NỘI VỤ" under "UBND TỈNH LAI
    CHÂU" is "Sở Nội vụ tỉnh Lai Châu")."""
    if not issuer:
        return []
    names = [issuer]
    if parent:
        place = re.sub(r"(?i)^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+", "", parent.strip())
        if place != parent.strip():
            names.append(f"{issuer} {place}")
    return names


def suggestions(imported: ImportedDocument, user) -> dict:
    """What the parsed values match in the database, to prefill the review form."""
    parsed = imported.parsed
    bodies = list(office_bodies(user))
    # An issuer the reader did not find, or that is none of the user's bodies, stays
    # empty and is marked on the review page (issue 14): never the user's own body.
    names = _issuer_names(parsed.get("issuer"), parsed.get("issuer_parent"))
    issuer = next((b for b in bodies if any(_same(b.name, n) for n in names)), None)
    document_type = None
    if parsed.get("doc_type"):
        wanted = normalize_search(parsed["doc_type"])
        document_type = next(
            (t for t in DocumentType.objects.all() if normalize_search(t.name) == wanted), None
        )
    matches = reference_matches(parsed.get("references", []))
    parent = next((c for c in matches if c is not None), None)
    text = normalize_search(" ".join(filter(None, [parsed.get("subject"), parsed.get("theme")])))
    special = "dac biet" in text or "dac biet" in normalize_search(imported.text[:400])
    thematic = special or any(
        word in text for word in ("chuyen de", "theo dot", "chao mung", "ky niem")
    )
    return {
        "issuer": issuer,
        "document_type": document_type,
        "parent": parent,
        "reference_matches": matches,
        "is_special": special,
        "kind": Campaign.Kind.THEMATIC if thematic else Campaign.Kind.REGULAR,
    }


def reference_matches(references: list[dict]) -> list[Campaign | None]:
    """For each cited document, the published campaign in thidua with that number and symbol."""
    found: list[Campaign | None] = []
    for ref in references:
        match = None
        if ref.get("symbol"):
            candidates = Campaign.objects.public().filter(
                number=ref.get("number") or "", symbol=ref["symbol"]
            )
            if ref.get("date"):
                candidates = candidates.filter(issued_on=ref["date"])
            match = candidates.select_related("issuer", "document_type").first()
        found.append(match)
    return found


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def parsed_parts(
    parsed: dict, *, matches: list[Campaign | None], parent: Campaign | None
) -> dict[str, list[dict]]:
    """The parts the parser found, as plain data for `campaign_parts_write`, cut to the
    columns' lengths. A cited document that is the draft's parent is what it implements."""
    return {
        "items": [
            {
                "label": entry["label"],
                "text": entry["text"],
                "children": [
                    {"label": child["label"], "text": child["text"]}
                    for child in entry.get("children", [])
                ],
            }
            for entry in parsed.get("items", [])
        ],
        "recipients": [{"text": text} for text in parsed.get("recipients", [])],
        "distribution": [{"text": text[:255]} for text in parsed.get("distribution", [])],
        "anniversaries": [
            {"name": a["name"][:255], "start_date": _date(a["start"]), "end_date": _date(a["end"])}
            for a in parsed.get("anniversaries", [])
        ],
        "references": [
            {
                "relation": DocumentReference.Relation.IMPLEMENTS
                if match is not None and match == parent
                else DocumentReference.Relation.LEGAL_BASIS
                if ref.get("grounds")
                else DocumentReference.Relation.CITED,
                "doc_type": (ref.get("doc_type") or "")[:100],
                "number": (ref.get("number") or "")[:20],
                "symbol": (ref.get("symbol") or "")[:100],
                "issued_on": _date(ref.get("date")),
                "issuer_name": (ref.get("issuer") or "")[:255],
                "subject": ref.get("name") or "",
                "linked_campaign_id": match.pk if match is not None else None,
            }
            for ref, match in zip(parsed.get("references", []), matches, strict=False)
        ],
    }
