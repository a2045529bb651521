"""An issued document is a legal record: its PDF is made once, kept with its SHA-256,
and every download returns the same bytes, whatever changes afterwards."""

import datetime
import hashlib
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from awards.models import AwardType
from campaigns import services as campaign_services
from campaigns.documents import campaign_parts
from campaigns.models import Campaign
from tests.factories import issued_decision, passed_nominations
from units.models import IssuedDocument, Membership

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def decision(cycle, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the worker renders after commit
        return issued_decision(cycle, passed_nominations(cycle, 2))


def test_an_issued_decision_keeps_its_bytes_after_the_award_type_is_renamed(client, decision):
    url = reverse("awards_public:decision_pdf", args=[decision.pk])
    first = client.get(url)
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    original = body(first)
    assert "Lao động tiên tiến" in pdf_text(original)
    document = IssuedDocument.objects.get(kind="decision", object_id=decision.pk)
    assert document.sha256 == hashlib.sha256(original).hexdigest() == first["X-Content-SHA256"]

    award = AwardType.objects.get(code="lao-dong-tien-tien")
    award.name = "Lao động tiên tiến (tên mới)"
    award.save()
    decision.issuer.name = "UBND huyện đã đổi tên"
    decision.issuer.save()

    again = body(client.get(url))
    assert again == original
    assert "tên mới" not in pdf_text(again)
    # a draft preview would follow today's data, which shows the test can tell them apart
    assert "tên mới" in client.get(
        reverse("awards_public:decision_detail", args=[decision.pk])
    ).content.decode("utf-8")


def test_the_hash_is_on_the_public_page_and_answers_conditional_requests(client, decision):
    document = IssuedDocument.objects.get(kind="decision", object_id=decision.pk)
    page = client.get(reverse("awards_public:decision_detail", args=[decision.pk]))
    assert document.sha256 in page.content.decode()
    url = reverse("awards_public:decision_pdf", args=[decision.pk])
    response = client.get(url, HTTP_IF_NONE_MATCH=f'"{document.sha256}"')
    assert response.status_code == 304 and response["ETag"] == f'"{document.sha256}"'


def test_certificates_are_made_once_at_issue(client, decision, cycle):
    document = IssuedDocument.objects.get(kind="certificates", object_id=decision.pk)
    assert document.is_rendered
    client.force_login(cycle["office"])
    response = client.get(reverse("awards:certificates_pdf", args=[decision.pk]))
    data = body(response)
    assert hashlib.sha256(data).hexdigest() == document.sha256
    assert "Lò Văn 01" in pdf_text(data) and "Lò Văn 02" in pdf_text(data)


@pytest.fixture
def office(make_member, demo):
    return make_member("nv.tp", demo["002"].issuer, Membership.Role.OFFICE_STAFF)


def publish_new(office, demo, django_capture_on_commit_callbacks) -> Campaign:
    campaign = campaign_services.campaign_copy(actor=office, campaign=demo["002"])
    campaign.end_date = None
    campaign.issued_on = datetime.date(2026, 1, 5)
    campaign.number = "12"
    campaign.save()
    with django_capture_on_commit_callbacks(execute=True):
        return campaign_services.campaign_publish(actor=office, campaign=campaign)


def test_a_published_document_is_frozen_and_a_revision_keeps_the_old_one(
    client, office, demo, django_capture_on_commit_callbacks
):
    campaign = publish_new(office, demo, django_capture_on_commit_callbacks)
    url = reverse("public:campaign_pdf", args=[campaign.pk])
    original = body(client.get(url))
    first = IssuedDocument.objects.get(kind="campaign", object_id=campaign.pk)
    assert first.revision == 0 and first.sha256 == hashlib.sha256(original).hexdigest()
    assert (
        first.sha256
        in client.get(reverse("public:campaign_detail", args=[campaign.pk])).content.decode()
    )

    # the issuer's name changes: the issued PDF does not
    campaign.issuer.name = "ỦY BAN NHÂN DÂN ĐÃ ĐỔI TÊN"
    campaign.issuer.save()
    assert body(client.get(url)) == original

    # a change after publication is a new revision; the old PDF stays as it was
    items = campaign_parts(campaign, ids=True)["items"]
    items[0]["text"] = "Nội dung đã sửa đổi lần một."
    with django_capture_on_commit_callbacks(execute=True):
        campaign_services.campaign_edit(
            actor=office, campaign=campaign, parts={"items": items}, reason="Sửa nội dung thi đua"
        )
    revised = body(client.get(url))
    assert revised != original and "Nội dung đã sửa đổi lần một." in pdf_text(revised)
    documents = IssuedDocument.objects.filter(kind="campaign", object_id=campaign.pk)
    assert sorted(d.revision for d in documents) == [0, 1]
    with documents.get(revision=0).file.open("rb") as old:
        assert old.read() == original


def test_the_page_of_a_revision_gives_the_pdf_issued_before_it(
    client, office, demo, django_capture_on_commit_callbacks
):
    """The issued PDF was kept at each change but no page gave it back: the revision's
    page showed the old fields only, so the office could not hand out the document as
    first issued. It now links that PDF, the same bytes as were issued."""
    campaign = publish_new(office, demo, django_capture_on_commit_callbacks)
    original = body(client.get(reverse("public:campaign_pdf", args=[campaign.pk])))
    campaign.subject = "Trích yếu đã sửa"
    with django_capture_on_commit_callbacks(execute=True):
        campaign_services.campaign_edit(actor=office, campaign=campaign, reason="Sửa trích yếu")
    client.force_login(office)
    page = client.get(reverse("staff:revision_detail", args=[campaign.pk, 1])).content.decode()
    link = reverse("staff:revision_pdf", args=[campaign.pk, 1])
    assert f'href="{link}"' in page and "Bản PDF đã phát hành trước lần sửa 1" in page
    response = client.get(link)
    assert response["Content-Type"] == "application/pdf" and body(response) == original
    # staff only, as the revision's page
    client.logout()
    assert client.get(link).status_code in (302, 403, 404)


def test_a_campaign_published_before_documents_were_kept_is_frozen_on_first_download(client, demo):
    campaign = demo["004"]
    IssuedDocument.objects.filter(kind="campaign", object_id=campaign.pk).delete()
    url = reverse("public:campaign_pdf", args=[campaign.pk])
    first = body(client.get(url))
    assert body(client.get(url)) == first
    assert IssuedDocument.objects.filter(kind="campaign", object_id=campaign.pk).count() == 1


def test_a_draft_preview_follows_the_text_and_is_not_kept(client, office, demo):
    campaign = campaign_services.campaign_copy(actor=office, campaign=demo["002"])
    client.force_login(office)
    response = client.get(reverse("staff:campaign_pdf", args=[campaign.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert not IssuedDocument.objects.filter(kind="campaign", object_id=campaign.pk).exists()


# The certificates' file is named by what it holds (decision 0021, third round) ----------


def test_certificates_of_a_title_are_not_named_giay_khen(client, decision, cycle):
    """Every page is a danh hiệu “Lao động tiên tiến”: the file said giay-khen-….pdf."""
    document = IssuedDocument.objects.get(kind="certificates", object_id=decision.pk)
    expected = f"giay-chung-nhan-danh-hieu-{decision.number}-{decision.year}.pdf"
    assert document.filename == expected
    client.force_login(cycle["office"])
    response = client.get(reverse("awards:certificates_pdf", args=[decision.pk]))
    assert f'filename="{expected}"' in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("codes", "start"),
    [
        (["giay-khen-xa-ca-nhan"], "giay-khen-"),
        (["bang-khen-tinh-ca-nhan"], "bang-khen-"),
        (["giay-khen-xa-ca-nhan", "lao-dong-tien-tien"], "bang-giay-khen-"),
    ],
)
def test_certificates_file_name_follows_the_kinds_it_holds(decision, codes, start):
    from awards import pdf

    grants = list(decision.grants.order_by("pk"))
    for grant, code in zip(grants, codes * len(grants), strict=False):
        grant.award_type = AwardType.objects.get(code=code)
        grant.save(update_fields=["award_type"])
    assert pdf.certificates_filename(decision) == f"{start}{decision.number}-{decision.year}.pdf"


def test_certificates_issued_earlier_keep_their_stored_name(client, decision, cycle):
    """The stored file is the legal record: its name is not rewritten."""
    old = f"giay-khen-{decision.number}-{decision.year}.pdf"
    IssuedDocument.objects.filter(kind="certificates", object_id=decision.pk).update(filename=old)
    client.force_login(cycle["office"])
    response = client.get(reverse("awards:certificates_pdf", args=[decision.pk]))
    assert f'filename="{old}"' in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("codes", "label"),
    [
        (["lao-dong-tien-tien"], "In giấy chứng nhận danh hiệu (PDF)"),
        (["giay-khen-xa-ca-nhan"], "In giấy khen (PDF)"),
        (["bang-khen-tinh-ca-nhan"], "In bằng khen (PDF)"),
        (["giay-khen-xa-ca-nhan", "bang-khen-tinh-ca-nhan"], "In bằng khen, giấy khen (PDF)"),
    ],
)
def test_certificates_link_names_what_it_prints(client, decision, cycle, codes, label):
    """The decision's page offered "In giấy khen, bằng khen (PDF)" whatever it printed."""
    grants = list(decision.grants.order_by("pk"))
    for grant, code in zip(grants, codes * len(grants), strict=False):
        grant.award_type = AwardType.objects.get(code=code)
        grant.save(update_fields=["award_type"])
    client.force_login(cycle["office"])
    page = client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert f">{label}</a>" in page


# An issued document carries its stylesheet (decision 0005) ---------------------------
# The frozen HTML linked the live `thidua-static:pdf/document.css`: a document issued but
# not yet rendered when the stylesheet changed (or a lost PDF rendered again) printed
# with the new CSS, not as issued.

MARK = "Kiểu in sau ngày ban hành"


@pytest.fixture
def restyled(tmp_path, settings):
    """Deploy new stylesheets after issue: the static files put a rule first whose
    text shows in the PDF, and the finders serve these files from now on."""

    def restyle():
        folder = tmp_path / "static" / "pdf"
        folder.mkdir(parents=True)
        for name in ("document.css", "certificate.css"):
            live = (settings.BASE_DIR / "static" / "pdf" / name).read_text("utf-8")
            rule = f'body::before {{ content: "{MARK}"; }}\n'
            (folder / name).write_text(rule + live, "utf-8")
        settings.STATICFILES_DIRS = [tmp_path / "static", *settings.STATICFILES_DIRS]

    return restyle


def test_a_launch_document_issued_before_a_stylesheet_change_prints_as_issued(
    client, office, demo, restyled
):
    campaign = campaign_services.campaign_copy(actor=office, campaign=demo["002"])
    campaign.issued_on, campaign.number, campaign.end_date = datetime.date(2026, 1, 5), "13", None
    campaign.save()
    campaign_services.campaign_publish(actor=office, campaign=campaign)  # no worker ran yet
    document = IssuedDocument.objects.get(kind="campaign", object_id=campaign.pk)
    assert not document.is_rendered
    html = document.html

    restyled()
    text = pdf_text(body(client.get(reverse("public:campaign_pdf", args=[campaign.pk]))))
    assert "Số: 13/PĐTĐ-UBND" in text
    assert MARK not in text
    document.refresh_from_db()
    assert document.is_rendered and document.html == html  # the record itself never changes

    # a draft is no legal record: its preview follows the stylesheet of the day
    draft = campaign_services.campaign_copy(actor=office, campaign=demo["002"])
    client.force_login(office)
    assert MARK in pdf_text(body(client.get(reverse("staff:campaign_pdf", args=[draft.pk]))))


def test_a_decision_and_its_certificates_rendered_again_print_as_issued(cycle, restyled):
    """A lost PDF made again from the stored HTML is the one that was issued."""
    from units.documents import issued_document_pdf

    decision = issued_decision(cycle, passed_nominations(cycle, 1))  # no worker ran yet
    restyled()
    for kind in ("decision", "certificates"):
        document = IssuedDocument.objects.get(kind=kind, object_id=decision.pk)
        text = pdf_text(issued_document_pdf(document))
        assert "Lò Văn 01" in text
        assert MARK not in text, kind


def test_an_issued_document_refers_to_no_static_file(cycle, settings):
    """The stylesheets are inside the stored HTML, and nothing else it prints (images,
    fonts) is fetched: fonts are the system's, the stylesheets name no URL."""
    decision = issued_decision(cycle, passed_nominations(cycle, 1))
    for document in IssuedDocument.objects.filter(object_id=decision.pk):
        assert "thidua-static:" not in document.html and "<style" in document.html
        assert "@page" in document.html  # the stylesheet as it was, not a summary of it
    for name in ("document.css", "certificate.css"):
        text = (settings.BASE_DIR / "static" / "pdf" / name).read_text("utf-8").lower()
        assert "url(" not in text and "@import" not in text, name


def test_a_document_issued_before_stylesheets_were_kept_still_renders(restyled):
    """Rows issued earlier link the live stylesheet; they are never rewritten, and the
    engine still serves that link (and refuses every other URL)."""
    from units.documents import issued_document_pdf

    html = (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<link rel="stylesheet" href="thidua-static:pdf/document.css">'
        '<link rel="stylesheet" href="file:///etc/passwd"></head>'
        "<body><p>Quyết định đã ban hành trước đây</p></body></html>"
    )
    document = IssuedDocument.objects.create(
        kind="decision", object_id=987654, html=html, filename="quyet-dinh.pdf"
    )
    restyled()
    text = pdf_text(issued_document_pdf(document))
    assert "Quyết định đã ban hành trước đây" in text and MARK in text
    document.refresh_from_db()
    assert document.html == html


def test_only_our_stylesheet_links_are_copied_in():
    from units.pdf import inline_stylesheets

    html = (
        "<head><link rel='stylesheet' media=\"print\" href='thidua-static:pdf/document.css'>"
        '<link rel="icon" href="thidua-static:pdf/document.css">'
        '<link rel="stylesheet" href="thidua-static:../config/settings.py">'
        '<link rel="stylesheet" href="file:///etc/passwd"></head>'
    )
    frozen = inline_stylesheets(html)
    assert frozen.startswith('<head><style data-frozen-from="pdf/document.css" media="print">')
    assert "@page" in frozen and "</style>" in frozen
    # anything else stays a link, which the engine refuses as before
    for kept in html.split("'>", 1)[1].split("</head>")[0].split("><"):
        assert kept.strip("<>") in frozen
    assert "SECRET_KEY" not in frozen


def test_the_engine_still_refuses_every_other_url():
    from units.pdf import StaticOnlyFetcher, html_to_pdf

    fetcher = StaticOnlyFetcher()
    html_to_pdf(
        '<html><head><link rel="stylesheet" href="file:///etc/passwd">'
        '<link rel="stylesheet" href="http://example.invalid/x.css">'
        '<link rel="stylesheet" href="thidua-static:../config/settings.py"></head>'
        '<body><img src="thidua-static:pdf/missing.png">Chữ</body></html>',
        fetcher=fetcher,
    )
    assert fetcher.refused == [
        "file:///etc/passwd",
        "http://example.invalid/x.css",
        "thidua-static:../config/settings.py",
        "thidua-static:pdf/missing.png",
    ]
