"""Every public page costs the same number of queries at 1× and at 10× the data (issue 16).

One world is built at 1×, every page is read (after a warm-up request, with the public
cache emptied, so the view really runs), then the world grows to 10× and every page is
read again. More rows in a list, more parts in a document, more grants in a decision,
more notices: none of it may add a query. At 1× no list fills its first page, at 10×
every one does, so a query per row shows up as a difference.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from awards import workflow
from awards.models import AwardGrant, AwardType, Decision, Nomination
from campaigns.models import (
    Anniversary,
    Attachment,
    Campaign,
    ContentItem,
    DistributionEntry,
    DocumentReference,
    Recipient,
)
from units.models import Person
from units.text import padded

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_pdf_engine(monkeypatch):
    """Downloads are served from stored issued documents; their first render (the only
    one) is not what this test measures: a stub makes it instant."""
    monkeypatch.setattr("units.documents.html_to_pdf", lambda html, **kw: b"%PDF-1.4 stub")


class World:
    """The demo (units, persons, five seed campaigns) and whatever `grow` adds."""

    def __init__(self, demo, units):
        self.demo, self.units = demo, units
        self.district = units["ubnd-tam-duong"]
        self.commune = units["ubnd-x-binh-lu"]
        self.award_types = list(AwardType.objects.filter(archived=False).order_by("pk")[:4])
        self.big_decision = None
        self.notice = None
        self.scale = 0
        self.serial = 0

    def grow(self, scale: int) -> None:
        """Add data until the world is `scale` times its 1× size."""
        for _ in range(scale - self.scale):
            self._add_one()
        self.scale = scale

    def _next(self) -> int:
        self.serial += 1
        return self.serial

    def _add_one(self) -> None:
        today = timezone.localdate()
        template = Campaign.objects.get(pk=self.demo["002"].pk)
        issuers = [self.units[c] for c in ("ubnd-tam-duong", "ubnd-tan-uyen", "ubnd-tp-lai-chau")]
        # 12 published campaigns across years and kinds (the list shows 20 a page); 3
        # of them answer seed 004, whose page lists its children.
        rows = []
        for i in range(12):
            n = self._next()
            row = Campaign.objects.get(pk=template.pk)
            row.pk = None
            row.number = str(20_000 + n)
            row.issuer = issuers[n % 3]
            row.kind = ("regular", "thematic")[n % 2]
            row.issued_on = datetime.date(2018 + n % 8, 1 + n % 12, 1 + n % 28)
            row.sort_date = row.issued_on
            row.start_date = row.issued_on
            row.end_date = row.issued_on + datetime.timedelta(days=200)
            row.status = (Campaign.Status.PUBLISHED, Campaign.Status.CLOSED)[n % 2]
            row.published_at = timezone.now() - datetime.timedelta(days=n)
            row.parent = self.demo["004"] if i < 3 else None
            row.source = ""
            row.subject = f"Phát động thi đua chuyển đổi số đợt {n}"
            row.search_text = padded(f"{row.subject} {row.number} {row.issuer.name}")
            rows.append(row)
        created = Campaign.objects.bulk_create(rows)
        # The parts of seed 002's document, which its page shows in full.
        c = self.demo["002"]
        for _ in range(4):
            n = self._next()
            top = ContentItem.objects.create(campaign=c, order=1000 + n, text=f"Nội dung {n}")
            ContentItem.objects.create(campaign=c, parent=top, order=1, text=f"Ý {n}")
        for _ in range(2):
            n = self._next()
            Anniversary.objects.create(campaign=c, order=100 + n, name=f"Ngày lễ {n}")
            Recipient.objects.create(campaign=c, order=100 + n, text=f"Nơi gửi {n}")
            DistributionEntry.objects.create(campaign=c, order=100 + n, text=f"Nơi nhận {n}")
            DocumentReference.objects.create(
                campaign=c,
                order=100 + n,
                relation=DocumentReference.Relation.choices[0][0],
                doc_type="Kế hoạch",
                number=str(n),
                linked_campaign=created[n % len(created)],
            )
            Attachment.objects.create(
                campaign=c,
                file=f"attachments/tep-{n}.pdf",
                original_name=f"tep-{n}.pdf",
                content_type="application/pdf",
                size=1000 + n,
                sha256="0" * 64,
                is_public=True,
            )
        # 30 awardees (the honour roll shows 50 a page) in 3 issued decisions; the first
        # decision keeps growing (its page lists every awardee).
        persons = Person.objects.bulk_create(
            Person(full_name=f"Người được khen {self._next()}", unit=self.commune, gender="male")
            for _ in range(20)
        )
        decisions = []
        for _ in range(3):
            n = self._next()
            decisions.append(
                Decision.objects.create(
                    issuer=self.district,
                    year=2020 + n % 5,
                    number=n,
                    issued_on=datetime.date(2020 + n % 5, 6, 1),
                    subject=f"Về việc khen thưởng đợt {n}",
                    status=Decision.Status.ISSUED,
                )
            )
        if self.big_decision is None:
            self.big_decision = decisions[0]
        grants = [
            AwardGrant(
                award_type=self.award_types[k % len(self.award_types)],
                person=person,
                year=self.big_decision.year if k < 10 else decisions[k % 3].year,
                decision=self.big_decision if k < 10 else decisions[k % 3],
                awardee_unit=self.commune,
                search_text=padded(f"{person.full_name} {self.commune.name}"),
            )
            for k, person in enumerate(persons)
        ] + [
            AwardGrant(
                award_type=self.award_types[k % len(self.award_types)],
                unit=self.commune,
                year=decisions[k % 3].year,
                decision=decisions[k % 3],
                awardee_unit=self.commune,
                search_text=padded(self.commune.name),
            )
            for k in range(10)
        ]
        AwardGrant.objects.bulk_create(grants)
        # 5 nominations open for public comment.
        notices = Nomination.objects.bulk_create(
            Nomination(
                award_type=self.award_types[0],
                nominee_person=persons[k],
                nominating_unit=self.commune,
                issuer=self.district,
                year=2025,
                status=sorted(workflow.statuses("comment"))[0],
                notice_until=today + datetime.timedelta(days=10),
            )
            for k in range(5)
        )
        if self.notice is None:
            self.notice = notices[0]

    def pages(self) -> dict[str, tuple[str, dict]]:
        d = self.demo
        award = self.award_types[1].pk
        return {
            "home": (reverse("public:home"), {}),
            "home, page 2": (reverse("public:home"), {"trang": 2}),
            "home, search": (reverse("public:home"), {"q": "chuyen doi so"}),
            "home, filters": (
                reverse("public:home"),
                {"year": 2024, "kind": "regular", "status": "da-ket-thuc"},
            ),
            "home, issuer": (reverse("public:home"), {"issuer": self.district.pk}),
            "campaign (many parts)": (reverse("public:campaign_detail", args=[d["002"].pk]), {}),
            "campaign (many children)": (
                reverse("public:campaign_detail", args=[d["004"].pk]),
                {},
            ),
            "campaign PDF": (reverse("public:campaign_pdf", args=[d["002"].pk]), {}),
            "Atom feed": (reverse("public:feed"), {}),
            "CSV": (reverse("public:export_csv"), {"kind": "regular"}),
            "JSON": (reverse("public:export_json"), {"kind": "regular"}),
            "decisions": (reverse("awards_public:decision_list"), {}),
            "decision (many awardees)": (
                reverse("awards_public:decision_detail", args=[self.big_decision.pk]),
                {},
            ),
            "decision PDF": (
                reverse("awards_public:decision_pdf", args=[self.big_decision.pk]),
                {},
            ),
            "honour roll": (reverse("awards_public:honour_roll"), {}),
            "honour roll, page 2": (reverse("awards_public:honour_roll"), {"trang": 2}),
            "honour roll, filters": (
                reverse("awards_public:honour_roll"),
                {"q": "nguoi duoc khen", "nam": self.big_decision.year, "danh_hieu": award},
            ),
            "notices": (reverse("awards_public:notice_list"), {}),
            "notice": (reverse("awards_public:notice_detail", args=[self.notice.pk]), {}),
        }


def query_counts(client, world: World) -> dict[str, int]:
    counts = {}
    for name, (url, params) in world.pages().items():
        assert client.get(url, params).status_code == 200, name  # warm-up: freezes PDFs
        cache.clear()  # the view runs, not the public cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


def test_every_public_page_costs_the_same_queries_at_1x_and_10x(client, demo, demo_units):
    world = World(demo, demo_units)
    world.grow(1)
    small = query_counts(client, world)
    world.grow(10)
    large = query_counts(client, world)

    # The pages did read more data at 10×.
    home = client.get(reverse("public:home"))
    assert home.context["page"].paginator.count == 5 + 120
    roll = client.get(reverse("awards_public:honour_roll"))
    assert roll.context["page"].paginator.count == 300
    decision = client.get(reverse("awards_public:decision_detail", args=[world.big_decision.pk]))
    assert len(decision.context["grants"]) > 100
    assert len(client.get(reverse("awards_public:notice_list")).context["nominations"]) == 50
    decisions = client.get(reverse("awards_public:decision_list")).content.decode()
    # Its pagination is in the page, not in its <title>.
    assert "<title>Quyết định khen thưởng — thidua</title>" in decisions
    assert decisions.count('<nav class="pagination"') == 1 and 'href="?trang=2"' in decisions

    grew = {name: (small[name], large[name]) for name in small if small[name] != large[name]}
    assert not grew, f"queries at 1× → 10×: {grew}"
