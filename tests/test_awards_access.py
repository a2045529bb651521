"""Authorization matrix: every staff URL in awards against every kind of user.

Users: anonymous, staff of the nominating unit, staff of another unit, the
standing office of the issuing body and of another body, a council member of
the issuing body, and an admin. Nobody sees another unit's data.
"""

import datetime
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from awards import services
from awards.models import AwardType, CouncilSession, Decision, Nomination
from tests.factories import attach_files
from units.models import Membership, Person

pytestmark = pytest.mark.django_db
SECRET_NAME = "Lò Thị Bí Mật"


@pytest.fixture
def world(demo_units, make_member, admin_user):
    district = demo_units["ubnd-tam-duong"]
    commune = demo_units["ubnd-x-binh-lu"]
    person = Person.objects.create(full_name=SECRET_NAME, unit=commune, gender="female")
    users = {
        "unit": make_member("cb.binhlu", commune, Membership.Role.UNIT_STAFF),
        "other_unit": make_member(
            "cb.muongkhoa", demo_units["ubnd-x-muong-khoa"], Membership.Role.UNIT_STAFF
        ),
        "office": make_member("nv.tamduong", district, Membership.Role.OFFICE_STAFF),
        "other_office": make_member(
            "nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF
        ),
        "council": make_member("hd.tamduong", district, Membership.Role.COUNCIL_MEMBER),
        "admin": admin_user,
    }
    nomination = services.nomination_create(
        actor=users["unit"],
        nomination=Nomination(
            award_type=AwardType.objects.get(code="lao-dong-tien-tien"),
            nominee_person=person,
            nominating_unit=commune,
            year=2025,
            achievement_summary="Thành tích",
        ),
    )
    file = services.nomination_add_file(
        actor=users["unit"],
        nomination=nomination,
        upload=SimpleUploadedFile("bc.pdf", b"%PDF-1.4\n"),
        kind="other",
    )
    attach_files(nomination, users["unit"])
    services.nomination_submit(actor=users["unit"], nomination=nomination)
    services.nomination_appraise(actor=users["office"], nomination=nomination, result="eligible")
    session = services.session_create(
        actor=users["office"],
        issuer=district,
        title="Họp",
        held_on=datetime.date(2025, 12, 1),
        members=[users["council"]],
        nominations=[nomination],
    )
    services.vote_cast(actor=users["council"], item=session.agenda.get(), choice="agree")
    services.session_close(actor=users["office"], session=session)
    decision = services.decision_draft(
        actor=users["office"], issuer=district, subject="Khen thưởng", signer_name="A"
    )
    return {"users": users, "n": nomination, "file": file, "session": session, "decision": decision}


# (url name, args, expected status per user, who finds the nominee's name in the page or
# the PDF); 302 to the login page for anonymous users everywhere.
def matrix(w):
    n, s, d, f = w["n"].pk, w["session"].pk, w["decision"].pk, w["file"].pk
    return [
        (
            "awards:nomination_list",
            [],
            dict(unit=200, other_unit=200, office=200, other_office=200, council=200, admin=200),
            {"unit", "admin"},  # the office sees it in its inbox, not in the units' list
        ),
        (
            "awards:nomination_create",
            [],
            dict(unit=200, other_unit=200, office=403, other_office=403, council=403, admin=200),
            {"unit", "admin"},  # offered as a nominee of the unit
        ),
        (
            "awards:nomination_detail",
            [n],
            dict(unit=200, other_unit=404, office=200, other_office=404, council=200, admin=200),
            {"unit", "office", "council", "admin"},
        ),
        (
            "awards:nomination_file_download",
            [n, f],
            dict(unit=200, other_unit=404, office=200, other_office=404, council=200, admin=200),
            set(),  # checked by its bytes below
        ),
        (
            "awards:inbox",
            [],
            dict(unit=403, other_unit=403, office=200, other_office=200, council=403, admin=200),
            {"office", "admin"},
        ),
        (
            "awards:session_list",
            [],
            dict(unit=200, other_unit=200, office=200, other_office=200, council=200, admin=200),
            set(),
        ),
        (
            "awards:session_detail",
            [s],
            dict(unit=404, other_unit=404, office=200, other_office=404, council=200, admin=200),
            {"office", "council", "admin"},
        ),
        (
            "awards:session_minutes",
            [s],
            dict(unit=404, other_unit=404, office=200, other_office=404, council=200, admin=200),
            {"office", "council", "admin"},
        ),
        (
            "awards:session_create",
            [],
            dict(unit=403, other_unit=403, office=200, other_office=200, council=403, admin=200),
            set(),  # only appraised nominations are offered; this one has passed
        ),
        # the council's members read their body's decisions, read only (decision 0076)
        (
            "awards:decision_list",
            [],
            dict(unit=403, other_unit=403, office=200, other_office=200, council=200, admin=200),
            set(),
        ),
        (
            "awards:decision_create",
            [],
            dict(unit=403, other_unit=403, office=200, other_office=200, council=403, admin=200),
            set(),  # already in the draft decision
        ),
        (
            "awards:decision_detail",
            [d],
            dict(unit=404, other_unit=404, office=200, other_office=404, council=200, admin=200),
            {"office", "council", "admin"},
        ),
        (
            "awards:decision_edit",
            [d],
            dict(unit=404, other_unit=404, office=200, other_office=404, council=403, admin=200),
            {"office", "admin"},  # offered, as on the draft
        ),
        (
            "awards:decision_pdf",
            [d],
            dict(unit=404, other_unit=404, office=200, other_office=404, council=200, admin=200),
            {"office", "council", "admin"},
        ),
        # a passed nomination can no longer be edited, even by its unit
        (
            "awards:nomination_edit",
            [n],
            dict(unit=403, other_unit=404, office=403, other_office=404, council=403, admin=403),
            set(),
        ),
        # certificates exist once the decision is issued: a draft's are 404 for everyone
        (
            "awards:certificates_pdf",
            [d],
            dict(unit=404, other_unit=404, office=404, other_office=404, council=404, admin=404),
            set(),
        ),
        (
            "awards:submission_pdf",
            [],
            dict(unit=404, other_unit=404, office=302, other_office=302, council=404, admin=302),
            set(),  # nothing forwarded yet: refused in words, no empty tờ trình
        ),
    ]


def page_text(response) -> str:
    if response["Content-Type"] == "application/pdf":
        reader = PdfReader(io.BytesIO(b"".join(response)))
        return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    return b"".join(response).decode()


def state(w) -> tuple:
    """What a request could change: the nomination, its history and files, the session's
    seats and tallies, the decision."""
    n, session = Nomination.objects.get(pk=w["n"].pk), w["session"]
    return (
        n.status,
        n.decision_id,
        n.achievement_summary,
        n.events.count(),
        n.files.count(),
        CouncilSession.objects.get(pk=session.pk).status,
        sorted(session.seats.values_list("user_id", "present")),
        sorted(session.agenda.values_list("agree", "disagree", "abstain", "passed")),
        Decision.objects.get(pk=w["decision"].pk).status,
        Decision.objects.count(),
    )


def test_get_matrix(client, world):
    """Each role gets its pages with the nomination's data in them; every other role
    gets 403 or 404 (and lists without it); nobody's visit changes anything."""
    before = state(world)
    for name, args, expected, sees in matrix(world):
        url = reverse(name, args=args)
        client.logout()
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/"), name
        for who, status in expected.items():
            client.force_login(world["users"][who])
            response = client.get(url)
            assert response.status_code == status, (name, who, response.status_code)
            if status != 200:
                continue
            if name == "awards:nomination_file_download":
                assert b"".join(response) == b"%PDF-1.4\n", who
                continue
            assert (SECRET_NAME in page_text(response)) == (who in sees), (name, who)
    assert state(world) == before


POSTS = [
    ("awards:nomination_submit", lambda w: [w["n"].pk], {}),
    ("awards:nomination_withdraw", lambda w: [w["n"].pk], {"reason": "x"}),
    ("awards:nomination_appraise", lambda w: [w["n"].pk], {"result": "ineligible", "note": "x"}),
    ("awards:nomination_forward", lambda w: [w["n"].pk], {}),
    ("awards:session_close", lambda w: [w["session"].pk], {}),
    ("awards:session_attendance", lambda w: [w["session"].pk], {}),
    ("awards:decision_issue", lambda w: [w["decision"].pk], {}),
    ("awards:decision_edit", lambda w: [w["decision"].pk], {"subject": "x", "signer_name": "B"}),
    ("awards:decision_withdraw", lambda w: [w["decision"].pk], {"reason": "x"}),
    ("awards:nomination_file", lambda w: [w["n"].pk], {}),
    ("awards:vote", lambda w: [w["session"].pk, w["session"].agenda.get().pk], {"choice": "agree"}),
]


@pytest.mark.parametrize("who", ["other_unit", "other_office"])
def test_posts_from_outsiders_change_nothing(client, world, who):
    client.force_login(world["users"][who])
    before = state(world)
    for name, args, data in POSTS:
        response = client.post(reverse(name, args=args(world)), data)
        assert response.status_code == 404, (name, who)
    assert state(world) == before


def test_anonymous_posts_go_to_login(client, world):
    response = client.post(reverse("awards:nomination_submit_many"), {"ids": [world["n"].pk]})
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")
    for name, args, data in POSTS:
        response = client.post(reverse(name, args=args(world)), data)
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


def test_nobody_can_see_how_a_member_voted_in_a_secret_ballot():
    """Even the admin: receipts hold no choice and are not in the admin; tallies have
    no history (the secret-ballot cycle itself is tested in tests/services)."""
    from django.contrib import admin

    from awards.models import AgendaItem, BallotReceipt

    assert "choice" not in {f.name for f in BallotReceipt._meta.get_fields()}
    assert BallotReceipt not in admin.site._registry
    assert not hasattr(AgendaItem, "history")


def test_bulk_submit_ignores_other_units_nominations(client, world):
    n = world["n"]
    n.status = "draft"
    n.save()
    client.force_login(world["users"]["other_unit"])
    client.post(reverse("awards:nomination_submit_many"), {"ids": [n.pk]})
    n.refresh_from_db()
    assert n.status == "draft"


# (url name, target in the stage, form data, the role that may do it, roles that may not)
INSIDERS = [
    ("awards:nomination_submit", ["draft"], {}, "staff", ["office", "council"]),
    ("awards:nomination_withdraw", ["draft"], {"reason": "x"}, "staff", ["office", "council"]),
    ("awards:nomination_appraise", ["submitted"], {"result": "eligible"}, "office", ["staff", "council"]),
    ("awards:nomination_forward", ["beyond"], {}, "office", ["staff", "council"]),
    ("awards:session_attendance", ["session"], {"present": []}, "office", ["staff", "council"]),
    # closed as the page lets it be with members not yet voted (decision 0057)
    ("awards:session_close", ["session"], {"unvoted_ok": "1"}, "office", ["staff", "council"]),
    ("awards:vote", ["session", "item"], {"choice": "agree"}, "council", ["staff", "office"]),
    ("awards:decision_issue", ["decision"], {}, "office", ["staff", "council"]),
]  # fmt: skip


def stage_state() -> tuple:
    from awards.models import AgendaItem, BallotReceipt, NominationEvent, SessionMember, Vote

    return (
        sorted(Nomination.objects.values_list("pk", "status", "decision_id")),
        NominationEvent.objects.count(),
        sorted(SessionMember.objects.values_list("pk", "present")),
        sorted(AgendaItem.objects.values_list("pk", "agree", "disagree", "abstain")),
        # a vote is counted when the session closes: what it changes at once is the record
        sorted(Vote.objects.values_list("item_id", "member_id", "choice")),
        sorted(BallotReceipt.objects.values_list("item_id", "member_id")),
        sorted(CouncilSession.objects.values_list("pk", "status")),
        sorted(Decision.objects.values_list("pk", "status", "number")),
    )


@pytest.mark.parametrize(
    "name,targets,data,right,wrong", INSIDERS, ids=[row[0].split(":")[1] for row in INSIDERS]
)
def test_a_role_of_the_same_body_cannot_do_anothers_step(
    client, cycle, name, targets, data, right, wrong
):
    """The unit, the office and the council of one body see the same nomination, but
    each step is one role's: the others change nothing, the right one does."""
    from tests.awards_stage import build_stage

    stage = build_stage(cycle)
    url = reverse(name, args=[stage[t].pk for t in targets])
    actor = {"staff": stage["staff"], "office": stage["office"], "council": stage["council"][0]}
    before = stage_state()
    for who in wrong:
        client.force_login(actor[who])
        response = client.post(url, data)
        assert response.status_code in (302, 403, 404), (who, response.status_code)
        assert stage_state() == before, who
    client.force_login(actor[right])
    assert client.post(url, data).status_code == 302
    assert stage_state() != before
