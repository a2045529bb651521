"""Award PDFs in the Decree 30 layout: the decision with its annex, certificates,
the council minutes and the tờ trình to the higher level."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from campaigns.pdf import html_to_pdf, render_html, render_pdf
from units.models import Unit

from . import money
from .models import CouncilSession, Decision, Nomination


def decision_rows(decision: Decision) -> list[dict]:
    """The annex: the register once issued (what the public page shows), else the draft's
    nominations. Each line carries its multiple and amount (awards/money.py): as booked
    once issued, as quoted today for a draft."""
    amounts = money.decision_amounts(decision)
    if decision.status == Decision.Status.ISSUED:
        grants = decision.grants.select_related("award_type", "person", "unit", "awardee_unit")
        booked = amounts["by_grant"]
        return [
            {
                "name": g.awardee_name,
                "position": g.person.position if g.person_id else "",
                "unit": g.awardee_unit.name,
                "award": g.award_type.name,
                "multiple": booked[g.pk].multiple if g.pk in booked else None,
                "amount": booked[g.pk].amount if g.pk in booked else None,
            }
            for g in grants.order_by("award_type__order", "pk")
        ]
    quotes = amounts["by_type"]
    nominations = decision.nominations.select_related(
        "award_type", "nominee_person__unit", "nominee_unit", "nominating_unit"
    ).order_by("award_type__order", "pk")
    return [
        {
            "name": n.nominee_name,
            "position": n.nominee_person.position if n.nominee_person_id else "",
            "unit": n.nominee_person.unit.name if n.nominee_person_id else n.nominating_unit.name,
            "award": n.award_type.name,
            "multiple": quotes[n.award_type_id].multiple,
            "amount": quotes[n.award_type_id].amount,
        }
        for n in nominations
    ]


def decision_html(decision: Decision) -> str:
    rows = decision_rows(decision)
    return render_html(
        "pdf/decision.html",
        {
            "decision": decision,
            "rows": rows,
            "total": sum(r["amount"] or 0 for r in rows),
        },
    )


def decision_pdf(decision: Decision) -> bytes:
    """The decision with its annex, as it reads now (a draft's preview; an issued
    decision is served from its IssuedDocument)."""
    return html_to_pdf(decision_html(decision))


def decision_filename(decision: Decision) -> str:
    if decision.number:
        return f"quyet-dinh-{decision.number}-{decision.year}.pdf"
    return f"du-thao-quyet-dinh-{decision.pk}.pdf"


def certificates_html(decision: Decision) -> str:
    grants = decision.grants.select_related("award_type", "person", "unit", "awardee_unit")
    return render_html("pdf/certificates.html", {"decision": decision, "grants": grants})


def certificates_pdf(decision: Decision) -> bytes:
    return html_to_pdf(certificates_html(decision))


def minutes_pdf(session: CouncilSession) -> bytes:
    items = session.agenda.select_related(
        "nomination__award_type", "nomination__nominee_person", "nomination__nominee_unit"
    )
    seats = list(session.seats.select_related("user"))
    names = {s.pk: s.user.get_full_name() or s.user.username for s in seats}
    return render_pdf(
        "pdf/minutes.html",
        {
            "session": session,
            "items": items,
            "seats": seats,
            "present": sum(1 for s in seats if s.present),
            "present_names": [names[s.pk] for s in seats if s.present],
            "absent_names": [names[s.pk] for s in seats if not s.present],
        },
    )


def submission_pdf(issuer: Unit, nominations: Iterable[Nomination]) -> bytes:
    return render_pdf(
        "pdf/submission.html",
        {"issuer": issuer, "nominations": list(nominations), "today": timezone.localdate()},
    )


def final_review_pdf(campaign, data: dict, narrative: str) -> bytes:
    """Báo cáo tổng kết phong trào: the narrative, the dashboard's figures and tables, and
    the awards decided under the campaign."""
    from .models import AwardGrant

    grants = AwardGrant.objects.filter(nomination__campaign=campaign).select_related(
        "award_type", "person", "unit", "awardee_unit", "decision"
    )
    return render_pdf(
        "pdf/final_review.html",
        {**data, "narrative": narrative, "grants": grants, "today": timezone.localdate()},
    )
