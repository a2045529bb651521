"""Synthetic province for benchmarks: 500 units in 20 blocs, 50,000 persons,
200 campaigns, and registrations, reports and nominations to match.

Everything is written with bulk_create; run it inside a throw-away test database.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from awards.models import AwardType, Nomination
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
from units.models import Bloc, Person, Unit
from units.text import padded

UNITS = 500
BLOCS = 20
PERSONS = 50_000
CAMPAIGNS = 200
BUSY_CAMPAIGNS = 20  # every unit registers and reports; the others get 50 units each


def generate(seed: int = 2025) -> dict:
    rng = random.Random(seed)
    province = Unit.objects.create(
        code="tinh-mau", name="UBND tỉnh Mẫu", kind="ubnd", level="province", is_issuing_body=True
    )
    units = Unit.objects.bulk_create(
        Unit(
            code=f"don-vi-{i}",
            name=f"UBND xã Mẫu {i}",
            kind="ubnd",
            level="commune",
            parent=province,
            search_text=padded(f"UBND xã Mẫu {i}"),
        )
        for i in range(UNITS)
    )
    blocs = []
    size = UNITS // BLOCS
    for b in range(BLOCS):
        members = units[b * size : (b + 1) * size]
        bloc = Bloc.objects.create(
            issuer=province, year=2025, name=f"Khối {b + 1}", head=members[0]
        )
        bloc.members.set(members)
        blocs.append((bloc, members))
    Person.objects.bulk_create(
        (
            Person(
                full_name=f"Người mẫu {i}",
                unit=units[i % UNITS],
                gender=rng.choice(["male", "female"]),
                ethnicity=rng.choice(["Kinh", "Thái", "Mông", "Dao", ""]),
                is_direct_worker=rng.random() < 0.4,
                search_text=padded(f"Người mẫu {i}"),
            )
            for i in range(PERSONS)
        ),
        batch_size=5000,
    )
    doc_type = DocumentType.objects.get(name="Kế hoạch")
    campaigns = Campaign.objects.bulk_create(
        Campaign(
            issuer=province,
            document_type=doc_type,
            number=str(i + 1),
            symbol="KH-UBND",
            subject=f"Phong trào thi đua mẫu số {i + 1}",
            kind="regular",
            status="published",
            issued_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=i),
            sort_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=i),
            end_date=datetime.date(2025, 12, 31),
            published_at=timezone.now(),
            search_text=padded(f"Phong trào thi đua mẫu số {i + 1}"),
        )
        for i in range(CAMPAIGNS)
    )
    criteria = Criterion.objects.bulk_create(
        Criterion(
            campaign=c,
            name=f"Tiêu chí {k + 1}",
            kind="numeric" if k % 2 == 0 else "boolean",
            target=Decimal(100) if k % 2 == 0 else None,
            order=k,
        )
        for c in campaigns
        for k in range(5)
    )
    by_campaign: dict[int, list[Criterion]] = {}
    for criterion in criteria:
        by_campaign.setdefault(criterion.campaign_id, []).append(criterion)
    periods = ReportPeriod.objects.bulk_create(
        ReportPeriod(campaign=c, kind="final", due_on=datetime.date(2025, 12, 15))
        for c in campaigns
    )
    registrations, reports = [], []
    now = timezone.now()
    for index, (campaign, period) in enumerate(zip(campaigns, periods, strict=True)):
        chosen = units if index < BUSY_CAMPAIGNS else rng.sample(units, 50)
        for unit in chosen:
            registrations.append(Registration(campaign=campaign, unit=unit, submitted_at=now))
            if rng.random() < 0.8:
                reports.append(
                    ResultReport(period=period, unit=unit, status="submitted", submitted_at=now)
                )
    Registration.objects.bulk_create(registrations, batch_size=5000)
    reports = ResultReport.objects.bulk_create(reports, batch_size=5000)
    period_campaign = {p.pk: p.campaign_id for p in periods}
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
            for criterion in by_campaign[period_campaign[report.period_id]]
        ),
        batch_size=10000,
    )
    busiest = campaigns[0]
    BlocScore.objects.bulk_create(
        BlocScore(
            campaign=busiest,
            bloc=bloc,
            unit=unit,
            kind="agreed",
            points=Decimal(rng.randint(80, 100)),
        )
        for bloc, members in blocs
        for unit in members
    )
    ldtt = AwardType.objects.get(code="tap-the-ldtt")
    statuses = [s for s, _ in Nomination.Status.choices]
    nominations = Nomination.objects.bulk_create(
        (
            Nomination(
                award_type=ldtt,
                nominee_unit=unit,
                nominating_unit=unit,
                campaign=campaigns[i % CAMPAIGNS],
                issuer=province,
                status=rng.choice(statuses),
            )
            for i, unit in enumerate(units * 4)
        ),
        batch_size=5000,
    )
    return {
        "campaign_id": busiest.pk,
        "đơn vị": UNITS + 1,
        "khối": BLOCS,
        "cá nhân": PERSONS,
        "phong trào": CAMPAIGNS,
        "đăng ký": len(registrations),
        "báo cáo": len(reports),
        "đề nghị": len(nominations),
    }


PUBLIC_CAMPAIGNS = 20_000
DECISIONS = 400
GRANTS = 40_000
WORDS = ["chuyển đổi số", "nông thôn mới", "văn hóa công sở", "cải cách hành chính", "giảm nghèo"]


def generate_public(
    campaigns: int = PUBLIC_CAMPAIGNS, grants: int = GRANTS, seed: int = 2026
) -> dict:
    """The public side of the province, on top of `generate()`: `campaigns` more
    published campaigns over ten years (a few closed, some drafts), issued award
    decisions and their `grants` on the honour roll. Run after `generate()`."""
    from awards.models import AwardGrant, Decision

    rng = random.Random(seed)
    province = Unit.objects.get(code="tinh-mau")
    units = list(Unit.objects.filter(parent=province).order_by("pk"))
    issuers = [province, *units[:40]]
    Unit.objects.filter(pk__in=[u.pk for u in units[:40]]).update(is_issuing_body=True)
    doc_type = DocumentType.objects.get(name="Kế hoạch")
    statuses = ["published"] * 8 + ["closed", "draft"]
    now = timezone.now()
    rows = []
    for i in range(campaigns):
        issued = datetime.date(2016, 1, 1) + datetime.timedelta(days=rng.randrange(3650))
        subject = f"Phát động thi đua {WORDS[i % len(WORDS)]} đợt {i}"
        rows.append(
            Campaign(
                issuer=issuers[i % len(issuers)],
                document_type=doc_type,
                number=str(1000 + i),
                symbol="KH-UBND",
                subject=subject,
                kind="regular" if i % 3 else "thematic",
                is_special=i % 17 == 0,
                status=statuses[i % len(statuses)],
                issued_on=issued,
                issued_month=issued.month,
                issued_year=issued.year,
                sort_date=issued,
                start_date=issued,
                end_date=issued + datetime.timedelta(days=rng.randrange(30, 720)),
                published_at=now - datetime.timedelta(minutes=i),
                search_text=padded(f"{subject} {1000 + i}/KH-UBND"),
            )
        )
    Campaign.objects.bulk_create(rows, batch_size=2000)
    decisions = Decision.objects.bulk_create(
        Decision(
            issuer=province,
            year=2016 + i % 10,
            number=i // 10 + 1,
            issued_on=datetime.date(2016 + i % 10, 12, 1),
            subject=f"Về việc khen thưởng đợt {i + 1}",
            status="issued" if i % 20 else "draft",
        )
        for i in range(DECISIONS)
    )
    types = {t.code: t for t in AwardType.objects.all()}
    person_types = [types["cstd-co-so"], types["lao-dong-tien-tien"], types["cstd-tinh"]]
    unit_types = [types["tap-the-ldtt"], types["tap-the-ldxs"]]
    persons = list(Person.objects.order_by("pk").values_list("pk", "unit_id", "full_name"))
    unit_names = {u.pk: u.name for u in units}
    grant_rows = []
    for i in range(grants):
        decision = decisions[i % DECISIONS]
        if i % 10:
            person_id, unit_id, name = persons[(i * 7919) % len(persons)]
            award = person_types[i % len(person_types)]
            grant = AwardGrant(person_id=person_id, awardee_unit_id=unit_id)
        else:
            unit = units[i % len(units)]
            unit_id, name, award = unit.pk, unit.name, unit_types[i % len(unit_types)]
            grant = AwardGrant(unit=unit, awardee_unit=unit)
        grant.award_type = award
        grant.year = decision.year
        grant.decision = decision
        grant.search_text = padded(f"{name} {unit_names.get(unit_id, '')} {award.name}")
        grant_rows.append(grant)
    AwardGrant.objects.bulk_create(grant_rows, batch_size=5000)
    return {
        "phong trào công khai": Campaign.objects.public().count(),
        "quyết định": len(decisions),
        "khen thưởng": len(grant_rows),
    }
