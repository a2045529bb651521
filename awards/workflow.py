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


def _step(statuses, verb: str, in_decision: str = "") -> Step:
    return Step(frozenset(statuses), verb, in_decision)


STEPS: dict[str, Step] = {
    # the nominating unit
    "edit": _step({Status.DRAFT, Status.RETURNED}, "sửa"),
    # files may still be added while the office has the nomination, or it came back
    "add_file": _step(
        {Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.RESUBMITTED}, "bổ sung hồ sơ"
    ),
    # a file attached by mistake comes off while the unit may still edit the dossier
    "remove_file": _step({Status.DRAFT, Status.RETURNED}, "gỡ tệp"),
    "submit": _step({Status.DRAFT}, "gửi"),
    "resubmit": _step({Status.RETURNED}, "gửi lại"),
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
    ),
    # the standing office
    "appraise": _step({Status.SUBMITTED, Status.RESUBMITTED}, "thẩm định"),
    "put_on_agenda": _step({Status.APPRAISED}, "đưa ra Hội đồng"),
    "forward": _step(
        {Status.PASSED}, "trình cấp trên", "Hồ sơ đã nằm trong một dự thảo quyết định."
    ),
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
    """Decided, forwarded, or already in the award register (a grant)."""
    if nomination.status in (Status.DECIDED, Status.FORWARDED):
        return True
    from .models import AwardGrant

    return bool(nomination.pk) and AwardGrant.objects.filter(nomination_id=nomination.pk).exists()


def allows(nomination: Nomination, action: str) -> bool:
    """Whether the nomination's status (and its decision, if any) allows `action`."""
    step = STEPS[action]
    if nomination.status not in step.statuses:
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


def statuses(action: str) -> frozenset[str]:
    """The statuses that allow `action` (for queries: the forms' choices, the lists)."""
    return STEPS[action].statuses
