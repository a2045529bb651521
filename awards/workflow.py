"""What each status of a nomination allows: the one table of the awards workflow.

The services check it before every transition (`require`) and the pages read it to
show their buttons (`allows`, and the `allows` template filter), so a button is shown
exactly when pressing it would work. Who may press it (unit staff, standing office,
council) is the services' other check, and the pages' `is_unit` / `is_office`.
"""

from __future__ import annotations

from typing import NamedTuple

from django.core.exceptions import ValidationError

from .models import Nomination

Status = Nomination.Status


class Step(NamedTuple):
    statuses: frozenset[str]
    verb: str  # "Không thể {verb} khi hồ sơ đang ở trạng thái …"
    # Refusal once the nomination is in a decision (draft or issued); "" if that does not matter.
    in_decision: str = ""
    # The nominating unit's step: refused while the nomination is forwarded to the upper
    # body (decision 0077), whose office alone acts on it until it decides or returns it.
    unit: bool = False


def _step(statuses, verb: str, in_decision: str = "", *, unit: bool = False) -> Step:
    return Step(frozenset(statuses), verb, in_decision, unit)


def forwarded_text(nomination: Nomination) -> str:
    """Why the lower level only reads a forwarded nomination."""
    upper = nomination.issuer.name if nomination.issuer_id else "cấp trên"
    return (
        f"Hồ sơ đã trình {upper}: cấp dưới chỉ xem, không sửa, bổ sung hay rút được "
        "(trừ khi cấp trên trả lại)."
    )


STEPS: dict[str, Step] = {
    # the nominating unit
    "edit": _step({Status.DRAFT, Status.RETURNED}, "sửa", unit=True),
    # files may still be added while the office has the nomination, or it came back
    "add_file": _step(
        {Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.RESUBMITTED},
        "bổ sung hồ sơ",
        unit=True,
    ),
    # a file attached by mistake comes off while the unit may still edit the dossier
    "remove_file": _step({Status.DRAFT, Status.RETURNED}, "gỡ tệp", unit=True),
    "submit": _step({Status.DRAFT}, "gửi", unit=True),
    "resubmit": _step({Status.RETURNED}, "gửi lại", unit=True),
    "withdraw": _step(
        {
            Status.DRAFT,
            Status.SUBMITTED,
            Status.RETURNED,
            Status.RESUBMITTED,
            Status.APPRAISED,
            Status.PASSED,
            Status.FAILED,
        },
        "rút",
        "Hồ sơ đã nằm trong một quyết định khen thưởng, không rút được.",
        unit=True,
    ),
    # the standing office
    "appraise": _step({Status.SUBMITTED, Status.RESUBMITTED}, "thẩm định"),
    "put_on_agenda": _step({Status.APPRAISED}, "đưa ra Hội đồng"),
    # PASSED: the council passed it beyond the body's authority (or the upper body returned
    # it); FORWARDED: forwarded before decision 0077, when it stayed at this body, and now
    # handed over in the system
    "forward": _step(
        {Status.PASSED, Status.FORWARDED},
        "trình cấp trên",
        "Hồ sơ đã nằm trong một dự thảo quyết định.",
    ),
    # the office completes a dossier passed beyond its authority before forwarding it
    "add_file_office": _step(
        {Status.PASSED},
        "bổ sung hồ sơ trình cấp trên",
        "Hồ sơ đã nằm trong một dự thảo quyết định.",
    ),
    # the upper body's office sends a forwarded dossier back to the body that forwarded it
    "return_down": _step({Status.SUBMITTED, Status.RESUBMITTED}, "trả lại cấp dưới"),
    "add_to_decision": _step(
        {Status.PASSED},
        "đưa vào quyết định",
        "Hồ sơ {nomination} đã có trong một quyết định khác.",
    ),
    "decide": _step({Status.PASSED}, "ban hành quyết định"),
    # the council, and the public under notice
    "council_result": _step({Status.APPRAISED}, "ghi kết quả bình xét"),
    "comment": _step({Status.APPRAISED}, "gửi ý kiến"),
}


# What was decided stays as decided: once a nomination is decided, forwarded to the
# higher level or in the award register, these fields are no longer corrected.
FIXED_ONCE_SETTLED = (
    "award_type",
    "nominee_person",
    "nominee_unit",
    "nominee_household",
    "nominating_unit",
    "campaign",
    "year",
    "commendation_kind",
    "simplified",
)


def settled(nomination: Nomination) -> bool:
    """Decided, forwarded (left at the lower body before decision 0077, or handed to the
    upper body: what the lower council passed is what the upper one considers), or
    already in the award register (a grant)."""
    if nomination.status in (Status.DECIDED, Status.FORWARDED) or nomination.forwarded_from_id:
        return True
    from .models import AwardGrant

    return bool(nomination.pk) and AwardGrant.objects.filter(nomination_id=nomination.pk).exists()


def allows(nomination: Nomination, action: str) -> bool:
    """Whether the nomination's status (and its decision, if any) allows `action`."""
    step = STEPS[action]
    if nomination.status not in step.statuses:
        return False
    if step.unit and nomination.forwarded_from_id:
        return False
    if action == "return_down" and not nomination.forwarded_from_id:
        return False
    return not (step.in_decision and nomination.decision_id)


def require(nomination: Nomination, action: str) -> None:
    """ValidationError in Vietnamese unless the nomination allows `action`."""
    step = STEPS[action]
    if nomination.status not in step.statuses:
        raise ValidationError(
            f"Không thể {step.verb} khi hồ sơ đang ở trạng thái "
            f"“{nomination.get_status_display()}”."
        )
    if step.in_decision and nomination.decision_id:
        raise ValidationError(step.in_decision.format(nomination=nomination))
    if step.unit and nomination.forwarded_from_id:
        raise ValidationError(forwarded_text(nomination))
    if action == "return_down" and not nomination.forwarded_from_id:
        raise ValidationError(
            "Hồ sơ không do cấp dưới trình lên: trả lại đơn vị đề nghị bằng kết quả thẩm định."
        )


def statuses(action: str) -> frozenset[str]:
    """The statuses that allow `action` (for queries: the forms' choices, the lists)."""
    return STEPS[action].statuses
