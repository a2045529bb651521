"""A tờ trình is a document of Decree 30 (decision 0083): forwarding one or several passed
dossiers of one body to the same upper body, chosen together, makes one Tờ trình with
its own number in the body's series for the year ("Số: 01/TTr-…"), place, date, the body
and the signer, frozen at the forwarding. Both bodies' offices list and read it, and each
forwarded dossier names it; another district's or province's office gets a 404."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from awards import services
from awards.models import Nomination, Submission
from tests.test_nomination_forward import stage, voted_beyond  # noqa: F401  (fixture)
from units.models import IssuedDocument

pytestmark = pytest.mark.django_db
Status = Nomination.Status


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_two_dossiers_forwarded_together_go_with_one_numbered_frozen_submission(
    stage,  # noqa: F811
    client,
    django_capture_on_commit_callbacks,
):
    office, district, province = stage["office"], stage["district"], stage["province"]
    first = voted_beyond(stage, "Lò Văn Một")
    second = voted_beyond(stage, "Lò Văn Hai")
    alone = voted_beyond(stage, "Lò Văn Ba")

    client.force_login(office)
    page = client.get(reverse("awards:forward_many")).content.decode()
    assert f"{district.name} trình {province.name}" in page and "Lò Văn Hai" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("awards:forward_many"),
            {"ho_so": [first.pk, second.pk], "signer_name": "Nguyễn Văn Ký"},
        )
    assert response.status_code == 302
    submission = Submission.objects.get()
    code = district.document_code
    assert submission.number_symbol == f"01/TTr-{code}"
    assert (submission.issuer, submission.addressee) == (district, province)
    assert set(submission.nominations.all()) == {first, second}
    for n in (first, second):
        n.refresh_from_db()
        assert (n.status, n.issuer, n.forwarded_from) == (Status.SUBMITTED, province, district)
        note = n.events.get(to_status=Status.FORWARDED).note
        assert f"Tờ trình số 01/TTr-{code} ngày {timezone.localdate():%d/%m/%Y}" in note

    # the next forwarding of the body takes the next number
    with django_capture_on_commit_callbacks(execute=True):
        services.nomination_forward(actor=office, nomination=alone)
    assert Submission.objects.get(nominations=alone).number_symbol == f"02/TTr-{code}"

    # the PDF: number and symbol, place, date, the body, the addressee, the list, the signer
    url = reverse("awards:submission_document", args=[submission.pk])
    got = client.get(url)
    assert got.status_code == 200
    data = body(got)
    text = pdf_text(data)
    assert f"Số: 01/TTr-{code}" in text
    assert "TỜ TRÌNH" in text and "Kính gửi: Chủ tịch" in text
    assert "Lò Văn Một" in text and "Lò Văn Hai" in text and "Lò Văn Ba" not in text
    assert "02 cá nhân" in text and "Nguyễn Văn Ký" in text
    assert f"năm {timezone.localdate().year}" in text

    # frozen: a renamed nominee and district do not change it
    person = first.nominee_person
    person.full_name = "Tên Đã Đổi"
    person.save()
    district.name = "UBND huyện Đổi Tên"
    district.save()
    assert body(client.get(url)) == data
    assert IssuedDocument.objects.filter(kind="submission", object_id=submission.pk).count() == 1

    # listed on the district's and the province's pages, and on each dossier
    listed = f"Tờ trình số 01/TTr-{code}"
    assert listed in client.get(reverse("awards:decision_list")).content.decode()
    detail = client.get(reverse("awards:nomination_detail", args=[first.pk])).content.decode()
    assert listed in detail and url in detail
    client.force_login(stage["province_office"])
    assert listed in client.get(reverse("awards:decision_list")).content.decode()
    assert body(client.get(url)) == data
    inbox = client.get(reverse("awards:inbox")).content.decode()
    assert url in inbox

    # another district's office, another province's: no tờ trình
    for outsider in (stage["other_office"], stage["other_province_office"]):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert listed not in client.get(reverse("awards:decision_list")).content.decode()


def test_a_choice_of_dossiers_that_cannot_all_go_writes_nothing(stage, client):  # noqa: F811
    office = stage["office"]
    ok = voted_beyond(stage, "Lò Văn Được")
    within = stage["passed"]  # within the district's own authority
    client.force_login(office)
    response = client.post(reverse("awards:forward_many"), {"ho_so": [ok.pk, within.pk]})
    assert response.status_code == 302
    ok.refresh_from_db()
    assert ok.status == Status.PASSED and ok.issuer == stage["district"]
    assert not Submission.objects.exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("thuộc thẩm quyền của" in m for m in messages), messages
    # another district's office cannot forward the district's dossier
    client.force_login(stage["other_office"])
    client.post(reverse("awards:forward_many"), {"ho_so": [ok.pk]})
    ok.refresh_from_db()
    assert ok.status == Status.PASSED and not Submission.objects.exists()
