"""The same document parts written by each path that writes them (the staff editor, the
importer, the copy service and the demo loader) give the same rows."""

import datetime

import pytest
from django.urls import reverse

from campaigns import demo, services
from campaigns.models import Campaign, DocumentType, ImportedDocument
from units.models import Membership

pytestmark = pytest.mark.django_db
D = datetime.date

# The parts every path can express (the importer reads no headings, marks or subjects).
ITEMS = [
    ("1.", "Thi đua số hóa hồ sơ", []),
    ("2.", "Thi đua cải cách hành chính", [("-", "Dịch vụ công toàn trình"), ("-", "Một cửa")]),
    ("3.", "Thi đua xây dựng nông thôn mới", []),
]
RECIPIENTS = ["Các phòng, ban huyện;", "UBND các xã, thị trấn."]
DISTRIBUTION = ["Như trên;", "TT. Huyện ủy;", "Lưu: VT."]
ANNIVERSARIES = [("80 năm Quốc khánh", D(1945, 9, 2), D(2025, 9, 2))]
REFERENCE = ("Chỉ thị", "99", "CT-UBND", D(2020, 1, 2), "UBND tỉnh Lai Châu")

EXPECTED = {
    "items": [
        (1, "1.", "", "Thi đua số hóa hồ sơ", None),
        (2, "2.", "", "Thi đua cải cách hành chính", None),
        (3, "-", "", "Dịch vụ công toàn trình", 2),
        (4, "-", "", "Một cửa", 2),
        (5, "3.", "", "Thi đua xây dựng nông thôn mới", None),
    ],
    "references": [(1, "cited", *REFERENCE, "", None)],
    "recipients": [(1, RECIPIENTS[0]), (2, RECIPIENTS[1])],
    "distribution": [(i, text, "") for i, text in enumerate(DISTRIBUTION, 1)],
    "anniversaries": [(1, *ANNIVERSARIES[0])],
}


def rows(campaign: Campaign) -> dict:
    campaign = Campaign.objects.get(pk=campaign.pk)
    return {
        "items": [
            (i.order, i.label, i.heading, i.text, i.parent.order if i.parent else None)
            for i in campaign.items.select_related("parent").order_by("order")
        ],
        "references": list(
            campaign.references.values_list(
                "order",
                "relation",
                "doc_type",
                "number",
                "symbol",
                "issued_on",
                "issuer_name",
                "subject",
                "linked_campaign",
            )
        ),
        "recipients": list(campaign.recipients.values_list("order", "text")),
        "distribution": list(campaign.distribution.values_list("order", "text", "mark")),
        "anniversaries": list(
            campaign.anniversaries.values_list("order", "name", "start_date", "end_date")
        ),
    }


@pytest.fixture
def office(make_member, demo_units):
    return make_member("nv.tamduong", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)


def through_the_editor(client, office, demo_units) -> Campaign:
    data = {
        "issuer": demo_units["ubnd-tam-duong"].pk,
        "document_type": DocumentType.objects.get(name="Kế hoạch").pk,
        "subject": "Qua trình soạn thảo",
        "kind": "regular",
    }
    flat = [
        (label, text, sub)
        for label, text, children in ITEMS
        for label, text, sub in [(label, text, False), *((lb, tx, True) for lb, tx in children)]
    ]
    rows_of = {
        "items": [
            {"label": label, "text": text, **({"is_sub": "on"} if sub else {})}
            for label, text, sub in flat
        ],
        "references": [
            {
                "relation": "cited",
                "doc_type": REFERENCE[0],
                "number": REFERENCE[1],
                "symbol": REFERENCE[2],
                "issued_on": REFERENCE[3].strftime("%d/%m/%Y"),
                "issuer_name": REFERENCE[4],
            }
        ],
        "recipients": [{"text": text} for text in RECIPIENTS],
        "distribution": [{"text": text} for text in DISTRIBUTION],
        "anniversaries": [
            {"name": n, "start_date": f"{s:%d/%m/%Y}", "end_date": f"{e:%d/%m/%Y}"}
            for n, s, e in ANNIVERSARIES
        ],
    }
    for prefix, entries in rows_of.items():
        data[f"{prefix}-TOTAL_FORMS"] = str(len(entries))
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        for i, entry in enumerate(entries):
            data[f"{prefix}-{i}-order"] = str(i + 1)
            data.update({f"{prefix}-{i}-{name}": value for name, value in entry.items()})
    client.force_login(office)
    response = client.post(reverse("staff:campaign_create"), data)
    assert response.status_code == 302, response.context["form"].errors
    return Campaign.objects.get(subject="Qua trình soạn thảo")


def through_the_importer(office, demo_units) -> Campaign:
    parsed = {
        "items": [
            {
                "label": label,
                "text": text,
                "children": [{"label": lb, "text": tx} for lb, tx in children],
            }
            for label, text, children in ITEMS
        ],
        "recipients": RECIPIENTS,
        "distribution": DISTRIBUTION,
        "anniversaries": [
            {"name": n, "start": s.isoformat(), "end": e.isoformat()} for n, s, e in ANNIVERSARIES
        ],
        "references": [
            {
                "doc_type": REFERENCE[0],
                "number": REFERENCE[1],
                "symbol": REFERENCE[2],
                "date": REFERENCE[3].isoformat(),
                "issuer": REFERENCE[4],
            }
        ],
    }
    imported = ImportedDocument.objects.create(uploaded_by=office, text="...", parsed=parsed)
    return services.campaign_create_from_import(
        actor=office,
        imported=imported,
        values={
            "issuer": demo_units["ubnd-tam-duong"],
            "document_type": DocumentType.objects.get(name="Kế hoạch"),
            "subject": "Qua nhập văn bản",
            "kind": "regular",
        },
    )


def through_the_demo_loader(monkeypatch, demo_units) -> Campaign:
    seed = {
        "source": "seed:test",
        "issuer": "ubnd-tam-duong",
        "document_type": "Kế hoạch",
        "preamble": [],
        "closing": [],
        "items": [
            {
                "label": label,
                "text": [text],
                "children": [{"label": lb, "text": [tx]} for lb, tx in children],
            }
            for label, text, children in ITEMS
        ],
        "recipients": RECIPIENTS,
        "distribution": [(text, "") for text in DISTRIBUTION],
        **{field: None for field in ("issued_on", "issued_month", "issued_year")},
        **{field: None for field in ("start_date", "end_date")},
        **{field: "" for field in ("number", "symbol", "place", "theme", "time_frame")},
        **{field: "" for field in ("signing_authority", "signer_title", "signer_name")},
        "subject": "Qua dữ liệu mẫu",
        "kind": "regular",
        "is_special": False,
    }
    monkeypatch.setattr(demo, "SEEDS", {"test": seed})
    monkeypatch.setattr(demo, "ANNIVERSARIES", {"test": ANNIVERSARIES})
    monkeypatch.setattr(demo, "REFERENCES", {"test": [("cited", *REFERENCE, "")]})
    monkeypatch.setattr(demo, "PARENTS", {})
    return demo.load_seed_campaigns(demo_units)["test"]


def test_every_path_writes_the_same_rows(client, office, demo_units, monkeypatch):
    edited = through_the_editor(client, office, demo_units)
    paths = {
        "editor": edited,
        "importer": through_the_importer(office, demo_units),
        "copy": services.campaign_copy(actor=office, campaign=edited),
        "demo loader": through_the_demo_loader(monkeypatch, demo_units),
    }
    for path, campaign in paths.items():
        assert rows(campaign) == EXPECTED, path
