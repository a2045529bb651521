"""Object-level access: every staff URL against anonymous, same body, another body and admin."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.models import Campaign, CampaignRevision
from campaigns.services import attachment_add
from tests.conftest import new_admin, new_member
from tests.module_data import built_demo, data_once
from units.models import Membership, Unit

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _setup(demo, make_member, admin_user):
    tam_duong = Unit.objects.get(code="ubnd-tam-duong")
    city = Unit.objects.get(code="ubnd-tp-lai-chau")
    same = make_member("nv.tamduong", tam_duong, Membership.Role.OFFICE_STAFF)
    other = make_member("nv.thanhpho", city, Membership.Role.OFFICE_STAFF)
    unit_staff = make_member("cb.tamduong", tam_duong, Membership.Role.UNIT_STAFF)
    campaign = demo["000"]
    CampaignRevision.objects.create(
        campaign=campaign,
        number=1,
        created_by=same,
        reason="Sửa lỗi chính tả",
        snapshot={},
        changed_fields=[],
    )
    attachment = attachment_add(
        actor=same,
        campaign=campaign,
        upload=SimpleUploadedFile("ban-ky.pdf", PDF_BYTES, content_type="application/pdf"),
    )
    return {
        "campaign": campaign,
        "attachment": attachment,
        "users": {"same": same, "other": other, "unit_staff": unit_staff, "admin": admin_user},
    }


def _built() -> dict:
    data = built_demo()
    admin = new_admin()
    return {**data, "admin_user": admin, "setup": _setup(data["demo"], new_member, admin)}


# built once for the module, each test in its own savepoint with its own copy of the
# objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, demo, admin_user, setup = data_once(
    _built, "demo_units", "demo", "admin_user", "setup"
)


def campaign_urls(campaign, attachment):
    pk = campaign.pk
    return [
        reverse("staff:campaign_detail", args=[pk]),
        reverse("staff:campaign_edit", args=[pk]),
        reverse("staff:campaign_pdf", args=[pk]),
        reverse("staff:campaign_withdraw", args=[pk]),
        reverse("staff:campaign_summarise", args=[pk]),
        reverse("staff:revision_detail", args=[pk, 1]),
        reverse("staff:attachment_download", args=[attachment.pk]),
    ]


POST_ACTIONS = [
    "staff:campaign_publish",
    "staff:campaign_close",
    "staff:campaign_copy",
    "staff:campaign_withdraw",
    "staff:campaign_summarise",
    "staff:attachment_upload",
    "staff:campaign_edit",
]


def test_anonymous_is_sent_to_login_for_every_staff_url(client, setup):
    urls = [reverse("staff:dashboard"), reverse("staff:campaign_create")]
    urls += campaign_urls(setup["campaign"], setup["attachment"])
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/"), url
    for name in POST_ACTIONS:
        response = client.post(reverse(name, args=[setup["campaign"].pk]), {"reason": "x"})
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


@pytest.mark.parametrize("who", ["same", "admin"])
def test_staff_of_the_body_and_admin_can_open_everything(client, setup, who):
    client.force_login(setup["users"][who])
    for url in campaign_urls(setup["campaign"], setup["attachment"]):
        response = client.get(url)
        assert response.status_code == 200, url
    assert setup["campaign"].subject in client.get(reverse("staff:dashboard")).content.decode()


@pytest.mark.parametrize("who", ["other", "unit_staff"])
def test_anyone_else_gets_404_and_never_the_data(client, setup, who):
    client.force_login(setup["users"][who])
    campaign = setup["campaign"]
    for url in campaign_urls(campaign, setup["attachment"]):
        response = client.get(url)
        assert response.status_code == 404, url
        assert campaign.subject not in response.content.decode()
    for name in POST_ACTIONS:
        response = client.post(reverse(name, args=[campaign.pk]), {"reason": "Thu hồi trái phép"})
        assert response.status_code == 404, name
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.PUBLISHED
    assert Campaign.objects.count() == 5  # nothing copied
    assert campaign.subject not in client.get(reverse("staff:dashboard")).content.decode()


def test_create_page_needs_a_standing_office_role(client, setup):
    client.force_login(setup["users"]["unit_staff"])
    assert client.get(reverse("staff:campaign_create")).status_code == 403
    client.force_login(setup["users"]["other"])
    response = client.get(reverse("staff:campaign_create"))
    issuers = list(response.context["form"].fields["issuer"].queryset)
    assert [u.code for u in issuers] == ["ubnd-tp-lai-chau"]


def test_cannot_create_for_another_body_by_forging_the_form(client, setup):
    client.force_login(setup["users"]["other"])
    response = client.get(reverse("staff:campaign_create"))
    data = {
        "issuer": Unit.objects.get(code="ubnd-tam-duong").pk,
        "subject": "Giả mạo",
        "kind": "regular",
    }
    for formset in response.context["formsets"]:
        prefix = formset[2]
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    response = client.post(reverse("staff:campaign_create"), data)
    assert response.status_code == 200
    assert "issuer" in response.context["form"].errors
    assert not Campaign.objects.filter(subject="Giả mạo").exists()


def test_public_attachment_only_when_public(client, setup):
    attachment = setup["attachment"]
    url = reverse("public:attachment_download", args=[attachment.pk])
    assert client.get(url).status_code == 404  # not marked public
    attachment.is_public = True
    attachment.save()
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES
    page = client.get(
        reverse("public:campaign_detail", args=[setup["campaign"].pk])
    ).content.decode()
    assert "ban-ky.pdf" in page and url in page
    campaign = setup["campaign"]
    campaign.status = Campaign.Status.DRAFT
    campaign.save()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("who", ["same", "admin"])
def test_staff_of_the_body_and_admin_can_use_every_action(client, setup, who):
    client.force_login(setup["users"][who])
    assert client.get(reverse("staff:dashboard")).status_code == 200
    assert client.get(reverse("staff:campaign_create")).status_code == 200
    campaign = setup["campaign"]
    campaign.end_date = None
    campaign.save()
    pk = campaign.pk

    response = client.post(reverse("staff:campaign_copy", args=[pk]))
    copy = Campaign.objects.exclude(
        pk__in=[c.pk for c in Campaign.objects.filter(source__startswith="seed:")]
    ).get()
    assert response.status_code == 302 and copy.copied_from_id == pk
    assert client.post(reverse("staff:campaign_publish", args=[copy.pk])).status_code == 302
    copy.refresh_from_db()
    assert (
        copy.status == Campaign.Status.DRAFT
    )  # a copy has no issue date yet: refused, not an error

    upload = SimpleUploadedFile("them.pdf", PDF_BYTES)
    client.post(reverse("staff:attachment_upload", args=[pk]), {"file": upload, "kind": "other"})
    added = campaign.attachments.get(original_name="them.pdf")
    client.post(reverse("staff:attachment_toggle_public", args=[added.pk]))
    added.refresh_from_db()
    assert added.is_public
    client.post(reverse("staff:attachment_archive", args=[added.pk]), {"reason": "Nhầm tệp"})
    added.refresh_from_db()
    assert added.archived and not added.is_public and added.archived_reason == "Nhầm tệp"

    assert client.post(reverse("staff:campaign_close", args=[pk])).status_code == 302
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.CLOSED
    response = client.post(
        reverse("staff:campaign_summarise", args=[pk]), {"summary": "Tổng kết tốt."}
    )
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SUMMARISED
    response = client.post(
        reverse("staff:campaign_withdraw", args=[copy.pk]), {"reason": "Không dùng"}
    )
    copy.refresh_from_db()
    assert response.status_code == 302 and copy.status == Campaign.Status.WITHDRAWN


def test_other_body_cannot_touch_files(client, setup):
    client.force_login(setup["users"]["other"])
    attachment = setup["attachment"]
    for name in ("staff:attachment_toggle_public", "staff:attachment_archive"):
        assert client.post(reverse(name, args=[attachment.pk]), {"reason": "x"}).status_code == 404
    attachment.refresh_from_db()
    assert not attachment.archived and not attachment.is_public
