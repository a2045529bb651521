"""The reads that serve many units or blocs at once give, for each, what the one-at-a-time
read gives, in a number of queries that does not grow with how many are asked."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.timezone import make_aware

from bench.workspace import generate
from campaigns.models import Campaign, Registration, ResultReport
from campaigns.results import selectors
from units.models import Bloc, Unit, ancestors_of, descendant_ids_by_root

pytestmark = pytest.mark.django_db
NOON = datetime.time(12)


@pytest.fixture
def workspace():
    return generate(districts=3, communes=4, campaigns=120)


def test_ancestors_of_many_units_is_each_units_chain(demo_units):
    units = list(Unit.objects.all())
    with CaptureQueriesContext(connection) as queries:
        chains = ancestors_of(units)
    assert chains == {u.pk: [a.pk for a in u.ancestors()] for u in units}
    assert len(queries) <= 4  # one per level above the units, not one per unit
    by_id = ancestors_of([u.pk for u in units])  # ids alone cost one more query
    assert by_id == chains


def test_descendants_by_root_is_each_roots_subtree_even_when_roots_nest(demo_units):
    roots = [demo_units["ubnd-tinh-lai-chau"], demo_units["ubnd-tam-duong"]]
    roots += list(Unit.objects.filter(parent=roots[1])[:2])
    Unit.objects.filter(parent=roots[1]).exclude(pk__in=[r.pk for r in roots]).filter(
        pk=Unit.objects.filter(parent=roots[1]).order_by("-pk").values("pk")[:1]
    ).update(archived=True)
    with CaptureQueriesContext(connection) as queries:
        below = descendant_ids_by_root(r.pk for r in roots)
    assert below == {r.pk: r.descendant_ids() for r in roots}
    assert len(queries) == 1  # a recursive CTE
    active = descendant_ids_by_root([roots[0].pk], active=True)[roots[0].pk]
    assert active == set(
        Unit.objects.active().filter(pk__in=below[roots[0].pk]).values_list("pk", flat=True)
    )


def _participation_by_hand(campaign: Campaign) -> dict:
    """What `participation` meant when it counted one campaign in the database."""
    addressed = selectors.addressed_units(campaign)
    total = addressed.count()
    periods = []
    for period in campaign.periods.all():
        submitted = ResultReport.objects.filter(
            period=period, unit__in=addressed, status=ResultReport.Status.SUBMITTED
        )
        late = submitted.filter(submitted_at__date__gt=period.due_on).count()
        on_time = submitted.count() - late
        periods.append(
            {"period": period, "on_time": on_time, "late": late, "missing": total - on_time - late}
        )
    registered = Registration.objects.filter(
        campaign=campaign, unit__in=addressed, submitted_at__isnull=False
    ).count()
    return {"addressed": total, "registered": registered, "periods": periods}


def test_participations_of_many_campaigns_match_each_one(workspace):
    busy = Campaign.objects.get(pk=workspace.ids["busy"])
    # one district's units register and report for its own campaign, one unit late
    child = busy.children.order_by("pk").first()
    units = list(Unit.objects.filter(parent=child.issuer))
    period = child.periods.get()
    Registration.objects.bulk_create(
        Registration(campaign=child, unit=u, submitted_at=busy.published_at) for u in units[:3]
    )
    after_due = datetime.datetime.combine(period.due_on + datetime.timedelta(days=2), NOON)
    ResultReport.objects.create(
        period=period, unit=units[0], status="submitted", submitted_at=make_aware(after_due)
    )
    Unit.objects.filter(pk=units[1].pk).update(archived=True)  # no longer addressed
    campaigns = [busy, *busy.children.all()]
    with CaptureQueriesContext(connection) as queries:
        figures = selectors.participations(campaigns)
    assert len(queries) <= 8
    for campaign in campaigns:
        assert figures[campaign.pk] == _participation_by_hand(campaign)
    assert figures[child.pk]["registered"] == 2 and figures[child.pk]["periods"][0]["late"] == 1


def test_bloc_rankings_of_many_blocs_match_each_one(workspace):
    busy = Campaign.objects.get(pk=workspace.ids["busy"])
    blocs = list(Bloc.objects.order_by("pk"))
    with CaptureQueriesContext(connection) as queries:
        rankings = selectors.bloc_rankings(busy, blocs)
    assert len(queries) == 3
    for row in rankings:
        bloc, ranking = row["bloc"], row["ranking"]
        assert row["count"] == len(ranking) == bloc.members.count()
        assert {r.unit.pk for r in ranking} == set(bloc.members.values_list("pk", flat=True))
        ranked = [r for r in ranking if r.rank is not None]
        assert [r.points for r in ranked] == sorted((r.points for r in ranked), reverse=True)
        for r in ranked:  # a rank is one more than the number of better scores
            assert r.rank == 1 + sum(1 for o in ranked if o.points > r.points)
            assert r.tied == (sum(1 for o in ranked if o.points == r.points) > 1)
    # the pages keep each bloc's leaders, and all of the one asked for
    cut = selectors.bloc_rankings(busy, blocs, top=2, whole=blocs[1].pk)
    assert [len(row["ranking"]) for row in cut] == [2, 4, 2]
    for whole, part in zip(rankings, cut, strict=True):
        assert part["ranking"] == whole["ranking"][: len(part["ranking"])]
        assert part["count"] == whole["count"]


def test_blocs_with_campaigns_name_the_newest_and_count_them_all(workspace):
    busy = Campaign.objects.get(pk=workspace.ids["busy"])
    province = busy.issuer
    Bloc.objects.create(
        issuer=province, year=busy.year - 1, name="Khối năm trước", head=busy.issuer
    )
    blocs = list(Bloc.objects.order_by("pk"))
    with CaptureQueriesContext(connection) as queries:
        rows = selectors.blocs_with_campaigns(blocs)
    assert len(queries) == 1
    for bloc, campaigns, total in rows:
        scored = selectors.campaigns_to_score(bloc)
        assert [c.pk for c in campaigns] == [c.pk for c in scored[: selectors.CAMPAIGNS_PER_BLOC]]
        assert total == scored.count()
    assert rows[0][2] > selectors.CAMPAIGNS_PER_BLOC  # the busy year has more than it names


def test_campaign_form_offers_parents_of_every_higher_body(demo, make_member):
    """The editor's parent campaigns come from the bodies `Unit.is_above` the user's own,
    found in one walk up the tree instead of asking every unit about every body."""
    from campaigns.forms_staff import CampaignForm
    from units.models import Membership

    bodies = list(Unit.objects.filter(is_issuing_body=True, archived=False))
    offered_any = False
    for i, body in enumerate(bodies):
        user = make_member(f"vp{i}", body, Membership.Role.OFFICE_STAFF)
        if i == 0:
            Membership.objects.create(user=user, unit=bodies[-1], role="office_staff")
        mine = bodies[:1] + bodies[-1:] if i == 0 else [body]
        higher = {u.pk for u in Unit.objects.active() if any(u.is_above(b) for b in mine)}
        offered = CampaignForm(user=user).fields["parent"].queryset
        expected = Campaign.objects.public().filter(issuer_id__in=higher)
        assert set(offered.values_list("pk", flat=True)) == set(
            expected.values_list("pk", flat=True)
        )
        offered_any |= offered.exists()
    assert offered_any  # the demo's districts are offered the province's campaigns
