"""Award PDFs in the Decree 30 layout: the decision with its annex, certificates,
the council minutes and the tờ trình to the higher level."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone

from campaigns.pdf import html_to_pdf, render_html, render_pdf
from units.models import Unit
from units.text import number_text

from . import money
from .models import (
    AwardType,
    CouncilSession,
    Decision,
    LegalBasis,
    Nomination,
    RecipientKind,
    Submission,
)

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
KIND_WORDS = {
    RecipientKind.INDIVIDUAL: "cá nhân",
    RecipientKind.COLLECTIVE: "tập thể",
    RecipientKind.HOUSEHOLD: "hộ gia đình",
}


BRACKETED = re.compile(r"\s*\([^)]*\)$")


def bare_name(award_type: AwardType) -> str:
    """The name without its bracketed recipient kind: "Giấy khen của Chủ tịch UBND cấp xã"."""
    return BRACKETED.sub("", award_type.name).strip()


def given_name(award_type: AwardType) -> str:
    """What Điều 1 says is given: danh hiệu “Lao động tiên tiến”, Giấy khen, Bằng khen.

    The issuer's own Giấy khen or Bằng khen is named by its form alone (the decision
    is the issuer's); the recipient kind in brackets ("(cá nhân)") is said by "cho"."""
    name = bare_name(award_type)
    if award_type.kind == AwardType.Kind.TITLE:
        return f"danh hiệu “{name}”"
    for form in ("Giấy khen", "Bằng khen"):
        if name.startswith(form):
            return form
    return name


@dataclass
class AnnexGroup:
    """One heading of the annex: an award type and who receives it, each once."""

    award_type: AwardType
    number: str = ""  # I, II, III…
    rows: list[dict] = field(default_factory=list)
    seen: set = field(default_factory=set)

    @property
    def given(self) -> str:
        return given_name(self.award_type)

    @property
    def merit(self) -> str:
        """Why it is given: "đã hoàn thành tốt nhiệm vụ", "có thành tích xuất sắc"."""
        return self.award_type.merit_text

    @property
    def heading(self) -> str:
        """ "Danh hiệu “Lao động tiên tiến”", "Giấy khen của Chủ tịch UBND cấp xã" (the
        count that follows says for whom)."""
        if self.award_type.kind == AwardType.Kind.TITLE:
            return f"Danh hiệu “{bare_name(self.award_type)}”"
        return bare_name(self.award_type)

    @property
    def recipients(self) -> str:
        """ "02 cá nhân", "01 tập thể"."""
        kind = KIND_WORDS.get(self.award_type.recipient_kind, "tập thể, cá nhân")
        return f"{len(self.rows):02d} {kind}"

    @property
    def multiple_text(self) -> str:
        """The reward multiple as printed: "0,3", "1,5", "12" (as booked once issued, as
        quoted today for a draft: awards/money.py); empty when not set."""
        value = next((r["multiple"] for r in self.rows if r.get("multiple") is not None), None)
        if value is None:
            return ""
        return number_text(value)


def _grant_row(g) -> tuple[tuple, dict]:
    """(who, row) of an issued decision's grant. A collective's unit column names the
    body it belongs to; a person's, where they work."""
    if g.person_id:
        return ("p", g.person_id), _row(g.awardee_name, g.awardee_position, g.awardee_unit.name)
    if g.unit_id:
        return ("u", g.unit_id), _row(
            g.awardee_name, "", g.unit.parent.name if g.unit.parent_id else ""
        )
    return ("h", g.household.strip().casefold(), g.awardee_unit_id), _row(
        g.household, "", g.awardee_unit.name
    )


def _nomination_row(n) -> tuple[tuple, dict]:
    """(who, row) of a draft's nomination, as _grant_row will read once issued."""
    if n.nominee_person_id:
        person = n.nominee_person
        return ("p", person.pk), _row(person.full_name, person.position, person.unit.name)
    if n.nominee_unit_id:
        unit = n.nominee_unit
        return ("u", unit.pk), _row(unit.name, "", unit.parent.name if unit.parent_id else "")
    return ("h", n.nominee_household.strip().casefold(), n.nominating_unit_id), _row(
        n.nominee_household, "", n.nominating_unit.name
    )


def _row(name: str, position: str, unit: str) -> dict:
    return {"name": name, "position": position, "unit": unit}


def decision_groups(decision: Decision) -> list[AnnexGroup]:
    """The annex, a heading per award type (in their order): the register once issued
    (what the public page shows), else the draft's nominations. Whoever appears twice
    under one heading is listed once."""
    amounts = money.decision_amounts(decision)
    rows = []
    if decision.status == Decision.Status.ISSUED or decision.amends_id:
        # the register once issued; an amending draft's own lines (struck ones are said
        # in Điều 1, not listed: decision 0078)
        grants = (
            decision.grants.filter(struck=False)
            .select_related("award_type", "person", "unit__parent", "awardee_unit")
            .order_by("award_type__order", "award_type__pk", "pk")
        )
        booked = amounts["by_grant"]
        rows = [(g.award_type, _grant_row(g), booked.get(g.pk)) for g in grants]
    if decision.status != Decision.Status.ISSUED:
        nominations = decision.nominations.select_related(
            "award_type", "nominee_person__unit", "nominee_unit__parent", "nominating_unit"
        ).order_by("award_type__order", "award_type__pk", "pk")
        quotes = amounts["by_type"]
        rows += [
            (n.award_type, _nomination_row(n), quotes.get(n.award_type_id)) for n in nominations
        ]
        rows.sort(key=lambda row: (row[0].order, row[0].pk))
    groups: dict[int, AnnexGroup] = {}
    for award_type, (key, row), quote in rows:
        group = groups.setdefault(award_type.pk, AnnexGroup(award_type))
        if key in group.seen:
            continue
        group.seen.add(key)
        row["multiple"] = quote.multiple if quote else None
        row["amount"] = quote.amount if quote else None
        group.rows.append(row)
    result = list(groups.values())
    for index, group in enumerate(result):
        group.number = ROMAN[index] if index < len(ROMAN) else str(index + 1)
    return result


def decision_rows(decision: Decision) -> list[dict]:
    """The annex's rows in order, each with its award, multiple and amount (as booked
    once issued, as quoted today for a draft; a flat reading of the annex)."""
    return [
        {**row, "award": group.award_type.name}
        for group in decision_groups(decision)
        for row in group.rows
    ]


def struck_lines(decision: Decision) -> list:
    """The honourees an amending decision strikes off (bãi bỏ), as its Điều 1 names them."""
    if not decision.amends_id:
        return []
    return list(
        decision.grants.filter(struck=True)
        .select_related("award_type", "person", "unit", "awardee_unit")
        .order_by("award_type__order", "award_type__pk", "pk")
    )


def decision_html(decision: Decision) -> str:
    groups = decision_groups(decision)
    return render_html(
        "pdf/decision.html",
        {
            "decision": decision,
            "amended": decision.amends,
            "struck": struck_lines(decision),
            "groups": groups,
            "legal_bases": list(LegalBasis.in_force_on(decision.dated)),
            "total": sum(r["amount"] or 0 for g in groups for r in g.rows),
            # a total is printed only when every line has its amount (never "0" for lines
            # whose award has no multiple in force), and Điều 2 points at multiples only
            # when the annex prints some
            "all_priced": all(r["amount"] is not None for g in groups for r in g.rows),
            "any_multiple": any(g.multiple_text for g in groups),
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


def _certificate_kind(award_type: AwardType) -> str:
    if award_type.kind == AwardType.Kind.TITLE:
        return "giay-chung-nhan-danh-hieu"
    for form, slug in (("Bằng khen", "bang-khen"), ("Giấy khen", "giay-khen")):
        if form in award_type.name:
            return slug
    return "bang-giay-khen"


def certificate_grants(decision: Decision) -> list:
    """The lines a decision prints a certificate for, in the register's order: every one
    of an ordinary decision; of an amending one, those it adds or changes, not those it
    restates unchanged (their certificates stand) nor those it strikes off (0085)."""
    grants = decision.grants.select_related(
        "award_type",
        "person",
        "unit",
        "awardee_unit",
        "replaces__person",
        "replaces__unit",
        "nomination",
    ).order_by("register_number", "pk")
    return [g for g in grants if g.prints_anew]


def of_unit(grant, unit: Unit) -> bool:
    """Is this line the unit's own: the unit itself or one of its people (where the
    awardee works), or a line the unit nominated (decision 0093)."""
    return grant.awardee_unit_id == unit.pk or (
        grant.nomination_id is not None and grant.nomination.nominating_unit_id == unit.pk
    )


_CERTIFICATE = re.compile(r'<section class="certificate">.*?</section>\s*', re.DOTALL)


def unit_certificates_html(decision: Decision, unit: Unit, issued_html: str) -> str:
    """The certificates of a unit's own lines (`of_unit`) cut from the certificates as
    issued (`issued_html`, one section a line in `certificate_grants`' order): the pages
    its clerk prints are those the body issued, and no other unit's (decision 0093). ""
    when the unit has none. Should the issued copy not hold one section a line, the
    unit's lines are rendered as the issued ones are, from the same template."""
    grants = certificate_grants(decision)
    own = {index for index, grant in enumerate(grants) if of_unit(grant, unit)}
    if not own:
        return ""
    if len(_CERTIFICATE.findall(issued_html)) != len(grants):
        return render_html(
            "pdf/certificates.html",
            {"decision": decision, "grants": [grants[i] for i in sorted(own)]},
        )
    index = iter(range(len(grants)))
    return _CERTIFICATE.sub(lambda m: m.group(0) if next(index) in own else "", issued_html)


def unit_certificates_filename(decision: Decision, unit: Unit) -> str:
    """ "giay-khen-12-2025-ubnd-phuong-tan-phong.pdf"."""
    from django.utils.text import slugify

    from units.text import normalize_search

    name = slugify(normalize_search(unit.name)) or f"don-vi-{unit.pk}"
    return f"{certificates_filename(decision).removesuffix('.pdf')}-{name}.pdf"


def certificates_filename(decision: Decision) -> str:
    """Named by what the pages are: "giay-khen-12-2025.pdf" when all are Giấy khen,
    "bang-khen-…", "giay-chung-nhan-danh-hieu-…" (titles alone), else "bang-giay-khen-…"."""
    kinds = {_certificate_kind(grant.award_type) for grant in certificate_grants(decision)}
    kind = kinds.pop() if len(kinds) == 1 else "bang-giay-khen"
    return f"{kind}-{decision.number}-{decision.year}.pdf"


_CERTIFICATE_NOUNS = {
    "bang-khen": "bằng khen",
    "giay-khen": "giấy khen",
    "giay-chung-nhan-danh-hieu": "giấy chứng nhận danh hiệu",
}


def certificates_label(decision: Decision, grants: list | None = None) -> str:
    """What the certificates' link prints, named as the file is: "In giấy chứng nhận danh
    hiệu (PDF)" for titles alone, "In bằng khen, giấy khen (PDF)" when both, and so on;
    another form (printed under its own name) by that name. An amending decision's says
    how many it prints again: "In lại 2 giấy khen có thay đổi (PDF)"; "" when none."""
    grants = certificate_grants(decision) if grants is None else grants
    nouns: dict[str, None] = {}
    for grant in sorted(grants, key=lambda g: (g.award_type.order, g.award_type.pk)):
        name = grant.award_type.name
        noun = _CERTIFICATE_NOUNS.get(_certificate_kind(grant.award_type))
        nouns[noun or name[:1].lower() + name[1:]] = None
    if decision.amends_id:
        return f"In lại {len(grants)} {', '.join(nouns)} có thay đổi (PDF)" if grants else ""
    return f"In {', '.join(nouns) or 'bằng khen, giấy khen'} (PDF)"


def certificates_html(decision: Decision) -> str:
    grants = certificate_grants(decision)
    return render_html("pdf/certificates.html", {"decision": decision, "grants": grants})


def certificates_pdf(decision: Decision) -> bytes:
    return html_to_pdf(certificates_html(decision))


def minutes_html(session: CouncilSession) -> str:
    """The minutes as they read now: frozen at the close (services.session_close), so a
    download never reads them again from live data (decision 0079)."""
    items = list(
        session.agenda.select_related(
            "nomination__award_type", "nomination__nominee_person", "nomination__nominee_unit"
        ).order_by("pk")  # the session page's order
    )
    seats = list(session.seats.select_related("user"))
    names = {s.pk: s.user.get_full_name() or s.user.username for s in seats}
    return render_html(
        "pdf/minutes.html",
        {
            "session": session,
            "items": items,
            "seats": seats,
            "present": sum(1 for s in seats if s.present),
            "present_names": [names[s.pk] for s in seats if s.present],
            "absent_names": [names[s.pk] for s in seats if not s.present],
            # the figures each result was counted on, as kept at the close (decision 0071)
            "rules": list(dict.fromkeys(i.rule_text for i in items if i.rule_text)),
        },
    )


def minutes_filename(session: CouncilSession) -> str:
    return f"bien-ban-hop-{session.pk}.pdf"


def minutes_pdf(session: CouncilSession) -> bytes:
    """The minutes rendered from live data (the tests' reading; users download the
    frozen copy, services.session_minutes_document)."""
    return html_to_pdf(minutes_html(session))


def addressee(body: Unit | None) -> str:
    """Whom a body writes to above it: "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu" (the
    award decisions are the Chair's), or another body by its name."""
    if body is None:
        return ""
    if body.kind == Unit.Kind.PEOPLES_COMMITTEE:
        return f"Chủ tịch {body.full_name}"
    return body.full_name


def recipients_text(nominations: Iterable[Nomination]) -> str:
    """ "01 tập thể, 02 cá nhân": how many of each kind, collectives first (a tờ trình
    said "1 tập thể, cá nhân" for one person; decision 0071)."""
    counts = Counter(n.award_type.recipient_kind for n in nominations)
    order = (RecipientKind.COLLECTIVE, RecipientKind.INDIVIDUAL, RecipientKind.HOUSEHOLD)
    parts = [f"{counts[kind]:02d} {KIND_WORDS[kind]}" for kind in order if counts[kind]]
    others = sum(n for kind, n in counts.items() if kind not in order)
    if others:
        parts.append(f"{others:02d} tập thể, cá nhân")
    return ", ".join(parts)


def submission_pdf(issuer: Unit, nominations: Iterable[Nomination]) -> bytes:
    """The list of everything a body forwarded (decision 0077), kept as a report: no
    number, today's date. Addressed to the body the dossiers were handed to, when they are
    all at one, else to the body the issuer belongs to. The tờ trình of a forwarding, with
    its number, is `submission_document_html` (decision 0083)."""
    nominations = list(nominations)
    uppers = {n.issuer_id: n.issuer for n in nominations if n.forwarded_from_id == issuer.pk}
    to = addressee(next(iter(uppers.values())) if len(uppers) == 1 else issuer.parent)
    return render_pdf(
        "pdf/submission.html",
        {
            "issuer": issuer,
            "nominations": nominations,
            "recipients": recipients_text(nominations),
            "number_symbol": f"/TTr-{issuer.document_code}",
            "place": issuer.document_place,
            "today": timezone.localdate(),
            "addressee": to,
            "to": ["Như trên;"] if to else [],
        },
    )


def submission_document_html(submission: Submission) -> str:
    """The tờ trình of one forwarding as signed (decision 0083): its number and symbol,
    place and date, the body, the addressee, the dossiers and the signer. Frozen at the
    forwarding (services._freeze_submission)."""
    nominations = list(
        submission.nominations.select_related(
            "award_type", "nominee_person", "nominee_unit", "nominating_unit"
        ).order_by("pk")
    )
    to = addressee(submission.addressee)
    return render_html(
        "pdf/submission.html",
        {
            "issuer": submission.issuer,
            "nominations": nominations,
            "recipients": recipients_text(nominations),
            "number_symbol": submission.number_symbol,
            "place": submission.place,
            "today": submission.dated,
            "addressee": to,
            "signer_name": submission.signer_name,
            "results": True,
            "to": ["Như trên;"],
        },
    )


def submission_filename(submission: Submission) -> str:
    return f"to-trinh-{submission.number}-{submission.year}.pdf"


def final_review_pdf(campaign, data: dict, narrative: str) -> bytes:
    """Báo cáo tổng kết phong trào: the narrative, the dashboard's figures and tables, and
    the awards decided under the campaign."""
    from .models import AwardGrant

    grants = (
        AwardGrant.objects.in_force()
        .filter(nomination__campaign=campaign)
        .select_related("award_type", "person", "unit", "awardee_unit", "decision")
    )
    parent = campaign.issuer.parent
    return render_pdf(
        "pdf/final_review.html",
        {
            **data,
            "narrative": narrative,
            "grants": grants,
            "today": timezone.localdate(),
            "to": [f"{addressee(parent)} (b/c);"] if parent else [],
        },
    )
