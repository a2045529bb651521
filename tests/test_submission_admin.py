"""Tờ trình in the admin (decision 0084): a legal record made at the forwarding, listed
with its body, number and symbol, date and dossiers, searched by number, filtered by body
and year, read only (no add, no change, no delete) and with its frozen PDF."""

from __future__ import annotations

import pytest
from django.urls import reverse

from awards import services
from awards.models import Submission
from tests.test_nomination_forward import stage, voted_beyond  # noqa: F401  (fixture)
from units.models import IssuedDocument

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def forwarded(stage):  # noqa: F811
    office = stage["office"]
    first = services.nominations_forward(
        actor=office,
        nominations=[voted_beyond(stage, "Lò Văn Một"), voted_beyond(stage, "Lò Văn Hai")],
        number=45,
    )
    second = services.nominations_forward(
        actor=office, nominations=[voted_beyond(stage, "Lò Văn Ba")]
    )
    return first, second


def test_the_list_shows_body_number_date_and_dossiers_and_finds_by_number(
    admin_client,
    forwarded,
    stage,  # noqa: F811
):
    first, second = forwarded
    url = reverse("admin:awards_submission_changelist")
    page = admin_client.get(url).content.decode()
    assert first.number_symbol in page and second.number_symbol in page
    assert stage["district"].name in page and f"{first.dated:%d/%m/%Y}" in page
    rows = {s.pk: s.dossier_count for s in admin_client.get(url).context["cl"].result_list}
    assert rows == {first.pk: 2, second.pk: 1}

    found = admin_client.get(url, {"q": "45"}).context["cl"].result_list
    assert [s.pk for s in found] == [first.pk]
    found = admin_client.get(url, {"q": first.number_symbol}).context["cl"].result_list
    assert [s.pk for s in found] == [first.pk]
    assert not admin_client.get(url, {"q": "45/TTr-KHAC"}).context["cl"].result_list
    # filters by year and body
    filtered = admin_client.get(
        url, {"year": str(first.year), "issuer__id__exact": stage["district"].pk}
    )
    assert len(filtered.context["cl"].result_list) == 2
    assert not admin_client.get(url, {"year": str(first.year - 1)}).context["cl"].result_list


def test_a_submission_is_never_added_changed_or_deleted_in_the_admin(admin_client, forwarded):
    first, _ = forwarded
    assert admin_client.get(reverse("admin:awards_submission_add")).status_code == 403
    delete = reverse("admin:awards_submission_delete", args=[first.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    change = reverse("admin:awards_submission_change", args=[first.pk])
    page = admin_client.get(change)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert "Lò Văn Một" in page.content.decode()  # its dossiers
    admin_client.post(change, {"number": "99", "signer_name": "Người Khác"})
    first.refresh_from_db()
    assert (first.number, Submission.objects.count()) == (45, 2)
    changelist = admin_client.get(reverse("admin:awards_submission_changelist"))
    assert "delete_selected" not in changelist.content.decode()


def test_the_admin_links_the_frozen_pdf(admin_client, client, forwarded, stage):  # noqa: F811
    first, _ = forwarded
    pdf_url = reverse("admin:awards_submission_pdf", args=[first.pk])
    change = admin_client.get(reverse("admin:awards_submission_change", args=[first.pk]))
    assert pdf_url in change.content.decode()
    got = admin_client.get(pdf_url)
    assert got.status_code == 200 and got["Content-Type"] == "application/pdf"
    frozen = IssuedDocument.objects.get(kind="submission", object_id=first.pk)
    assert got["X-Content-SHA256"] == frozen.sha256
    # the same bytes as the office reads
    client.force_login(stage["office"])
    office_copy = client.get(reverse("awards:submission_document", args=[first.pk]))
    assert body(office_copy) == body(got)
    # not for staff without the admin
    assert client.get(pdf_url).status_code == 302
