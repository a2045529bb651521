"""Nhập văn bản: paste or upload, review the fields, create a draft that keeps its source."""

import io
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.models import Attachment, Campaign, ImportedDocument
from units.models import Membership

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[0] / "fixtures" / "documents"


@pytest.fixture
def city_client(client, make_member, demo):
    user = make_member("nv.tp", demo["002"].issuer, Membership.Role.OFFICE_STAFF)
    client.force_login(user)
    client.user = user
    return client


def seed_text(key: str) -> str:
    return next(SEEDS.glob(f"{key}_*.txt")).read_text(encoding="utf-8")


def docx_of(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_upload_review_and_create_a_draft_that_keeps_the_file(city_client, demo):
    upload = SimpleUploadedFile("phat-dong-2025.docx", docx_of(seed_text("002")))
    response = city_client.post(reverse("staff:import_start"), {"file": upload})
    imported = ImportedDocument.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(
        f"/nhap-van-ban/{imported.pk}/"
    )
    assert imported.original_name == "phat-dong-2025.docx" and len(imported.sha256) == 64

    review = city_client.get(response["Location"])
    form = review.context["form"]
    assert form.initial["number"] == "5834" and form.initial["symbol"] == "PĐTĐ-UBND"
    assert form.initial["issued_on"].isoformat() == "2024-12-31"
    assert form.initial["issuer"] == demo["002"].issuer
    assert form.initial["document_type"].name == "Phát động thi đua"
    assert form.initial["signer_name"] == "Nguyễn Văn Nghiệp"
    assert form.initial["parent"] is None  # 002 cites Chỉ thị 09/2021, not the 2024 one
    html = review.content.decode()
    assert 'id="missing-end_date"' in html and 'id="missing-number"' not in html
    assert "end_date" in review.context["missing"] and "number" not in review.context["missing"]
    assert "Nội dung thi đua (5)" in html

    data = {k: v for k, v in form.initial.items() if v not in (None, "", False)}
    data["issuer"] = data["issuer"].pk
    data["document_type"] = data["document_type"].pk
    data["issued_on"] = "31/12/2024"
    data["parent"] = demo["004"].pk
    response = city_client.post(review.request["PATH_INFO"], data)
    campaign = Campaign.objects.exclude(source__startswith="seed:").get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "staff:campaign_edit", args=[campaign.pk]
    )
    assert campaign.status == Campaign.Status.DRAFT and campaign.parent == demo["004"]
    assert campaign.items.filter(parent=None).count() == 5
    assert campaign.items.exclude(parent=None).count() == 4
    assert campaign.distribution.count() == 7
    assert campaign.references.filter(number="34-CT", symbol="TW").exists()
    source = campaign.attachments.get()
    assert source.kind == Attachment.Kind.SOURCE and source.original_name == "phat-dong-2025.docx"
    assert source.sha256 == ImportedDocument.objects.get().sha256
    editor = city_client.get(response["Location"])
    assert editor.status_code == 200
    # a second post of the same review does not create a second draft
    city_client.post(review.request["PATH_INFO"], data)
    assert Campaign.objects.exclude(source__startswith="seed:").count() == 1


def test_pasted_text_finds_the_parent_campaign(city_client, demo, make_member):
    tam_duong = make_member("nv.td", demo["000"].issuer, Membership.Role.OFFICE_STAFF)
    city_client.force_login(tam_duong)
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN TAM ĐƯỜNG\nSố: 15/KH-UBND\nTam Đường, ngày 10 tháng 01 năm 2025\n"
        "KẾ HOẠCH\nThi đua năm 2025\nThực hiện Chỉ thị số 09/CT-UBND ngày 31/12/2024 của UBND tỉnh "
        "Lai Châu, UBND huyện ban hành kế hoạch như sau:\n1. Thi đua phát triển kinh tế.\n"
        "2. Thi đua xây dựng nông thôn mới.\n"
    )
    response = city_client.post(reverse("staff:import_start"), {"text": text})
    review = city_client.get(response["Location"])
    assert review.context["form"].initial["parent"] == demo["004"]
    assert "có trong hệ thống" in review.content.decode()


def test_a_poorly_read_document_still_becomes_a_draft_with_its_text(city_client):
    text = "ghi chú họp giao ban, không có thể thức\nnội dung rời rạc số liệu 12 34\n"
    response = city_client.post(reverse("staff:import_start"), {"text": text})
    review = city_client.get(response["Location"])
    missing = review.context["missing"]
    assert {"number", "symbol", "subject", "document_type"} <= missing
    data = {
        "issuer": review.context["form"].initial["issuer"].pk,
        "document_type": 1,
        "subject": "Ghi chú giao ban",
        "kind": "regular",
    }
    response = city_client.post(review.request["PATH_INFO"], data)
    assert response.status_code == 302
    campaign = Campaign.objects.get(subject="Ghi chú giao ban")
    assert "nội dung rời rạc số liệu 12 34" in campaign.preamble


def test_bad_input_is_explained(city_client):
    response = city_client.post(reverse("staff:import_start"), {"text": "  "})
    assert "Hãy dán nội dung văn bản hoặc chọn một tệp." in response.content.decode()
    upload = SimpleUploadedFile("scan.pdf", b"\x89PNG\r\n\x1a\n0000")
    response = city_client.post(reverse("staff:import_start"), {"file": upload})
    assert "không đúng định dạng cho phép (PDF, DOCX, TXT)" in response.content.decode()
    assert not ImportedDocument.objects.exists()


def test_someone_else_cannot_open_my_import(city_client, client, make_member, demo):
    response = city_client.post(reverse("staff:import_start"), {"text": seed_text("000")})
    url = response["Location"]
    other = make_member("nv.khac", demo["000"].issuer, Membership.Role.OFFICE_STAFF)
    client.force_login(other)
    assert client.get(url).status_code == 404
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
