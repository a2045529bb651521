"""The decisions of a body dissolved in the 2025 reform stay readable where its work went
(decision 0074, item 1). In the demo the province's leader got 404 for Quyết định
01/QĐ-UBND of UBND thành phố Lai Châu (merged into the province on 30/06/2025), though the
province's council read that city's session. The staff who read a body's decisions (its
standing office and its leader) now read those of the bodies merged into it, and of the
dissolved bodies that sat under it, read only: nobody issues, edits or withdraws them."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from awards.models import AwardGrant, Decision
from tests.factories import issued_and_draft
from units.models import Membership, Unit
from units.services import unit_archive, unit_merge

pytestmark = pytest.mark.django_db
D = datetime.date
LAST_DAY = D(2025, 6, 30)


@pytest.fixture
def dissolved(cycle, demo_units, make_member):
    """Tam Đường issued Quyết định 07/QĐ-UBND on 20/06/2025 and left a draft, then merged
    into the province; UBND huyện Cũ (under the province, dissolved, merged into nothing)
    had issued 03/QĐ-UBND in 2024."""
    province = demo_units["ubnd-tinh-lai-chau"]
    issued, draft = issued_and_draft(cycle)
    unit_merge(
        source=cycle["district"], target=province, by=None, reason="NQ 2025", ended_on=LAST_DAY
    )
    old = Unit.objects.create(
        code="ubnd-huyen-cu",
        name="UBND huyện Cũ",
        level=Unit.Level.DISTRICT,
        parent=province,
        is_issuing_body=True,
    )
    elsewhere = Decision.objects.create(
        issuer=old,
        year=2024,
        number=3,
        symbol="QĐ-UBND",
        issued_on=D(2024, 12, 20),
        status=Decision.Status.ISSUED,
        subject="Về việc khen thưởng năm 2024 của huyện Cũ",
        signer_name="Người Ký",
    )
    unit_archive(unit=old, by=None, reason="Giải thể 2025", ended_on=LAST_DAY)
    users = {
        "office": make_member("vp.tinh", province, Membership.Role.OFFICE_STAFF),
        "leader": make_member("ld.tinh", province, Membership.Role.LEADER),
        # another tree: the ward's office, and a commune clerk
        "ward_office": make_member(
            "vp.tanphong", demo_units["ubnd-p-tan-phong"], Membership.Role.OFFICE_STAFF
        ),
        "ward_leader": make_member(
            "ld.tanphong", demo_units["ubnd-p-tan-phong"], Membership.Role.LEADER
        ),
        "clerk": make_member("cb.tanphong", demo_units["ubnd-p-tan-phong"]),
    }
    issued.refresh_from_db()
    return {"issued": issued, "draft": draft, "elsewhere": elsewhere, "users": users}


def test_the_provinces_office_and_leader_read_the_dissolved_bodies_decisions(client, dissolved):
    for who in ("office", "leader"):
        client.force_login(dissolved["users"][who])
        listing = client.get(reverse("awards:decision_list")).content.decode()
        for key in ("issued", "draft", "elsewhere"):
            decision = dissolved[key]
            assert decision.subject in listing, (who, key)
            page = client.get(reverse("awards:decision_detail", args=[decision.pk]))
            assert page.status_code == 200, (who, key)
            assert "chỉ xem" in page.content.decode(), (who, key)
            pdf = client.get(reverse("awards:decision_pdf", args=[decision.pk]))
            assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
        certificates = client.get(reverse("awards:certificates_pdf", args=[dissolved["issued"].pk]))
        assert certificates.status_code == 200, who


def test_another_trees_staff_still_get_404(client, dissolved):
    for who in ("ward_office", "ward_leader", "clerk"):
        client.force_login(dissolved["users"][who])
        for key in ("issued", "draft", "elsewhere"):
            pk = dissolved[key].pk
            for name in ("awards:decision_detail", "awards:decision_pdf"):
                assert client.get(reverse(name, args=[pk])).status_code in (403, 404), (who, key)
        listing = client.get(reverse("awards:decision_list"))
        if listing.status_code == 200:
            for key in ("issued", "draft", "elsewhere"):
                assert dissolved[key].subject not in listing.content.decode(), (who, key)


def _state() -> tuple:
    return (
        sorted(
            Decision.objects.values_list(
                "pk", "status", "number", "issued_on", "subject", "archived"
            )
        ),
        sorted(AwardGrant.objects.values_list("pk", "decision_id")),
        sorted(AwardGrant.objects.filter(revocation__isnull=False).values_list("pk", flat=True)),
    )


def test_nobody_issues_edits_or_withdraws_them(client, dissolved):
    issued, draft = dissolved["issued"], dissolved["draft"]
    grant = AwardGrant.objects.get(decision=issued)
    before = _state()
    for who in ("office", "leader"):
        client.force_login(dissolved["users"][who])
        page = client.get(reverse("awards:decision_detail", args=[draft.pk])).content.decode()
        for action in ("decision_issue", "decision_edit", "decision_withdraw"):
            assert reverse(f"awards:{action}", args=[draft.pk]) not in page, (who, action)
        page = client.get(reverse("awards:decision_detail", args=[issued.pk])).content.decode()
        assert reverse("awards:grant_revoke", args=[issued.pk, grant.pk]) not in page
        posts = [
            ("awards:decision_issue", [draft.pk], {"number": "9", "issued_on": "25/06/2025"}),
            ("awards:decision_edit", [draft.pk], {"subject": "Sửa", "signer_name": "B"}),
            ("awards:decision_edit", [issued.pk], {"subject": "Sửa", "signer_name": "B"}),
            ("awards:decision_withdraw", [draft.pk], {"reason": "Rút"}),
            ("awards:grant_revoke", [issued.pk, grant.pk], {"reason": "Thu hồi"}),
        ]
        for name, args, data in posts:
            client.post(reverse(name, args=args), data)
            assert _state() == before, (who, name)
