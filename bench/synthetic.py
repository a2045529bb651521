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
