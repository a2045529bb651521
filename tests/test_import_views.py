"""Nhập văn bản: paste or upload, review the fields, create a draft that keeps its source."""

import io
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.models import Attachment, Campaign, ImportedDocument
from tests.module_data import built_demo, data_once
from units.models import Membership

pytestmark = pytest.mark.django_db

# the units and seed campaigns built once for the module, each test in its own savepoint
# with its own copy of the objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, demo = data_once(built_demo, "demo_units", "demo")
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
    assert {"number", "symbol", "subject", "document_type", "issuer"} <= missing
    # issue 14: no issuer in the text, so none chosen for the clerk (not their own body)
    assert review.context["form"].initial["issuer"] is None
    assert 'id="missing-issuer"' in review.content.decode()
    data = {
        "issuer": review.context["form"].fields["issuer"].queryset.first().pk,
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
    upload = SimpleUploadedFile("scan.pdf", b"\x00\x01garbage\x00" * 10)
    response = city_client.post(reverse("staff:import_start"), {"file": upload})
    assert "không đúng định dạng cho phép (PDF, DOCX, TXT, JPG, PNG)" in response.content.decode()
    upload = SimpleUploadedFile("scan.pdf", b"\x89PNG\r\n\x1a\n0000")
    response = city_client.post(reverse("staff:import_start"), {"file": upload})
    assert "có nội dung là PNG nhưng phần mở rộng là “.pdf”" in response.content.decode()
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


# -- scans: OCR in the background (campaigns/ocr.py) ----------------------------------

SCANS = Path(__file__).resolve().parents[0] / "fixtures" / "reader_corpus" / "scans"
needs_ocr = pytest.mark.skipif(
    not __import__("campaigns.ocr", fromlist=["available"]).available(),
    reason="tesseract with Vietnamese data is not installed (deploy/system-packages.sh)",
)


def upload_scan(client, name, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the worker, eagerly
        response = client.post(
            reverse("staff:import_start"), {"file": SimpleUploadedFile(name, data)}
        )
    return response


@needs_ocr
def test_a_png_scan_is_read_in_the_background_and_reviewed_beside_its_text(
    city_client, demo, django_capture_on_commit_callbacks
):
    data = (SCANS / "danang-snv-20-hd.png").read_bytes()
    response = upload_scan(city_client, "cong-van.png", data, django_capture_on_commit_callbacks)
    imported = ImportedDocument.objects.get()
    assert response["Location"] == reverse("staff:import_review", args=[imported.pk])
    assert (imported.status, imported.scanned, imported.pages_done) == ("ready", True, 1)
    review = city_client.get(response["Location"])
    page = review.content.decode()
    assert review.context["form"].initial["number"] == "20"
    assert review.context["form"].initial["symbol"] == "HD-SNV"
    assert 'id="recognised-text"' in page and "SỞ NỘI VỤ" in page
    assert "subject" in review.context["uncertain"]  # a scan's trích yếu: check it first
    assert 'id="uncertain-subject"' in page
    # the issuer read is none of this user's bodies: left empty and said so (issue 14)
    assert review.context["form"].initial["issuer"] is None
    assert 'id="issuer-unknown"' in page


@needs_ocr
def test_a_low_resolution_scan_is_said_so_with_advice_to_scan_at_300_dpi(
    city_client, django_capture_on_commit_callbacks
):
    """The corpus's pages are 1240 points across (an A4 page at 150 dpi, a photocopy's
    softness on it): the review page says the scan is low resolution and advises 300 dpi.
    The same page enlarged to 300 dpi is not said to be."""
    from PIL import Image

    data = (SCANS / "danang-snv-20-hd.png").read_bytes()
    upload_scan(city_client, "ban-quet.png", data, django_capture_on_commit_callbacks)
    imported = ImportedDocument.objects.get()
    page = city_client.get(reverse("staff:import_review", args=[imported.pk])).content.decode()
    assert "độ phân giải thấp" in page and "khoảng 150 dpi" in page
    assert "quét lại ở 300 dpi" in page

    image = Image.open(io.BytesIO(data))
    larger = io.BytesIO()
    image.resize((image.width * 2, image.height * 2)).save(larger, format="PNG")
    upload_scan(
        city_client, "ban-quet-2.png", larger.getvalue(), django_capture_on_commit_callbacks
    )
    second = ImportedDocument.objects.exclude(pk=imported.pk).get()
    page = city_client.get(reverse("staff:import_review", args=[second.pk])).content.decode()
    assert second.status == "ready" and "độ phân giải thấp" not in page


def test_while_a_scan_is_read_the_page_shows_progress_and_refreshes(city_client):
    imported = ImportedDocument.objects.create(
        uploaded_by=city_client.user,
        status=ImportedDocument.Status.READING,
        scanned=True,
        pages_total=4,
        pages_done=1,
        original_name="ban-quet.pdf",
    )
    response = city_client.get(reverse("staff:import_review", args=[imported.pk]))
    assert '<meta http-equiv="refresh" content="2">' in response.content.decode()
    page = response.content.decode()
    assert "Đã đọc 1/4 trang (25%)" in page and "<progress" in page
    # no draft can be made from it yet
    city_client.post(reverse("staff:import_review", args=[imported.pk]), {"subject": "x"})
    assert not Campaign.objects.exclude(source__startswith="seed:").exists()


def test_another_user_cannot_follow_or_review_my_scan(city_client, client, make_member, demo):
    imported = ImportedDocument.objects.create(
        uploaded_by=city_client.user, status=ImportedDocument.Status.READING, scanned=True
    )
    other = make_member("nv.khac2", demo["000"].issuer, Membership.Role.OFFICE_STAFF)
    client.force_login(other)
    assert client.get(reverse("staff:import_review", args=[imported.pk])).status_code == 404


def pdf_with_pages(count: int, *, password: str | None = None) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def noise_png() -> bytes:
    """A photo of nothing: no text on it."""
    import random

    from PIL import Image, ImageDraw

    rng = random.Random(3)
    image = Image.new("RGB", (900, 700), (120, 160, 90))
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = rng.randrange(900), rng.randrange(700)
        color = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x, y, x + rng.randrange(20, 200), y + rng.randrange(20, 200)), fill=color)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("trong.pdf", b"", "Tệp tải lên trống."),
        ("co-mat-khau.pdf", "password", "có mật khẩu"),
        ("ba-tram-trang.pdf", "300 pages", "dài 300 trang"),
        ("ban-quet-40-trang.pdf", "40 pages", "là bản quét 40 trang"),
        ("hong.docx", b"PK\x03\x04" + b"\x00hong" * 50, "bị hỏng, không mở được"),
        ("anh-hong.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "không phải ảnh JPG/PNG đọc được"),
    ],
)
def test_bad_files_get_a_vietnamese_message_and_leave_nothing(
    city_client, name, data, message, django_capture_on_commit_callbacks
):
    if data == "password":
        data = pdf_with_pages(1, password="mat-khau")
    elif data.__class__ is str:
        data = pdf_with_pages(int(data.split()[0]))
    response = upload_scan(city_client, name, data, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportedDocument.objects.exists()
    assert not Campaign.objects.exclude(source__startswith="seed:").exists()


@needs_ocr
def test_an_image_that_is_not_a_document_fails_with_a_message_and_no_draft(
    city_client, django_capture_on_commit_callbacks
):
    response = upload_scan(
        city_client, "anh-phong-canh.png", noise_png(), django_capture_on_commit_callbacks
    )
    imported = ImportedDocument.objects.get()
    assert imported.status == "failed"
    page = city_client.get(response["Location"]).content.decode()
    assert "Không nhận dạng được chữ trong “anh-phong-canh.png”" in page
    assert "Chưa có dự thảo nào được tạo từ tệp này." in page
    city_client.post(response["Location"], {"subject": "x"})
    assert not Campaign.objects.exclude(source__startswith="seed:").exists()


def test_a_garbage_number_is_not_saved(city_client):
    text = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ LAI CHÂU\nSố: ^3/KH-UBND\n"
        "Lai Châu, ngày 10 tháng 01 năm 2025\nKẾ HOẠCH\nThi đua năm 2025\n"
    )
    response = city_client.post(reverse("staff:import_start"), {"text": text})
    review = city_client.get(response["Location"])
    page = review.content.decode()
    assert review.context["form"].initial["number"] == ""
    assert "Số văn bản đọc được “^3” không phải là một số" in page
    data = {
        "issuer": review.context["form"].initial["issuer"].pk,
        "document_type": 1,
        "number": "^3",
        "subject": "Thi đua năm 2025",
        "kind": "regular",
    }
    response = city_client.post(review.request["PATH_INFO"], data)
    assert "Số văn bản “^3” không hợp lệ" in response.content.decode()
    assert not Campaign.objects.filter(number="^3").exists()


@needs_ocr
def test_a_pdf_without_text_is_read_as_a_scan(city_client, django_capture_on_commit_callbacks):
    from PIL import Image

    buffer = io.BytesIO()
    Image.open(SCANS / "yenbai-28-hd.png").convert("L").save(buffer, "PDF", resolution=150)
    response = upload_scan(
        city_client, "huong-dan.pdf", buffer.getvalue(), django_capture_on_commit_callbacks
    )
    imported = ImportedDocument.objects.get()
    assert (imported.status, imported.scanned, imported.pages_total) == ("ready", True, 1)
    review = city_client.get(response["Location"])
    assert review.context["form"].initial["symbol"] == "HD-TĐKT"
    assert "Chữ nhận dạng được" in review.content.decode()


def test_an_empty_file_is_told_empty_once_not_asked_for_a_file(
    city_client, django_capture_on_commit_callbacks
):
    """The clerk chose a file: the page says it is empty, beside the file field, and does
    not also ask them to paste text or choose a file."""
    response = upload_scan(city_client, "trong.pdf", b"", django_capture_on_commit_callbacks)
    html = response.content.decode()
    assert "Tệp tải lên trống." in html
    assert "Hãy dán nội dung văn bản hoặc chọn một tệp." not in html
