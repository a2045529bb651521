"""The nomination page's queries: who may read it is decided once per request, and the
count does not grow with the dossier's history, files, comments or the council's other
work (each role at its own fixed number)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards import services
from awards.models import NominationEvent, NominationFile, PublicComment
from tests.awards_stage import build_stage, person
from tests.factories import nominate
from units.models import Membership

pytestmark = pytest.mark.django_db

# Queries of the page for each reader (session and user included). Before the access
# was decided once: 17, 21, 22 and 23 (the council member's and the leader's checks,
# and the user's units, were each read twice, and read for the office, which needs
# neither).
# +1 each since decision 0083: the dossier's tờ trình (one query, whatever the history)
MOST = {"staff": 13, "office": 14, "member": 16, "leader": 17}


def _counts(client, url, readers) -> dict[str, int]:
    counts = {}
    for who, user in readers.items():
        client.force_login(user)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, who
        counts[who] = len(ctx.captured_queries)
    return counts


def _grow(stage, nomination) -> None:
    """Ten times the history, files and comments, and more of the council's work."""
    office, staff = stage["office"], stage["staff"]
    for i in range(10):
        NominationEvent.objects.create(
            nomination=nomination, by=office, from_status="", to_status="appraised", note=str(i)
        )
        NominationFile.objects.create(
            nomination=nomination,
            kind="other",
            file=f"x/{i}.pdf",
            original_name=f"{i}.pdf",
            content_type="application/pdf",
            size=15,
            sha256="0" * 64,
        )
        PublicComment.objects.create(
            nomination=nomination, name=f"Người {i}", text="Ý kiến.", sender_key=str(i)
        )
    others = []
    for i in range(5):
        n = nominate(stage, person=person(stage, f"Lò Văn Thêm {i}"))
        services.nomination_submit(actor=staff, nomination=n)
        services.nomination_appraise(actor=office, nomination=n, result="eligible")
        others.append(n)
    services.session_create(
        actor=office,
        issuer=stage["district"],
        title="Phiên họp thứ hai",
        held_on=datetime.date(2025, 12, 2),
        members=stage["council"],
        nominations=others,
    )


def test_the_nomination_page_reads_who_may_see_it_once_at_a_fixed_count(client, cycle, make_member):
    stage = build_stage(cycle)
    nomination = stage["on_agenda"]
    url = reverse("awards:nomination_detail", args=[nomination.pk])
    readers = {
        "staff": cycle["staff"],
        "office": cycle["office"],
        "member": cycle["council"][0],
        "leader": make_member("ld.tamduong", cycle["district"], Membership.Role.LEADER),
    }
    before = _counts(client, url, readers)
    for who, most in MOST.items():
        assert before[who] <= most, (who, before[who])
    _grow(stage, nomination)
    assert _counts(client, url, readers) == before
