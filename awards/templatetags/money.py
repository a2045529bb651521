"""{{ amount|vnd }}: đồng with the Vietnamese thousands separator (1.800.000)."""

from django import template

from awards.money import vnd as vnd_text

register = template.Library()


@register.filter
def vnd(value) -> str:
    return vnd_text(value)
