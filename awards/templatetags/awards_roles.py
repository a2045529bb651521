"""Which parts of the awards workspace a user works in (for the menu)."""

from django import template

from units.access import council_bodies, office_bodies, unit_bodies

register = template.Library()


@register.simple_tag
def roles_of(user) -> dict:
    return {
        "unit": unit_bodies(user).exists(),
        "office": office_bodies(user).exists(),
        "council": council_bodies(user).exists(),
    }
