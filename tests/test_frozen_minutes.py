"""The council's minutes (biên bản họp Hội đồng) are a legal record: once the session
closes, every download returns the PDF made at the close, whatever changes afterwards."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from awards import services
from awards.models import CouncilSession
from tests.factories import nominate
from units.models import IssuedDocument, Person

pytestmark = pytest.mark.django_db


def text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def closed_session(cycle) -> CouncilSession:
    person = Person.objects.create(full_name="Lò Văn Biên Bản", unit=cycle["commune"])
    nomination = nominate(cycle, person=person)
    services.nomination_submit(actor=cycle["staff"], nomination=nomination)
    services.nomination_appraise(actor=cycle["office"], nomination=nomination, result="eligible")
    session = services.session_create(
        actor=cycle["office"],
        issuer=cycle["district"],
        title="Họp xét thi đua năm 2025",
        held_on=datetime.date(2025, 12, 1),
        members=cycle["council"],
        nominations=[nomination],
    )
    item = session.agenda.get()
    for member in cycle["council"]:
        services.vote_cast(actor=member, item=item, choice="agree")
    return session


def test_the_minutes_downloaded_later_are_the_ones_made_at_the_close(client, cycle):
    session = closed_session(cycle)
    member = cycle["council"][0]
    member.first_name, member.last_name = "Đồng Thị Hội", ""
    member.save()
    client.force_login(cycle["office"])
    client.post(reverse("awards:session_close", args=[session.pk]))
    session.refresh_from_db()
    assert session.status == CouncilSession.Status.CLOSED

    url = reverse("awards:session_minutes", args=[session.pk])
    first = client.get(url)
    assert first["Content-Type"] == "application/pdf"
    before = text(first.content)
    assert "Lò Văn Biên Bản" in before and "Đồng Thị Hội" in before
    assert "HUYỆN TAM ĐƯỜNG" in before

    # afterwards: the nominee, a member and the body are renamed
    Person.objects.filter(full_name="Lò Văn Biên Bản").update(full_name="Lò Văn Đổi Tên")
    member.first_name = "Hoàng Văn Khác"
    member.save()
    district = cycle["district"]
    district.name = "UBND huyện Tam Đường Mới"
    district.save()
    session.agenda.update(agree=0)  # even a tally touched by hand

    again = client.get(url)
    after = text(again.content)
    assert after == before
    assert again.content == first.content
    assert "Lò Văn Đổi Tên" not in after and "Hoàng Văn Khác" not in after
    assert "ĐƯỜNG MỚI" not in after
    document = IssuedDocument.objects.get(kind=IssuedDocument.Kind.MINUTES, object_id=session.pk)
    assert again["X-Content-SHA256"] == document.sha256


def test_a_session_closed_before_minutes_were_kept_is_frozen_at_its_first_download(client, cycle):
    session = closed_session(cycle)
    services.session_close(actor=cycle["office"], session=session)
    IssuedDocument.objects.filter(object_id=session.pk, kind="minutes").delete()
    client.force_login(cycle["office"])
    url = reverse("awards:session_minutes", args=[session.pk])
    first = client.get(url).content
    Person.objects.filter(full_name="Lò Văn Biên Bản").update(full_name="Lò Văn Đổi Tên")
    assert client.get(url).content == first
    assert "Lò Văn Biên Bản" in text(first)


def test_an_open_session_has_no_minutes(client, cycle):
    session = closed_session(cycle)
    client.force_login(cycle["office"])
    assert client.get(reverse("awards:session_minutes", args=[session.pk])).status_code == 404
    assert not IssuedDocument.objects.filter(object_id=session.pk, kind="minutes").exists()
