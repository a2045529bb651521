"""A launch document's parts as plain data, and the one function that writes them.

The parts are the ordered rows printed around the document's own fields: content
items (nested one level), cited documents and legal bases, Kính gửi, Nơi nhận and
the anniversaries the campaign honours. The staff editor, the importer, the copy
service and the demo loader all describe them the same way, as a dict of lists:

    {
        "items": [
            {"label": "1.", "heading": "", "text": "...", "children": [{"label": "-", ...}]},
        ],
        "references": [{"relation": "cited", "doc_type": "Chỉ thị", "number": "09", ...}],
        "recipients": [{"text": "UBND các xã, thị trấn;"}],
        "distribution": [{"text": "TT. Huyện ủy;", "mark": "B/c"}],
        "anniversaries": [{"name": "...", "start_date": date, "end_date": date}],
    }

and `campaign_parts_write` turns that into rows. A row may carry the `id` of one of
the campaign's rows: that row is updated in place (so saving an unchanged editor
changes nothing); rows without an id are new.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import (
    Anniversary,
    Campaign,
    ContentItem,
    DistributionEntry,
    DocumentReference,
    OrderedChild,
    Recipient,
)

Row = Mapping[str, Any]
Parts = Mapping[str, Sequence[Row]]

# A cited document as the editor, the reader and the demo give it.
REFERENCE_FIELDS = (
    "relation",
    "doc_type",
    "number",
    "symbol",
    "issued_on",
    "issuer_name",
    "subject",
)
# Each part: its model and the fields a row may give (foreign keys by id).
PART_FIELDS: dict[str, tuple[str, ...]] = {
    "items": ("label", "heading", "text"),
    "anniversaries": ("name", "start_date", "end_date"),
    "references": (*REFERENCE_FIELDS, "linked_campaign_id"),
    "recipients": ("text",),
    "distribution": ("text", "mark"),
}
PART_MODELS: dict[str, type[OrderedChild]] = {
    "items": ContentItem,
    "anniversaries": Anniversary,
    "references": DocumentReference,
    "recipients": Recipient,
    "distribution": DistributionEntry,
}


def campaign_parts(campaign: Campaign, *, ids: bool = False) -> dict[str, list[dict]]:
    """The campaign's parts as plain data, in document order: without ids, what a copy
    of the document starts from; with them, what to change and write back."""
    fields = {name: (*f, "id") if ids else f for name, f in PART_FIELDS.items()}
    items = [
        {
            **_values(top, fields["items"]),
            "children": [_values(sub, fields["items"]) for sub in top.subitems],
        }
        for top in campaign.items_tree()
    ]
    parts: dict[str, list[dict]] = {"items": items}
    for name in PART_FIELDS:
        if name != "items":
            rows = getattr(campaign, name).order_by("order", "pk")
            parts[name] = [_values(row, fields[name]) for row in rows]
    return parts


def _values(row: OrderedChild, fields: tuple[str, ...]) -> dict:
    return {field: getattr(row, field) for field in fields}


@transaction.atomic
def campaign_parts_write(*, campaign: Campaign, parts: Parts) -> None:
    """Make the campaign's parts read as `parts`.

    Only the parts named in `parts` are touched; each becomes exactly the rows given,
    numbered 1, 2, 3... in the order given (content items across both levels, each
    sub-item right after its item). A row with the `id` of one of this campaign's rows
    updates that row, saving it only if something changed; a row without one is
    created; the campaign's rows that are not given are deleted. A field a row leaves
    out keeps its stored value (a new row takes the model's default).

    It checks no actor: it runs inside the service that does (campaign_create,
    campaign_edit, campaign_copy) or in fixture code (the demo loader).
    """
    if unknown := set(parts) - set(PART_FIELDS):
        raise ValueError(f"Unknown document parts: {sorted(unknown)}")
    for name, rows in parts.items():
        writer = _RowWriter(campaign, name)
        if name == "items":
            for top in rows:
                parent = writer.put(top, extra=("children",), parent=None)
                for sub in top.get("children", ()):
                    if sub.get("children"):
                        raise ValidationError("Nội dung thi đua chỉ lồng một cấp.")
                    writer.put(sub, extra=("children",), parent=parent)
        else:
            for row in rows:
                writer.put(row)
        writer.finish()


class _RowWriter:
    """Writes one part's rows in order, then deletes the rows nobody gave."""

    def __init__(self, campaign: Campaign, name: str):
        self.campaign = campaign
        self.model = PART_MODELS[name]
        self.fields = PART_FIELDS[name]
        self.nested = name == "items"
        self.existing = {row.pk: row for row in self.model.objects.filter(campaign=campaign)}
        self.kept: set[int] = set()
        self.new: list[OrderedChild] = []
        self.position = 0

    def put(self, data: Row, *, extra: tuple[str, ...] = (), parent=None) -> OrderedChild:
        if unknown := set(data) - {*self.fields, "id", *extra}:
            raise ValueError(f"Unknown fields of {self.model.__name__}: {sorted(unknown)}")
        row = None
        if data.get("id") is not None:
            row = self.existing.get(data["id"])
            if row is None or row.pk in self.kept:
                raise ValidationError(f"Dòng #{data['id']} không thuộc văn bản của phong trào này.")
            self.kept.add(row.pk)
        self.position += 1
        values = {
            field: self.model._meta.get_field(field).to_python(data[field])
            for field in self.fields
            if field in data
        }
        values["order"] = self.position
        if self.nested:
            values["parent_id"] = parent.pk if parent is not None else None
        if row is None:
            row = self.model(campaign=self.campaign, **values)
            if self.nested:  # a sub-item needs its item's id: one at a time
                row.save()
            else:
                self.new.append(row)
        elif any(getattr(row, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(row, field, value)
            row.save()
        return row

    def finish(self) -> None:
        self.model.objects.bulk_create(self.new)
        gone = set(self.existing) - self.kept
        if gone:
            self.model.objects.filter(pk__in=gone).delete()


def answer_initial(parent: Campaign) -> dict[str, Any]:
    """A response's own fields started from the launch it answers ("Soạn văn bản hưởng
    ứng", decision 0088): the same form of emulation, and the preamble's opening clause
    "Thực hiện Chỉ thị số 12/CT-UBND ngày 05/01/2026 của UBND tỉnh Lai Châu về việc …, "
    for the clerk to finish."""
    subject = parent.subject.strip().rstrip(".;")
    if subject[:7].lower() == "về việc":
        subject = "v" + subject[1:]
    elif subject:
        subject = "về việc " + subject[0].lower() + subject[1:]
    opening = f"Thực hiện {parent.dated_reference} của {parent.issuer.name}"
    return {"kind": parent.kind, "preamble": f"{opening} {subject}, ".replace("  ", " ")}


def answer_reference(parent: Campaign) -> dict[str, Any]:
    """The launch a response answers as its first cited document (relation "Thực hiện")."""
    return {
        "relation": DocumentReference.Relation.IMPLEMENTS,
        "doc_type": parent.document_type.name,
        "number": parent.number,
        "symbol": parent.symbol,
        "issued_on": parent.issued_on,
        "issuer_name": parent.issuer.name,
        "subject": parent.subject,
    }
