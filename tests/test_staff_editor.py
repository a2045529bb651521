"""The campaign editor in the browser's terms: forms, formsets, nesting, order, reasons."""

import re

import pytest
from django.urls import reverse

from campaigns.models import Campaign, DocumentType
from units.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_client(client, make_member, demo_units):
    user = make_member("nv.tamduong", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)
    client.force_login(user)
    client.user = user
    return client


def form_data(response) -> dict:
    """The editor's current values as a browser would post them back."""
    data = {}
    forms = [response.context["form"]]
    for formset, _, prefix in response.context["formsets"]:
        data[f"{prefix}-TOTAL_FORMS"] = str(formset.total_form_count())
        data[f"{prefix}-INITIAL_FORMS"] = str(formset.initial_form_count())
        forms += formset.forms
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value in (None, False, ""):
                continue
            if hasattr(value, "strftime"):
                value = value.strftime("%d/%m/%Y")
            data[form.add_prefix(name)] = value
    return data


def test_create_with_items_sub_items_and_order(office_client, demo_units):
    response = office_client.get(reverse("staff:campaign_create"))
    assert response.status_code == 200
    data = form_data(response)
    data.update(
        {
            "document_type": DocumentType.objects.get(name="Kế hoạch").pk,
            "symbol": "KH-UBND",
            "place": "Tam Đường",
            "issued_on": "05/03/2025",
            "subject": "Phát động thi đua chuyển đổi số",
            "kind": "thematic",
            "end_date": "31/12/2025",
            "signing_authority": "KT. CHỦ TỊCH",
            "signer_title": "PHÓ CHỦ TỊCH",
            "signer_name": "Lò Văn A",
            "items-0-order": "2",
            "items-0-label": "2.",
            "items-0-text": "Nội dung thứ hai",
            "items-1-order": "1",
            "items-1-label": "1.",
            "items-1-text": "Nội dung thứ nhất",
            "items-2-order": "3",
            "items-2-label": "-",
            "items-2-heading": "Về kinh tế:",
            "items-2-text": "Mục con của nội dung hai",
            "items-2-is_sub": "on",
            "distribution-0-text": "TT. Huyện ủy;",
            "distribution-0-mark": "B/c",
        }
    )
    response = office_client.post(reverse("staff:campaign_create"), data)
    assert response.status_code == 302, response.context["form"].errors
    campaign = Campaign.objects.get(subject="Phát động thi đua chuyển đổi số")
    assert campaign.status == Campaign.Status.DRAFT
    assert campaign.issued_on.isoformat() == "2025-03-05"
    top = list(campaign.items.filter(parent=None).order_by("order"))
    assert [i.text for i in top] == ["Nội dung thứ nhất", "Nội dung thứ hai"]
    assert [c.heading for c in top[1].children.all()] == ["Về kinh tế:"]
    assert campaign.distribution.get().mark == "B/c"


def test_bad_input_shows_vietnamese_errors_and_saves_nothing(office_client):
    response = office_client.get(reverse("staff:campaign_create"))
    data = form_data(response)
    data.update(
        {"subject": "", "kind": "regular", "start_date": "01/06/2025", "end_date": "31/12/2024"}
    )
    response = office_client.post(reverse("staff:campaign_create"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngày kết thúc phải sau ngày bắt đầu." in html
    assert "Trường này là bắt buộc." in html
    assert "Chưa lưu được" in html
    assert not Campaign.objects.filter(start_date="2025-06-01").exists()


def test_editing_a_published_document_asks_for_a_reason(office_client, demo):
    campaign = demo["000"]
    url = reverse("staff:campaign_edit", args=[campaign.pk])
    response = office_client.get(url)
    assert "cần ghi lý do" in response.content.decode()
    data = form_data(response)
    data["theme"] = "Chủ đề mới"
    response = office_client.post(url, data)
    assert response.status_code == 200
    assert "cần ghi lý do sửa đổi" in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.theme != "Chủ đề mới" and not campaign.revisions.exists()

    data["reason"] = "Cập nhật chủ đề theo Kết luận của Thường trực Huyện ủy"
    response = office_client.post(url, data)
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.theme == "Chủ đề mới"
    revision = campaign.revisions.get()
    assert revision.changed_fields == ["theme"] and revision.created_by == office_client.user
    page = office_client.get(reverse("staff:campaign_detail", args=[campaign.pk])).content.decode()
    assert "Cập nhật chủ đề theo Kết luận" in page
    old = office_client.get(
        reverse("staff:revision_detail", args=[campaign.pk, 1])
    ).content.decode()
    old_theme = demo["000"].history.earliest().theme  # the theme before the edit
    assert old_theme and old_theme in old and "Chủ đề mới" not in old


def test_unchanged_form_round_trips_every_part(office_client, demo):
    """Saving the editor without changes keeps the seed document exactly."""
    campaign = demo["000"]
    from campaigns.services import campaign_snapshot

    before = campaign_snapshot(campaign)
    url = reverse("staff:campaign_edit", args=[campaign.pk])
    data = form_data(office_client.get(url))
    data["reason"] = "Lưu lại"
    assert office_client.post(url, data).status_code == 302
    campaign.refresh_from_db()
    after = campaign_snapshot(campaign)
    for key in ("subject", "theme", "preamble", "closing", "issued_month", "signer_name"):
        assert after[key] == before[key]
    assert [(i["label"], i["text"]) for i in after["items"]] == [
        (i["label"], i["text"]) for i in before["items"]
    ]
    assert [(d["text"], d["mark"]) for d in after["distribution"]] == [
        (d["text"], d["mark"]) for d in before["distribution"]
    ]
    assert [a["start_date"] for a in after["anniversaries"]] == [
        a["start_date"] for a in before["anniversaries"]
    ]
    assert not campaign.revisions.exists()  # nothing changed, nothing recorded


@pytest.mark.parametrize("initial_too", [False, True], ids=["total", "total-and-initial"])
def test_a_row_count_of_ten_to_the_thirty_shows_the_rows_posted_and_saves_nothing(
    office_client, demo, initial_too
):
    """A post whose management form claims 10^30 rows in every part (hand-made: the page
    never sends it) is refused beside the parts, and the page shows back the rows the
    post holds, not 200 blank ones per part (1.8 MB, seconds of work: decision 0062)."""
    from campaigns.services import campaign_snapshot

    campaign = demo["000"]
    before = campaign_snapshot(campaign)
    url = reverse("staff:campaign_edit", args=[campaign.pk])
    data = form_data(office_client.get(url))
    data["reason"] = "Sửa số dòng"
    rows = {}
    for key in [k for k in data if k.endswith("-TOTAL_FORMS")]:
        prefix = key.removesuffix("-TOTAL_FORMS")
        rows[prefix] = int(data[key])
        data[key] = "9" * 30
        if initial_too:
            data[f"{prefix}-INITIAL_FORMS"] = "9" * 30
    response = office_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chưa lưu được" in html
    assert "Tối đa 200 dòng." in html
    for prefix, title in [(p, t) for _, t, p in response.context["formsets"]]:
        shown = re.findall(rf"<legend>{re.escape(title)} — dòng \d+", html)
        assert len(shown) == rows[prefix], (prefix, len(shown))
    assert len(html) < 300_000
    campaign.refresh_from_db()
    assert campaign_snapshot(campaign) == before and not campaign.revisions.exists()


def test_dashboard_lists_roles_campaigns_and_todo(office_client, demo):
    html = office_client.get(reverse("staff:dashboard")).content.decode()
    assert "Cơ quan thường trực" in html and "UBND huyện Tam Đường" in html
    assert "Đã hết thời gian: cần kết thúc" in html  # 000 and 003 ended
    assert demo["002"].subject not in html  # another body's campaign


def test_publish_button_flow(office_client, demo):
    campaign = Campaign.objects.get(pk=demo["003"].pk)
    campaign.status = Campaign.Status.DRAFT
    campaign.end_date = None  # its 2023 end date has passed: publishing would be refused
    campaign.save()
    response = office_client.post(
        reverse("staff:campaign_publish", args=[campaign.pk]), follow=True
    )
    assert "Đã phát động phong trào" in response.content.decode()
    campaign.refresh_from_db()
    assert (
        campaign.status == Campaign.Status.PUBLISHED and campaign.published_by == office_client.user
    )


def test_upload_shows_a_clear_error_for_a_bad_file(office_client, demo):
    from django.core.files.uploadedfile import SimpleUploadedFile

    campaign = demo["000"]
    response = office_client.post(
        reverse("staff:attachment_upload", args=[campaign.pk]),
        {"file": SimpleUploadedFile("scan.pdf", b"GIF89a not a pdf"), "kind": "signed_scan"},
        follow=True,
    )
    assert "không đúng định dạng cho phép" in response.content.decode()
    assert not campaign.attachments.exists()


@pytest.mark.parametrize("key", ["002", "003"])
def test_unchanged_save_keeps_sub_items_under_their_parents(office_client, demo, make_member, key):
    campaign = demo[key]
    user = make_member(f"nv.{key}", campaign.issuer, Membership.Role.OFFICE_STAFF)
    office_client.force_login(user)
    from campaigns.services import campaign_snapshot

    def structure(c):
        return [
            (top.label, top.text[:40], [(s.label, s.text[:40]) for s in top.subitems])
            for top in Campaign.objects.get(pk=c.pk).items_tree()
        ]

    before_structure = structure(campaign)
    before = campaign_snapshot(campaign)
    url = reverse("staff:campaign_edit", args=[campaign.pk])
    page = office_client.get(url)
    # the rows are listed in document order: each sub-item right under its item
    rows = [form.instance for form in page.context["formsets"][0][0].initial_forms]
    assert [r.parent_id is not None for r in rows] == [
        flag for top in before_structure for flag in [False] + [True] * len(top[2])
    ]
    data = form_data(page)
    data["reason"] = "Lưu lại không sửa gì"
    response = office_client.post(url, data)
    assert response.status_code == 302, (
        response.context and response.context["formsets"][0][0].non_form_errors()
    )
    assert structure(campaign) == before_structure
    assert campaign_snapshot(Campaign.objects.get(pk=campaign.pk)) == before
    assert not campaign.revisions.exists()


def test_crlf_from_the_browser_is_not_a_change(office_client, demo):
    campaign = demo["000"]
    url = reverse("staff:campaign_edit", args=[campaign.pk])
    data = form_data(office_client.get(url))
    data = {k: v.replace("\n", "\r\n") if isinstance(v, str) else v for k, v in data.items()}
    data["reason"] = "Không sửa"
    assert office_client.post(url, data).status_code == 302
    campaign.refresh_from_db()
    assert "\r" not in campaign.preamble
    assert not campaign.revisions.exists()


def test_deleting_an_item_that_still_has_sub_items_is_refused(office_client, demo, make_member):
    campaign = demo["002"]
    user = make_member("nv.tp", campaign.issuer, Membership.Role.OFFICE_STAFF)
    office_client.force_login(user)
    url = reverse("staff:campaign_edit", args=[campaign.pk])
    page = office_client.get(url)
    data = form_data(page)
    data["reason"] = "Bỏ nội dung 3"
    forms = page.context["formsets"][0][0].initial_forms
    third = next(f for f in forms if f.instance.label == "3." and f.instance.parent_id is None)
    data[f"{third.prefix}-DELETE"] = "on"
    response = office_client.post(url, data)
    assert response.status_code == 200
    assert "vẫn còn mục con" in response.content.decode()
    assert campaign.items.count() == 9


def test_parent_choices_come_from_higher_levels_only(office_client, demo):
    response = office_client.get(reverse("staff:campaign_create"))
    choices = set(response.context["form"].fields["parent"].queryset)
    assert demo["004"] in choices  # the province's directive
    assert demo["002"] not in choices  # the city is the same level as Tam Đường
    assert demo["000"] not in choices  # its own campaigns
