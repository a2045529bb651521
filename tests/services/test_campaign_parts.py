"""campaign_parts_write: a document's parts from plain data, the one way they are written."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from campaigns.documents import campaign_parts, campaign_parts_write
from campaigns.models import Campaign, ContentItem, DocumentType

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def campaign(demo_units):
    return Campaign.objects.create(
        issuer=demo_units["ubnd-tam-duong"],
        document_type=DocumentType.objects.get(name="Kế hoạch"),
        subject="Thi đua chuyển đổi số",
        kind=Campaign.Kind.THEMATIC,
    )


PARTS = {
    "items": [
        {"label": "1.", "text": "Thi đua số hóa hồ sơ"},
        {
            "label": "2.",
            "heading": "Về dịch vụ công:",
            "text": "Thi đua dịch vụ công trực tuyến",
            "children": [
                {"label": "-", "text": "Toàn trình"},
                {"label": "-", "text": "Một phần"},
            ],
        },
    ],
    "references": [
        {
            "relation": "legal_basis",
            "doc_type": "Chỉ thị",
            "number": "09",
            "symbol": "CT-UBND",
            "issued_on": D(2024, 12, 31),
            "issuer_name": "UBND tỉnh Lai Châu",
        }
    ],
    "recipients": [{"text": "UBND các xã;"}, {"text": "Các phòng, ban;"}],
    "distribution": [{"text": "TT. Huyện ủy;", "mark": "B/c"}, {"text": "Lưu: VT."}],
    "anniversaries": [
        {"name": "80 năm Quốc khánh", "start_date": "1945-09-02", "end_date": D(2025, 9, 2)}
    ],
}


def rows(campaign):
    """Every row of every part as (order, fields...), items with their parent's order."""
    campaign = Campaign.objects.get(pk=campaign.pk)
    return {
        "items": [
            (i.order, i.label, i.heading, i.text, i.parent.order if i.parent else None)
            for i in campaign.items.order_by("order")
        ],
        "references": list(
            campaign.references.order_by("order").values_list(
                "order", "relation", "doc_type", "number", "symbol", "issued_on", "issuer_name"
            )
        ),
        "recipients": list(campaign.recipients.values_list("order", "text")),
        "distribution": list(campaign.distribution.values_list("order", "text", "mark")),
        "anniversaries": list(
            campaign.anniversaries.values_list("order", "name", "start_date", "end_date")
        ),
    }


def test_parts_are_written_in_document_order(campaign):
    campaign_parts_write(campaign=campaign, parts=PARTS)
    assert rows(campaign) == {
        "items": [
            (1, "1.", "", "Thi đua số hóa hồ sơ", None),
            (2, "2.", "Về dịch vụ công:", "Thi đua dịch vụ công trực tuyến", None),
            (3, "-", "", "Toàn trình", 2),
            (4, "-", "", "Một phần", 2),
        ],
        "references": [
            (1, "legal_basis", "Chỉ thị", "09", "CT-UBND", D(2024, 12, 31), "UBND tỉnh Lai Châu")
        ],
        "recipients": [(1, "UBND các xã;"), (2, "Các phòng, ban;")],
        "distribution": [(1, "TT. Huyện ủy;", "B/c"), (2, "Lưu: VT.", "")],
        "anniversaries": [(1, "80 năm Quốc khánh", D(1945, 9, 2), D(2025, 9, 2))],
    }
    # and read back as the same plain data
    again = Campaign.objects.create(
        issuer=campaign.issuer,
        document_type=campaign.document_type,
        subject="Bản sao",
        kind=campaign.kind,
    )
    campaign_parts_write(campaign=again, parts=campaign_parts(campaign))
    assert rows(again) == rows(campaign)


def test_rows_with_an_id_are_updated_in_place_and_the_rest_deleted(campaign):
    campaign_parts_write(campaign=campaign, parts=PARTS)
    first, second, sub1, sub2 = campaign.items.order_by("order")
    history = ContentItem.history.count()
    campaign_parts_write(
        campaign=campaign,
        parts={
            "items": [
                # the second item moves first; its first sub-item now hangs under item 1
                {"id": second.pk, "label": "1.", "text": second.text},
                {
                    "id": first.pk,
                    "label": "2.",
                    "text": first.text,
                    "children": [{"id": sub1.pk}, {"label": "-", "text": "Mới"}],
                },
            ]
        },
    )
    items = list(campaign.items.order_by("order"))
    assert [(i.pk, i.order, i.label, i.text, i.parent_id) for i in items][:3] == [
        (second.pk, 1, "1.", second.text, None),
        (first.pk, 2, "2.", first.text, None),
        (sub1.pk, 3, "-", "Toàn trình", first.pk),
    ]
    assert (items[3].text, items[3].parent_id) == ("Mới", first.pk)
    assert not ContentItem.objects.filter(pk=sub2.pk).exists()
    assert Campaign.objects.get(pk=campaign.pk).recipients.count() == 2  # parts not given
    # a row with an id keeps what it leaves out: heading of item 2 is still there
    assert ContentItem.objects.get(pk=second.pk).heading == "Về dịch vụ công:"
    assert ContentItem.history.count() == history + 3 + 1 + 1  # 3 changed, 1 new, 1 deleted


def test_writing_the_same_parts_again_changes_nothing(campaign):
    campaign_parts_write(campaign=campaign, parts=PARTS)
    ids = {
        name: list(getattr(campaign, name).order_by("order").values_list("pk", flat=True))
        for name in PARTS
    }
    with_ids = {name: [{"id": pk} for pk in pks] for name, pks in ids.items() if name != "items"}
    top, second, *subs = ids["items"]
    with_ids["items"] = [{"id": top}, {"id": second, "children": [{"id": pk} for pk in subs]}]
    history = ContentItem.history.count()
    before = rows(campaign)
    campaign_parts_write(campaign=campaign, parts=with_ids)
    assert rows(campaign) == before
    assert ContentItem.history.count() == history  # nothing saved


def test_refuses_rows_of_another_campaign_and_deeper_nesting(campaign, demo):
    campaign_parts_write(campaign=campaign, parts=PARTS)
    foreign = demo["002"].items.first()
    with pytest.raises(ValidationError, match="không thuộc"):
        campaign_parts_write(campaign=campaign, parts={"items": [{"id": foreign.pk}]})
    deep = [{"label": "1.", "text": "a", "children": [{"text": "b", "children": [{"text": "c"}]}]}]
    with pytest.raises(ValidationError, match="một cấp"):
        campaign_parts_write(campaign=campaign, parts={"items": deep})
    with pytest.raises(ValueError):
        campaign_parts_write(campaign=campaign, parts={"recipients": [{"txt": "typo"}]})
    assert demo["002"].items.filter(pk=foreign.pk, campaign=demo["002"]).exists()
