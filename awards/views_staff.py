"""The awards workspace (/quan-ly/khen-thuong/): thin views over services and selectors.

Every object is found through a selector limited to the user's units or bodies,
so anyone else gets a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from campaigns.views_public import file_response, issued_pdf_response, pdf_response
from units.access import (
    council_bodies,
    ensure_office,
    holds_office,
    leader_bodies,
    office_bodies,
    unit_bodies,
)
from units.documents import issued_document_latest
from units.formfields import choices_response, error_text
from units.jobs import job_start
from units.models import IssuedDocument, Membership, Unit, descendants_query
from units.paging import paginate
from units.xlsx import xlsx_response

from . import money, pdf, selectors, services, workflow
from .eligibility import checklist, members_checks
from .exports import decisions_workbook, nominations_workbook
from .forms import (
    NOMINATION_SEARCHES,
    SESSION_SEARCHES,
    AppraiseForm,
    AttendanceForm,
    DecisionForm,
    DecisionIssueForm,
    DecisionWithdrawForm,
    FileForm,
    ForwardForm,
    ForwardManyForm,
    InboxFilterForm,
    NominationForm,
    ReasonForm,
    ResubmitForm,
    SessionAddForm,
    SessionCancelForm,
    SessionForm,
    SessionRedateForm,
    SubmissionForm,
    SubmitManyForm,
    UnitNominationFilterForm,
    VoteForm,
    errors_text,
)
from .jobs import FINAL_REVIEW
from .models import (
    AgendaItem,
    AwardGrant,
    BallotReceipt,
    CouncilSession,
    Decision,
    Nomination,
    Vote,
)
from .money_forms import AmendmentLineForm, GrantRevokeForm

Status = Nomination.Status
FORWARDED_SHOWN = 20  # the decisions page names this many forwarded nominations


def _refused(request: HttpRequest, exc: ValidationError | PermissionDenied) -> None:
    """A service's refusal, shown on the page the user returns to (never a 500)."""
    messages.error(request, error_text(exc) if isinstance(exc, ValidationError) else str(exc))


def _on_form(form, exc: ValidationError | PermissionDenied) -> None:
    """A service's refusal, shown on the form: beside its field when it names one."""
    if isinstance(exc, PermissionDenied):
        field = "nominating_unit" if "nominating_unit" in form.fields else None
        form.add_error(field, str(exc))
    elif hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


# Unit staff -------------------------------------------------------------------


@login_required
def nomination_list(request: HttpRequest) -> HttpResponse:
    """The unit's nominations, filtered, a page at a time; all of them, as filtered, as
    xlsx with ?xuat=xlsx."""
    mine = selectors.nominations_of_units(request.user)
    form = UnitNominationFilterForm(request.GET or None, nominations=mine)
    filters = form.filters()
    nominations = selectors.nominations_filtered(mine, filters)
    if request.GET.get("xuat") == "xlsx":
        return xlsx_response(nominations_workbook(nominations), "de-nghi-khen-thuong")
    paging = paginate(request, nominations)
    return render(
        request,
        "awards/staff/nomination_list.html",
        {
            **paging,
            "form": form,
            "filtered": any(filters.values()),
            "nominations": paging["page"].object_list,
            # "Gửi các hồ sơ đã chọn" only when a row of the page has a box to tick
            "sendable": any(
                workflow.allows(n, "submit") or workflow.allows(n, "resubmit")
                for n in paging["page"].object_list
            ),
            "can_create": unit_bodies(request.user).exists(),
        },
    )


@login_required
def nomination_create(request: HttpRequest) -> HttpResponse:
    if not unit_bodies(request.user).exists():
        raise PermissionDenied("Bạn chưa được giao vai trò cán bộ đơn vị.")
    form = NominationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            nomination = services.nomination_create(
                actor=request.user, nomination=form.instance, new_person=form.new_person
            )
            messages.success(request, "Đã lưu dự thảo đề nghị. Đính kèm hồ sơ rồi bấm “Gửi”.")
            return redirect("awards:nomination_detail", pk=nomination.pk)
        except (ValidationError, PermissionDenied) as exc:
            _on_form(form, exc)
    return render(request, "awards/staff/nomination_form.html", {"form": form})


@login_required
def nomination_choices(request: HttpRequest) -> HttpResponse:
    """Typed search of the nomination form (JSON): the people, units and campaigns the
    form offers this user, and nothing else (the form refuses the rest too)."""
    if not unit_bodies(request.user).exists():
        raise PermissionDenied("Bạn chưa được giao vai trò cán bộ đơn vị.")
    return choices_response(request, NominationForm(user=request.user), NOMINATION_SEARCHES)


@login_required
def nomination_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = selectors.visible_nomination(request.user, pk)
    nomination = access.nomination
    if not access.is_unit or not nomination.allows("edit"):
        raise PermissionDenied("Chỉ sửa được hồ sơ dự thảo hoặc hồ sơ bị trả lại của đơn vị mình.")
    initial = {
        "nominee_kind": "person"
        if nomination.nominee_person_id
        else ("unit" if nomination.nominee_unit_id else "household")
    }
    form = NominationForm(
        request.POST or None, instance=nomination, initial=initial, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.nomination_update(actor=request.user, nomination=form.instance)
            messages.success(request, "Đã lưu hồ sơ. Bấm “Gửi lại” khi đã bổ sung đủ.")
            return redirect("awards:nomination_detail", pk=pk)
        except (ValidationError, PermissionDenied) as exc:
            _on_form(form, exc)
    return render(
        request, "awards/staff/nomination_form.html", {"form": form, "nomination": nomination}
    )


@login_required
def nomination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The nomination as the nominating unit works on it (or as anyone else who may read
    it sees it). A user who is also the office that appraises it (a body nominating for
    itself) does the appraisal on nomination_review, linked from here, so the unit's
    buttons and the office's never stand side by side."""
    access = selectors.visible_nomination(request.user, pk)
    both = access.is_unit and access.is_office
    return _nomination_page(
        request,
        access.nomination,
        is_unit=access.is_unit,
        is_office=access.is_office and not both,
        review=both,
        # a council member reads the office's eligibility check, read only, before voting;
        # so does the leader of the deciding body, who chairs the council and signs
        member=access.is_member,
    )


@login_required
def nomination_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The appraisal page: the office's work on a nomination, without the nominating
    unit's actions (sending, withdrawing, files) even when the user is also its staff."""
    access = selectors.visible_nomination(request.user, pk)
    if not access.is_office:
        return redirect("awards:nomination_detail", pk=pk)
    return _nomination_page(request, access.nomination, is_unit=False, is_office=True, review=False)


def _nomination_page(
    request,
    nomination: Nomination,
    *,
    is_unit: bool,
    is_office: bool,
    review: bool,
    member: bool = False,
    appraise_form: AppraiseForm | None = None,
    forward_form: ForwardForm | None = None,
) -> HttpResponse:
    events = list(nomination.events.select_related("by"))
    return render(
        request,
        "awards/staff/nomination_detail.html",
        {
            "nomination": nomination,
            # the decision it was decided in, and every decision that amended it (0085)
            "chain": selectors.amendment_chain(nomination.decision)
            if nomination.status == Nomination.Status.DECIDED
            else None,
            **_forwarding(request.user, nomination, events, is_office=is_office, member=member),
            "is_unit": is_unit,
            "is_office": is_office,
            "review_link": review,
            "events": events,
            "files": nomination.files.filter(archived=False),
            "missing_files": services.missing_files(nomination),
            "checks": checklist(nomination) if is_office or member else [],
            # the clerk's own advice on a collective's members, before sending (0070)
            "collective_checks": members_checks(nomination)
            if is_unit and not (is_office or member)
            else [],
            "member_checks": member,
            "comments": nomination.comments.all() if is_office else [],
            "appraise_form": appraise_form
            or AppraiseForm(forwarded_from=nomination.forwarded_from),
            "forward_form": forward_form or ForwardForm(),
            "file_form": FileForm(),
            "reason_form": ReasonForm(),
            "resubmit_form": ResubmitForm(),
            # the unit's answer to the last return, for the office (decision 0088)
            "answer": next(
                (e.note for e in reversed(events) if e.to_status == Status.RESUBMITTED), ""
            )
            if nomination.status == Status.RESUBMITTED
            else "",
            # the certificates of the unit's own lines in the decision (decision 0093)
            "unit_certificates_url": _unit_certificates_url(nomination) if is_unit else "",
        },
    )


def _unit_certificates_url(nomination: Nomination) -> str:
    """Where the nominating unit's clerk prints its certificates of the issued decision
    that decided this dossier, when that decision prints one for it; else ""."""
    if nomination.status != Status.DECIDED:
        return ""
    grant = (
        AwardGrant.objects.filter(nomination=nomination, decision__status=Decision.Status.ISSUED)
        .select_related("replaces")
        .first()
    )
    if grant is None or not grant.prints_anew:
        return ""
    return reverse(
        "awards:unit_certificates_pdf", args=[grant.decision_id, nomination.nominating_unit_id]
    )


def _forwarding(
    user, nomination: Nomination, events: list, *, is_office: bool, member: bool = False
) -> dict:
    """What the page tells of a hand-over to the upper body (decision 0077): the latest
    forwarding (who, when, to whom, the lower council's result), the lower council's
    ballots, the tờ trình for those who may read it, the upper body's reason when it
    returned the dossier, and where the office would forward it now."""
    forwarded = next((e for e in reversed(events) if e.to_status == Status.FORWARDED), None)
    returned = next(
        (
            e
            for e in reversed(events)
            if e.to_status == Status.PASSED and e.from_status in workflow.statuses("return_down")
        ),
        None,
    )
    if returned is not None and forwarded is not None and forwarded.pk > returned.pk:
        returned = None  # forwarded again since
    lower = nomination.forwarded_from
    lower_ballots = list(selectors.lower_council_items(nomination))
    submission_body = None
    if lower is not None and (is_office or holds_office(user, lower)):
        submission_body = lower
    # the numbered tờ trình it went with, those the user may read (decision 0083)
    submissions = list(
        selectors.submissions_for(user).filter(nominations=nomination).order_by("-created_at")
    )
    target = None
    beyond = (
        is_office
        and nomination.allows("forward")
        and not nomination.award_type.granted_by(nomination.issuer)
    )
    next_number = None
    if beyond:
        target = services.forward_target(nomination)
        if target is not None:  # the number its tờ trình would take (decision 0084)
            next_number = services.suggested_submission_number(
                nomination.issuer, timezone.localdate().year
            )
    return {
        # the lower council's minutes, part of the dossier sent up (decision 0084): for
        # the upper office and council, and the lower office (not the nominating unit)
        "lower_minutes": bool(lower_ballots) and (is_office or member or bool(submission_body)),
        "next_submission_number": next_number,
        "forward_event": forwarded if lower is not None else None,
        "lower_ballots": lower_ballots,
        "submission_body": submission_body,
        "submissions": submissions,
        "returned_event": returned if nomination.status == Status.PASSED else None,
        "beyond_authority": beyond,
        # the office completes the dossier before forwarding it: minutes, signed tờ trình
        "office_file": is_office and services.office_adds_file(user, nomination),
        "forward_to": target,
        # the lower body reads the dossier it forwarded, and acts on it no more
        "read_only_forwarded": lower is not None and not is_office,
    }


def _act(
    request, pk: int, action, success: str, back: str = "awards:nomination_detail", **kwargs
) -> HttpResponse:
    nomination = selectors.visible_nomination(request.user, pk).nomination
    try:
        done = action(actor=request.user, nomination=nomination, **kwargs)
        messages.success(request, success)
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
        return redirect(back, pk=pk)
    if (
        isinstance(done, Nomination)
        and done.issuer_id != nomination.issuer_id
        and done.forwarded_from_id is None
    ):
        # returned to the body that forwarded it (decision 0077): the upper office no
        # longer holds the dossier, so back to its inbox, saying where it went
        messages.info(request, f"Hồ sơ {done.nominee_name} đã về {done.issuer.name}.")
        return redirect("awards:inbox")
    return redirect(back, pk=pk)


@login_required
@require_POST
def nomination_submit(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.visible_nomination(request.user, pk)  # 404 before anything else for outsiders
    form = ResubmitForm(request.POST)
    if not form.is_valid():
        return _form_refused(request, pk, form)
    return _act(
        request,
        pk,
        services.nomination_submit,
        "Đã gửi hồ sơ đến cơ quan thường trực.",
        note=form.cleaned_data["note"],
    )


def _form_refused(request: HttpRequest, pk: int, form) -> HttpResponse:
    """A button's form with a bad value: say which on the nomination's page."""
    messages.error(request, errors_text(form))
    return redirect("awards:nomination_detail", pk=pk)


@login_required
@require_POST
def nomination_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.visible_nomination(request.user, pk)  # 404 before anything else for outsiders
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return _form_refused(request, pk, form)
    return _act(
        request,
        pk,
        services.nomination_withdraw,
        "Đã rút hồ sơ.",
        reason=form.cleaned_data["reason"],
    )


@login_required
@require_POST
def nomination_file(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.visible_nomination(request.user, pk)  # 404 before anything else for outsiders
    form = FileForm(request.POST, request.FILES)
    if not form.is_valid():
        return _form_refused(request, pk, form)
    return _act(
        request,
        pk,
        services.nomination_add_file,
        f"Đã đính kèm “{form.cleaned_data['file'].name}”.",
        upload=form.cleaned_data["file"],
        kind=form.cleaned_data["kind"],
    )


@login_required
@require_POST
def nomination_file_remove(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    """Gỡ tệp: the unit takes a file attached by mistake off its dossier (archived)."""
    nomination = selectors.visible_nomination(request.user, pk).nomination  # 404 first
    stored = get_object_or_404(nomination.files, pk=file_pk)
    if stored.archived:  # sent twice (a double click, Back then "Gỡ" again)
        messages.info(request, f"Tệp “{stored.original_name}” đã được gỡ khỏi hồ sơ trước đó.")
        return redirect("awards:nomination_detail", pk=pk)
    return _act(
        request,
        pk,
        services.nomination_remove_file,
        f"Đã gỡ tệp “{stored.original_name}”.",
        stored=stored,
        reason=request.POST.get("reason", ""),
    )


@login_required
def nomination_file_download(request: HttpRequest, pk: int, file_pk: int):
    nomination = selectors.visible_nomination(request.user, pk).nomination
    return file_response(get_object_or_404(nomination.files.filter(archived=False), pk=file_pk))


@login_required
@require_POST
def nomination_submit_many(request: HttpRequest) -> HttpResponse:
    form = SubmitManyForm(request.POST, nominations=selectors.nominations_of_units(request.user))
    if not form.is_valid():
        errors = " ".join(form.errors["ids"])
        messages.error(request, f"Chưa gửi hồ sơ nào: {errors}" if "ids" in form.data else errors)
        return redirect("awards:nomination_list")
    try:
        count = services.nomination_submit_many(
            actor=request.user, nominations=list(form.cleaned_data["ids"])
        )
        messages.success(request, f"Đã gửi {count} hồ sơ.")
    except (ValidationError, PermissionDenied) as exc:
        text = error_text(exc) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, f"Chưa gửi hồ sơ nào: {text}")
    return redirect("awards:nomination_list")


# Standing office -------------------------------------------------------------


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    if not office_bodies(request.user).exists():
        raise PermissionDenied("Bạn không thuộc cơ quan thường trực nào.")
    form = InboxFilterForm(request.GET or None, user=request.user)
    nominations = selectors.nominations_to_appraise(request.user, form.filters())
    if form.waiting:
        nominations = nominations.filter(status__in=workflow.statuses("appraise"))
    if request.GET.get("xuat") == "xlsx":  # every page, as filtered
        return xlsx_response(nominations_workbook(nominations), "ho-so-tham-dinh")
    paging = paginate(request, nominations)
    return render(
        request,
        "awards/staff/inbox.html",
        {**paging, "form": form, "nominations": paging["page"].object_list},
    )


@login_required
@require_http_methods(["GET", "POST"])
def nomination_appraise(request: HttpRequest, pk: int) -> HttpResponse:
    """Ghi kết quả thẩm định. A refused form is shown again at this address, so its
    address opened again (Enter in the address bar) goes to the appraisal page."""
    access = selectors.visible_nomination(request.user, pk)  # 404 first
    if request.method == "GET":
        return redirect("awards:nomination_review", pk=pk)
    form = AppraiseForm(request.POST, forwarded_from=access.nomination.forwarded_from)
    if not form.is_valid():
        if not access.is_office:
            return _form_refused(request, pk, form)
        # the appraisal page again, with the choice and the text kept, the error beside it
        messages.error(request, "Chưa ghi kết quả thẩm định: xem lỗi ở ô bên dưới.")
        return _nomination_page(
            request,
            access.nomination,
            is_unit=False,
            is_office=True,
            review=False,
            appraise_form=form,
        )
    return _act(
        request,
        pk,
        services.nomination_appraise,
        "Đã ghi kết quả thẩm định.",
        back="awards:nomination_review",
        result=form.cleaned_data["result"],
        note=form.cleaned_data["note"],
    )


@login_required
@require_POST
def nomination_forward(request: HttpRequest, pk: int) -> HttpResponse:
    """Trình cấp trên one dossier, with the tờ trình's number typed from the paper register
    or the next one (decision 0084): a bad or taken number is refused beside its box on the
    dossier's page, nothing written."""
    access = selectors.visible_nomination(request.user, pk)  # 404 first
    form = ForwardForm(request.POST)
    if form.is_valid():
        try:
            services.nomination_forward(
                actor=request.user,
                nomination=access.nomination,
                number=form.cleaned_data["number"],
            )
        except (ValidationError, PermissionDenied) as exc:
            _on_form(form, exc)
        else:
            messages.success(
                request,
                "Đã trình hồ sơ lên cơ quan có thẩm quyền: cơ quan thường trực cấp trên nhận "
                "hồ sơ để thẩm định. Cơ quan vẫn xem được hồ sơ, chỉ đọc.",
            )
            return redirect("awards:nomination_detail", pk=pk)
    if "number" not in form.errors or not access.is_office:
        return _form_refused(request, pk, form)  # said at the top of the dossier's page
    messages.error(request, "Chưa trình cấp trên: xem lỗi ở ô “Số tờ trình” bên dưới.")
    return _nomination_page(
        request,
        access.nomination,
        is_unit=False,
        is_office=True,
        review=False,
        forward_form=form,
    )


# Council ---------------------------------------------------------------------


@login_required
def session_list(request: HttpRequest) -> HttpResponse:
    paging = paginate(request, selectors.sessions_for(request.user).order_by("-held_on", "-pk"))
    return render(
        request,
        "awards/staff/session_list.html",
        {
            **paging,
            "sessions": paging["page"].object_list,
            "is_office": office_bodies(request.user).exists(),
        },
    )


@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    if not office_bodies(request.user).exists():
        raise PermissionDenied("Bạn không thuộc cơ quan thường trực nào.")
    form = SessionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(actor=request.user, **form.cleaned_data)
            messages.success(request, "Đã tạo phiên họp.")
            return redirect("awards:session_detail", pk=session.pk)
        except ValidationError as exc:
            form.add_error(None, exc)
    return render(request, "awards/staff/session_form.html", {"form": form})


@login_required
def session_choices(request: HttpRequest) -> HttpResponse:
    """Typed search of the session form (JSON): dossiers the user may put on an agenda."""
    if not office_bodies(request.user).exists():
        raise PermissionDenied("Bạn không thuộc cơ quan thường trực nào.")
    number = request.GET.get("phien", "")
    if number.isascii() and number.isdigit():  # the add form of an open session
        session = _session(request, int(number))
        _ensure_session_office(request, session)
        return choices_response(request, SessionAddForm(session=session), SESSION_SEARCHES)
    return choices_response(request, SessionForm(user=request.user), SESSION_SEARCHES)


def _session(request, pk: int) -> CouncilSession:
    return get_object_or_404(selectors.sessions_for(request.user), pk=pk)


def _ensure_session_office(request, session: CouncilSession) -> None:
    """The session's leader and council members read it; only its office changes it."""
    if not holds_office(request.user, session.issuer):
        raise PermissionDenied("Chỉ cơ quan thường trực của Hội đồng sửa được phiên họp này.")


@login_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    is_office = holds_office(request.user, session.issuer)
    # a seat votes only on the council the member sits on now (not a merged body's)
    seat = (
        session.seats.filter(user=request.user).first()
        if council_bodies(request.user).filter(pk=session.issuer_id).exists()
        else None
    )
    paging = paginate(
        request,
        session.agenda.select_related(
            "nomination__award_type", "nomination__nominee_person", "nomination__nominee_unit"
        ).order_by("pk"),
    )
    items = paging["page"].object_list
    voted = set(
        BallotReceipt.objects.filter(item__in=items, member=request.user).values_list(
            "item_id", flat=True
        )
    )
    voted |= set(
        Vote.objects.filter(item__in=items, member=request.user).values_list("item_id", flat=True)
    )
    services.vote_rules(session, items)  # the council's total and the votes needed
    if session.status != CouncilSession.Status.CLOSED:
        _count_ballots_cast(items)
        for item in items:
            item.blocked = services.vote_blocker(session, item)
    return render(
        request,
        "awards/staff/session_detail.html",
        {
            **paging,
            "session": session,
            "items": items,
            "seats": session.seats.select_related("user"),
            "is_office": is_office,
            "can_close": is_office
            or leader_bodies(request.user).filter(pk=session.issuer_id).exists(),
            "close_blocker": services.close_blocker(session),
            "unvoted": (
                services.unvoted_text(unvoted)
                if session.status == CouncilSession.Status.OPEN
                and (unvoted := services.unvoted_members(session))
                else ""
            ),
            "can_redate": (
                before_votes := is_office
                and session.status == CouncilSession.Status.OPEN
                and not BallotReceipt.objects.filter(item__session=session).exists()
                and not Vote.objects.filter(item__session=session).exists()
            ),
            # attendance is set before the first vote (services.session_set_attendance)
            "can_set_attendance": before_votes,
            "redate_form": SessionRedateForm(
                initial={
                    "held_on": session.held_on,
                    "starts_at": session.starts_at,
                    "venue": session.venue,
                }
            ),
            "cancel_form": SessionCancelForm(),
            # dossiers join before the first vote, as the date moves (services.session_add_…)
            "add_form": SessionAddForm(session=session) if before_votes else None,
            "seat": seat,
            "voted": voted,
            "choices": Vote.Choice.choices,
            "named_votes": _named_votes(items)
            if session.status == CouncilSession.Status.CLOSED
            else {},
        },
    )


def _count_ballots_cast(items) -> None:
    """How many have voted on each item of the page, in two queries (receipts for secret
    items, named votes for the others), never the choices: `item.cast`."""
    receipts = dict(
        BallotReceipt.objects.filter(item__in=items)
        .values_list("item_id")
        .annotate(n=Count("pk"))
        .values_list("item_id", "n")
    )
    named = dict(
        Vote.objects.filter(item__in=items)
        .values_list("item_id")
        .annotate(n=Count("pk"))
        .values_list("item_id", "n")
    )
    for item in items:
        item.cast = (receipts if item.secret else named).get(item.pk, 0)


def _back_to_session(request: HttpRequest, pk: int) -> HttpResponse:
    """The session's page the user voted or marked attendance from (`?trang=N`)."""
    url = reverse("awards:session_detail", args=[pk])
    number = request.GET.get("trang", "")
    return redirect(f"{url}?trang={number}" if number.isascii() and number.isdigit() else url)


def _named_votes(items) -> dict[int, list]:
    """How each member voted on open (named) items; secret items have no such record."""
    votes: dict[int, list] = {}
    for vote in Vote.objects.filter(item__in=[i for i in items if not i.secret]).select_related(
        "member"
    ):
        votes.setdefault(vote.item_id, []).append(vote)
    return votes


@login_required
@require_POST
def session_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    form = AttendanceForm(request.POST, session=session)
    if not form.is_valid():
        messages.error(request, f"Chưa lưu điểm danh: {errors_text(form)}")
        return redirect("awards:session_detail", pk=pk)
    try:
        services.session_set_attendance(
            actor=request.user,
            session=session,
            present_user_ids={user.pk for user in form.cleaned_data["present"]},
        )
        messages.success(request, "Đã cập nhật điểm danh.")
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
    return redirect("awards:session_detail", pk=pk)


@login_required
@require_POST
def vote(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    session = _session(request, pk)
    item = get_object_or_404(AgendaItem, pk=item_pk, session=session)
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["choice"]))
        return _back_to_session(request, pk)
    try:
        services.vote_cast(actor=request.user, item=item, choice=form.cleaned_data["choice"])
        messages.success(request, "Đã ghi phiếu của bạn.")
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
    return _back_to_session(request, pk)


@login_required
@require_POST
def session_close(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    try:
        services.session_close(
            actor=request.user,
            session=session,
            unvoted_ok=bool(request.POST.get("unvoted_ok")),
        )
        messages.success(request, "Đã kết thúc phiên họp và tính kết quả.")
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
    return redirect("awards:session_detail", pk=pk)


@login_required
@require_POST
def session_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Bổ sung hồ sơ vào phiên họp đang mở, before any vote (the session's office only)."""
    session = _session(request, pk)
    _ensure_session_office(request, session)
    form = SessionAddForm(request.POST, session=session)
    if not form.is_valid():
        messages.error(request, f"Chưa bổ sung hồ sơ: {errors_text(form)}")
        return redirect("awards:session_detail", pk=pk)
    try:
        added = services.session_add_nominations(
            actor=request.user, session=session, nominations=form.cleaned_data["nominations"]
        )
        messages.success(request, f"Đã bổ sung {len(added)} hồ sơ vào phiên họp.")
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, f"Chưa bổ sung hồ sơ: {error_text(exc)}")
    return redirect("awards:session_detail", pk=pk)


@login_required
@require_POST
def session_redate(request: HttpRequest, pk: int) -> HttpResponse:
    """Đổi ngày họp, before any vote (the office of the session's body only)."""
    session = _session(request, pk)
    form = SessionRedateForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"Chưa đổi được ngày họp: {errors_text(form)}")
        return redirect("awards:session_detail", pk=pk)
    try:
        session = services.session_redate(actor=request.user, session=session, **form.cleaned_data)
        details = ", ".join(
            part
            for part in (
                session.hour_text,
                session.venue and f"tại {session.venue}",
            )
            if part
        )
        messages.success(
            request,
            f"Đã đổi ngày họp sang {session.held_on:%d/%m/%Y}"
            + (f" ({details})." if details else "."),
        )
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
    return redirect("awards:session_detail", pk=pk)


@login_required
@require_POST
def session_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Hủy phiên họp, before any vote (the office of the session's body only)."""
    session = _session(request, pk)
    form = SessionCancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"Chưa hủy được phiên họp: {errors_text(form)}")
        return redirect("awards:session_detail", pk=pk)
    try:
        services.session_cancel(actor=request.user, session=session, **form.cleaned_data)
        messages.success(request, "Đã hủy phiên họp; các hồ sơ chờ đưa ra phiên họp khác.")
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
    return redirect("awards:session_detail", pk=pk)


@login_required
def session_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """The minutes as frozen when the session closed (a legal record: never redrawn)."""
    document = services.session_minutes_document(_session(request, pk))
    if document is None:
        raise Http404
    return issued_pdf_response(request, document, public=False)


@login_required
def nomination_lower_minutes(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    """Biên bản họp Hội đồng cấp dưới of a forwarded dossier (decision 0084): the minutes
    of a lower council's session that passed it, frozen at its close, are part of the
    dossier sent up. The upper body's office, its council members who have it on their
    agenda and its leader read them here, as the lower body reads its own; anyone who
    cannot open the dossier (another district, another province), or who may open it but
    not the council's work (the nominating unit), gets 404."""
    access = selectors.visible_nomination(request.user, pk)  # 404 first
    item = get_object_or_404(
        selectors.lower_council_items(access.nomination), session_id=session_pk
    )
    if not (
        access.is_office
        or access.is_member
        or selectors.sessions_for(request.user).filter(pk=session_pk).exists()
    ):
        raise Http404
    document = services.session_minutes_document(item.session)
    if document is None:
        raise Http404
    return issued_pdf_response(request, document, public=False)


# Decisions -------------------------------------------------------------------


@login_required
def decision_list(request: HttpRequest) -> HttpResponse:
    """The office's decisions (and the forwarded nominations); a leader's or a council
    member's bodies' decisions, read only (decision 0076)."""
    is_office = office_bodies(request.user).exists()
    if not (
        is_office or leader_bodies(request.user).exists() or council_bodies(request.user).exists()
    ):
        raise PermissionDenied(
            "Bạn không thuộc cơ quan thường trực, lãnh đạo hay Hội đồng thi đua, khen thưởng "
            "của cơ quan nào."
        )
    # the chains of amendments are read below, for the page or the sheet (decision 0089)
    decisions = selectors.decisions_for(request.user).prefetch_related(None)
    if request.GET.get("xuat") == "xlsx":
        return xlsx_response(decisions_workbook(decisions), "quyet-dinh-khen-thuong")
    paging = paginate(request, decisions)
    shown = list(paging["page"].object_list)
    selectors.amendment_chains(shown)  # every link that amended each, in one query
    own = list(office_bodies(request.user).values_list("pk", flat=True))
    forwarded = selectors.forwarded_by(own).select_related(
        "award_type", "nominee_person", "nominee_unit", "issuer", "forwarded_from"
    )
    return render(
        request,
        "awards/staff/decision_list.html",
        {
            **paging,
            "decisions": shown,
            "is_office": is_office,
            # the tờ trình (PDF) lists them all; the page names the latest few
            "forwarded": list(forwarded.order_by("-updated_at", "-pk")[:FORWARDED_SHOWN]),
            "forwarded_count": forwarded.count(),
            # one tờ trình per body: each lists its own forwarded dossiers
            "forwarded_bodies": selectors.bodies_that_forwarded(own).order_by("name"),
            # the tờ trình made by its bodies and sent to them, each numbered (0083)
            "submissions": list(
                selectors.submissions_for(request.user).annotate(count=Count("nominations"))[
                    :FORWARDED_SHOWN
                ]
            ),
        },
    )


@login_required
def decision_create(request: HttpRequest) -> HttpResponse:
    """A new draft. An office of several bodies picks the body first (`?co_quan=`), so
    the draft starts from that body's last issued decision (decision 0079)."""
    bodies = list(office_bodies(request.user))
    if not bodies:
        raise PermissionDenied("Bạn không thuộc cơ quan thường trực nào.")
    body = None
    if "co_quan" in request.GET:
        body = next((b for b in bodies if str(b.pk) == request.GET["co_quan"]), None)
        if body is None:
            raise Http404
    form = DecisionForm(request.POST or None, user=request.user, body=body)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if not data.get("symbol"):
            data.pop("symbol", None)
        try:
            decision = services.decision_draft(actor=request.user, **data)
            messages.success(request, "Đã lập dự thảo quyết định.")
            return redirect("awards:decision_detail", pk=decision.pk)
        except ValidationError as exc:
            form.add_error(None, exc)
    return render(
        request,
        "awards/staff/decision_form.html",
        {"form": form, "bodies": bodies if len(bodies) > 1 else [], "body": body},
    )


def _decision(request, pk: int) -> Decision:
    """A decision the user may read (office, leader or council member of its body); writes
    check the office (`_decision_to_change`, and the services)."""
    return get_object_or_404(selectors.decisions_for(request.user), pk=pk)


def _decision_to_change(request, pk: int) -> Decision:
    """A decision the user's office acts on: a reader (the leader, a council member) gets
    403, not the page again with the form's errors (decision 0076)."""
    decision = _decision(request, pk)
    ensure_office(
        request.user, decision.issuer, "Chỉ cơ quan thường trực sửa, ban hành hay rút quyết định."
    )
    return decision


def _issue_form(decision: Decision, data=None, fund: dict | None = None) -> DecisionIssueForm:
    """The issue form, offering the next number of this year and today; the box that
    confirms an overspend when the fund (`money.decision_fund_preview`) is short."""
    fund = fund or money.decision_fund_preview(decision)
    today = timezone.localdate()
    return DecisionIssueForm(
        data,
        initial={
            "number": services.suggested_decision_number(decision.issuer, today.year),
            "issued_on": today,
        },
        shortfall=fund["overspend"],
    )


def _decision_page(request, decision: Decision, **forms) -> HttpResponse:
    annex = decision.nominations.select_related(
        "award_type", "nominee_person", "nominee_unit", "nominating_unit"
    ).order_by("award_type__order", "pk")  # as the PDF's annex, which has them all
    paging = paginate(request, annex)
    is_office = holds_office(request.user, decision.issuer)
    draft = decision.status == Decision.Status.DRAFT and is_office  # forms for the office
    nominations = list(paging["page"].object_list)
    amounts = money.decision_amounts(decision)
    if decision.status == Decision.Status.ISSUED:
        grants = {
            g.nomination_id: g
            for g in AwardGrant.objects.filter(
                nomination__in=nominations, decision=decision
            ).select_related("revocation")
        }
        for n in nominations:
            n.issued_grant = grants.get(n.pk)
            n.quote = amounts["by_grant"].get(n.issued_grant.pk) if n.issued_grant else None
            n.revoked = n.issued_grant is not None and hasattr(n.issued_grant, "revocation")
    else:
        for n in nominations:
            n.quote = amounts["by_type"].get(n.award_type_id)
    # an amending decision's own lines (decision 0078): restated, corrected or struck off
    lines = (
        list(
            decision.grants.filter(Q(replaces__isnull=False) | Q(nomination__isnull=True))
            .select_related("award_type", "person", "unit", "awardee_unit", "revocation")
            .select_related("replaces__revocation", "replaces__person", "replaces__unit")
            .order_by("award_type__order", "award_type__pk", "pk")
        )
        if decision.amends_id
        else []
    )
    for line in lines:
        line.quote = amounts["by_grant"].get(line.pk)
        # a draft's line whose honouree was revoked since: said beside it (decision 0085)
        line.problem = (
            services.revoked_line_problem(line) if decision.status == Decision.Status.DRAFT else ""
        )
    chain = selectors.amendment_chain(decision)  # sets what amended_by reads
    amended_by = decision.amended_by
    fund = money.decision_fund_preview(decision)
    return render(
        request,
        "awards/staff/decision_detail.html",
        {
            **paging,
            "decision": decision,
            "chain": chain,
            "nominations": nominations,
            "lines": lines,
            "amended_by": amended_by,
            "amend_refusal": services.amendment_refusal(decision)
            if is_office and decision.status == Decision.Status.ISSUED
            else "",
            "revoke_form": GrantRevokeForm(),
            # its lines are revoked once the open amending draft is withdrawn or issued
            # (money.grant_revoke refuses meanwhile; decision 0085): said beside each line
            "open_draft": decision.amendments.filter(status=Decision.Status.DRAFT).first()
            if is_office and decision.status == Decision.Status.ISSUED and not amended_by
            else None,
            "issue_form": forms.get("issue_form")
            or (_issue_form(decision, fund=fund) if draft else None),
            "withdraw_form": forms.get("withdraw_form")
            or (DecisionWithdrawForm() if draft else None),
            "earliest": services.decision_earliest_date(decision) if draft else None,
            "amount_total": amounts["total"],
            "amount_unpriced": amounts["unpriced"],
            "fund": fund,
            "certificates_label": pdf.certificates_label(decision)
            if decision.status == Decision.Status.ISSUED
            else "",
            "can_act": is_office,
            "is_office": is_office,
            # the body's leader signs its drafts; a council member only reads (0076)
            "is_leader": leader_bodies(request.user).filter(pk=decision.issuer_id).exists(),
            # who issues a draft the reader (a leader) cannot: the body's standing office
            "issuing_office": Membership.OFFICE_BY_LEVEL.get(
                decision.issuer.level, "cơ quan thường trực"
            ),
        },
    )


@login_required
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _decision_page(request, _decision(request, pk))


@login_required
@require_POST
def grant_revoke(request: HttpRequest, pk: int, grant_pk: int) -> HttpResponse:
    """Thu hồi một khen thưởng của quyết định: its payout comes back to the fund."""
    decision = _decision(request, pk)
    grant = get_object_or_404(AwardGrant, pk=grant_pk, decision=decision)
    form = GrantRevokeForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            f"Chưa thu hồi khen thưởng của {grant.awardee_name}: "
            + " ".join(e for errors in form.errors.values() for e in errors),
        )
        return redirect("awards:decision_detail", pk=pk)
    try:
        money.grant_revoke(actor=request.user, grant=grant, **form.cleaned_data)
        messages.success(request, f"Đã thu hồi khen thưởng của {grant.awardee_name}.")
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
    return redirect("awards:decision_detail", pk=pk)


@login_required
@require_POST
def decision_amend(request: HttpRequest, pk: int) -> HttpResponse:
    """Lập quyết định sửa đổi, bổ sung: a new draft restating the issued decision's list."""
    decision = _decision_to_change(request, pk)
    try:
        draft = services.decision_amend(actor=request.user, decision=decision)
    except ValidationError as exc:
        _refused(request, exc)
        return redirect("awards:decision_detail", pk=pk)
    messages.success(
        request,
        f"Đã lập dự thảo quyết định sửa đổi, bổ sung Quyết định số {decision.number_symbol}: "
        "sửa những dòng sai, bãi bỏ hoặc bổ sung người được khen, rồi ban hành.",
    )
    return redirect("awards:decision_detail", pk=draft.pk)


@login_required
def amendment_line_edit(request: HttpRequest, pk: int, grant_pk: int) -> HttpResponse:
    """Sửa một dòng của dự thảo quyết định sửa đổi: tên, chức vụ, đơn vị, danh hiệu, số tiền,
    hoặc bãi bỏ."""
    decision = _decision_to_change(request, pk)
    line = get_object_or_404(
        AwardGrant.objects.select_related("replaces", "person", "unit"),
        pk=grant_pk,
        decision=decision,
    )
    if decision.status != Decision.Status.DRAFT or not decision.amends_id:
        messages.error(request, "Chỉ sửa được dòng của dự thảo quyết định sửa đổi, bổ sung.")
        return redirect("awards:decision_detail", pk=pk)
    form = AmendmentLineForm(
        request.POST or None,
        line=line,
        initial={
            "printed_name": line.awardee_name,
            "printed_position": line.awardee_position,
            "awardee_unit": line.awardee_unit_id,
            "award_type": line.award_type_id,
            "reward_amount": line.reward_amount,
            "struck": line.struck,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.amendment_line_update(actor=request.user, line=line, **form.cleaned_data)
            messages.success(request, "Đã lưu dòng của dự thảo quyết định sửa đổi.")
            return redirect("awards:decision_detail", pk=pk)
        except ValidationError as exc:
            _on_form(form, exc)
    return render(
        request,
        "awards/staff/amendment_line_form.html",
        {"form": form, "decision": decision, "line": line},
    )


@login_required
@require_POST
def decision_issue(request: HttpRequest, pk: int) -> HttpResponse:
    """Ban hành with the number and the signing date of the paper register."""
    decision = _decision_to_change(request, pk)
    form = _issue_form(decision, request.POST)
    if form.is_valid():
        try:
            fields = {"overspend": False, **form.cleaned_data}
            services.decision_issue(actor=request.user, decision=decision, **fields)
            decision.refresh_from_db()
            messages.success(request, f"Đã ban hành Quyết định số {decision.number_symbol}.")
            return redirect("awards:decision_detail", pk=pk)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
    # the form is below the list: say at the page's top that nothing was issued
    messages.error(request, "Chưa ban hành: xem lỗi ở mục “Ban hành” bên dưới.")
    return _decision_page(request, decision, issue_form=form)


@login_required
def decision_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Sửa dự thảo: wording, signer and who is on it; an issued decision never changes."""
    decision = _decision(request, pk)
    ensure_office(request.user, decision.issuer)  # the leader reads drafts, the office edits
    if decision.status != Decision.Status.DRAFT:
        messages.error(request, "Chỉ sửa được dự thảo: quyết định đã ban hành không thay đổi.")
        return redirect("awards:decision_detail", pk=pk)
    form = DecisionForm(request.POST or None, user=request.user, decision=decision)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_update(actor=request.user, decision=decision, **form.cleaned_data)
            messages.success(request, "Đã lưu dự thảo quyết định.")
            return redirect("awards:decision_detail", pk=pk)
        except ValidationError as exc:
            form.add_error(None, exc)
    return render(request, "awards/staff/decision_form.html", {"form": form, "decision": decision})


@login_required
@require_POST
def decision_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Rút dự thảo: archived with its reason, never deleted; its nominations are free again."""
    decision = _decision_to_change(request, pk)
    form = DecisionWithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.decision_withdraw(
                actor=request.user, decision=decision, reason=form.cleaned_data["reason"]
            )
            messages.success(request, "Đã rút dự thảo quyết định; các hồ sơ chờ quyết định khác.")
            return redirect("awards:decision_detail", pk=pk)
        except ValidationError as exc:
            form.add_error(None, exc)
    messages.error(request, "Chưa rút dự thảo: xem lỗi ở mục “Rút dự thảo” bên dưới.")
    return _decision_page(request, decision, withdraw_form=form)


@login_required
def decision_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """A draft's preview as it reads now; an issued decision exactly as issued."""
    decision = _decision(request, pk)
    if decision.status == Decision.Status.ISSUED:
        return issued_pdf_response(
            request,
            services.decision_issued_document(decision, IssuedDocument.Kind.DECISION),
            public=False,
        )
    return pdf_response(pdf.decision_pdf(decision), pdf.decision_filename(decision))


@login_required
def certificates_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The certificates, made once when the decision was issued (hundreds of pages
    are rendered by a worker, not by this request)."""
    decision = _decision(request, pk)
    if decision.status != Decision.Status.ISSUED or not pdf.certificates_label(decision):
        raise Http404  # an amending decision that changes no certificate (decision 0085)
    return issued_pdf_response(
        request,
        services.decision_issued_document(decision, IssuedDocument.Kind.CERTIFICATES),
        public=False,
    )


@login_required
def unit_certificates_pdf(request: HttpRequest, pk: int, unit_pk: int) -> HttpResponse:
    """A unit clerk's certificates of an issued decision: their unit's own lines only
    (its people, itself, what it nominated), cut from the certificates as issued; 404
    for a unit the user is not staff of, and for one with no line in the decision
    (decision 0093)."""
    unit = get_object_or_404(unit_bodies(request.user), pk=unit_pk)
    decision = get_object_or_404(
        Decision.objects.filter(status=Decision.Status.ISSUED).select_related("issuer"), pk=pk
    )
    document = services.decision_issued_document(decision, IssuedDocument.Kind.CERTIFICATES)
    html = pdf.unit_certificates_html(decision, unit, document.html)
    if not html:
        raise Http404("Quyết định không có bằng khen, giấy khen nào của đơn vị.")
    return pdf_response(pdf.html_to_pdf(html), pdf.unit_certificates_filename(decision, unit))


@login_required
def submission_pdf(request: HttpRequest) -> HttpResponse:
    """Tờ trình to the higher level listing the dossiers one body forwarded: its own
    office prints it, and the office of the upper body it forwarded them to reads it
    (those forwarded to that body only; decision 0077)."""
    own = office_bodies(request.user)
    bodies = Unit.objects.filter(
        Q(pk__in=own.values("pk")) | Q(pk__in=selectors.forwarding_bodies(request.user))
    )
    if not bodies.exists():
        raise Http404
    form = SubmissionForm(request.GET, bodies=bodies)
    if not form.is_valid():
        messages.error(request, f"Chưa lập được tờ trình: {errors_text(form)}")
        return redirect("awards:decision_list")
    issuer = form.cleaned_data["co_quan"]
    if issuer is None:
        # no body named: the one body with forwarded dossiers, never the first in silence
        own_ids = list(own.values_list("pk", flat=True))
        with_some = list(selectors.bodies_that_forwarded(own_ids).order_by("name")[:2])
        if len(with_some) > 1:
            messages.error(
                request,
                "Có hồ sơ đã chuyển trình cấp trên của nhiều cơ quan: "
                "chọn tờ trình của từng cơ quan ở mục “Hồ sơ trình cấp trên”.",
            )
            return redirect("awards:decision_list")
        issuer = with_some[0] if with_some else own.first()
        if issuer is None:
            raise Http404
    forwarded = selectors.forwarded_by([issuer.pk])
    if not own.filter(pk=issuer.pk).exists():
        # the upper office reads what was forwarded to its own bodies, nothing else
        forwarded = forwarded.filter(forwarded_from=issuer, issuer__in=own)
    nominations = forwarded.select_related(
        "award_type", "nominee_person", "nominee_unit", "nominating_unit", "issuer"
    ).order_by("pk")
    if not nominations.exists():
        # an empty tờ trình ("khen thưởng 0 tập thể, cá nhân") is no document to sign
        messages.error(
            request,
            f"Chưa có hồ sơ nào đã chuyển trình cấp trên của {issuer.name}: "
            "tờ trình liệt kê các hồ sơ đã “Trình cấp trên” ở trang thẩm định.",
        )
        return redirect("awards:decision_list")
    if ended := issuer.document_after_end_problem(timezone.localdate()):
        messages.error(request, ended)  # not in the name of a body that ended (0089)
        return redirect("awards:decision_list")
    return pdf_response(pdf.submission_pdf(issuer, nominations), f"to-trinh-{issuer.pk}.pdf")


@login_required
def submission_document(request: HttpRequest, pk: int) -> HttpResponse:
    """The tờ trình of one forwarding, as frozen when it was made (decision 0083): for the
    body that made it and the body it was sent to; 404 for anyone else."""
    submission = get_object_or_404(selectors.submissions_for(request.user), pk=pk)
    document = issued_document_latest(IssuedDocument.Kind.SUBMISSION, submission.pk)
    if document is None:
        raise Http404
    return issued_pdf_response(request, document, public=False)


@login_required
def forward_many(request: HttpRequest) -> HttpResponse:
    """Trình cấp trên several dossiers together: the office chooses, among its bodies'
    passed dossiers beyond their authority, those that go with one tờ trình (one body, to
    the same upper body); one tờ trình is made and numbered (decision 0083), with the
    number the văn thư typed from the paper register or the next one (decision 0084): a
    number already given is refused beside its box, with what was typed kept."""
    if not office_bodies(request.user).exists():
        raise PermissionDenied("Bạn không thuộc cơ quan thường trực nào.")
    form = None
    if request.method == "POST":
        form = ForwardManyForm(request.POST, nominations=selectors.forwardable(request.user))
        if form.is_valid():
            chosen = list(form.cleaned_data["ho_so"])
            try:
                submission = services.nominations_forward(
                    actor=request.user,
                    nominations=chosen,
                    signer_name=form.cleaned_data["signer_name"],
                    note=form.cleaned_data["note"],
                    number=form.cleaned_data["number"],
                )
            except (ValidationError, PermissionDenied) as exc:
                _on_form(form, exc)  # a number already given: beside its box
            else:
                messages.success(
                    request,
                    f"Đã trình {len(chosen)} hồ sơ lên {submission.addressee.name} với Tờ "
                    f"trình số {submission.number_symbol}.",
                )
                return redirect("awards:decision_list")
        if "number" not in form.errors:
            # the choice itself is refused: said at the top, the page read again
            messages.error(request, f"Chưa trình được: {errors_text(form)}")
            return redirect("awards:forward_many")
        # the number beside its box, and every error of the form said at the top
        messages.error(request, f"Chưa trình được: {errors_text(form)}")
    groups = _forward_groups(request.user, form)
    return render(request, "awards/staff/forward_many.html", {"groups": groups})


def _forward_groups(user, form: ForwardManyForm | None) -> list[dict]:
    """The office's passed dossiers beyond authority, by body and upper body, each group
    with its signer and the number its tờ trình would take; a refused form stays on the
    group its dossiers belong to, as typed."""
    candidates = selectors.forwardable(user).order_by("issuer__name", "pk")
    groups: dict[tuple[int, int], dict] = {}
    for n in candidates:
        if n.award_type.granted_by(n.issuer):
            continue
        upper = services.forward_target(n)
        if upper is None:
            continue
        group = groups.setdefault(
            (n.issuer_id, upper.pk),
            {"body": n.issuer, "upper": upper, "nominations": [], "signer": ""},
        )
        group["nominations"].append(n)
    year = timezone.localdate().year
    chosen = set(form.data.getlist("ho_so")) if form is not None else set()
    for group in groups.values():
        group["signer"] = services.suggested_signer(group["body"])[0].get("signer_name", "")
        group["next_number"] = services.suggested_submission_number(group["body"], year)
        if form is not None and chosen & {str(n.pk) for n in group["nominations"]}:
            group["form"] = form  # the refused choice, as it was made
            group["chosen"] = {n.pk for n in group["nominations"] if str(n.pk) in chosen}
            group["signer"] = form.data.get("signer_name", "")
    return list(groups.values())


# Dashboard -------------------------------------------------------------------


@login_required
def campaign_dashboard_moved(request: HttpRequest, pk: int) -> HttpResponse:
    """The old address of the campaign dashboard: its figures are now the results page."""
    return redirect("tracking:campaign_results", pk=pk, permanent=True)


@login_required
def campaign_awards(request: HttpRequest, pk: int) -> HttpResponse:
    """Khen thưởng của phong trào: nominations by status and type, drafts from a bloc
    ranking, and the final-review report (standing office of the issuer)."""
    from campaigns.results.forms import BlocShownForm
    from campaigns.results.selectors import RANKING_TOP, bloc_ranking
    from campaigns.selectors import staff_campaign_detail

    from .dashboard import RankingDraftForm, campaign_dashboard, dashboard_workbook

    campaign = staff_campaign_detail(request.user, pk)
    if request.method == "POST" and "from_ranking" in request.POST:
        form = RankingDraftForm(request.POST, campaign=campaign)
        if form.is_valid():
            data = form.cleaned_data
            try:
                drafts = services.nominations_from_ranking(
                    actor=request.user,
                    campaign=campaign,
                    ranking=bloc_ranking(campaign, data["bloc"]),
                    award_type=data["award_type"],
                    top=data["top"],
                )
                messages.success(
                    request, f"Đã lập {len(drafts)} dự thảo đề nghị “{data['award_type'].name}”."
                )
            except ValidationError as exc:
                messages.error(request, error_text(exc))
        else:
            messages.error(request, errors_text(form))
        return redirect("awards:campaign_awards", pk=pk)
    if request.method == "POST":  # the final-review report, with the narrative as edited
        if ended := campaign.issuer.document_after_end_problem(timezone.localdate()):
            messages.error(request, ended)  # not in the name of a body that ended (0089)
            return redirect("awards:campaign_awards", pk=pk)
        job = job_start(
            actor=request.user,
            kind=FINAL_REVIEW,
            title=f"Báo cáo tổng kết: {campaign.subject[:200]}",
            filename=f"bao-cao-tong-ket-{campaign.pk}.pdf",
            params={
                "campaign": campaign.pk,
                "narrative": request.POST.get("narrative", "")[:20000].replace("\r\n", "\n"),
            },
        )
        return redirect("jobs:detail", pk=job.pk)
    if request.GET.get("xuat") == "xlsx":
        data = campaign_dashboard(campaign)
        return xlsx_response(dashboard_workbook(data), f"khen-thuong-phong-trao-{campaign.pk}")
    shown = BlocShownForm(request.GET or None).bloc_id()
    data = campaign_dashboard(campaign, top=RANKING_TOP, whole=shown)
    data["ended"] = campaign.issuer.document_after_end_problem(timezone.localdate())
    return render(request, "awards/staff/campaign_awards.html", data)


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    """Thống kê khen thưởng qua các năm (office and leaders)."""
    from .models import AwardGrant
    from .statistics import grants_by, individual_shares, statistics_workbook

    bodies = office_bodies(request.user)
    if not bodies.exists():
        raise PermissionDenied("Bạn không thuộc cơ quan thường trực nào.")
    grants = AwardGrant.objects.in_force().filter(awardee_unit_id__in=descendants_query(bodies))
    data = {
        "by_type": grants_by("award_type", grants),
        "by_year": grants_by("year", grants),
        "by_unit": grants_by("unit", grants)[:30],
        "shares": individual_shares(grants),
    }
    if request.GET.get("xuat") == "xlsx":
        return xlsx_response(statistics_workbook(data), "thong-ke-khen-thuong")
    return render(request, "awards/staff/statistics.html", data)
