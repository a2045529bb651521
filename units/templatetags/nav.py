"""{% nav_section as section %}: the header section of this page (units/nav.py)."""

from django import template

from units.nav import section_of

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_section(context: template.Context) -> str:
    request = context.get("request")
    return section_of(getattr(request, "resolver_match", None))
