"""A province for the staff workspace at any size: the tree, campaigns, the awards
cycle and results tracking, with three users (a superuser, the province's standing
office and a district's unit staff) whose pages grow with the data.

`generate(districts=4, communes=5, campaigns=200)` builds 1 + 4 + 20 units. The
page-scale test (tests/test_page_scale.py) builds it at 1× and 10×; the page benchmark
(bench/pages.py) at 2,000 units and 20,000 campaigns. Everything but the users is
written with bulk_create; run it inside a throw-away database or a rolled-back
transaction.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from awards.models import (
    AgendaItem,
    AwardGrant,
    AwardType,
    CouncilSession,
    Decision,
    Nomination,
    SessionMember,
)
from campaigns.models import (
    BlocScore,
    Campaign,
    Criterion,
    DocumentType,
    Registration,
    ReportPeriod,
    ReportValue,
    ResultReport,
)
from units.models import Bloc, Membership, Person, Unit
from units.text import padded

COUNCIL = 7  # members of the province's council besides its office
OPEN_STATUSES = ["submitted", "resubmitted", "appraised", "returned", "passed", "draft"]


@dataclass
class Workspace:
    """What `generate` built: the ids the pages open and the users who open them."""

    sizes: dict
    users: dict = field(default_factory=dict)  # role -> user
    ids: dict = field(default_factory=dict)  # name -> primary key


def generate(*, districts: int = 4, communes: int = 5, campaigns: int = 200, seed: int = 2025):
    """A province, `districts` district committees (issuing bodies) and `communes`
    communes in each; `campaigns` campaigns among them; per commune three people, two
    nominations to its district, two granted by one big province decision (the
    decision's annex grows with the tree) and one on the agenda of a province council
    session; one bloc per district; a busy province campaign every unit registers and
    reports for, answered by a campaign of every district."""
    rng = random.Random(seed)
    today = timezone.localdate()
    now = timezone.now()
    year = today.year
    prefix = f"ws{seed}"
    province = Unit.objects.create(
        code=f"{prefix}-tinh",
        name="UBND tỉnh Mẫu",
        kind="ubnd",
        level="province",
        is_issuing_body=True,
        locality="Mẫu",
    )
    district_rows = Unit.objects.bulk_create(
        Unit(
            code=f"{prefix}-huyen-{d}",
            name=f"UBND huyện Mẫu {d}",
            kind="ubnd",
            level="district",
            parent=province,
            is_issuing_body=True,
            search_text=padded(f"UBND huyện Mẫu {d}"),
        )
        for d in range(districts)
    )
    commune_rows = Unit.objects.bulk_create(
        Unit(
            code=f"{prefix}-xa-{d}-{c}",
            name=f"UBND xã Mẫu {d}-{c}",
            kind="ubnd",
            level="commune",
            parent=district,
            search_text=padded(f"UBND xã Mẫu {d}-{c}"),
        )
        for d, district in enumerate(district_rows)
        for c in range(communes)
    )
    by_district = {
        district.pk: commune_rows[d * communes : (d + 1) * communes]
        for d, district in enumerate(district_rows)
    }
    people = Person.objects.bulk_create(
        Person(
            full_name=f"Người mẫu {unit.code} {k}",
            unit=unit,
            gender=rng.choice(["male", "female"]),
            ethnicity=rng.choice(["Kinh", "Thái", "Mông", ""]),
            is_direct_worker=k == 0,
            search_text=padded(f"Người mẫu {unit.code} {k}"),
        )
        for unit in commune_rows
        for k in range(3)
    )
    people_of = {}
    for person in people:
        people_of.setdefault(person.unit_id, []).append(person)

    # Campaigns: a quarter the province's, the rest its districts'; most running.
    plan_type = DocumentType.objects.get(name="Kế hoạch")
    issuers = [province, province, province, *district_rows]
    statuses = ["published"] * 6 + ["closed", "summarised", "draft", "withdrawn"]
    rows = []
    for i in range(campaigns):
        issued = today - datetime.timedelta(days=rng.randrange(3 * 365))
        status = statuses[i % len(statuses)]
        end = issued + datetime.timedelta(days=rng.randrange(60, 720))
        subject = f"Phong trào thi đua mẫu số {i + 1}"
        rows.append(
            Campaign(
                issuer=issuers[i % len(issuers)],
                document_type=plan_type,
                number=str(i + 1),
                symbol="KH-UBND",
                subject=subject,
                kind="regular" if i % 3 else "thematic",
                status=status,
                issued_on=issued,
                issued_month=issued.month,
                issued_year=issued.year,
                sort_date=issued,
                start_date=issued,
                end_date=end,
                published_at=None if status == "draft" else now - datetime.timedelta(minutes=i),
                search_text=padded(f"{subject} {i + 1}/KH-UBND"),
            )
        )
    busy = Campaign(
        issuer=province,
        document_type=plan_type,
        number="9999",
        symbol="KH-UBND",
        subject="Phong trào thi đua của cả tỉnh năm nay",
        kind="regular",
        status="published",
        issued_on=datetime.date(year, 1, 5),
        issued_month=1,
        issued_year=year,
        sort_date=datetime.date(year, 1, 5),
        start_date=datetime.date(year, 1, 5),
        end_date=datetime.date(year, 12, 31),
        published_at=now,
        search_text=padded("Phong trào thi đua của cả tỉnh năm nay"),
    )
    campaign_rows = Campaign.objects.bulk_create([busy, *rows], batch_size=2000)
    busy = campaign_rows[0]
    children = Campaign.objects.bulk_create(
        Campaign(
            issuer=district,
            document_type=plan_type,
            number=str(9000 + d),
            symbol="KH-UBND",
            subject=f"Hưởng ứng phong trào của tỉnh, huyện {d}",
            kind="regular",
            status="published",
            issued_on=datetime.date(year, 1, 20),
            issued_month=1,
            issued_year=year,
            sort_date=datetime.date(year, 1, 20),
            end_date=datetime.date(year, 12, 31),
            published_at=now,
            parent=busy,
        )
        for d, district in enumerate(district_rows)
    )
    reporting = [c for c in campaign_rows + children if c.status in ("published", "closed")]
    periods = ReportPeriod.objects.bulk_create(
        (ReportPeriod(campaign=c, kind="final", due_on=c.end_date) for c in reporting),
        batch_size=5000,
    )
    mid = ReportPeriod.objects.create(
        campaign=busy, kind="interim", due_on=datetime.date(year, 6, 30)
    )
    final = next(p for p in periods if p.campaign_id == busy.pk)

    # The busy campaign: criteria, every unit registers, most report, blocs score.
    criteria = Criterion.objects.bulk_create(
        Criterion(
            campaign=busy,
            name=f"Tiêu chí {k + 1}",
            kind="numeric" if k % 2 == 0 else "boolean",
            target=Decimal(100) if k % 2 == 0 else None,
            order=k,
        )
        for k in range(5)
    )
    addressed = [*district_rows, *commune_rows]
    Registration.objects.bulk_create(
        (Registration(campaign=busy, unit=u, submitted_at=now) for u in addressed),
        batch_size=5000,
    )
    reports = ResultReport.objects.bulk_create(
        (
            ResultReport(period=period, unit=u, status="submitted", submitted_at=now)
            for period in (mid, final)
            for u in addressed
            if rng.random() < 0.8
        ),
        batch_size=5000,
    )
    ReportValue.objects.bulk_create(
        (
            ReportValue(
                report=report,
                criterion=criterion,
                value=Decimal(rng.randint(50, 150))
                if criterion.kind == "numeric"
                else Decimal(rng.randint(0, 1)),
            )
            for report in reports
            for criterion in criteria
        ),
        batch_size=10000,
    )
    blocs = []
    for d, district in enumerate(district_rows):
        members = by_district[district.pk]
        bloc = Bloc.objects.create(
            issuer=province, year=year, name=f"Khối huyện {d}", head=members[0]
        )
        bloc.members.set(members)
        blocs.append(bloc)
    BlocScore.objects.bulk_create(
        (
            BlocScore(
                campaign=busy,
                bloc=bloc,
                unit=unit,
                kind=kind,
                points=Decimal(rng.randint(80, 100)),
            )
            for bloc, district in zip(blocs, district_rows, strict=True)
            for unit in by_district[district.pk]
            for kind in ("self", "agreed")
        ),
        batch_size=5000,
    )

    # The awards cycle.
    types = {t.code: t for t in AwardType.objects.all()}
    person_award, unit_award = types["lao-dong-tien-tien"], types["tap-the-ldtt"]
    big = Decision.objects.create(
        issuer=province,
        year=year,
        number=1,
        issued_on=today,
        subject="Về việc khen thưởng tổng kết phong trào",
        status="issued",
        signer_title="CHỦ TỊCH",
        signer_name="Nguyễn Văn A",
    )
    Decision.objects.bulk_create(
        Decision(
            issuer=province,
            year=year - 1 - i % 5,
            number=i + 1 if i % 4 else None,
            issued_on=datetime.date(year - 1 - i % 5, 12, 1) if i % 4 else None,
            subject=f"Về việc khen thưởng đợt {i + 1}",
            status="issued" if i % 4 else "draft",
        )
        for i in range(len(commune_rows) // 2)
    )
    nominations = []
    for c, unit in enumerate(commune_rows):
        district_id = unit.parent_id
        first, second, third = people_of[unit.pk]
        nominations += [
            Nomination(
                award_type=person_award,
                nominee_person=first,
                nominating_unit=unit,
                campaign=busy,
                issuer_id=district_id,
                status=OPEN_STATUSES[c % len(OPEN_STATUSES)],
            ),
            Nomination(
                award_type=unit_award,
                nominee_unit=unit,
                nominating_unit=unit,
                year=year,
                issuer_id=district_id,
                status=OPEN_STATUSES[(c + 1) % len(OPEN_STATUSES)],
            ),
            Nomination(
                award_type=person_award,
                nominee_person=second,
                nominating_unit=unit,
                campaign=busy,
                issuer=province,
                status="decided",
                decision=big,
            ),
            Nomination(
                award_type=unit_award,
                nominee_unit=unit,
                nominating_unit=unit,
                campaign=busy,
                issuer=province,
                status="decided",
                decision=big,
            ),
            Nomination(
                award_type=person_award,
                nominee_person=third,
                nominating_unit=unit,
                year=year,
                issuer=province,
                status="appraised",
            ),
        ]
    nominations = Nomination.objects.bulk_create(nominations, batch_size=5000)
    decided = [n for n in nominations if n.decision_id == big.pk]
    AwardGrant.objects.bulk_create(
        (
            AwardGrant(
                award_type=n.award_type,
                person=n.nominee_person,
                unit=n.nominee_unit,
                year=year,
                decision=big,
                nomination=n,
                awardee_unit=n.nominating_unit,
            )
            for n in decided
        ),
        batch_size=5000,
    )
    AwardGrant.objects.bulk_create(
        (
            AwardGrant(
                award_type=person_award,
                person=person,
                year=year - 1 - k,
                decision_reference=f"{k + 1}/QĐ-UBND",
                awardee_unit_id=person.unit_id,
            )
            for person in people
            for k in range(2)
        ),
        batch_size=5000,
    )

    # Users.
    User = get_user_model()
    admin = User.objects.create_superuser(f"{prefix}-admin", f"{prefix}@example.vn", "x")
    office = User.objects.create_user(f"{prefix}-office", password="x")
    Membership.objects.create(user=office, unit=province, role=Membership.Role.OFFICE_STAFF)
    Membership.objects.create(user=office, unit=province, role=Membership.Role.COUNCIL_MEMBER)
    council = [User.objects.create_user(f"{prefix}-hd-{i}", password="x") for i in range(COUNCIL)]
    for member in council:
        Membership.objects.create(user=member, unit=province, role=Membership.Role.COUNCIL_MEMBER)
    leader = User.objects.create_user(f"{prefix}-leader", password="x")
    Membership.objects.create(user=leader, unit=province, role=Membership.Role.LEADER)
    staff = User.objects.create_user(f"{prefix}-staff", password="x")
    home = district_rows[0]
    for unit in [home, *by_district[home.pk]]:
        Membership.objects.create(user=staff, unit=unit, role=Membership.Role.UNIT_STAFF)

    # Council sessions of the province: many closed, one open with every appraised dossier.
    CouncilSession.objects.bulk_create(
        CouncilSession(
            issuer=province,
            title=f"Phiên họp số {i + 1}",
            held_on=today - datetime.timedelta(days=30 * (i + 1)),
            status="closed",
            closed_at=now,
        )
        for i in range(max(1, len(commune_rows) // 4))
    )
    session = CouncilSession.objects.create(
        issuer=province, title="Phiên họp xét khen thưởng cuối năm", held_on=today
    )
    SessionMember.objects.bulk_create(
        SessionMember(session=session, user=user) for user in [office, *council]
    )
    AgendaItem.objects.bulk_create(
        (
            AgendaItem(session=session, nomination=n, secret=i % 2 == 0)
            for i, n in enumerate(x for x in nominations if x.status == "appraised")
            if n.issuer_id == province.pk
        ),
        batch_size=5000,
    )

    home_commune = by_district[home.pk][0]
    workspace = Workspace(
        sizes={
            "đơn vị": 1 + len(district_rows) + len(commune_rows),
            "phong trào": len(campaign_rows) + len(children),
            "đề nghị": len(nominations),
            "hồ sơ trong quyết định lớn": len(decided),
            "hồ sơ trong phiên họp": session.agenda.count(),
            "khen thưởng": AwardGrant.objects.filter(awardee_unit__parent__parent=province).count(),
        },
        users={
            "superuser": admin,
            "office": office,
            "unit": staff,
            "council": council[0],
            "leader": leader,
        },
        ids={
            "busy": busy.pk,
            "decision": big.pk,
            "session": session.pk,
            "bloc": blocs[0].pk,
            "unit_nomination": next(
                n.pk
                for n in nominations
                if n.nominating_unit_id == home_commune.pk and n.issuer_id == home.pk
            ),
            "office_nomination": next(
                n.pk for n in nominations if n.issuer_id == province.pk and n.status == "appraised"
            ),
        },
    )
    return workspace


def staff_pages(workspace: Workspace) -> list[tuple[str, str, str]]:
    """(page, role, url) of every staff page each role opens, on the workspace's
    largest objects: the busy campaign, the big decision and session, the first bloc."""
    from django.urls import reverse

    ids = workspace.ids
    busy, bloc = ids["busy"], ids["bloc"]
    everyone = ("superuser", "office", "unit")
    office = ("superuser", "office")
    pages = [
        ("dashboard", (*everyone, "council", "leader"), reverse("staff:dashboard")),
        ("session list", ("council", "leader"), reverse("awards:session_list")),
        (
            "session detail",
            ("council", "leader"),
            reverse("awards:session_detail", args=[ids["session"]]),
        ),
        ("decision list", ("leader",), reverse("awards:decision_list")),
        ("decision detail", ("leader",), reverse("awards:decision_detail", args=[ids["decision"]])),
        ("nomination list", ("superuser", "unit"), reverse("awards:nomination_list")),
        ("inbox", office, reverse("awards:inbox")),
        ("decision list", office, reverse("awards:decision_list")),
        ("decision detail", office, reverse("awards:decision_detail", args=[ids["decision"]])),
        ("session list", office, reverse("awards:session_list")),
        ("session detail", office, reverse("awards:session_detail", args=[ids["session"]])),
        ("statistics", office, reverse("awards:statistics")),
        ("statistics form 0603", office, reverse("awards:statistics_forms") + "?bieu=0603"),
        ("statistics form 0602", office, reverse("awards:statistics_forms") + "?bieu=0602"),
        ("fund", office, reverse("awards:fund_list")),
        ("campaign detail", office, reverse("staff:campaign_detail", args=[busy])),
        ("results", office, reverse("tracking:campaign_results", args=[busy])),
        ("awards", office, reverse("awards:campaign_awards", args=[busy])),
        ("blocs", everyone, reverse("tracking:blocs")),
        ("scoring", ("superuser", "unit"), reverse("tracking:scores", args=[bloc, busy])),
        ("unit campaigns", ("superuser", "unit"), reverse("tracking:unit_campaigns")),
        # The forms that offered every person, unit, campaign or dossier as an option,
        # and the typed search that replaced those lists (issue 16).
        ("nomination form", ("superuser", "unit"), reverse("awards:nomination_create")),
        (
            "nomination form: person search",
            ("superuser", "unit"),
            reverse("awards:nomination_choices") + "?field=nominee_person&q=nguoi+mau",
        ),
        (
            "nomination form: campaign search",
            ("superuser", "unit"),
            reverse("awards:nomination_choices") + "?field=campaign&q=ubnd",
        ),
        ("session form", office, reverse("awards:session_create")),
        (
            "session form: dossier search",
            office,
            reverse("awards:session_choices") + "?field=nominations&q=nguoi+mau",
        ),
    ]
    rows = [(name, role, url) for name, roles, url in pages for role in roles]
    for role, key in (
        ("superuser", "office_nomination"),
        ("office", "office_nomination"),
        ("unit", "unit_nomination"),
    ):
        rows.append(
            ("nomination detail", role, reverse("awards:nomination_detail", args=[ids[key]]))
        )
    return rows
