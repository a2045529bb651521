"""Reads of the awards cycle, limited to what each user may see."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.db.models.sql.where import WhereNode
from django.shortcuts import get_object_or_404
from django.utils import timezone

from campaigns.models import Campaign, campaign_year_q
from units.access import (
    council_bodies,
    holds_office,
    leader_bodies,
    office_bodies,
    office_record_bodies,
    unit_bodies,
    units_below,
)
from units.models import Unit, ancestors_of, archive_ids_of, lineage_ids_of
from units.text import rank_marked, search_q, search_terms

from .models import (
    AgendaItem,
    AwardGrant,
    AwardType,
    BallotReceipt,
    CouncilSession,
    Decision,
    Nomination,
    NominationEvent,
    PublicComment,
    SessionMember,
    Submission,
    Vote,
)
from .workflow import statuses

RELATED = (
    "award_type",
    "nominee_person__unit",
    "nominee_unit",
    "nominating_unit",
    "issuer",
    "forwarded_from",  # the lower body that forwarded it (decision 0077)
    "campaign__document_type",  # a campaign not yet numbered is named by its type
)
# What the dashboard's lists of nominations show (the nominee, the award, the unit that
# nominated, the body): two joins fewer than RELATED, and each of its lists planned in
# half the time (decision 0025).
PENDING_RELATED = ("award_type", "nominee_person", "nominee_unit", "nominating_unit", "issuer")


def forward_note() -> Subquery:
    """The note of the nomination's latest forwarding (decision 0077): which body
    forwarded it to which, and the lower council's result. One subquery of the list's
    own query, so a page of forwarded dossiers costs no query more than any other."""
    return Subquery(
        NominationEvent.objects.filter(
            nomination=OuterRef("pk"), to_status=Nomination.Status.FORWARDED
        )
        .order_by("-at", "-pk")
        .values("note")[:1]
    )


def latest_submission() -> Subquery:
    """The id of the latest numbered tờ trình the nomination went with to the body that
    holds it now (decision 0083); one subquery of the inbox's own query."""
    return Subquery(
        Submission.objects.filter(nominations=OuterRef("pk"), addressee=OuterRef("issuer"))
        .order_by("-pk")
        .values("pk")[:1]
    )


def return_note() -> Subquery:
    """The note of the nomination's latest return by the upper body to the body that
    forwarded it (an event from submitted back to passed: `services.nomination_return_down`)."""
    return Subquery(
        NominationEvent.objects.filter(
            nomination=OuterRef("pk"),
            from_status__in=statuses("return_down"),
            to_status=Nomination.Status.PASSED,
        )
        .order_by("-at", "-pk")
        .values("note")[:1]
    )


def _unit_ids(user) -> set[int]:
    """Units whose nominations the user prepares: their units and the units below, and
    the issuing bodies where they are standing office (nominations the body itself makes,
    e.g. drafted from a bloc ranking)."""
    return units_below(unit_bodies(user)) | set(office_bodies(user).values_list("pk", flat=True))


def _record_unit_ids(user, unit_ids: set[int] | None = None) -> set[int]:
    """Units whose nominations the user reads: _unit_ids (`unit_ids`, when already read)
    and the units merged into them (the 2025 merger: a successor carries on its
    predecessors' records, read only; every action still checks the user's active roles
    in the services)."""
    return lineage_ids_of(_unit_ids(user) if unit_ids is None else unit_ids)


def _lineage(bodies: QuerySet[Unit]) -> QuerySet[Unit]:
    """The bodies and those merged into them, for reading their records."""
    return Unit.objects.filter(pk__in=lineage_ids_of(bodies.values_list("pk", flat=True)))


def nomination_campaigns(bodies: QuerySet[Unit]) -> QuerySet[Campaign]:
    """The campaigns a nomination of these units may answer: the public ones (launched,
    ended or summarised) of the units themselves and of every unit above them, newest
    first. The nomination form offers them and the Excel import reads its "Phong trào"
    column against them (decision 0094); `services._check_scope` is the rule on save.
    The few units above are walked a level at a time from the bodies' parents."""
    parents = set(bodies.exclude(parent=None).values_list("parent_id", flat=True))
    above = parents.union(*ancestors_of(sorted(parents)).values())
    return (
        Campaign.objects.public()
        .filter(Q(issuer__in=bodies.values("pk")) | Q(issuer_id__in=above))
        .select_related("issuer", "document_type")
        .newest_first()
    )


def nominations_of_units(user) -> QuerySet[Nomination]:
    """Nominations made by the user's units and the units below them, and by the units
    merged into those (read only)."""
    return Nomination.objects.filter(nominating_unit_id__in=_record_unit_ids(user)).select_related(
        *RELATED
    )


def nominee_word(column: str) -> Callable[[str], Q]:
    """Where a word of the nominee's name may be: the person's or the collective's stored
    text (`column`: search_text, or search_marked with the diacritics), or the
    household's (`household_search`; with its diacritics, the name as written)."""

    def match(word: str) -> Q:
        household = (
            Q(household_search__contains=word)
            if column == "search_text"
            else Q(nominee_household__icontains=word.strip())
        )
        return (
            Q(**{f"nominee_person__{column}__contains": word})
            | Q(**{f"nominee_unit__{column}__contains": word})
            | household
        )

    return match


def nominations_filtered(
    nominations: QuerySet[Nomination], filters: dict | None = None
) -> QuerySet[Nomination]:
    """The unit's list as filtered (decision 0068): the year (the nomination's, or its
    campaign's), the status, the award type, and words of the nominee's name with or
    without diacritics, the names written with the query's diacritics first; latest
    change first. Each filter is a condition of the one query: none adds a query."""
    filters = filters or {}
    if year := filters.get("year"):
        nominations = nominations.filter(
            Q(year=year) | (Q(year__isnull=True) & campaign_year_q(year, "campaign__"))
        )
    if filters.get("status"):
        nominations = nominations.filter(status=filters["status"])
    if filters.get("award_type"):
        nominations = nominations.filter(award_type=filters["award_type"])
    query = filters.get("query")
    if search_terms(query):
        nominations = nominations.filter(search_q(query, match=nominee_word("search_text")))
    ordered = nominations.order_by("-updated_at", "-pk")
    return rank_marked(ordered, query, match=nominee_word("search_marked"))


def nominations_to_appraise(user, filters: dict | None = None) -> QuerySet[Nomination]:
    """The standing office's inbox: nominations its issuing bodies decide."""
    filters = filters or {}
    queryset = Nomination.objects.filter(issuer__in=office_bodies(user)).exclude(
        status=Nomination.Status.DRAFT
    )
    if filters.get("q"):  # words of the nominee's name, as the unit's list (decision 0074)
        queryset = queryset.filter(search_q(filters["q"], match=nominee_word("search_text")))
    if filters.get("unit"):  # words of the unit's name, with or without diacritics
        queryset = queryset.filter(search_q(filters["unit"], "nominating_unit__search_text"))
    if filters.get("award_type"):
        queryset = queryset.filter(award_type=filters["award_type"])
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    ordered = (
        queryset.select_related(*RELATED)
        .annotate(forward_note=forward_note(), submission_id=latest_submission())
        .order_by("-updated_at", "-pk")
    )
    if filters.get("q"):  # the names written with the typed diacritics first
        return rank_marked(ordered, filters["q"], match=nominee_word("search_marked"))
    # the units written with the typed diacritics first (decision 0054)
    return rank_marked(ordered, filters.get("unit"), "nominating_unit__search_marked")


def forwarded_by(body_ids) -> QuerySet[Nomination]:
    """The dossiers these bodies forwarded to a higher level (decision 0077): handed to
    the upper body (`forwarded_from`), wherever they are now, and those forwarded before
    the hand-over existed, which stayed at the body in the FORWARDED status."""
    return Nomination.objects.filter(
        Q(forwarded_from_id__in=body_ids)
        | Q(status=Nomination.Status.FORWARDED, issuer_id__in=body_ids)
    )


def bodies_that_forwarded(body_ids) -> QuerySet[Unit]:
    """Those of these bodies with at least one dossier forwarded (`forwarded_by`): each has
    its own tờ trình."""
    forwarded = forwarded_by(body_ids)
    return Unit.objects.filter(pk__in=body_ids).filter(
        Q(pk__in=forwarded.values("forwarded_from_id"))
        | Q(pk__in=forwarded.filter(forwarded_from=None).values("issuer_id"))
    )


def submissions_for(user) -> QuerySet[Submission]:
    """The tờ trình the user may read (decision 0083): those its bodies made (their office
    or leader) and those sent to the bodies where it is the standing office. Unit B's
    office never reads unit A's."""
    made = (office_bodies(user) | leader_bodies(user)).values("pk")
    received = office_bodies(user).values("pk")
    return Submission.objects.filter(
        Q(issuer_id__in=made) | Q(addressee_id__in=received)
    ).select_related("issuer", "addressee")


def forwardable(user) -> QuerySet[Nomination]:
    """The dossiers the user's office may forward now: passed by its body's council (or
    forwarded before the hand-over existed) and held by that body. Which are beyond the
    body's authority is the award's (`AwardType.granted_by`), checked per row by the page."""
    return Nomination.objects.filter(
        issuer__in=office_bodies(user), status__in=statuses("forward")
    ).select_related("award_type", "nominee_person", "nominee_unit", "nominating_unit", "issuer")


def forwarding_bodies(user) -> QuerySet[Unit]:
    """The lower bodies whose dossiers wait at, or were decided by, the bodies where the
    user is standing office: the upper office reads their tờ trình (decision 0077)."""
    return Unit.objects.filter(
        pk__in=Nomination.objects.filter(
            issuer__in=office_bodies(user), forwarded_from__isnull=False
        ).values("forwarded_from_id")
    )


def lower_council_items(nomination: Nomination) -> QuerySet[AgendaItem]:
    """A forwarded dossier's items in the closed sessions of the lower council that passed
    it (decision 0077): their ballots, and their minutes, are part of the dossier sent up,
    read by the upper body's office and council (decision 0084). None when not forwarded."""
    if nomination.forwarded_from_id is None:
        return AgendaItem.objects.none()
    return (
        AgendaItem.objects.filter(
            nomination=nomination,
            session__issuer_id=nomination.forwarded_from_id,
            session__status=CouncilSession.Status.CLOSED,
        )
        .select_related("session")
        .order_by("session__held_on", "pk")
    )


def on_members_agenda(user, nomination: Nomination) -> bool:
    """Whether the user sits, as a council member, on a session that has the nomination
    on its agenda (their council's, or one merged into it)."""
    return nomination.agenda_items.filter(
        session__seats__user=user, session__issuer__in=_lineage(council_bodies(user))
    ).exists()


def leads_issuer(user, nomination: Nomination) -> bool:
    """Whether the user leads the body that decides on the sent nomination (or one merged
    into it): the leader reads what its council votes on and its decisions gather."""
    bodies = [pk for pk in (nomination.issuer_id, nomination.forwarded_from_id) if pk]
    return (
        bool(bodies)
        and nomination.status != Nomination.Status.DRAFT
        and _lineage(leader_bodies(user)).filter(pk__in=bodies).exists()
    )


class NominationAccess(NamedTuple):
    """A nomination the user may open and how they read it, decided once per request."""

    nomination: Nomination
    is_unit: bool  # the nominating unit's staff (or a unit above it)
    is_office: bool  # the standing office of the body that decides it
    # not the office, but a council member with it on their session's agenda or the
    # deciding body's leader: reads the office's eligibility check, read only
    is_member: bool


def visible_nomination(user, pk: int) -> NominationAccess:
    """A nomination the user may open, with how they read it; 404 otherwise. Each check
    is read once, and only while still needed."""
    nomination = get_object_or_404(Nomination.objects.select_related(*RELATED), pk=pk)
    unit_ids = _unit_ids(user)
    is_unit = nomination.nominating_unit_id in unit_ids
    sent = bool(nomination.issuer_id) and nomination.status != Nomination.Status.DRAFT
    is_office = sent and holds_office(user, nomination.issuer)
    # the body's leader reads what its council votes on and its decisions gather, and
    # what the bodies merged into it did (their sessions are on the leader's list)
    is_member = not is_office and (
        on_members_agenda(user, nomination) or leads_issuer(user, nomination)
    )
    # read only: a predecessor's (the 2025 merger), by the successor's staff or office;
    # and a dossier the user's body forwarded to the upper body (decision 0077)
    if not (is_unit or is_office or is_member) and not (
        nomination.nominating_unit_id in _record_unit_ids(user, unit_ids)
        or (sent and office_record_bodies(user).filter(pk=nomination.issuer_id).exists())
        or (
            nomination.forwarded_from_id
            and office_record_bodies(user).filter(pk=nomination.forwarded_from_id).exists()
        )
    ):
        from django.http import Http404

        raise Http404
    return NominationAccess(nomination, is_unit, is_office, is_member)


def sessions_for(user) -> QuerySet[CouncilSession]:
    """Sessions the user may open: their office's, their bodies' as leader (the chairman
    closes them), and those where they sit on the council."""
    return CouncilSession.objects.filter(
        pk__in=CouncilSession.objects.filter(
            Q(issuer__in=office_record_bodies(user))
            | Q(issuer__in=_lineage(leader_bodies(user)))
            | Q(issuer__in=_lineage(council_bodies(user)), seats__user=user)
        ).values("pk")
    ).select_related("issuer")


def issued_amendments(prefix: str = "") -> Prefetch:
    """Each decision's issued amending decision (`Decision.amended_by` reads it), in one
    query for a whole list: the lists' queries do not grow with the amendments."""
    return Prefetch(
        f"{prefix}amendments",
        queryset=Decision.objects.filter(status=Decision.Status.ISSUED).select_related("issuer"),
        to_attr="issued_amendments",
    )


def with_amendments(decisions: QuerySet[Decision]) -> QuerySet[Decision]:
    """Decisions with what amends them and what they amend (decision 0078)."""
    return decisions.select_related("amends__issuer").prefetch_related(issued_amendments())


_CHAIN_SQL = """WITH RECURSIVE
    earlier(id, amends_id) AS (
        SELECT id, amends_id FROM {table} WHERE id IN ({starts})
        UNION SELECT d.id, d.amends_id FROM {table} d JOIN earlier e ON d.id = e.amends_id
    ),
    later(id) AS (
        SELECT id FROM earlier WHERE amends_id IS NULL
        UNION SELECT d.id FROM {table} d JOIN later l ON d.amends_id = l.id WHERE d.status = %s
    )
    SELECT id FROM earlier UNION SELECT id FROM later"""

CHAINS_AT_ONCE = 500  # decisions whose chains one query reads (the Excel export pages by it)


@dataclass
class AmendmentChain:
    """A decision among its revisions (Quyết định sửa đổi, bổ sung; decision 0085): the
    decision first issued, then each issued decision that amended the one before it, in
    order; `decision` in its place (a draft when it is one). The lines in force are those
    of the last issued link."""

    links: list[Decision]
    decision: Decision

    def __bool__(self) -> bool:
        return len(self.links) > 1

    @property
    def _at(self) -> int:
        return next(i for i, link in enumerate(self.links) if link.pk == self.decision.pk)

    @property
    def earlier(self) -> list[Decision]:
        """The decisions it amends, the first issued first."""
        return self.links[: self._at]

    @property
    def later(self) -> list[Decision]:
        """The issued decisions that amended it, then each other, in order."""
        return self.links[self._at + 1 :]

    @property
    def in_force(self) -> Decision | None:
        """The last issued link: the one whose lines are in force."""
        issued = [link for link in self.links if link.status == Decision.Status.ISSUED]
        return issued[-1] if issued else None

    @property
    def amended_text(self) -> str:
        """ "Đã được sửa đổi, bổ sung bởi Quyết định số 07/QĐ-UBND ngày 10/01/2025; Quyết
        định số 09/QĐ-UBND ngày 20/02/2025", every later link in order ("" when none)."""
        if not self.later:
            return ""
        return "Đã được sửa đổi, bổ sung bởi " + "; ".join(
            f"Quyết định số {d.number_symbol} ngày {d.issued_on:%d/%m/%Y}" for d in self.later
        )


def amendment_chain(decision: Decision | None) -> AmendmentChain:
    """The chain of revisions `decision` belongs to, in one query however long it is (a
    recursive CTE up its `amends` and down its issued amendments). Each link's `amends`
    and issued amendment are set from the others, so `amended_by`, `amended_text` and
    `amends.reference_text` read nothing more; `decision` itself gets them too."""
    if decision is None or not decision.pk:
        return AmendmentChain([], decision)
    return amendment_chains([decision])[decision.pk]


def amendment_chains(decisions) -> dict[int, AmendmentChain]:
    """`amendment_chain` of every decision of a list (a page of a list, the Excel export),
    by their pk: one query per CHAINS_AT_ONCE decisions however many and however long
    their chains (decision 0089). Each decision gets its chain as `chain` too, so a list
    names every decision that amended it and the one whose list is in force."""
    decisions = [d for d in decisions if d.pk]
    issued = Decision.Status.ISSUED
    found: dict[int, Decision] = {}
    for at in range(0, len(decisions), CHAINS_AT_ONCE):
        some = decisions[at : at + CHAINS_AT_ONCE]
        sql = _CHAIN_SQL.format(table=Decision._meta.db_table, starts=", ".join(["%s"] * len(some)))
        params = [d.pk for d in some] + [issued]
        found.update(
            (d.pk, d)
            for d in Decision.objects.filter(pk__in=RawSQL(sql, params)).select_related("issuer")
        )
    found.update((d.pk, d) for d in decisions)  # the caller's own objects get the links
    after = {d.amends_id: d for d in found.values() if d.amends_id and d.status == issued}
    chains: dict[int, AmendmentChain] = {}
    for decision in decisions:
        link = decision
        while link.amends_id is not None:
            link = found[link.amends_id]
        links = [link]
        while (link := after.get(link.pk)) is not None:
            links.append(link)
        for before, link in zip([None, *links], links, strict=False):
            if before is not None:
                link.amends = before
            link.issued_amendments = [after[link.pk]] if link.pk in after else []
        if decision.status != issued and decision.amends_id:  # a draft, after what it amends
            amended = found[decision.amends_id]
            decision.amends = amended
            links.insert(links.index(amended) + 1, decision)
        chains[decision.pk] = decision.chain = AmendmentChain(links, decision)
    return chains


def decisions_for_office(user) -> QuerySet[Decision]:
    """Decisions of the user's standing-office bodies and of the bodies merged into them."""
    return Decision.objects.filter(issuer__in=office_record_bodies(user)).select_related("issuer")


def decision_body_ids(user) -> list[int]:
    """The bodies whose decisions the user reads: those where they are standing office,
    leader (the drafts they are to sign) or council member (the decisions their votes led
    to, read only: decision 0076), the bodies merged into them and the dissolved bodies
    that sat under them (`archive_ids_of`: the province's leader reads Quyết định
    01/QĐ-UBND of the city merged into it, decision 0074). Sorted, a literal list in SQL
    (`office_record_ids`)."""
    own = (office_bodies(user) | leader_bodies(user) | council_bodies(user)).values_list(
        "pk", flat=True
    )
    return sorted(archive_ids_of(own))


def decisions_for(user) -> QuerySet[Decision]:
    """Decisions the user may read (`decision_body_ids`). Read only but for the office of
    a living body: every write checks `holds_office` in the services, which a dissolved
    body's decisions never pass."""
    return with_amendments(
        Decision.objects.filter(issuer_id__in=decision_body_ids(user)).select_related("issuer")
    )


# Pending work on the dashboard ------------------------------------------------

PENDING_SHOWN = 5  # the dashboard names this many of each kind, with a link to all


def _count_of(queryset: QuerySet, field: str = "pk"):
    """A correlated count as an annotation (0 when none): one subquery, no join that would
    multiply another count."""
    counted = queryset.order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def with_voting_progress(sessions: QuerySet[CouncilSession]) -> QuerySet[CouncilSession]:
    """Sessions annotated with how far their vote has gone: `items`, `seat_count` (members
    seated), `present_seats`, `voters` (members who have cast at least one ballot, secret
    or named) and `ballots` (ballots cast), each one subquery; never how anyone voted."""
    cast_named = Vote.objects.filter(item__session=OuterRef("session"), member=OuterRef("user"))
    cast_secret = BallotReceipt.objects.filter(
        item__session=OuterRef("session"), member=OuterRef("user")
    )
    voters = SessionMember.objects.filter(session=OuterRef("pk")).filter(
        Q(Exists(cast_named)) | Q(Exists(cast_secret))
    )
    return sessions.annotate(
        items=_count_of(AgendaItem.objects.filter(session=OuterRef("pk")), "session"),
        seat_count=_count_of(SessionMember.objects.filter(session=OuterRef("pk")), "session"),
        present_seats=_count_of(
            SessionMember.objects.filter(session=OuterRef("pk"), present=True), "session"
        ),
        voters=_count_of(voters, "session"),
        named_ballots=_count_of(Vote.objects.filter(item__session=OuterRef("pk")), "item__session"),
        secret_ballots=_count_of(
            BallotReceipt.objects.filter(item__session=OuterRef("pk")), "item__session"
        ),
    )


class _CountOf(Subquery):
    """The number of rows of a queryset, as a scalar subquery."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _counted)"
    output_field = IntegerField()


class _AmongKeys(Subquery):
    """`pk = ANY(ARRAY(keys))` (PostgreSQL): the keys are computed once (an InitPlan) and
    the rows read by their primary key."""

    template = "%(pk)s = ANY(ARRAY(%(subquery)s))"
    output_field = BooleanField()

    def __init__(self, queryset: QuerySet, *, model) -> None:
        super().__init__(queryset)
        self.model = model

    def as_sql(self, compiler, connection, template=None, **extra):
        quote = connection.ops.quote_name
        extra["pk"] = f"{quote(self.model._meta.db_table)}.{quote(self.model._meta.pk.column)}"
        return super().as_sql(compiler, connection, template=template, **extra)


def _first(
    queryset: QuerySet, annotate: Callable[[QuerySet], QuerySet] | None = None
) -> tuple[int, list]:
    """How many, and the first PENDING_SHOWN, in one query. The count and the first keys
    are read from the bare rows (no join for select_related, no annotation), and only the
    few rows shown are joined and annotated: a window count over the whole queryset
    joined and annotated every pending row first (25-60 ms a list at province scale,
    decision 0020). `annotate` adds what the rows shown tell (counts of their ballots,
    their nominees) to those rows only: given with the queryset, each annotation was
    copied and compiled into the count and the keys too (decision 0025)."""
    keys = queryset.values("pk")
    shown = _only_first(queryset)
    if annotate is not None:
        shown = annotate(shown)
    rows = list(shown.annotate(pending_total=_CountOf(keys.order_by())))
    return (rows[0].pending_total if rows else 0), rows


def _only_first(queryset: QuerySet) -> QuerySet:
    """The first PENDING_SHOWN rows of `queryset`, found on the bare rows, then joined and
    annotated alone. With the filters repeated, or with `pk IN (subquery)`, the planner
    joined every pending row before matching the keys; on PostgreSQL the keys become an
    array read once, and the rows are read by their primary key."""
    keys = queryset.values("pk")[:PENDING_SHOWN]
    shown = queryset.all()
    shown.query.where = WhereNode()
    if connection.vendor == "postgresql":
        return shown.filter(_AmongKeys(keys, model=queryset.model))
    return shown.filter(pk__in=keys)


def with_nominee_count(decisions: QuerySet[Decision]) -> QuerySet[Decision]:
    """`nominee_count`: how many a decision names. An issued one, its register lines not
    struck off; a draft, its nominations, and an amending draft's own lines not struck
    (decision 0082: an amending decision gathers lines, not only nominations). The one
    rule for the dashboard and the decisions' export; two subqueries."""
    lines = _count_of(AwardGrant.objects.filter(decision=OuterRef("pk"), struck=False), "decision")
    nominations = _count_of(Nomination.objects.filter(decision=OuterRef("pk")), "decision")
    return decisions.annotate(
        nominee_count=Case(
            When(status=Decision.Status.ISSUED, then=lines),
            default=nominations + lines,
            output_field=IntegerField(),
        )
    )


def unit_award_pending(user) -> dict:
    """Unit staff: nominations returned to them for more information, and drafts not sent."""
    if user.is_superuser:
        # Every unit is the superuser's (units_below every active unit): no walk of the
        # whole tree (30-70 ms at 2,001 units) and no list of 2,001 ids in two queries.
        mine = Nomination.objects.select_related(*PENDING_RELATED)
    else:
        mine = Nomination.objects.filter(nominating_unit_id__in=_unit_ids(user)).select_related(
            *PENDING_RELATED
        )
    returned, returned_shown = _first(
        mine.filter(status=Nomination.Status.RETURNED).order_by("-updated_at", "-pk")
    )
    drafts, drafts_shown = _first(
        mine.filter(status=Nomination.Status.DRAFT).order_by("-updated_at", "-pk")
    )
    return {
        "returned_count": returned,
        "returned": returned_shown,
        "drafts_count": drafts,
        "drafts": drafts_shown,
    }


def council_pending(user) -> dict:
    """A council member: the open sessions where they sit present, each with how many of
    its items they have not voted on yet, and that number over all of them. The seats are
    read first (a member sits in a few open sessions): none, and nothing more is asked (a
    superuser, a council member between sessions; decision 0025)."""
    seats = list(
        SessionMember.objects.filter(
            user=user,
            present=True,
            session__status=CouncilSession.Status.OPEN,
            session__issuer__in=council_bodies(user),
        ).values_list("session_id", flat=True)
    )
    if not seats:
        return {
            "sessions_count": 0,
            "sessions": [],
            "to_vote_count": 0,
            "today": timezone.localdate(),
        }
    seated = CouncilSession.objects.filter(pk__in=seats)
    unvoted = (
        # a dossier withdrawn during the session is no longer voted on (decision 0071)
        AgendaItem.objects.filter(nomination__status__in=statuses("council_result"))
        .exclude(Exists(Vote.objects.filter(item=OuterRef("pk"), member=user)))
        .exclude(Exists(BallotReceipt.objects.filter(item=OuterRef("pk"), member=user)))
    )
    count, shown = _first(
        seated.select_related("issuer").order_by("held_on", "pk"),
        lambda rows: rows.annotate(
            to_vote=_count_of(unvoted.filter(session=OuterRef("pk")), "session")
        ),
    )
    # a session dated later is listed with its day, but its ballot opens only that day:
    # its items are not yet votes to cast
    return {
        "sessions_count": count,
        "sessions": shown,
        "to_vote_count": unvoted.filter(
            session__in=seated.filter(held_on__lte=timezone.localdate())
        ).count(),
        "today": timezone.localdate(),
    }


def within_authority_q(levels: dict[int, str]) -> Q:
    """The nominations whose issuer, one of `levels` (body id -> its level), may decide
    their award itself (AwardType.granted_by): the bodies of each level with the award
    types that level grants, as plain ids (one read of the few award types). The same
    test in SQL joined every nomination to its award type and body and compared strings,
    and was compiled into three statements of the dashboard (decision 0025)."""
    grants: dict[str, list[int]] = {}
    for pk, grantor_levels in AwardType.objects.order_by("pk").values_list("pk", "grantor_levels"):
        for level in AwardType.levels_in(grantor_levels):
            grants.setdefault(level, []).append(pk)
    within = Q(pk__in=[])
    for level in sorted(set(levels.values())):
        if grants.get(level):
            bodies = sorted(pk for pk, body_level in levels.items() if body_level == level)
            within |= Q(issuer_id__in=bodies, award_type_id__in=grants[level])
    return within


def office_pending(user) -> dict:
    """The standing office: nominations to appraise (the inbox), appraised ones not yet on
    an open session's agenda (sessions to prepare), passed ones in no decision within the
    body's authority (decisions to draft) and beyond it (to forward to the higher level),
    draft decisions (to issue), citizens' comments on nominations still before the
    council, and the open sessions with how many members have voted."""
    # The bodies' ids as a literal list: with a subquery over units PostgreSQL guessed a
    # superuser's 21 bodies held 1 % of the nominations and chose nested loops over
    # thousands of rows (decision 0025).
    levels = dict(office_bodies(user).values_list("pk", "level"))
    bodies = sorted(levels)
    nominations = Nomination.objects.filter(issuer_id__in=bodies)
    undecided = nominations.filter(status__in=statuses("add_to_decision"), decision=None)
    within = within_authority_q(levels)
    to_forward, to_forward_shown = _first(
        undecided.filter(status__in=statuses("forward"))
        .exclude(within)
        .select_related(*PENDING_RELATED)
        .order_by("-updated_at", "-pk"),
        # the upper body's reason, when it returned one (decision 0077)
        lambda rows: rows.annotate(return_note=return_note()),
    )
    waiting = statuses("appraise") | statuses("put_on_agenda") | statuses("add_to_decision")
    counts = (
        nominations.filter(status__in=waiting)
        .order_by()
        .aggregate(
            to_appraise=Count("pk", filter=Q(status__in=statuses("appraise"))),
            # of which forwarded by a lower body (decision 0077)
            forwarded_in=Count(
                "pk",
                filter=Q(status__in=statuses("appraise"), forwarded_from__isnull=False),
            ),
            appraised=Count("pk", filter=Q(status__in=statuses("put_on_agenda"))),
            to_decide=Count(
                "pk",
                filter=Q(status__in=statuses("add_to_decision"), decision=None) & within,
            ),
        )
    )
    # Appraised, less those already on an open session's agenda: a NOT EXISTS per
    # nomination scanned the sessions once each (170 ms for a province's 1,980 appraised
    # nominations, decision 0020); one join instead.
    on_open_agenda = (
        AgendaItem.objects.filter(
            session__status=CouncilSession.Status.OPEN,
            nomination__in=nominations.filter(status__in=statuses("put_on_agenda")),
        )
        .values("nomination_id")
        .distinct()
        .count()
    )
    counts["to_agenda"] = counts.pop("appraised") - on_open_agenda
    under_notice = nominations.filter(status__in=statuses("comment"))
    comments = PublicComment.objects.filter(nomination__in=under_notice)
    # the comments of each nomination (already one under notice): not filtered again
    own_comments = PublicComment.objects.filter(nomination=OuterRef("pk"))
    commented = (
        under_notice.filter(Exists(own_comments))
        .select_related(*PENDING_RELATED)
        .order_by("-updated_at", "-pk")
    )
    commented_shown = list(
        _only_first(commented).annotate(
            comment_count=_count_of(own_comments, "nomination"),
            comments_total=_CountOf(comments.order_by().values("pk")),  # every comment
        )
    )
    drafts, drafts_shown = _first(
        Decision.objects.filter(issuer_id__in=bodies, status=Decision.Status.DRAFT)
        .select_related("issuer")
        .order_by("-created_at", "-pk"),
        with_nominee_count,
    )
    sessions, sessions_shown = _first(
        CouncilSession.objects.filter(issuer_id__in=bodies, status=CouncilSession.Status.OPEN)
        .select_related("issuer")
        .order_by("held_on", "pk"),
        with_voting_progress,
    )
    return {
        **counts,
        "to_forward_count": to_forward,
        "to_forward": to_forward_shown,
        "comments_count": commented_shown[0].comments_total if commented_shown else 0,
        "commented": commented_shown,
        "draft_decisions_count": drafts,
        "draft_decisions": drafts_shown,
        "open_sessions_count": sessions,
        "open_sessions": sessions_shown,
    }


LEADER_PENDING = (
    "draft_decisions_count",
    "draft_decisions",
    "open_sessions_count",
    "open_sessions",
)


def leader_pending(user, office: dict | None = None) -> dict:
    """A leader (the chairman): draft decisions of their bodies awaiting signature and
    issue, and the open sessions to close, with how far their vote has gone. A superuser
    leads exactly the bodies whose office they are: given the office's panel
    (`office_pending`), the same lists are shown, not read twice."""
    if office is not None and user.is_superuser:
        return {key: office[key] for key in LEADER_PENDING}
    bodies = leader_bodies(user)
    drafts, drafts_shown = _first(
        Decision.objects.filter(issuer__in=bodies, status=Decision.Status.DRAFT)
        .select_related("issuer")
        .order_by("-created_at", "-pk"),
        with_nominee_count,
    )
    sessions, sessions_shown = _first(
        CouncilSession.objects.filter(issuer__in=bodies, status=CouncilSession.Status.OPEN)
        .select_related("issuer")
        .order_by("held_on", "pk"),
        with_voting_progress,
    )
    return {
        "draft_decisions_count": drafts,
        "draft_decisions": drafts_shown,
        "open_sessions_count": sessions,
        "open_sessions": sessions_shown,
    }


def public_decisions(
    year: int | None = None, issuer: Unit | None = None, query: str | None = None
) -> QuerySet[Decision]:
    """The issued decisions, newest first; `query` finds each of its words, with or
    without diacritics, in the number and symbol, the trích yếu, the issuing body's name
    or an honouree's (`_decision_word`), the decisions written with the query's
    diacritics first (`rank_marked`)."""
    queryset = with_amendments(
        Decision.objects.filter(status=Decision.Status.ISSUED).select_related("issuer__merged_into")
    )
    if year:
        queryset = queryset.filter(year=year)
    if issuer is not None:
        queryset = queryset.filter(issuer=issuer)
    if search_terms(query):
        queryset = queryset.filter(search_q(query, match=_decision_word("search_text")))
    return rank_marked(queryset, query, match=_decision_word("search_marked"))


def _decision_word(column: str) -> Callable[[str], Q]:
    """Where a word of the decisions' search may be: the decision's own stored text, its
    body's name, or one of its honourees' (the grant's stored text: name, unit, award).
    One EXISTS per word: the page's queries do not grow with the decisions or grants."""

    def match(word: str) -> Q:
        named = AwardGrant.objects.filter(decision=OuterRef("pk")).filter(_grant_word(column)(word))
        return (
            Q(**{f"{column}__contains": word})
            | Q(Exists(named))
            | Q(**{f"issuer__{column}__contains": word})
        )

    return match


# The units a unit merged into, as lookups from a grant's awardee unit: the commune of
# today (merged once, in 2025), and the one after it should it merge again.
SUCCESSOR_LOOKUPS = ("awardee_unit__merged_into", "awardee_unit__merged_into__merged_into")


def _grant_word(column: str) -> Callable[[str], Q]:
    """Where a word of a grant's search may be: the grant's stored text (the awardee's
    name, their unit's as it was when awarded, the award's), or the name of the unit that
    unit is part of today: "Bình Lư" finds an honouree of xã Sơn Bình, merged into Xã
    Bình Lư in 2025 (decision 0067). Joins in the one query, no query of its own."""

    def match(word: str) -> Q:
        found = Q(**{f"{column}__contains": word})
        for successor in SUCCESSOR_LOOKUPS:
            found |= Q(**{f"{successor}__{column}__contains": word})
        return found

    return match


def public_decision_issuers() -> QuerySet[Unit]:
    """The bodies with at least one issued decision (the public list's filter)."""
    issued = Decision.objects.filter(issuer=OuterRef("pk"), status=Decision.Status.ISSUED)
    return Unit.objects.filter(Exists(issued)).order_by("name")


HONOUR_ROLL_RELATED = (
    "award_type",
    "person",
    "unit",
    "awardee_unit__merged_into",  # "nay thuộc …" beside a unit merged in 2025
    "decision__issuer",
)
HONOUR_ROLL_ORDER = ("-year", "award_type__order", "pk")


def honour_roll(
    query: str | None = None, year: int | None = None, award_type_id: int | None = None
) -> QuerySet[AwardGrant]:
    """Who was honoured by issued decisions; diacritic-free search on name or unit (the
    unit as it was, or the one it is part of today: `_grant_word`), the rows written with
    the query's diacritics first (`rank_marked`)."""
    # in force: thu hồi and struck-off lines off the roll, an amended decision's lines read
    # from the amending one (decision 0078)
    queryset = AwardGrant.objects.in_force().filter(decision__status=Decision.Status.ISSUED)
    if search_terms(query):
        queryset = queryset.filter(search_q(query, match=_grant_word("search_text")))
    if year:
        queryset = queryset.filter(year=year)
    if award_type_id:
        queryset = queryset.filter(award_type_id=award_type_id)
    ordered = queryset.select_related(*HONOUR_ROLL_RELATED).order_by(*HONOUR_ROLL_ORDER)
    return rank_marked(ordered, query, match=_grant_word("search_marked"))


def honour_roll_page(
    query: str | None = None,
    year: int | None = None,
    award_type_id: int | None = None,
    *,
    number: str | int | None = None,
    per_page: int = 50,
) -> Page:
    """One page of the honour roll in three cheap queries: the count, the page's ids
    (sorted on the grant and its award type only), then those rows with everything
    they show. Sorting the rows with their six joins read the whole year first."""
    ids = honour_roll(query, year, award_type_id).select_related(None).values_list("pk", flat=True)
    page = Paginator(ids, per_page).get_page(number)
    page_ids = list(page.object_list)
    rows = AwardGrant.objects.select_related(*HONOUR_ROLL_RELATED).in_bulk(page_ids)
    page.object_list = [rows[pk] for pk in page_ids if pk in rows]
    return page


def honour_roll_award_types() -> QuerySet[AwardType]:
    """Award types with at least one grant on the honour roll (for its filter).

    EXISTS per type reads one index entry each; a join with DISTINCT sorted every
    grant with all of the type's columns."""
    on_roll = AwardGrant.objects.in_force().filter(
        award_type=OuterRef("pk"), decision__status=Decision.Status.ISSUED
    )
    return AwardType.objects.filter(Exists(on_roll), archived=False)
