"""Nơi nhận of a decision was fixed to "- Như Điều 3; - Lưu: VT.": the clerk could not
add the Sở Nội vụ, the council or the leaders a real decision is sent to, and had to
write them on the printed copy (decision 0071)."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from awards import pdf
from awards.models import Decision

pytestmark = pytest.mark.django_db


def text(data: bytes) -> str:
    return re.sub(
        r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    )


@pytest.fixture
def stage(cycle):
    from tests.awards_stage import build_stage

    return build_stage(cycle)


def test_the_clerk_writes_the_recipients_and_the_decision_prints_them(client, stage):
    client.force_login(stage["office"])
    form = client.get(reverse("awards:decision_create")).content.decode()
    assert "Nơi nhận" in form
    response = client.post(
        reverse("awards:decision_create"),
        {
            "issuer": stage["district"].pk,
            "subject": "Về việc tặng Giấy khen",
            "symbol": "QĐ-UBND",
            "place": "Tam Đường",
            "signer_title": "CHỦ TỊCH",
            "signer_name": "Sùng Lữ Páo",
            # as clerks type them: with or without the dash and the semicolon, blank lines
            "distribution": "- Sở Nội vụ (Ban Thi đua - Khen thưởng);\r\n\r\nTT Huyện ủy, TT HĐND huyện\r\n- Như Điều 3;",
            "nominations": [stage["passed"].pk],
        },
    )
    assert response.status_code == 302
    decision = Decision.objects.latest("pk")
    body = text(pdf.decision_pdf(decision))
    assert (
        "Nơi nhận: - Như Điều 3; - Sở Nội vụ (Ban Thi đua - Khen thưởng); "
        "- TT Huyện ủy, TT HĐND huyện; - Lưu: VT." in body
    )
    # the edit form gives them back as written
    edit = client.get(reverse("awards:decision_edit", args=[decision.pk])).content.decode()
    assert "Sở Nội vụ (Ban Thi đua - Khen thưởng)" in edit


def test_without_recipients_the_decision_reads_as_before(stage):
    body = text(pdf.decision_pdf(stage["decision"]))
    assert "Nơi nhận: - Như Điều 3; - Lưu: VT." in body


def test_a_new_draft_takes_the_recipients_of_the_bodys_last_issued_decision(client, stage):
    """Nơi nhận was empty on every new draft: the clerk typed the same five recipients
    each time (decision 0074, item 6). It now starts from the body's last issued decision
    that had any, as the signer does; a draft, or another body's decision, is not read."""
    from awards import services
    from tests.factories import passed_nominations

    office, district = stage["office"], stage["district"]
    client.force_login(office)

    def offered() -> str:
        response = client.get(reverse("awards:decision_create"))
        return response.context["form"]["distribution"].value() or ""

    assert offered() == ""  # nothing issued yet: the default, "Như Điều 3" and "Lưu: VT" only
    older, newer, later = passed_nominations(stage, 3)
    for nominations, recipients in (
        ([older], "Sở Nội vụ;\nTT Huyện ủy"),
        (
            [newer],
            "Sở Nội vụ (Ban Thi đua - Khen thưởng)\nTT HĐND huyện\nCác Phó Chủ tịch UBND huyện",
        ),
    ):
        decision = services.decision_draft(
            actor=office,
            issuer=district,
            subject="Về việc tặng Giấy khen",
            signer_name="Sùng Lữ Páo",
            distribution=recipients,
            nominations=nominations,
        )
        services.decision_issue(actor=office, decision=decision)
    services.decision_draft(  # a draft's recipients are not yet anyone's
        actor=office,
        issuer=district,
        subject="Dự thảo",
        signer_name="Sùng Lữ Páo",
        distribution="Nơi nhận của dự thảo",
        nominations=[later],
    )
    html = client.get(reverse("awards:decision_create")).content.decode()
    assert offered() == (
        "Sở Nội vụ (Ban Thi đua - Khen thưởng)\nTT HĐND huyện\nCác Phó Chủ tịch UBND huyện"
    )
    assert "Điền sẵn theo quyết định ban hành gần nhất" in html.split("Nơi nhận")[1]
    # a draft being edited keeps its own
    draft = Decision.objects.get(subject="Dự thảo")
    edit = client.get(reverse("awards:decision_edit", args=[draft.pk]))
    assert edit.context["form"]["distribution"].value() == "Nơi nhận của dự thảo"


def test_an_office_of_several_bodies_gets_the_signer_and_recipients_of_the_body_it_drafts_for(
    client, stage, demo_units
):
    """An office serving two bodies got no prefilled signer or Nơi nhận: the form did not
    know the body (decision 0074, left). The page now asks which body first, and a draft
    for a body starts from that body's last issued decision."""
    import datetime

    from units.models import Membership

    office, district = stage["office"], stage["district"]
    other = demo_units["ubnd-tan-uyen"]
    Membership.objects.create(user=office, unit=other, role=Membership.Role.OFFICE_STAFF)
    for body, number, authority, title, name, recipients in (
        (district, 5, "", "CHỦ TỊCH", "Sùng Lữ Páo", "TT Huyện ủy Tam Đường"),
        (other, 9, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lò Văn Tân", "TT Huyện ủy Tân Uyên"),
    ):
        Decision.objects.create(
            issuer=body,
            year=2025,
            number=number,
            symbol="QĐ-UBND",
            subject="Về việc khen thưởng",
            status=Decision.Status.ISSUED,
            issued_on=datetime.date(2025, 3, 1),
            signing_authority=authority,
            signer_title=title,
            signer_name=name,
            distribution=recipients,
        )
    client.force_login(office)
    url = reverse("awards:decision_create")

    page = client.get(url).content.decode()  # which body? each a link
    assert f'href="{url}?co_quan={other.pk}"' in page
    assert f'href="{url}?co_quan={district.pk}"' in page
    assert "Điền sẵn" not in page

    response = client.get(url, {"co_quan": other.pk})
    form = response.context["form"]
    assert form["issuer"].value() == other.pk
    assert form["signer_name"].value() == "Lò Văn Tân"
    assert form["signing_authority"].value() == "KT. CHỦ TỊCH"
    assert form["signer_title"].value() == "PHÓ CHỦ TỊCH"
    assert form["distribution"].value() == "TT Huyện ủy Tân Uyên"
    assert form["place"].value() == other.locality
    html = response.content.decode()
    assert "Điền sẵn theo quyết định ban hành gần nhất của UBND huyện Tân Uyên (09/QĐ-UBND)" in html

    form = client.get(url, {"co_quan": district.pk}).context["form"]
    assert form["signer_name"].value() == "Sùng Lữ Páo"
    assert form["distribution"].value() == "TT Huyện ủy Tam Đường"

    # a body the office does not serve: not found
    city = demo_units["ubnd-tp-lai-chau"]
    assert client.get(url, {"co_quan": city.pk}).status_code == 404
    assert client.get(url, {"co_quan": "abc"}).status_code == 404
