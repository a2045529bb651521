"""Which parts of the awards workspace a user works in (for the menu), and each role's
pending awards work on the dashboard (the campaigns app's dashboard includes it through
the template, so campaigns never imports awards)."""

from django import template

from units.access import user_memberships
from units.models import Membership

from .. import selectors

register = template.Library()


@register.simple_tag
def roles_of(user) -> dict:
    """Which roles the user holds anywhere: read once per request (the menu, the awards
    tabs and the dashboard share it through the request's user object)."""
    roles = getattr(user, "_thidua_roles", None)
    if roles is not None:
        return roles
    if user.is_superuser:  # every role everywhere (units.access.bodies_with_role)
        roles = dict.fromkeys(("unit", "office", "council", "leader"), True)
    elif not user.is_authenticated:
        roles = dict.fromkeys(("unit", "office", "council", "leader"), False)
    else:
        held = set(
            user_memberships(user)
            .filter(unit__archived=False)
            .values_list("role", "unit__is_issuing_body")
        )
        roles = {
            "unit": any(role == Membership.Role.UNIT_STAFF for role, _ in held),
            "office": (Membership.Role.OFFICE_STAFF, True) in held,
            "council": any(role == Membership.Role.COUNCIL_MEMBER for role, _ in held),
            "leader": (Membership.Role.LEADER, True) in held,
        }
    user._thidua_roles = roles
    return roles


@register.inclusion_tag("awards/staff/_pending.html")
def awards_pending(user) -> dict:
    """The dashboard's awards panels, one per role the user holds."""
    roles = roles_of(user)
    office = selectors.office_pending(user) if roles["office"] else None
    return {
        "roles": roles,
        # the office's own drafts too (made from a bloc ranking, to send)
        "unit": selectors.unit_award_pending(user) if roles["unit"] or roles["office"] else None,
        "council": selectors.council_pending(user) if roles["council"] else None,
        "office": office,
        "leader": selectors.leader_pending(user, office) if roles["leader"] else None,
    }
