"""The lower council's minutes go up with a forwarded dossier (decision 0084).

The province's office and council, reading a dossier the district forwarded, saw the
district council's ballots but were refused its minutes (biên bản họp Hội đồng cấp
dưới), which are part of the dossier sent up. They open them now from the dossier,
as frozen at the session's close; another district's or province's office, the
nominating unit, and any session that did not pass this dossier stay out (404)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from awards import services
from awards.models import AgendaItem
from tests.test_nomination_forward import stage, voted_beyond  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def forwarded(stage):  # noqa: F811
    """A dossier the district's council passed, forwarded, appraised by the province and
    put before its council."""
    n = voted_beyond(stage)
    services.nomination_forward(actor=stage["office"], nomination=n)
    services.nomination_appraise(actor=stage["province_office"], nomination=n, result="eligible")
    services.session_create(
        actor=stage["province_office"],
        issuer=stage["province"],
        title="Phiên họp Hội đồng TĐKT tỉnh",
        held_on=timezone.localdate(),
        members=stage["province_council"],
        nominations=[n],
    )
    n.refresh_from_db()
    lower = AgendaItem.objects.get(nomination=n, session__issuer=stage["district"]).session
    return n, lower


def test_the_upper_office_and_council_open_the_lower_councils_minutes(client, stage, forwarded):  # noqa: F811
    n, lower = forwarded
    url = reverse("awards:nomination_lower_minutes", args=[n.pk, lower.pk])
    # the district reads its own minutes, as before: the bytes to compare with
    client.force_login(stage["office"])
    own = body(client.get(reverse("awards:session_minutes", args=[lower.pk])))
    assert own.startswith(b"%PDF")

    for reader in (stage["province_office"], stage["province_council"][0]):
        client.force_login(reader)
        page = client.get(reverse("awards:nomination_detail", args=[n.pk])).content.decode()
        assert url in page  # beside the lower council's ballots
        got = client.get(url)
        assert got.status_code == 200 and body(got) == own
        # still not the lower body's session itself, nor any other of its sessions
        assert client.get(reverse("awards:session_detail", args=[lower.pk])).status_code == 404
        other = reverse("awards:nomination_lower_minutes", args=[n.pk, stage["closed_session"].pk])
        assert client.get(other).status_code == 404


def test_a_third_body_and_the_nominating_unit_get_404(client, stage, forwarded):  # noqa: F811
    n, lower = forwarded
    url = reverse("awards:nomination_lower_minutes", args=[n.pk, lower.pk])
    for outsider in (stage["other_office"], stage["other_province_office"], stage["staff"]):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert client.get(reverse("awards:session_minutes", args=[lower.pk])).status_code == 404
    # the unit reads its dossier, not the council's minutes: no link either
    page = client.get(reverse("awards:nomination_detail", args=[n.pk])).content.decode()
    assert url not in page


def test_a_dossier_returned_down_has_no_lower_minutes_for_the_province(client, stage):  # noqa: F811
    n = voted_beyond(stage)
    services.nomination_forward(actor=stage["office"], nomination=n)
    lower = AgendaItem.objects.get(nomination=n, session__issuer=stage["district"]).session
    services.nomination_return_down(actor=stage["province_office"], nomination=n, reason="Thiếu")
    client.force_login(stage["province_office"])
    url = reverse("awards:nomination_lower_minutes", args=[n.pk, lower.pk])
    assert client.get(url).status_code == 404
