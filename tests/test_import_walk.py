"""Nhập văn bản walked as a clerk would (decision 0061): what got in their way."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.models import Campaign, ImportedDocument
from tests.module_data import built_demo, data_once
from units.models import Membership

from .test_import_views import docx_of, seed_text

pytestmark = pytest.mark.django_db

# the units and seed campaigns built once for the module, each test in its own savepoint
# with its own copy of the objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, demo = data_once(built_demo, "demo_units", "demo")
SCAN = Path(__file__).resolve().parents[0] / "fixtures" / "reader_corpus" / "scans"


@pytest.fixture
def city_client(client, make_member, demo):
    user = make_member("nv.tp", demo["002"].issuer, Membership.Role.OFFICE_STAFF)
    client.force_login(user)
    client.user = user
    return client


# 1. A scan being read (or read, or refused) could not be found again once the clerk
#    left its page: the guide says "có thể rời trang và quay lại", but nothing led back.


def test_the_import_page_lists_my_imports_not_yet_drafts(
    city_client, make_member, demo, django_capture_on_commit_callbacks
):
    scan = (SCAN / "danang-snv-20-hd.png").read_bytes()
    with django_capture_on_commit_callbacks(execute=False):  # no worker yet: still reading
        city_client.post(
            reverse("staff:import_start"), {"file": SimpleUploadedFile("ban-quet.png", scan)}
        )
    reading = ImportedDocument.objects.get(original_name="ban-quet.png")
    assert reading.reading
    city_client.post(
        reverse("staff:import_start"),
        {"file": SimpleUploadedFile("ke-hoach.docx", docx_of(seed_text("002")))},
    )
    ready = ImportedDocument.objects.get(original_name="ke-hoach.docx")
    done = ImportedDocument.objects.create(
        uploaded_by=city_client.user, original_name="da-tao.docx", text="x", parsed={}
    )
    done.campaign = Campaign.objects.exclude(pk__in=[]).first()
    done.save()
    failed = ImportedDocument.objects.create(
        uploaded_by=city_client.user,
        original_name="anh-phong-canh.jpg",
        status=ImportedDocument.Status.FAILED,
        scanned=True,
        error="Không nhận dạng được chữ",
    )
    other = make_member("nv.khac", demo["002"].issuer, Membership.Role.OFFICE_STAFF)
    theirs = ImportedDocument.objects.create(
        uploaded_by=other, original_name="cua-nguoi-khac.docx", text="x", parsed={}
    )

    html = city_client.get(reverse("staff:import_start")).content.decode()
    for mine in (reading, ready, failed):
        assert f'href="{reverse("staff:import_review", args=[mine.pk])}"' in html
    assert "ban-quet.png" in html and "Đang nhận dạng chữ" in html
    assert "Đã đọc xong" in html and "Không đọc được" in html
    assert reverse("staff:import_review", args=[done.pk]) not in html
    assert reverse("staff:import_review", args=[theirs.pk]) not in html
    assert "cua-nguoi-khac.docx" not in html

    page = city_client.get(reverse("staff:import_review", args=[reading.pk]))
    assert "Có thể rời trang này" in page.content.decode()


# 2. A broken .docx, a .txt not in UTF-8: "không đúng định dạng cho phép (PDF, DOCX, TXT,
#    JPG, PNG)" told the clerk a Word file is not a Word file.


def broken_docx() -> bytes:
    data = docx_of(seed_text("002"))
    return data[: len(data) // 2]  # a download cut half way


def docx_without_body() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("hong.docx", broken_docx(), ["“hong.docx”", "Word", "bị hỏng"]),
        ("thieu.docx", docx_without_body(), ["“thieu.docx”", "Word", "bị hỏng"]),
        (
            "notepad.txt",
            "Ủy ban nhân dân\nKế hoạch thi đua".encode("utf-16"),
            ["“notepad.txt”", "UTF-8", "Encoding"],
        ),
        (
            "cu.txt",
            "Ủy ban nhân dân tỉnh\nKế hoạch".encode("cp1258", errors="replace"),
            ["“cu.txt”", "UTF-8", "Encoding"],
        ),
    ],
)
def test_a_broken_word_file_or_a_text_not_in_utf8_is_named_as_such(city_client, name, data, words):
    response = city_client.post(
        reverse("staff:import_start"), {"file": SimpleUploadedFile(name, data)}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "không đúng định dạng cho phép" not in html
    for word in words:
        assert word in html
    assert not ImportedDocument.objects.exists()


# 3. "Cần kiểm tra" and "Không tìm thấy" were badges beside the label only: a clerk on a
#    screen reader, going field to field with Tab, never heard which fields to check.


def test_the_marks_are_read_with_their_fields(city_client):
    response = city_client.post(reverse("staff:import_start"), {"text": seed_text("002")})
    imported = ImportedDocument.objects.get()
    imported.parsed["confidence"]["subject"] = 0.4  # read, not surely
    imported.save()
    review = city_client.get(response["Location"])
    assert "subject" in review.context["uncertain"] and "end_date" in review.context["missing"]
    html = review.content.decode()

    def described(name: str) -> list[str]:
        tag = re.search(rf'<(?:input|textarea|select)[^>]*name="{name}"[^>]*>', html).group(0)
        found = re.search(r'aria-describedby="([^"]*)"', tag)
        return found.group(1).split() if found else []

    assert "uncertain-subject" in described("subject")
    assert "id_subject_helptext" in described("subject")  # the hint is still read
    assert "missing-end_date" in described("end_date")
    assert not any(i.startswith(("missing-", "uncertain-")) for i in described("number"))


# 4. A scan no worker picked up (the queue down, the worker stopped) said "Đã đọc 0/1
#    trang" and reloaded every 2 s, for ever: nothing told the clerk it was stuck.


def test_a_scan_no_worker_reads_says_so_after_a_while(city_client):
    import datetime

    from django.utils import timezone

    stuck = ImportedDocument.objects.create(
        uploaded_by=city_client.user,
        original_name="ban-quet.pdf",
        status=ImportedDocument.Status.READING,
        scanned=True,
        pages_total=2,
    )
    fresh = ImportedDocument.objects.create(
        uploaded_by=city_client.user,
        original_name="moi.pdf",
        status=ImportedDocument.Status.READING,
        scanned=True,
        pages_total=2,
    )
    ImportedDocument.objects.filter(pk=stuck.pk).update(
        uploaded_at=timezone.now() - datetime.timedelta(minutes=12)
    )
    page = city_client.get(reverse("staff:import_review", args=[stuck.pk]))
    html = page.content.decode()
    assert "chưa bắt đầu đọc tệp này sau 12 phút" in html
    assert "dán nội dung văn bản" in html
    assert 'data-poll="10"' in html  # still looks, less often
    page = city_client.get(reverse("staff:import_review", args=[fresh.pk]))
    html = page.content.decode()
    assert "chưa bắt đầu đọc" not in html and 'data-poll="2"' in html

    # started, but far longer than a page takes: the worker may have stopped
    ImportedDocument.objects.filter(pk=fresh.pk).update(
        read_started_at=timezone.now() - datetime.timedelta(minutes=20), pages_done=1
    )
    html = city_client.get(reverse("staff:import_review", args=[fresh.pk])).content.decode()
    assert "lâu hơn thường lệ" in html and "1/2 trang" in html


# 5. The review took an end date before the document's own date, and the draft was made.


def test_the_review_refuses_an_end_before_the_issue_date(city_client):
    response = city_client.post(reverse("staff:import_start"), {"text": seed_text("002")})
    review = city_client.get(response["Location"])
    form = review.context["form"]
    data = {
        name: (value.pk if hasattr(value, "pk") else value)
        for name, value in form.initial.items()
        if value not in (None, "")
    }
    data.update(issued_on="31/12/2024", end_date="01/12/2024")
    response = city_client.post(response["Location"], data)
    assert response.status_code == 200
    assert "Ngày kết thúc phải sau ngày ban hành (31/12/2024)." in response.content.decode()
    assert not Campaign.objects.filter(source__startswith="Nhập từ").exists()


# 6. The same file imported again (the clerk came back another day) made a second draft
#    of the same document, with nothing said.


def test_a_file_already_made_into_a_draft_says_so_on_its_review(city_client):
    data = docx_of(seed_text("002"))
    first = city_client.post(
        reverse("staff:import_start"), {"file": SimpleUploadedFile("ke-hoach.docx", data)}
    )
    form = city_client.get(first["Location"]).context["form"]
    values = {
        name: (value.pk if hasattr(value, "pk") else value)
        for name, value in form.initial.items()
        if value not in (None, "")
    }
    values["issued_on"] = "31/12/2024"
    assert city_client.post(first["Location"], values).status_code == 302
    draft = ImportedDocument.objects.get().campaign

    again = city_client.post(
        reverse("staff:import_start"), {"file": SimpleUploadedFile("ban-sao.docx", data)}
    )
    html = city_client.get(again["Location"]).content.decode()
    assert "Tệp này đã được nhập" in html and "ke-hoach.docx" in html
    assert reverse("staff:campaign_edit", args=[draft.pk]) in html


# 7. Pasted text and a chosen file together: the file was read, the pasted text dropped
#    without a word.


def test_pasted_text_and_a_file_together_ask_which(city_client):
    response = city_client.post(
        reverse("staff:import_start"),
        {
            "text": "Nội dung dán vào",
            "file": SimpleUploadedFile("ke-hoach.docx", docx_of(seed_text("002"))),
        },
    )
    assert response.status_code == 200
    assert "Chỉ chọn một cách" in response.content.decode()
    assert not ImportedDocument.objects.exists()
