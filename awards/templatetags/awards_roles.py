"""Which parts of the awards workspace a user works in (for the menu), and each role's
pending awards work on the dashboard (the campaigns app's dashboard includes it through
the template, so campaigns never imports awards)."""

from django import template

from units.access import council_bodies, leader_bodies, office_bodies, unit_bodies

from .. import selectors

register = template.Library()


@register.simple_tag
def roles_of(user) -> dict:
    return {
        "unit": unit_bodies(user).exists(),
        "office": office_bodies(user).exists(),
        "council": council_bodies(user).exists(),
        "leader": leader_bodies(user).exists(),
    }


@register.inclusion_tag("awards/staff/_pending.html")
def awards_pending(user) -> dict:
    """The dashboard's awards panels, one per role the user holds."""
    roles = roles_of(user)
    return {
        "roles": roles,
        "unit": selectors.unit_award_pending(user) if roles["unit"] else None,
        "council": selectors.council_pending(user) if roles["council"] else None,
        "office": selectors.office_pending(user) if roles["office"] else None,
        "leader": selectors.leader_pending(user) if roles["leader"] else None,
    }
