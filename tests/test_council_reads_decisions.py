"""A council member reads the decisions of the body whose council they sit on (decision
0076). Before: hd0, on UBND huyện Tam Đường's council, read its sessions but got 403 for
"Quyết định" and 404 for Quyết định 07/QĐ-UBND, the decision their vote led to. Now they
read the list, the page and the PDF, as the standing office does, read only: they do not
issue, edit or withdraw; another body's decisions stay 404."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from awards.models import Decision
from tests.factories import issued_and_draft

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def decisions(cycle, demo_units):
    issued, draft = issued_and_draft(cycle)
    other = Decision.objects.create(
        issuer=demo_units["ubnd-tan-uyen"],
        year=2025,
        number=3,
        symbol="QĐ-UBND",
        issued_on=D(2025, 6, 10),
        status=Decision.Status.ISSUED,
        subject="Về việc khen thưởng của huyện Tân Uyên",
        signer_name="Người Ký",
    )
    return {"issued": issued, "draft": draft, "other": other}


def _state() -> tuple:
    return sorted(Decision.objects.values_list("pk", "status", "number", "subject", "archived"))


def test_a_council_member_reads_their_bodys_decisions(client, cycle, decisions):
    client.force_login(cycle["council"][0])
    listing = client.get(reverse("awards:decision_list"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert decisions["issued"].subject in html and decisions["draft"].subject in html
    assert decisions["other"].subject not in html
    assert reverse("awards:decision_create") not in html
    for key in ("issued", "draft"):
        pk = decisions[key].pk
        page = client.get(reverse("awards:decision_detail", args=[pk]))
        assert page.status_code == 200, key
        assert "chỉ xem" in page.content.decode(), key
        pdf = client.get(reverse("awards:decision_pdf", args=[pk]))
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf", key
    # the menu of the awards pages names the decisions
    sessions = client.get(reverse("awards:session_list")).content.decode()
    assert f'href="{reverse("awards:decision_list")}"' in sessions


def test_a_council_member_does_not_issue_edit_or_withdraw(client, cycle, decisions):
    draft, issued = decisions["draft"], decisions["issued"]
    client.force_login(cycle["council"][0])
    page = client.get(reverse("awards:decision_detail", args=[draft.pk])).content.decode()
    for action in ("decision_issue", "decision_edit", "decision_withdraw"):
        assert reverse(f"awards:{action}", args=[draft.pk]) not in page, action
    before = _state()
    posts = [
        ("awards:decision_issue", [draft.pk], {"number": "9", "issued_on": "25/06/2025"}),
        ("awards:decision_issue", [draft.pk], {}),
        ("awards:decision_edit", [draft.pk], {"subject": "Sửa", "signer_name": "B"}),
        ("awards:decision_edit", [issued.pk], {"subject": "Sửa", "signer_name": "B"}),
        ("awards:decision_withdraw", [draft.pk], {"reason": "Rút"}),
        ("awards:decision_withdraw", [draft.pk], {}),
    ]
    for name, args, data in posts:
        response = client.post(reverse(name, args=args), data)
        assert response.status_code == 403, (name, data, response.status_code)
        assert _state() == before, name
    assert client.get(reverse("awards:decision_edit", args=[draft.pk])).status_code == 403


def test_a_council_member_gets_404_for_another_bodys_decision(client, cycle, decisions):
    client.force_login(cycle["council"][0])
    pk = decisions["other"].pk
    for name in ("awards:decision_detail", "awards:decision_pdf", "awards:certificates_pdf"):
        assert client.get(reverse(name, args=[pk])).status_code == 404, name
    assert client.post(reverse("awards:decision_issue", args=[pk]), {}).status_code == 404
