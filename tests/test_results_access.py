"""Who may do what in results tracking: every page under /quan-ly/theo-doi/ and the
campaign's awards page, for GET and POST, against every role.

GRID below is the whole matrix: one line per address and method, one column per role.
Each cell is run in its own savepoint, rolled back afterwards, so no cell depends on
another's writes. A cell that refuses must write nothing (rows and history of every
results table, nominations, jobs and the campaigns' registration deadlines); a cell
that lets a user in must show that object's data; a cell that saves must change
what that form changes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from awards.models import AwardType, Nomination
from campaigns.models import Campaign
from campaigns.results import services
from campaigns.results.models import (
    Bloc,
    BlocScore,
    Criterion,
    Registration,
    RegistrationTarget,
    ReportPeriod,
    ReportValue,
    ResultReport,
)
from tests.factories import still_running
from units.models import FileJob, Membership

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "office",  # standing office of the issuer, UBND huyện Tam Đường
    "other_office",  # standing office of UBND huyện Tân Uyên
    "unit",  # unit staff of an addressed commune that sits in no bloc
    "head",  # unit staff of UBND xã Bình Lư, head of the bloc
    "member",  # unit staff of UBND xã Sơn Bình, a member of the bloc
    "outsider",  # unit staff of UBND xã Mường Khoa, a commune of Tân Uyên
    "council",  # council member of Tam Đường
    "leader",  # leader of Tam Đường
    "superuser",
]

# What a role gets
LOGIN = "login"  # 302 to the login page
SEE = "see"  # 200, and the page shows the object's data
BLIND = "blind"  # 200, and the page shows nothing of the object
KEPT = "kept"  # POST answered 200 (the form again, or the page): nothing written
SAVED = "saved"  # 302 after writing what the form writes
BOUNCE = "bounce"  # 302 back with an error message: nothing written
E403 = "403"  # refused: nothing written
E404 = "404"  # does not exist for this user: nothing written

GET, POST = "GET", "POST"

# The district's published campaign C, its draft D, Tân Uyên's campaign O; the bloc B of
# Bình Lư (head) and Sơn Bình for C's year, B2 the same units a year earlier, OB the bloc
# of Tân Uyên's communes (Mường Khoa a member). P is C's report period (Sơn Bình has
# submitted its report), PD is D's, PO is O's (Phúc Khoa has submitted).
# The office that organised a bloc follows its scoring read only (GET; a POST is refused).
# fmt: off
GRID = [
    #                                          anon   office  other   unit    head    member  outsdr  council leader  super
    ("results",                       GET,  [LOGIN, SEE,    E404,   E404,   E404,   E404,   E404,   E404,   E404,   SEE]),
    ("results",                       POST, [LOGIN, SAVED,  E404,   E404,   E404,   E404,   E404,   E404,   E404,   SAVED]),
    ("results: O's report sent to C", POST, [LOGIN, BOUNCE, E404,   E404,   E404,   E404,   E404,   E404,   E404,   BOUNCE]),
    ("results of O",                  GET,  [LOGIN, E404,   SEE,    E404,   E404,   E404,   E404,   E404,   E404,   SEE]),
    ("results of O",                  POST, [LOGIN, E404,   SAVED,  E404,   E404,   E404,   E404,   E404,   E404,   SAVED]),
    ("criteria",                      GET,  [LOGIN, SEE,    E404,   E404,   E404,   E404,   E404,   E404,   E404,   SEE]),
    ("criteria",                      POST, [LOGIN, SAVED,  E404,   E404,   E404,   E404,   E404,   E404,   E404,   SAVED]),
    ("deadline",                      POST, [LOGIN, SAVED,  E404,   E404,   E404,   E404,   E404,   E404,   E404,   SAVED]),
    ("deadline of O",                 POST, [LOGIN, E404,   SAVED,  E404,   E404,   E404,   E404,   E404,   E404,   SAVED]),
    ("blocs",                         GET,  [LOGIN, SEE,    BLIND,  BLIND,  SEE,    SEE,    BLIND,  E403,   E403,   SEE]),
    ("blocs",                         POST, [LOGIN, SAVED,  KEPT,   E403,   E403,   E403,   E403,   E403,   E403,   SAVED]),
    ("scores",                        GET,  [LOGIN, SEE,    E404,   E404,   SEE,    SEE,    E404,   E404,   E404,   SEE]),
    ("scores",                        POST, [LOGIN, E403,   E404,   E404,   SAVED,  SAVED,  E404,   E404,   E404,   SAVED]),
    ("scores: B with O",              GET,  [LOGIN, E404,   E404,   E404,   E404,   E404,   E404,   E404,   E404,   E404]),
    ("scores: B with O",              POST, [LOGIN, E404,   E404,   E404,   E404,   E404,   E404,   E404,   E404,   E404]),
    ("scores: B with draft D",        GET,  [LOGIN, E404,   E404,   E404,   E404,   E404,   E404,   E404,   E404,   E404]),
    ("scores: B with draft D",        POST, [LOGIN, E404,   E404,   E404,   E404,   E404,   E404,   E404,   E404,   E404]),
    ("scores: B2 with C",             GET,  [LOGIN, E404,   E404,   E404,   E404,   E404,   E404,   E404,   E404,   E404]),
    ("scores: B2 with C",             POST, [LOGIN, E404,   E404,   E404,   E404,   E404,   E404,   E404,   E404,   E404]),
    ("scores: OB with O",             GET,  [LOGIN, E404,   SEE,    E404,   E404,   E404,   SEE,    E404,   E404,   SEE]),
    ("scores: OB with O",             POST, [LOGIN, E404,   E403,   E404,   E404,   E404,   SAVED,  E404,   E404,   SAVED]),
    ("unit campaigns",                GET,  [LOGIN, E403,   E403,   SEE,    SEE,    SEE,    BLIND,  E403,   E403,   SEE]),
    ("unit campaigns",                POST, [LOGIN, E403,   E403,   KEPT,   KEPT,   KEPT,   KEPT,   E403,   E403,   KEPT]),
    ("register Bình Lư in C",         GET,  [LOGIN, E403,   E403,   E403,   SEE,    E403,   E403,   E403,   E403,   SEE]),
    ("register Bình Lư in C",         POST, [LOGIN, E403,   E403,   E403,   SAVED,  E403,   E403,   E403,   E403,   SAVED]),
    ("register Mường Khoa in C",      GET,  [LOGIN, E403,   E403,   E403,   E403,   E403,   E404,   E403,   E403,   E404]),
    ("register Mường Khoa in C",      POST, [LOGIN, E403,   E403,   E403,   E403,   E403,   E404,   E403,   E403,   E404]),
    ("register Bình Lư in draft D",   GET,  [LOGIN, E403,   E403,   E403,   E404,   E403,   E403,   E403,   E403,   E404]),
    ("register Bình Lư in draft D",   POST, [LOGIN, E403,   E403,   E403,   E404,   E403,   E403,   E403,   E403,   E404]),
    ("report Bình Lư to P",           GET,  [LOGIN, E403,   E403,   E403,   SEE,    E403,   E403,   E403,   E403,   SEE]),
    ("report Bình Lư to P",           POST, [LOGIN, E403,   E403,   E403,   SAVED,  E403,   E403,   E403,   E403,   SAVED]),
    ("report Sơn Bình to P, sent",    GET,  [LOGIN, E403,   E403,   E403,   E403,   SEE,    E403,   E403,   E403,   SEE]),
    ("report Sơn Bình to P, sent",    POST, [LOGIN, E403,   E403,   E403,   E403,   KEPT,   E403,   E403,   E403,   KEPT]),
    ("report Mường Khoa to P",        GET,  [LOGIN, E403,   E403,   E403,   E403,   E403,   E404,   E403,   E403,   E404]),
    ("report Mường Khoa to P",        POST, [LOGIN, E403,   E403,   E403,   E403,   E403,   E404,   E403,   E403,   E404]),
    ("report Bình Lư to draft PD",    GET,  [LOGIN, E403,   E403,   E403,   E404,   E403,   E403,   E403,   E403,   E404]),
    ("report Bình Lư to draft PD",    POST, [LOGIN, E403,   E403,   E403,   E404,   E403,   E403,   E403,   E403,   E404]),
    ("report Bình Lư to O's PO",      GET,  [LOGIN, E403,   E403,   E403,   E404,   E403,   E403,   E403,   E403,   E404]),
    ("report Bình Lư to O's PO",      POST, [LOGIN, E403,   E403,   E403,   E404,   E403,   E403,   E403,   E403,   E404]),
    ("awards",                        GET,  [LOGIN, SEE,    E404,   E404,   E404,   E404,   E404,   E404,   E404,   SEE]),
    ("awards",                        POST, [LOGIN, SAVED,  E404,   E404,   E404,   E404,   E404,   E404,   E404,   SAVED]),
    ("awards: drafts from OB",        POST, [LOGIN, BOUNCE, E404,   E404,   E404,   E404,   E404,   E404,   E404,   BOUNCE]),
]
# fmt: on

CASES = [
    (role, method, label, expected)
    for label, method, row in GRID
    for role, expected in zip(ROLES, row, strict=True)
]


@dataclass
class Target:
    """An address, what a POST to it sends, what its page shows when it lets one in,
    and what a saving POST changes."""

    url: str
    data: dict = field(default_factory=dict)
    shows: tuple[str, ...] = ()
    effect: Callable[[], object] = lambda: None


@pytest.fixture
def world(demo, demo_units, make_member, admin_user):
    u = demo_units
    district, other = u["ubnd-tam-duong"], u["ubnd-tan-uyen"]
    head, member, outsider = u["ubnd-x-binh-lu"], u["ubnd-x-son-binh"], u["ubnd-x-muong-khoa"]
    role = Membership.Role
    users = {
        "office": make_member("vp.tamduong", district, role.OFFICE_STAFF),
        "other_office": make_member("vp.tanuyen", other, role.OFFICE_STAFF),
        "unit": make_member("cb.thitran", u["ubnd-tt-tam-duong"], role.UNIT_STAFF),
        "head": make_member("cb.binhlu", head, role.UNIT_STAFF),
        "member": make_member("cb.sonbinh", member, role.UNIT_STAFF),
        "outsider": make_member("cb.muongkhoa", outsider, role.UNIT_STAFF),
        "council": make_member("hd.tamduong", district, role.COUNCIL_MEMBER),
        "leader": make_member("ld.tamduong", district, role.LEADER),
        "superuser": admin_user,
    }
    c, o = demo["000"], demo["001"]
    still_running(c, o, keep_year=False)
    assert c.issuer == district and o.issuer == other
    d = Campaign.objects.get(pk=c.pk)
    d.pk, d.number, d.source = None, "9999", "test:draft"
    d.status, d.published_at = Campaign.Status.DRAFT, None
    d.save()
    due = timezone.localdate() + datetime.timedelta(days=30)
    crit = {
        x: Criterion.objects.create(campaign=x, name=f"Tiêu chí {name}", kind="numeric", target=100)
        for x, name in ((c, "Tam Đường"), (d, "dự thảo"), (o, "Tân Uyên"))
    }
    p, pd, po = (
        ReportPeriod.objects.create(campaign=x, kind="final", due_on=due) for x in (c, d, o)
    )

    def submitted(period, unit, evidence):
        report = ResultReport.objects.create(
            period=period, unit=unit, status="submitted", submitted_at=timezone.now()
        )
        ReportValue.objects.create(
            report=report, criterion=crit[period.campaign], value=80, evidence=evidence
        )
        return report

    sent = submitted(p, member, "Biên bản kiểm tra Sơn Bình")
    sent_o = submitted(po, u["ubnd-x-phuc-khoa"], "Biên bản Phúc Khoa")

    def bloc(issuer, year, name, head_unit, members):
        b = Bloc.objects.create(issuer=issuer, year=year, name=name, head=head_unit)
        b.members.set(members)
        return b

    b = bloc(district, c.year, "Khối xã Tam Đường", head, [head, member])
    b2 = bloc(district, c.year - 1, "Khối năm trước", head, [head, member])
    ob = bloc(other, o.year, "Khối xã Tân Uyên", u["ubnd-x-phuc-khoa"], [outsider])
    for unit, points in ((head, 95), (member, 90)):  # through the service: history names who
        services.score_enter(
            actor=users["head"], campaign=c, bloc=b, unit=unit, kind="agreed", points=points
        )

    def url(name, *args):
        return reverse(name, args=args)

    def fresh(model, pk):
        return model.objects.get(pk=pk)

    subject = c.subject[:40]  # every page of C shows its subject, at least this much
    scores_sent = {
        f"self-{head.pk}": "88",
        f"self-{member.pk}": "89",
        f"self-{outsider.pk}": "87",
        f"agreed-{head.pk}": "96",
        f"agreed-{member.pk}": "91",
        "reason": "Chấm lại sau khi đối chiếu",
    }
    targets = {
        "results": Target(
            url("tracking:campaign_results", c.pk),
            {"report": sent.pk, "reason": "Thiếu minh chứng"},
            (subject, "Tiêu chí Tam Đường", "Khối xã Tam Đường", member.name),
            lambda: fresh(ResultReport, sent.pk).status,
        ),
        "results: O's report sent to C": Target(
            url("tracking:campaign_results", c.pk),
            {"report": sent_o.pk, "reason": "Thiếu minh chứng"},
            effect=lambda: fresh(ResultReport, sent_o.pk).status,
        ),
        "results of O": Target(
            url("tracking:campaign_results", o.pk),
            {"report": sent_o.pk, "reason": "Thiếu minh chứng"},
            ("Tiêu chí Tân Uyên", u["ubnd-x-phuc-khoa"].name),
            lambda: fresh(ResultReport, sent_o.pk).status,
        ),
        "criteria": Target(
            url("tracking:criteria", c.pk),
            {"criterion": "1", "c-name": "Tiêu chí mới", "c-kind": "numeric", "c-weight": "1"},
            (subject, "Tiêu chí Tam Đường", p.due_on.strftime("%d/%m/%Y")),
            lambda: c.criteria.count(),
        ),
        "deadline": Target(
            url("tracking:criteria", c.pk),
            {"deadline": (c.end_date - datetime.timedelta(days=60)).strftime("%d/%m/%Y")},
            effect=lambda: fresh(Campaign, c.pk).registration_deadline,
        ),
        "deadline of O": Target(
            url("tracking:criteria", o.pk),
            {"deadline": (o.end_date - datetime.timedelta(days=60)).strftime("%d/%m/%Y")},
            effect=lambda: fresh(Campaign, o.pk).registration_deadline,
        ),
        "blocs": Target(
            url("tracking:blocs"),
            {
                "issuer": district.pk,
                "year": c.year + 1,
                "name": "Khối thị trấn",
                "head": u["ubnd-tt-tam-duong"].pk,
                "members": [u["ubnd-tt-tam-duong"].pk],
            },
            ("Khối xã Tam Đường", head.name, member.name),
            lambda: Bloc.objects.filter(name="Khối thị trấn").count(),
        ),
        "scores": Target(
            url("tracking:scores", b.pk, c.pk),
            scores_sent,
            ("Khối xã Tam Đường", subject, head.name, member.name),
            lambda: BlocScore.history.filter(bloc_id=b.pk).count(),
        ),
        "scores: B with O": Target(url("tracking:scores", b.pk, o.pk), scores_sent),
        "scores: B with draft D": Target(url("tracking:scores", b.pk, d.pk), scores_sent),
        "scores: B2 with C": Target(url("tracking:scores", b2.pk, c.pk), scores_sent),
        "scores: OB with O": Target(
            url("tracking:scores", ob.pk, o.pk),
            scores_sent,
            ("Khối xã Tân Uyên", outsider.name),
            lambda: BlocScore.history.filter(bloc_id=ob.pk).count(),
        ),
        "unit campaigns": Target(url("tracking:unit_campaigns"), {"x": "1"}, (subject,)),
        "register Bình Lư in C": Target(
            url("tracking:register", head.pk, c.pk),
            {f"target-{crit[c].pk}": "120", "titles_aimed": "Tập thể lao động tiên tiến"},
            (subject, head.name, "Tiêu chí Tam Đường"),
            lambda: Registration.objects.filter(campaign=c, unit=head).count(),
        ),
        "register Mường Khoa in C": Target(
            url("tracking:register", outsider.pk, c.pk), {f"target-{crit[c].pk}": "120"}
        ),
        "register Bình Lư in draft D": Target(
            url("tracking:register", head.pk, d.pk), {f"target-{crit[d].pk}": "120"}
        ),
        "report Bình Lư to P": Target(
            url("tracking:report", head.pk, p.pk),
            {f"value-{crit[c].pk}": "130", f"evidence-{crit[c].pk}": "Biên lai", "submit": "1"},
            (subject, head.name, "Tiêu chí Tam Đường"),
            lambda: ResultReport.objects.filter(period=p, unit=head, status="submitted").count(),
        ),
        "report Sơn Bình to P, sent": Target(
            url("tracking:report", member.pk, p.pk),
            {f"value-{crit[c].pk}": "1", f"evidence-{crit[c].pk}": "Sửa", "submit": "1"},
            (subject, member.name, "Biên bản kiểm tra Sơn Bình"),
        ),
        "report Mường Khoa to P": Target(
            url("tracking:report", outsider.pk, p.pk), {f"value-{crit[c].pk}": "1"}
        ),
        "report Bình Lư to draft PD": Target(
            url("tracking:report", head.pk, pd.pk), {f"value-{crit[d].pk}": "1"}
        ),
        "report Bình Lư to O's PO": Target(
            url("tracking:report", head.pk, po.pk), {f"value-{crit[o].pk}": "1"}
        ),
        "awards": Target(
            url("awards:campaign_awards", c.pk),
            {
                "from_ranking": "1",
                "bloc": b.pk,
                "award_type": AwardType.objects.get(
                    code="giay-khen-thu-truong-tap-the"
                ).pk,  # in force in 2026
                "top": "1",
            },
            (subject, "Khối xã Tam Đường", head.name),
            lambda: Nomination.objects.filter(campaign=c, nominee_unit=head).count(),
        ),
        "awards: drafts from OB": Target(
            url("awards:campaign_awards", c.pk),
            {
                "from_ranking": "1",
                "bloc": ob.pk,
                "award_type": AwardType.objects.get(
                    code="giay-khen-thu-truong-tap-the"
                ).pk,  # in force in 2026
                "top": "1",
            },
            effect=lambda: Nomination.objects.count(),
        ),
    }
    return {"users": users, "targets": targets}


WATCHED = [
    Criterion,
    ReportPeriod,
    Registration,
    RegistrationTarget,
    ResultReport,
    ReportValue,
    BlocScore,
    Bloc,
    Nomination,
    FileJob,
]
# Their tables and their history tables (so an update counts too), and the campaigns'.
TABLES = [model._meta.db_table for model in WATCHED] + [
    model.history.model._meta.db_table
    for model in [*WATCHED, Campaign]
    if hasattr(model, "history")
]


def snapshot() -> tuple:
    """The row count of every table a page could write, and every campaign's
    registration deadline: two queries, so the matrix stays fast."""
    counts = ", ".join(f"(SELECT COUNT(*) FROM {table})" for table in TABLES)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        rows = cursor.fetchone()
    deadlines = Campaign.objects.order_by("pk").values_list("pk", "registration_deadline")
    return dict(zip(TABLES, rows, strict=True)), list(deadlines)


def outcome(method: str, response, target: Target, wrote: bool, effected: bool) -> str:
    """What the user got, in the GRID's words."""
    code = response.status_code
    if code == 302 and response.url.startswith(reverse("login") + "?next="):
        got = LOGIN
    elif code == 302:
        got = SAVED if effected else BOUNCE
    elif code == 200 and method == POST:
        got = KEPT
    elif code == 200:
        page = response.content.decode()
        shown = [text in page for text in target.shows]
        got = SEE if shown and all(shown) else BLIND if not any(shown) else f"200 missing {shown}"
    else:
        got = str(code)
    if wrote and got != SAVED:
        got += " but wrote"
    return got


def test_access_matrix(world):
    assert len(CASES) == len(GRID) * len(ROLES)
    assert {label for label, _, _ in GRID} == set(world["targets"])
    client = Client()  # one client (each builds its middleware, ~60 ms), fresh cookies per cell
    sessions = {}
    for role, user in world["users"].items():  # log in once per role, each its own session
        client.cookies.clear()
        client.force_login(user)
        sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    wrong = []
    for role, method, label, expected in CASES:
        target = world["targets"][label]
        client.cookies.clear()  # no session or message of the previous cell
        if role != "anonymous":
            client.cookies[settings.SESSION_COOKIE_NAME] = sessions[role]
        with transaction.atomic():
            before, effect_before = snapshot(), target.effect()
            if method == GET:
                response = client.get(target.url)
            else:
                response = client.post(target.url, target.data)
            wrote, effected = snapshot() != before, target.effect() != effect_before
            transaction.set_rollback(True)
        got = outcome(method, response, target, wrote, effected)
        if got != expected:
            wrong.append(f"{role:>12} {method:<4} {label}: expected {expected}, got {got}")
    assert not wrong, "\n" + "\n".join(wrong)
