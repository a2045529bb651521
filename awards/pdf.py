"""Award PDFs in the Decree 30 layout: the decision with its annex, certificates,
the council minutes and the tờ trình to the higher level."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from campaigns.pdf import render_pdf
from units.models import Unit

from .models import CouncilSession, Decision, Nomination


def decision_pdf(decision: Decision) -> bytes:
    nominations = decision.nominations.select_related(
        "award_type", "nominee_person__unit", "nominee_unit", "nominating_unit"
    ).order_by("award_type__order", "pk")
    return render_pdf("pdf/decision.html", {"decision": decision, "nominations": nominations})


def certificates_pdf(decision: Decision) -> bytes:
    grants = decision.grants.select_related("award_type", "person", "unit", "awardee_unit")
    return render_pdf("pdf/certificates.html", {"decision": decision, "grants": grants})


def minutes_pdf(session: CouncilSession) -> bytes:
    items = session.agenda.select_related(
        "nomination__award_type", "nomination__nominee_person", "nomination__nominee_unit"
    )
    seats = session.seats.select_related("user")
    return render_pdf(
        "pdf/minutes.html",
        {
            "session": session,
            "items": items,
            "seats": seats,
            "present": sum(1 for s in seats if s.present),
        },
    )


def submission_pdf(issuer: Unit, nominations: Iterable[Nomination]) -> bytes:
    return render_pdf(
        "pdf/submission.html",
        {"issuer": issuer, "nominations": list(nominations), "today": timezone.localdate()},
    )
