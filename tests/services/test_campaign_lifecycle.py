"""Draft → published → closed → summarised, withdrawn with a reason; revisions; copies; files."""

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from campaigns import services
from campaigns.models import Attachment, Campaign, DocumentType
from units.models import Membership

pytestmark = pytest.mark.django_db
Status = Campaign.Status
TODAY = timezone.localdate()
END = TODAY + datetime.timedelta(days=200)


@pytest.fixture
def office(make_member, demo_units):
    return make_member("nv.tamduong", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)


@pytest.fixture
def draft(office, demo_units):
    campaign = Campaign(
        issuer=demo_units["ubnd-tam-duong"],
        document_type=DocumentType.objects.get(name="Kế hoạch"),
        symbol="KH-UBND",
        place="Tam Đường",
        issued_on=TODAY,
        subject="Phát động thi đua chuyển đổi số năm 2025",
        kind=Campaign.Kind.THEMATIC,
        end_date=END,
        signing_authority="KT. CHỦ TỊCH",
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Lò Văn A",
    )

    items = [
        {"label": f"{order}.", "text": text}
        for order, text in enumerate(["Thi đua số hóa hồ sơ", "Thi đua dịch vụ công trực tuyến"], 1)
    ]
    distribution = [{"text": "Như trên;", "mark": ""}, {"text": "Lưu: VT, NV.", "mark": ""}]
    return services.campaign_create(
        actor=office, campaign=campaign, parts={"items": items, "distribution": distribution}
    )


def test_publish_stamps_time_and_user(draft, office):
    campaign = services.campaign_publish(actor=office, campaign=draft)
    assert campaign.status == Status.PUBLISHED
    assert campaign.published_by == office and campaign.published_at is not None
    with pytest.raises(ValidationError, match="Không thể phát động"):
        services.campaign_publish(actor=office, campaign=campaign)


def test_publish_refuses_an_incomplete_document(draft, office):
    draft.signer_name = ""
    draft.save()
    draft.items.all().delete()
    with pytest.raises(ValidationError) as exc:
        services.campaign_publish(actor=office, campaign=draft)
    message = " ".join(exc.value.messages)
    assert "nội dung" in message and "người ký" in message
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_publish_refuses_a_document_without_its_distribution_list(draft, office):
    """A plan published with no "Nơi nhận" printed none, which Decree 30 requires (at
    least "Lưu: VT"): refused as a draft without its place is (decision 0027)."""
    draft.distribution.all().delete()
    with pytest.raises(ValidationError) as exc:
        services.campaign_publish(actor=office, campaign=draft)
    assert exc.value.messages == ["Chưa thể phát động, còn thiếu: nơi nhận (ít nhất “Lưu: VT”)."]
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert "nơi nhận" in services.publish_problems(draft)[0]

    services.campaign_edit(
        actor=office, campaign=draft, parts={"distribution": [{"text": "Lưu: VT.", "mark": ""}]}
    )
    assert services.campaign_publish(actor=office, campaign=draft).status == Status.PUBLISHED


def test_only_the_standing_office_of_the_issuer_acts(draft, make_member, demo_units):
    stranger = make_member(
        "nv.thanhpho", demo_units["ubnd-tp-lai-chau"], Membership.Role.OFFICE_STAFF
    )
    for action in (services.campaign_publish, services.campaign_copy):
        with pytest.raises(PermissionDenied):
            action(actor=stranger, campaign=draft)
    with pytest.raises(PermissionDenied):
        services.campaign_withdraw(actor=stranger, campaign=draft, reason="x")


def test_draft_edits_are_free_but_published_edits_need_a_reason_and_leave_a_revision(draft, office):
    def retitle(campaign, text):
        campaign.subject = text
        return campaign

    edited = services.campaign_edit(actor=office, campaign=retitle(draft, "Bản nháp 2"))
    assert edited is None
    published = services.campaign_publish(actor=office, campaign=draft)
    with pytest.raises(ValidationError, match="lý do"):
        services.campaign_edit(actor=office, campaign=retitle(published, "Sửa lén"))
    published.refresh_from_db()
    assert published.subject == "Bản nháp 2"  # nothing half-written

    revision = services.campaign_edit(
        actor=office,
        campaign=retitle(published, "Bản chính thức"),
        reason="Sửa trích yếu theo ý kiến lãnh đạo",
    )
    assert revision.number == 1 and revision.created_by == office
    assert revision.snapshot["subject"] == "Bản nháp 2"
    assert revision.changed_fields == ["subject"]
    published.refresh_from_db()
    assert published.subject == "Bản chính thức"


def test_an_edit_from_a_stale_copy_keeps_the_steps_taken_meanwhile(draft, office):
    """The editor's form holds the campaign as it was loaded: saving it writes the
    document, never the status or who published it."""
    stale = Campaign.objects.get(pk=draft.pk)
    services.campaign_publish(actor=office, campaign=draft)
    stale.theme = "Chủ đề sửa sau khi phát động"
    services.campaign_edit(actor=office, campaign=stale, reason="Bổ sung chủ đề")
    campaign = Campaign.objects.get(pk=draft.pk)
    assert campaign.theme == "Chủ đề sửa sau khi phát động"
    assert campaign.status == Status.PUBLISHED and campaign.published_by == office
    assert campaign.history.first().status == Status.PUBLISHED  # the history row too
    assert campaign.revisions.get().changed_fields == ["theme"]


def test_close_by_hand_and_by_the_scheduler(draft, office, demo):
    services.campaign_publish(actor=office, campaign=draft)
    out = io.StringIO()
    call_command("close_campaigns", "--date", END.isoformat(), stdout=out)
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED  # still its last day
    after = (END + datetime.timedelta(days=1)).isoformat()
    call_command("close_campaigns", "--date", after, stdout=out)
    draft.refresh_from_db()
    assert draft.status == Status.CLOSED and draft.closed_by is None
    assert Campaign.objects.filter(status=Status.CLOSED).count() == 6  # with the five seeds
    call_command("close_campaigns", "--date", after, stdout=out)  # twice: nothing more
    assert "Tổng cộng 0 phong trào" in out.getvalue().splitlines()[-1]


def test_summarise_needs_closed_and_keeps_the_report(draft, office):
    services.campaign_publish(actor=office, campaign=draft)
    with pytest.raises(ValidationError, match="tổng kết"):
        services.campaign_summarise(actor=office, campaign=draft, summary="Tốt")
    services.campaign_close(actor=office, campaign=draft)
    report = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.7\n%%EOF\n")
    campaign = services.campaign_summarise(
        actor=office, campaign=draft, summary="Đã có 25 đơn vị tham gia.", report=report
    )
    assert campaign.status == Status.SUMMARISED and campaign.summarised_by == office
    attachment = campaign.attachments.get()
    assert attachment.kind == Attachment.Kind.SUMMARY_REPORT and attachment.is_public


def test_withdraw_needs_a_reason_and_hides_from_the_portal(draft, office, client):
    services.campaign_publish(actor=office, campaign=draft)
    with pytest.raises(ValidationError, match="lý do"):
        services.campaign_withdraw(actor=office, campaign=draft, reason=" ")
    services.campaign_withdraw(actor=office, campaign=draft, reason="Ban hành nhầm")
    draft.refresh_from_db()
    assert draft.status == Status.WITHDRAWN and draft.withdrawn_reason == "Ban hành nhầm"
    assert client.get(f"/phong-trao/{draft.pk}/").status_code == 404
    assert Campaign.objects.filter(pk=draft.pk).exists()


def test_copy_carries_the_whole_document_as_a_new_draft(demo, make_member, demo_units):
    office = make_member("nv.tp", demo_units["ubnd-tp-lai-chau"], Membership.Role.OFFICE_STAFF)
    original = demo["002"]
    copy = services.campaign_copy(actor=office, campaign=original)
    assert copy.status == Status.DRAFT and copy.copied_from == original
    assert copy.number == "" and copy.issued_on is None and copy.published_at is None
    assert copy.subject == original.subject and copy.parent == original.parent
    top = list(copy.items.filter(parent=None).order_by("order"))
    assert [i.label for i in top] == ["1.", "2.", "3.", "4.", "5."]
    assert top[2].children.count() == 4
    assert copy.distribution.count() == original.distribution.count()
    assert copy.references.count() == original.references.count()
    assert copy.anniversaries.count() == original.anniversaries.count()
    assert original.items.count() == 9  # the original is untouched


def make_zip(entries: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name,content,kind",
    [
        ("scan.pdf", b"%PDF-1.5\n...", "application/pdf"),
        ("anh.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, "image/png"),
        ("anh.JPG", b"\xff\xd8\xff\xe0" + b"0" * 20, "image/jpeg"),
        (
            "bao-cao.docx",
            make_zip({"[Content_Types].xml": "x", "word/document.xml": "x"}),
            "wordprocessingml",
        ),
        (
            "bang.xlsx",
            make_zip({"[Content_Types].xml": "x", "xl/workbook.xml": "x"}),
            "spreadsheetml",
        ),
    ],
)
def test_accepted_files_by_content(draft, office, name, content, kind):
    attachment = services.attachment_add(
        actor=office, campaign=draft, upload=SimpleUploadedFile(name, content)
    )
    assert kind in attachment.content_type
    assert len(attachment.sha256) == 64 and attachment.size == len(content)
    assert attachment.file.read() == content
    assert "/static/" not in attachment.file.path


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("virus.pdf", b"MZ\x90\x00 this is an exe", "không đúng định dạng"),
        ("scan.png", b"%PDF-1.4 really a pdf", "phần mở rộng"),
        (
            "macro.docm",
            make_zip({"[Content_Types].xml": "x", "word/document.xml": "x"}),
            "phần mở rộng",
        ),
        ("fake.docx", make_zip({"hello.txt": "x"}), "không đúng định dạng"),
        ("empty.pdf", b"", "rỗng"),
        ("page.html", b"<html><script>alert(1)</script>", "không đúng định dạng"),
    ],
)
def test_refused_files(draft, office, name, content, message):
    with pytest.raises(ValidationError, match=message):
        services.attachment_add(
            actor=office, campaign=draft, upload=SimpleUploadedFile(name, content)
        )
    assert not draft.attachments.exists()


def test_size_limit_from_settings(draft, office, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="quá lớn"):
        services.attachment_add(
            actor=office,
            campaign=draft,
            upload=SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2000),
        )


def test_publish_refuses_an_end_date_already_past(draft, office):
    draft.end_date = TODAY - datetime.timedelta(days=1)
    draft.save()
    with pytest.raises(ValidationError, match="đã qua"):
        services.campaign_publish(actor=office, campaign=draft)


def test_copy_clears_the_old_period(demo, make_member, demo_units):
    office = make_member("nv.tp2", demo_units["ubnd-tp-lai-chau"], Membership.Role.OFFICE_STAFF)
    copy = services.campaign_copy(actor=office, campaign=demo["002"])
    assert (copy.start_date, copy.end_date, copy.time_frame) == (None, None, "")


def test_an_issued_documents_number_date_and_type_are_never_changed(draft, office):
    """An issued document is known by its number, symbol and date: a revision may fill in
    a number the paper got after publishing, but never renumber, redate or retype it (a
    correction is a new document with its own number, decision 0060)."""
    published = services.campaign_publish(actor=office, campaign=draft)
    published.number = "15"
    services.campaign_edit(actor=office, campaign=published, reason="Vào sổ: số 15")
    published.refresh_from_db()
    assert published.number == "15"

    changes = {
        "number": "16",
        "symbol": "KH-VP",
        "issued_on": TODAY - datetime.timedelta(days=1),
        "document_type": DocumentType.objects.get(name="Công văn"),
    }
    for field, value in changes.items():
        stale = Campaign.objects.get(pk=published.pk)
        setattr(stale, field, value)
        stale.subject = "Trích yếu sửa cùng lúc"
        with pytest.raises(ValidationError) as exc:
            services.campaign_edit(actor=office, campaign=stale, reason="Sửa nhầm")
        assert "văn bản mới" in " ".join(exc.value.messages), field
        assert field in exc.value.message_dict, field
        fresh = Campaign.objects.get(pk=published.pk)
        assert (fresh.number, fresh.symbol, fresh.issued_on, fresh.subject) == (
            "15",
            "KH-UBND",
            TODAY,
            "Phát động thi đua chuyển đổi số năm 2025",
        )  # nothing half-written
    assert published.revisions.count() == 1
